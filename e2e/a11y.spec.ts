import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { Editor } from './pages';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violation on the start screen, the editor and each dialog', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await expect(page.getByRole('button', { name: 'Blank pipeline' })).toBeVisible();
  expect(await seriousViolations(page), 'start screen').toEqual([]);

  await ed.openExample();
  await ed.selectTask('automl-image-training-job');
  expect(await seriousViolations(page), 'editor with the seed').toEqual([]);
  await ed.showPipelinePanel();
  expect(await seriousViolations(page), 'pipeline panel').toEqual([]);

  for (const [button, name] of [
    ['Commands', 'Command palette'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
    ['Share', 'Share'],
    ['Versions', 'Versions'],
    ['Run…', 'Run'],
    ['Help', 'Help'],
  ]) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    expect(await seriousViolations(page), `dialog ${name}`).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('the main flow by keyboard alone: add, wire, edit, export', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await expect(page.getByRole('button', { name: 'Blank pipeline' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Blank pipeline' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Add two components from the palette.
  await page.getByRole('searchbox', { name: 'Search components' }).focus();
  await page.keyboard.type('image dataset create');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('searchbox', { name: 'Search components' }).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('automl image training');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The new task is selected: wire its dataset input through the source chooser, by keyboard.
  const source = page.getByLabel('Source of dataset', { exact: true });
  await source.focus();
  await source.selectOption({ label: 'image-dataset-create.dataset' });
  await expect(ed.edges()).toHaveCount(1);
  await ed.inputField('display_name').focus();
  await page.keyboard.type('train');
  await page.keyboard.press('Tab');
  await ed.inputField('project').focus();
  await page.keyboard.type('my-project');
  await page.keyboard.press('Tab');
  // Export is blocked while the dataset task lacks its display name; the reason is announced.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('download json');
  const [blocked] = await Promise.all([page.waitForEvent('download', { timeout: 2000 }).catch(() => null), page.keyboard.press('Enter')]);
  expect(blocked).toBeNull();
  await expect(page.getByRole('alert').filter({ hasText: 'Export blocked' })).toBeVisible();
  // Go to the other task through the command palette, fill the field, export.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('select task image-dataset-create');
  await page.keyboard.press('Enter');
  await ed.inputField('display_name').focus();
  await page.keyboard.type('flowers');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('download json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const spec = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(spec.root.dag.tasks['automl-image-training-job'].inputs.artifacts.dataset.taskOutputArtifact.producerTask).toBe('image-dataset-create');
  expect(spec.root.dag.tasks['image-dataset-create'].inputs.parameters.display_name.runtimeValue.constant).toBe('flowers');
});

test('dark theme follows the system setting and stays readable', async ({ guarded: page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const bg = await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(41, 42, 45)');
  await ed.selectTask('model-deploy');
  expect(await seriousViolations(page), 'dark editor').toEqual([]);
});
