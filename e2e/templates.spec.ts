import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { Editor } from './pages';
import { GOLDEN_DIR, normalizeSpec, parseStrict } from '../src/test-support/golden';

test('a template opens from the start screen and exports exactly its golden', async ({ guarded: page }) => {
  const golden = resolve(GOLDEN_DIR, 'pipelines/pipeline-01-tabular-params.json');
  test.skip(!existsSync(golden), 'golden files are absent');
  const ed = new Editor(page);
  await ed.open();
  await expect(page.getByText('BigQuery ML: train, evaluate, predict')).toBeVisible();
  await page.getByRole('button', { name: 'Open template Tabular AutoML with typed parameters' }).click();
  await expect(ed.task('automl-tabular-training-job')).toBeVisible();
  const json = await ed.download('JSON');
  expect(normalizeSpec(parseStrict(json))).toEqual(normalizeSpec(parseStrict(readFileSync(golden, 'utf8'))));
});
