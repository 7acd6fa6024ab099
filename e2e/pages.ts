import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Page objects: the app driven the way a person does. */
export class Editor {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }
  async startBlank() {
    await this.page.getByRole('button', { name: 'Blank pipeline' }).click();
    await expect(this.page.locator('.react-flow')).toBeVisible();
  }
  async openExample() {
    await this.page.getByRole('button', { name: /Example: AutoML image/ }).click();
    await expect(this.page.getByTestId('task-model-deploy')).toBeVisible();
  }

  // ---- palette
  paletteItem(id: string): Locator {
    return this.page.getByTestId(`palette-item-${id}`);
  }
  async search(text: string) {
    const box = this.page.getByPlaceholder('Search components');
    await box.fill(text);
  }
  /** Drags a component from the palette onto the canvas at (x, y) relative to the canvas. */
  async dragComponent(id: string, x: number, y: number) {
    await this.search(id.split('.').pop()!);
    await this.paletteItem(id).dragTo(this.page.locator('.react-flow__pane'), { targetPosition: { x, y } });
    await this.search('');
  }

  // ---- canvas
  task(key: string): Locator {
    return this.page.getByTestId(`task-${key}`);
  }
  node(key: string): Locator {
    return this.page.locator('.react-flow__node', { has: this.task(key) });
  }
  handle(key: string, handleId: string): Locator {
    return this.node(key).locator(`[data-handleid="${handleId}"]`);
  }
  /** Draws a wire from an output handle to an input handle. */
  async connect(fromKey: string, output: string, toKey: string, input: string) {
    const from = this.handle(fromKey, `out:${output}`);
    const to = this.handle(toKey, `in:${input}`);
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }
  edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }
  async selectTask(key: string) {
    await this.task(key).click();
    await expect(this.page.getByRole('region', { name: `Task ${key}` })).toBeVisible();
  }

  // ---- inspector
  inputField(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }
  async setInput(name: string, value: string) {
    const field = this.inputField(name);
    await field.fill(value);
    await field.blur();
  }
  async bindToParameter(input: string, parameter: string) {
    await this.page.getByLabel(`Source of ${input}`, { exact: true }).selectOption({ label: parameter });
  }

  // ---- pipeline panel
  async showPipelinePanel() {
    await this.page.getByRole('button', { name: 'Pipeline', exact: true }).click();
    await expect(this.page.getByLabel('Pipeline name', { exact: true })).toBeVisible();
  }
  async addParameter(name: string, type: string, dflt?: string) {
    await this.page.getByRole('button', { name: 'Add parameter' }).click();
    const row = this.page.locator('.param-row').last();
    await row.getByLabel('Parameter name', { exact: true }).fill(name);
    await row.getByLabel('Parameter type', { exact: true }).selectOption(type);
    if (dflt !== undefined) await row.getByLabel('Parameter default', { exact: true }).fill(dflt);
  }

  // ---- export
  async download(format: 'JSON' | 'YAML'): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    return readDownload(download);
  }
}

async function readDownload(d: Download): Promise<string> {
  const path = await d.path();
  return readFileSync(path, 'utf8');
}
