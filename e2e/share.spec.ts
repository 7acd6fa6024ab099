import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { Editor } from './pages';

test('a share link opens the same pipeline in a fresh browser', async ({ guarded: page, browser }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const before = await ed.download('JSON');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel(/Link to this pipeline/).inputValue();
  expect(link).toContain('#doc=');

  const other = await browser.newContext({ acceptDownloads: true });
  const page2 = await other.newPage();
  await page2.goto(link);
  const ed2 = new Editor(page2);
  await expect(ed2.task('model-deploy')).toBeVisible();
  expect(await ed2.download('JSON')).toBe(before);
  expect(page2.url()).not.toContain('#doc=');
  // A damaged link is refused with a message.
  await page2.goto(link.slice(0, link.length - 40).replace('#doc=', '#doc=x'));
  await page2.reload();
  await expect(page2.getByRole('alert').filter({ hasText: 'shared link' })).toBeVisible();
  await other.close();
});

test('the diagram downloads as SVG and PNG with its title', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.getByRole('button', { name: 'Share' }).click();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svg.suggestedFilename()).toBe('automl-image-training-v2.svg');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('automl-image-training-v2');
  expect(svgText).toContain('model-deploy');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('the problems panel lists diagnostics and leads to the field; a secret gets a warning', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await ed.selectTask('endpoint-create');
  await ed.setInput('display_name', '');
  await ed.inputField('labels').fill('{"key": "AKIAIOSFODNN7EXAMPLE"}');
  await expect(page.getByText('labels looks like an AWS access key').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click();
  await page.getByRole('button', { name: /Problems: 1 error, 1 warning/ }).click();
  const list = page.getByRole('list', { name: 'Problems' });
  await expect(list).toContainText('MISSING_REQUIRED_INPUT');
  await expect(list).toContainText('SECRET_IN_CONSTANT');
  await list.getByRole('button', { name: /MISSING_REQUIRED_INPUT/ }).click();
  await expect(page.getByRole('region', { name: 'Task endpoint-create' })).toBeVisible();
  await expect(ed.inputField('display_name')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
});
