import { expect, test } from './fixtures';
import { Editor } from './pages';

test('named versions: save, compare (list and canvas), restore and undo the restore; exports keep a version', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const original = await ed.download('JSON');

  await page.getByRole('button', { name: 'Versions' }).click();
  await page.getByLabel('Version name').fill('as in the guide');
  await page.getByRole('button', { name: 'Save version' }).click();
  const versions = page.getByRole('list', { name: 'Saved versions' });
  await expect(versions).toContainText('as in the guide');
  await expect(versions).toContainText('Exported JSON');
  await page.keyboard.press('Escape');

  await ed.selectTask('endpoint-create');
  await ed.setInput('display_name', 'changed-endpoint');
  await page.getByRole('button', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Compare as in the guide with the current pipeline' }).click();
  const diff = page.getByRole('region', { name: 'Differences' });
  await expect(diff).toContainText('endpoint-create.display_name: "create-endpoint" → "changed-endpoint"');
  await expect(page.locator('.react-flow__node.diff-changed')).toHaveCount(1);

  await page.getByRole('button', { name: 'Restore as in the guide' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node.diff-changed')).toHaveCount(0);
  expect(await ed.download('JSON')).toBe(original);
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  const undone = JSON.parse(await ed.download('JSON'));
  expect(undone.root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant).toBe('changed-endpoint');
});
