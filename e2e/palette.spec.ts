import { expect, test } from './fixtures';
import { Editor } from './pages';

test('a component is found by search and added with the keyboard alone', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  const search = page.getByRole('searchbox', { name: 'Search components' });
  await search.focus();
  await page.keyboard.type('endpoint create');
  await expect(ed.paletteItem('v1.endpoint.EndpointCreateOp')).toBeVisible();
  await expect(ed.paletteItem('v1.endpoint.ModelDeployOp')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(ed.paletteItem('v1.endpoint.EndpointCreateOp')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ed.task('endpoint-create')).toBeVisible();
  // The new task is selected; Escape goes back to the pipeline panel.
  await expect(page.getByRole('region', { name: 'Task endpoint-create' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Pipeline name', { exact: true })).toBeVisible();
});
