import { expect, test } from './fixtures';
import { Editor } from './pages';

test('the spec view and the canvas are linked both ways; placeholders explain themselves', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const spec = page.getByTestId('spec-view');
  await expect(spec.locator('.view-line').first()).toBeVisible();

  // Selecting a task reveals and highlights its entries.
  await ed.selectTask('endpoint-create');
  await expect(spec.locator('.spec-linked').first()).toBeVisible();
  const taskLine = spec.locator('.view-line', { hasText: '"endpoint-create": {' });
  await expect(taskLine).toBeVisible();

  // Clear the selection, then click in the spec: the task is selected again.
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByLabel('Pipeline name', { exact: true })).toBeVisible();
  await taskLine.click();
  await expect(page.getByRole('region', { name: 'Task endpoint-create' })).toBeVisible();

  // Hover over a placeholder in the executor.
  await ed.selectTask('model-deploy');
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  await spec.click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type("{{$.outputs.parameters['gcp_resources'].output_file}}");
  await page.keyboard.press('Escape');
  const placeholder = spec.locator('.view-line span', { hasText: 'output_file' }).first();
  await placeholder.hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'gcp_resources' }).first()).toBeVisible();
});
