import { expect, test } from './fixtures';
import { Editor } from './pages';

test('a reload and a reopened tab bring back exactly the pipeline that was open', async ({ guarded: page, context }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await ed.selectTask('endpoint-create');
  await ed.setInput('display_name', 'edited-before-reload');
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  const before = await ed.download('JSON');

  await page.reload();
  await expect(ed.task('model-deploy')).toBeVisible();
  expect(await ed.download('JSON')).toBe(before);

  // Close the tab and open the app again.
  await page.close();
  const again = await context.newPage();
  const ed2 = new Editor(again);
  await ed2.open();
  await expect(ed2.task('model-deploy')).toBeVisible();
  expect(await ed2.download('JSON')).toBe(before);
});

test('undo and redo of document changes with the keyboard and the toolbar', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const original = await ed.download('JSON');
  await ed.selectTask('endpoint-create');
  const field = ed.inputField('display_name');
  await field.fill('typed-in-one-step');
  await field.press('Tab');
  await page.getByRole('button', { name: 'Delete task' }).click();
  await expect(ed.task('endpoint-create')).toHaveCount(0);

  // Focus on the canvas: Ctrl+Z undoes the delete, then the typing (one step).
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  await expect(ed.task('endpoint-create')).toBeVisible();
  const typed = JSON.parse(await ed.download('JSON'));
  expect(typed.root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant).toBe('typed-in-one-step');
  await page.keyboard.press('Control+z');
  expect(await ed.download('JSON')).toBe(original);
  await page.keyboard.press('Control+Shift+z');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(ed.task('endpoint-create')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(ed.task('endpoint-create')).toBeVisible();
});

test('a second tab on the same pipeline is read-only, follows the first, and can take over', async ({ guarded: page, context }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await expect(page.getByText('Saved in this browser')).toBeVisible();

  const second = await context.newPage();
  const ed2 = new Editor(second);
  await ed2.open();
  await expect(ed2.task('model-deploy')).toBeVisible();
  await expect(second.getByText('Read-only: open in another tab')).toBeVisible();

  // The read-only tab offers no editing: fields are disabled, a delete key is refused with a message.
  await ed2.selectTask('endpoint-create');
  await expect(ed2.inputField('display_name')).toBeDisabled();
  await ed2.task('endpoint-create').click();
  await second.keyboard.press('Delete');
  await expect(second.getByRole('alert').filter({ hasText: 'read-only' })).toBeVisible();
  await expect(ed2.task('endpoint-create')).toBeVisible();

  // An edit in the first tab reaches the second.
  await ed.selectTask('endpoint-create');
  await ed.setInput('display_name', 'from-first-tab');
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await expect
    .poll(async () => JSON.parse(await ed2.download('JSON')).root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant)
    .toBe('from-first-tab');

  // Take over: the second tab edits, the first becomes read-only; no change is lost.
  await second.getByRole('button', { name: 'Edit here' }).click();
  await expect(page.getByText('Read-only: open in another tab')).toBeVisible();
  await expect(second.getByText('Read-only: open in another tab')).toHaveCount(0);
  await ed2.selectTask('endpoint-create');
  await ed2.setInput('display_name', 'second-now-edits');
  await expect(second.getByText('Saved in this browser')).toBeVisible();
  await expect
    .poll(async () => JSON.parse(await ed.download('JSON')).root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant)
    .toBe('second-now-edits');
});

test('a full disk is reported and the work stays exportable', async ({ guarded: page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((globalThis as { failWrites?: boolean }).failWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.evaluate(() => ((globalThis as { failWrites?: boolean }).failWrites = true));
  await ed.selectTask('endpoint-create');
  await ed.setInput('display_name', 'not-saved-anywhere');
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible();
  await expect(page.getByText('Not saved')).toBeVisible();
  const spec = JSON.parse(await ed.download('JSON'));
  expect(spec.root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant).toBe('not-saved-anywhere');
});

test('the start screen lists saved pipelines; delete can be undone', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.getByRole('button', { name: 'Pipeline Canvas' }).click();
  const table = page.getByRole('table', { name: 'Your pipelines' });
  await expect(table).toContainText('automl-image-training-v2');
  await page.getByRole('button', { name: 'Duplicate automl-image-training-v2' }).click();
  await expect(table).toContainText('automl-image-training-v2-copy');
  await page.getByRole('button', { name: 'Delete automl-image-training-v2-copy' }).click();
  await expect(table).not.toContainText('automl-image-training-v2-copy');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(table).toContainText('automl-image-training-v2-copy');
  await page.getByRole('button', { name: 'automl-image-training-v2', exact: true }).click();
  await expect(ed.task('model-deploy')).toBeVisible();
});
