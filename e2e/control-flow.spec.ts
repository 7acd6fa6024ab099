import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { Editor } from './pages';
import { GOLDEN_DIR, normalizeSpec, parseStrict } from '../src/test-support/golden';

const golden = (name: string) => resolve(GOLDEN_DIR, `pipelines/${name}.json`);
const FLOWERS_CSV = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMAGE_SCHEMA = 'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';

test('a person builds pipeline-04a (ParallelFor over a list parameter) by hand', async ({ guarded: page }) => {
  test.skip(!existsSync(golden('pipeline-04a-parallelfor-param')), 'golden files are absent');
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  await ed.showPipelinePanel();
  await page.getByLabel('Pipeline name', { exact: true }).fill('parallel-dataset-create');
  await page.getByLabel('Pipeline root', { exact: true }).fill('gs://my-bucket/pipeline-root');
  await ed.addParameter('project_id', 'STRING');
  await ed.addParameter('display_names', 'LIST', '["flowers-a", "flowers-b", "flowers-c"]');

  // A loop group from the palette, over the list parameter, two at a time.
  await page.getByTestId('palette-item-kfp.loop').click();
  const loopPanel = page.getByRole('region', { name: /Group for-loop/ });
  await expect(loopPanel).toBeVisible();
  await loopPanel.getByLabel('Items').selectOption({ label: 'parameter display_names' });
  await loopPanel.getByLabel('At most at the same time').fill('2');

  // Drag the dataset step into the loop.
  const box = (await page.locator('.group-node').first().boundingBox())!;
  await ed.search('ImageDatasetCreateOp');
  await ed.paletteItem('v1.dataset.ImageDatasetCreateOp').dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x: box.x + 60 - (await page.locator('.react-flow__pane').boundingBox())!.x, y: box.y + 70 - (await page.locator('.react-flow__pane').boundingBox())!.y },
  });
  await ed.search('');
  await ed.selectTask('image-dataset-create');
  await ed.bindToParameter('project', 'project_id');
  await page.getByLabel('Source of display_name', { exact: true }).selectOption({ label: 'item of loop' });
  await ed.setInput('gcs_source', FLOWERS_CSV);
  await ed.setInput('import_schema_uri', IMAGE_SCHEMA);

  const json = await ed.download('JSON');
  expect(normalizeSpec(parseStrict(json))).toEqual(normalizeSpec(parseStrict(readFileSync(golden('pipeline-04a-parallelfor-param'), 'utf8'))));
});
