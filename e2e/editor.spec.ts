import { expect, test } from './fixtures';
import { Editor } from './pages';

test('copy three tasks, paste into a new pipeline: the wires between them are kept', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  // Shift-click three tasks.
  await ed.task('automl-image-training-job').click();
  await ed.task('endpoint-create').click({ modifiers: ['Shift'] });
  await ed.task('model-deploy').click({ modifiers: ['Shift'] });
  await expect(page.getByRole('heading', { name: '3 tasks selected' })).toBeVisible();
  await page.keyboard.press('Control+c');

  // A new pipeline, then paste.
  await page.getByRole('button', { name: 'Pipeline Canvas' }).click();
  await page.getByRole('button', { name: 'Blank pipeline' }).click();
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+v');
  for (const key of ['automl-image-training-job', 'endpoint-create', 'model-deploy']) await expect(ed.task(key)).toBeVisible();
  await expect(ed.edges()).toHaveCount(2);
  await ed.showPipelinePanel();
  await expect(page.getByLabel('Parameter name', { exact: true })).toHaveValue('project_id');
});

test('paste of something that is not a pipeline is refused and changes nothing', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const before = await ed.download('JSON');
  await page.locator('.react-flow__pane').click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '{"tasks": [{"__proto__": {"x": 1}}]}');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByRole('alert').filter({ hasText: 'clipboard' })).toBeVisible();
  expect(await ed.download('JSON')).toBe(before);
});

test('select all, duplicate, delete and undo; the command palette and the shortcut list', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('heading', { name: '4 tasks selected' })).toBeVisible();
  await page.keyboard.press('Control+d');
  await expect(ed.task('model-deploy-2')).toBeVisible();
  await expect(ed.edges()).toHaveCount(6);
  await page.keyboard.press('Delete');
  await expect(ed.task('model-deploy-2')).toHaveCount(0);
  await expect(ed.task('model-deploy')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(ed.task('model-deploy-2')).toBeVisible();

  // Command palette: add a component by name.
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('add component batch prediction');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(ed.task('model-batch-predict')).toBeVisible();

  // Tidy up through the palette lays tasks out without overlap.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('tidy');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => {
      const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      return boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
    })
    .toBe(false);

  // "?" shows the shortcuts.
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Z');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
