import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GOLDEN_DIR } from '../src/test-support/golden';
import { expect, test } from './fixtures';
import { Editor } from './pages';
import { normalizeSpec, parseStrict } from '../src/test-support/golden';

const GOLDEN = resolve(GOLDEN_DIR, 'seed-automl-image.json');
const haveGolden = existsSync(GOLDEN);
if (!haveGolden) console.warn(`NOTICE: ${GOLDEN} is absent; the golden comparison is skipped.`);
const golden = () => normalizeSpec(parseStrict(readFileSync(GOLDEN, 'utf8')));

test('a person builds the seed pipeline by hand and downloads exactly what KFP compiles', async ({ guarded: page }) => {
  test.skip(!haveGolden, 'golden files are absent');
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();

  // Four components dragged from the palette.
  await ed.dragComponent('v1.dataset.ImageDatasetCreateOp', 60, 120);
  await ed.dragComponent('v1.automl.training_job.AutoMLImageTrainingJobRunOp', 420, 40);
  await ed.dragComponent('v1.endpoint.EndpointCreateOp', 420, 600);
  await ed.dragComponent('v1.endpoint.ModelDeployOp', 840, 320);
  for (const key of ['image-dataset-create', 'automl-image-training-job', 'endpoint-create', 'model-deploy'])
    await expect(ed.task(key)).toBeVisible();

  // Wires.
  await ed.connect('image-dataset-create', 'dataset', 'automl-image-training-job', 'dataset');
  await ed.connect('automl-image-training-job', 'model', 'model-deploy', 'model');
  await ed.connect('endpoint-create', 'endpoint', 'model-deploy', 'endpoint');
  await expect(ed.edges()).toHaveCount(3);

  // The pipeline: name, root and the project_id parameter.
  await ed.showPipelinePanel();
  await page.getByLabel('Pipeline name', { exact: true }).fill('automl-image-training-v2');
  await page.getByLabel('Pipeline root', { exact: true }).fill('gs://my-bucket/pipeline-root');
  await ed.addParameter('project_id', 'STRING');

  // Parameters of each task.
  await ed.selectTask('image-dataset-create');
  await ed.bindToParameter('project', 'project_id');
  await ed.setInput('display_name', 'flowers');
  await ed.setInput('gcs_source', 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv');
  await ed.setInput(
    'import_schema_uri',
    'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml',
  );

  await ed.selectTask('automl-image-training-job');
  await ed.bindToParameter('project', 'project_id');
  await ed.setInput('display_name', 'train-iris-automl-mbsdk-1');
  await ed.setInput('prediction_type', 'classification');
  await ed.setInput('model_type', 'CLOUD');
  await ed.setInput('model_display_name', 'iris-classification-model-mbsdk');
  await ed.setInput('training_fraction_split', '0.6');
  await ed.setInput('validation_fraction_split', '0.2');
  await ed.setInput('test_fraction_split', '0.2');
  await ed.setInput('budget_milli_node_hours', '8000');

  await ed.selectTask('endpoint-create');
  await ed.bindToParameter('project', 'project_id');
  await ed.setInput('display_name', 'create-endpoint');

  await ed.selectTask('model-deploy');
  await ed.setInput('automatic_resources_min_replica_count', '1');
  await ed.setInput('automatic_resources_max_replica_count', '1');

  const json = await ed.download('JSON');
  expect(normalizeSpec(parseStrict(json))).toEqual(golden());
  const yaml = await ed.download('YAML');
  expect(yaml.startsWith('# PIPELINE DEFINITION\n# Name: automl-image-training-v2\n')).toBe(true);
  expect(normalizeSpec(parseStrict(yaml))).toEqual(golden());
});

test('a refused connection says why and leaves the pipeline unchanged', async ({ guarded: page }) => {
  test.skip(!haveGolden, 'golden files are absent');
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await expect(ed.edges()).toHaveCount(3);
  const before = await ed.download('JSON');

  // An endpoint is not a dataset.
  await ed.connect('endpoint-create', 'endpoint', 'automl-image-training-job', 'dataset');
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot connect' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('google.VertexEndpoint');
  await expect(alert).toContainText('google.VertexDataset');
  await expect(ed.edges()).toHaveCount(3);
  const after = await ed.download('JSON');
  expect(after).toBe(before);
  expect(normalizeSpec(parseStrict(after))).toEqual(golden());
});
