import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { Editor } from './pages';
import { GOLDEN_DIR, normalizeSpec, parseStrict } from '../src/test-support/golden';

test('a saved document compiles on the command line to the same spec as the app exports', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save document' }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'pc-e2e-'));
  const docPath = join(dir, 'seed.pipeline-canvas.json');
  await download.saveAs(docPath);
  const appJson = await ed.download('JSON');

  const outPath = join(dir, 'out.json');
  execFileSync('node', [resolve('bin/pipeline-canvas.mjs'), 'compile', docPath, '-o', outPath]);
  const cliJson = readFileSync(outPath, 'utf8');
  expect(cliJson).toBe(appJson);
  const golden = resolve(GOLDEN_DIR, 'seed-automl-image.json');
  if (existsSync(golden))
    expect(normalizeSpec(parseStrict(cliJson))).toEqual(normalizeSpec(parseStrict(readFileSync(golden, 'utf8'))));
});

test('opening a broken document says what is wrong and keeps the current pipeline', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const before = await ed.download('JSON');
  const dir = mkdtempSync(join(tmpdir(), 'pc-e2e-'));
  const bad = join(dir, 'broken.json');
  writeFileSync(bad, '{"format": "pipeline-canvas", "version": 1, "name": "x", "tasks": [');
  await page.getByLabel('Open document file').setInputFiles(bad);
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toBeVisible();
  await expect(ed.task('model-deploy')).toBeVisible();
  expect(await ed.download('JSON')).toBe(before);
});
