import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { Editor } from './pages';
import { GOLDEN_DIR, normalizeSpec, parseStrict } from '../src/test-support/golden';

const GOLDEN = resolve(GOLDEN_DIR, 'seed-automl-image.json');

test('a first-time visitor follows the guided tour to the seed pipeline', async ({ guarded: page }) => {
  test.skip(!existsSync(GOLDEN), 'golden files are absent');
  let gestures = 0;
  const g = async <T>(p: Promise<T>) => {
    gestures++;
    return p;
  };
  const ed = new Editor(page);
  await ed.open();
  const tour = page.getByRole('complementary', { name: 'Guided tour' });
  await g(page.getByRole('button', { name: 'Take the guided tour' }).click());
  await expect(tour).toContainText('Step 1 of 8');

  for (const name of ['Image dataset create', 'AutoML image training', 'Endpoint create', 'Model deploy'])
    await g(tour.getByRole('button', { name }).click());
  await expect(tour).toContainText('Step 2 of 8');

  await g(ed.connect('image-dataset-create', 'dataset', 'automl-image-training-job', 'dataset'));
  await g(ed.connect('automl-image-training-job', 'model', 'model-deploy', 'model'));
  await g(ed.connect('endpoint-create', 'endpoint', 'model-deploy', 'endpoint'));
  await expect(tour).toContainText('Step 3 of 8');

  await g(tour.getByRole('button', { name: 'Type the example values for me' }).click());
  await expect(tour).toContainText('Step 4 of 8');

  await g(page.keyboard.press('Escape'));
  await g(page.getByRole('button', { name: 'Add parameter' }).click());
  await g(page.getByLabel('Parameter name', { exact: true }).fill('project_id'));
  await expect(tour).toContainText('Step 5 of 8');

  for (const key of ['image-dataset-create', 'automl-image-training-job', 'endpoint-create']) {
    await g(ed.task(key).click());
    await g(ed.bindToParameter('project', 'project_id'));
  }
  await expect(tour).toContainText('Step 6 of 8');

  await g(page.keyboard.press('Escape'));
  await g(page.getByLabel('Pipeline name', { exact: true }).fill('automl-image-training-v2'));
  await g(page.getByLabel('Pipeline root', { exact: true }).fill('gs://my-bucket/pipeline-root'));
  await expect(tour).toContainText('Step 7 of 8');

  await g(page.getByRole('button', { name: 'YAML', exact: true }).click());
  await expect(tour).toContainText('Step 8 of 8');

  const json = await g(ed.download('JSON'));
  await expect(tour).toContainText('You built a pipeline');
  expect(normalizeSpec(parseStrict(json))).toEqual(normalizeSpec(parseStrict(readFileSync(GOLDEN, 'utf8'))));
  console.log(`TOUR GESTURES: ${gestures} (goal ≤ 25)`);
  expect(gestures).toBeLessThanOrEqual(25);

  // The tour can be restarted from Help; the invitation does not come back.
  await g(page.getByRole('button', { name: 'Finish the tour' }).click());
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(page.getByRole('dialog', { name: 'Help' })).toContainText('Exit handler');
  await page.getByRole('button', { name: 'Start the guided tour' }).click();
  await expect(tour).toContainText('Step 1 of 8');
  await tour.getByRole('button', { name: 'Skip the tour' }).click();
  await expect(tour).toHaveCount(0);
  await page.getByRole('button', { name: 'Pipeline Canvas' }).click();
  await expect(page.getByRole('button', { name: 'Take the guided tour' })).toHaveCount(0);
});
