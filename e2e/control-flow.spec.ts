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

test('a person builds pipeline-03a (If / Elif / Else with a container step) by hand', async ({ guarded: page }) => {
  test.skip(!existsSync(golden('pipeline-03a-if-elif-else')), 'golden files are absent');
  const ed = new Editor(page);
  const pane = page.locator('.react-flow__pane');
  const paneAt = async (x: number, y: number) => {
    const b = (await pane.boundingBox())!;
    return { x: x - b.x, y: y - b.y };
  };
  await ed.open();
  await ed.startBlank();
  await ed.showPipelinePanel();
  await page.getByLabel('Pipeline name', { exact: true }).fill('automl-image-conditional-deploy');
  await page.getByLabel('Pipeline root', { exact: true }).fill('gs://my-bucket/pipeline-root');
  await ed.addParameter('project_id', 'STRING');
  await ed.addParameter('deploy_mode', 'STRING', 'dedicated');

  // The three steps before the decision, at the top of the canvas.
  await ed.dragComponent('v1.dataset.ImageDatasetCreateOp', 20, 20);
  await ed.dragComponent('v1.automl.training_job.AutoMLImageTrainingJobRunOp', 360, 20);
  await ed.dragComponent('v1.endpoint.EndpointCreateOp', 760, 20);
  await ed.connect('image-dataset-create', 'dataset', 'automl-image-training-job', 'dataset');
  await ed.selectTask('image-dataset-create');
  await ed.bindToParameter('project', 'project_id');
  await ed.setInput('display_name', 'flowers');
  await ed.setInput('gcs_source', FLOWERS_CSV);
  await ed.setInput('import_schema_uri', IMAGE_SCHEMA);
  await ed.selectTask('automl-image-training-job');
  await ed.bindToParameter('project', 'project_id');
  await ed.setInput('display_name', 'train-flowers');
  await ed.setInput('prediction_type', 'classification');
  await ed.setInput('model_type', 'CLOUD');
  await ed.setInput('budget_milli_node_hours', '8000');
  await ed.selectTask('endpoint-create');
  await ed.bindToParameter('project', 'project_id');
  await ed.setInput('display_name', 'create-endpoint');

  // A container component of our own for the Else branch.
  await page.getByRole('button', { name: 'New container component…' }).click();
  const editor = page.getByRole('dialog', { name: 'New container component' });
  await editor.getByLabel('Component name').fill('skip-deploy');
  await editor.getByLabel('Image').fill('alpine:3.19');
  await editor.getByLabel('Inputs').fill('reason: STRING');
  await editor.getByLabel('Command').fill('echo');
  await editor.getByLabel('Arguments').fill('{{input:reason}}');
  await editor.getByRole('button', { name: 'Save component' }).click();
  await expect(editor).toHaveCount(0);

  // If / Elif / Else below them: two branches come with it, an Elif is added before the Else.
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('palette-item-kfp.branches').click();
  const branches = page.getByRole('region', { name: /Group condition-branches/ });
  await branches.getByRole('button', { name: 'Add Elif' }).click();
  const conditions = page.locator('.group-condition');
  await expect(conditions).toHaveCount(3);

  const setCondition = async (index: number, name: string, value?: string) => {
    await conditions.nth(index).locator('.group-head').click();
    const panel = page.getByRole('region', { name: /Group condition-\d/ });
    await panel.getByLabel('Group name').fill(name);
    if (value !== undefined) {
      await panel.getByLabel('Value to test').selectOption({ label: 'parameter deploy_mode' });
      await panel.getByLabel('Compare with').fill(value);
    }
  };
  await setCondition(0, 'deploy-dedicated', 'dedicated');
  await setCondition(1, 'deploy-automatic', 'automatic');
  await setCondition(2, 'no-deploy');

  // One step into each branch.
  const dropInto = async (index: number, id: string) => {
    const b = (await conditions.nth(index).boundingBox())!;
    await ed.search(id.split('.').pop()!);
    await ed.paletteItem(id).dragTo(pane, { targetPosition: await paneAt(b.x + 40, b.y + 60) });
    await ed.search('');
  };
  await dropInto(0, 'v1.endpoint.ModelDeployOp');
  await dropInto(1, 'v1.endpoint.ModelDeployOp');
  // Fit the view so the third branch is on screen, then drop our own component into it.
  await pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  await page.waitForTimeout(400);
  const b2 = (await conditions.nth(2).boundingBox())!;
  await page.getByTestId('palette-item-custom.skip-deploy').dragTo(pane, { targetPosition: await paneAt(b2.x + 30, b2.y + 50) });
  await expect(ed.task('skip-deploy')).toBeVisible();

  for (const key of ['model-deploy', 'model-deploy-2']) {
    await ed.selectTask(key);
    await page.getByLabel('Source of model', { exact: true }).selectOption({ label: 'automl-image-training-job.model' });
    await page.getByLabel('Source of endpoint', { exact: true }).selectOption({ label: 'endpoint-create.endpoint' });
  }
  await ed.selectTask('model-deploy');
  await ed.setInput('dedicated_resources_machine_type', 'n1-standard-4');
  await ed.setInput('dedicated_resources_min_replica_count', '1');
  await ed.setInput('dedicated_resources_max_replica_count', '1');
  await ed.selectTask('model-deploy-2');
  await ed.setInput('automatic_resources_min_replica_count', '1');
  await ed.setInput('automatic_resources_max_replica_count', '2');
  await ed.selectTask('skip-deploy');
  await ed.setInput('reason', 'deploy_mode is neither dedicated nor automatic');

  const json = await ed.download('JSON');
  expect(normalizeSpec(parseStrict(json))).toEqual(normalizeSpec(parseStrict(readFileSync(golden('pipeline-03a-if-elif-else'), 'utf8'))));
});

test('a compiled component file becomes a palette entry; the engine check warns per engine', async ({ guarded: page }) => {
  const file = resolve(GOLDEN_DIR, 'large/component.custom.tiny.yaml');
  test.skip(!existsSync(file), 'golden files are absent');
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.getByLabel('Load component file').setInputFiles(file);
  await expect(page.getByTestId(/palette-item-custom\.tiny/)).toBeVisible();
  await page.getByTestId(/palette-item-custom\.tiny/).click();
  await expect(ed.task('tiny')).toBeVisible();
  await ed.setInput('msg', 'hello');
  const spec = JSON.parse(await ed.download('JSON'));
  expect(spec.deploymentSpec.executors['exec-tiny'].container.image).toBe('alpine');
  expect(spec.root.dag.tasks.tiny.inputs.parameters.msg).toEqual({ runtimeValue: { constant: 'hello' } });

  await ed.showPipelinePanel();
  await page.getByLabel('Target engine').selectOption('kfp');
  await page.getByRole('button', { name: /Problems:/ }).click();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('ENGINE_GCPC_ON_KFP');
});

test('an incomplete group says what is missing on the group and blocks export until fixed', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const before = await ed.download('JSON');
  await page.getByTestId('palette-item-kfp.condition').click();
  const panel = page.getByRole('region', { name: /Group condition-1/ });
  await expect(panel.locator('.problems')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
  await expect(page.locator('.group-node.has-error')).toHaveCount(1);
  await page.getByTestId('palette-item-kfp.exitHandler').click();
  const exitPanel = page.getByRole('region', { name: /Group exit-handler/ });
  await expect(exitPanel.locator('.problems')).not.toBeEmpty();
  // Removing the groups brings back the export, unchanged.
  await exitPanel.getByRole('button', { name: 'Remove group (keep its tasks)' }).click();
  await page.locator('.group-node .group-head').first().click();
  await page.getByRole('button', { name: 'Remove group (keep its tasks)' }).click();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeEnabled();
  expect(await ed.download('JSON')).toBe(before);
});
