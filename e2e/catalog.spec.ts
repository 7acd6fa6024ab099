import { expect, test } from './fixtures';
import { Editor } from './pages';

/** Adds a component with the keyboard only: focus search, type, arrow down, Enter. */
async function addByKeyboard(ed: Editor, text: string, id: string) {
  const search = ed.page.getByRole('searchbox', { name: 'Search components' });
  await search.focus();
  await search.fill('');
  await ed.page.keyboard.type(text);
  await expect(ed.paletteItem(id)).toBeVisible();
  await ed.page.keyboard.press('ArrowDown');
  while (!(await ed.paletteItem(id).evaluate((el) => el === document.activeElement))) await ed.page.keyboard.press('ArrowDown');
  // The inputs and outputs are shown before the component is added.
  await expect(ed.page.getByRole('region', { name: 'Component details' })).toContainText(id);
  await ed.page.keyboard.press('Enter');
}

test('a BigQuery ML model is found by name, added by keyboard and wired by type', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();

  await addByKeyboard(ed, 'bigquery create model', 'v1.bigquery.BigqueryCreateModelJobOp');
  await expect(ed.task('bigquery-create-model-job')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Component details' })).toContainText('google.BQMLModel');
  await addByKeyboard(ed, 'evaluate model', 'v1.bigquery.BigqueryEvaluateModelJobOp');
  await expect(ed.task('bigquery-evaluate-model-job')).toBeVisible();
  await addByKeyboard(ed, 'model deploy', 'v1.endpoint.ModelDeployOp');
  await expect(ed.task('model-deploy')).toBeVisible();

  // A BQML model feeds a BQML model input.
  await ed.connect('bigquery-create-model-job', 'model', 'bigquery-evaluate-model-job', 'model');
  await expect(ed.edges()).toHaveCount(1);

  // But not a Vertex AI model input: the refusal names both types.
  await ed.connect('bigquery-create-model-job', 'model', 'model-deploy', 'model');
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot connect' });
  await expect(alert).toContainText('google.BQMLModel');
  await expect(alert).toContainText('google.VertexModel');
  await expect(ed.edges()).toHaveCount(1);

  // The legend names the artifact types.
  await page.getByRole('button', { name: 'Types' }).click();
  const legend = page.getByRole('list', { name: 'Type legend' });
  for (const t of ['google.BQMLModel', 'google.BQTable', 'google.VertexDataset', 'google.VertexModel', 'system.Artifact'])
    await expect(legend).toContainText(t);

  // Fill the required query and export: the wire is in the spec.
  await ed.selectTask('bigquery-create-model-job');
  await ed.setInput('query', 'CREATE MODEL `ds.m` OPTIONS(model_type="linear_reg") AS SELECT 1 AS label');
  await ed.selectTask('model-deploy');
  await page.getByRole('button', { name: 'Delete task' }).click();
  await expect(ed.task('model-deploy')).toHaveCount(0);
  const spec = JSON.parse(await ed.download('JSON'));
  expect(spec.root.dag.tasks['bigquery-evaluate-model-job'].inputs.artifacts.model).toEqual({
    taskOutputArtifact: { outputArtifactKey: 'model', producerTask: 'bigquery-create-model-job' },
  });
  expect(spec.root.dag.tasks['bigquery-evaluate-model-job'].dependentTasks).toEqual(['bigquery-create-model-job']);
});

test('task options: display name, caching, retry with backoff and run-after', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await ed.selectTask('endpoint-create');
  await page.getByLabel('Display name', { exact: true }).fill('Create endpoint (after dataset)');
  await page.getByLabel('Retries', { exact: true }).selectOption('3');
  await page.getByLabel('Backoff (s)', { exact: true }).fill('60');
  await page.getByLabel('Run after', { exact: true }).selectOption({ label: 'image-dataset-create' });
  await expect(page.locator('.react-flow__edge.after-edge')).toHaveCount(1);
  await ed.selectTask('image-dataset-create');
  await page.getByLabel('Cache results').uncheck();

  const spec = JSON.parse(await ed.download('JSON'));
  const endpoint = spec.root.dag.tasks['endpoint-create'];
  expect(endpoint.taskInfo).toEqual({ name: 'Create endpoint (after dataset)' });
  expect(endpoint.dependentTasks).toEqual(['image-dataset-create']);
  expect(endpoint.retryPolicy).toEqual({ backoffDuration: '60s', backoffFactor: 2, backoffMaxDuration: '3600s', maxRetryCount: 3 });
  expect(spec.root.dag.tasks['image-dataset-create'].cachingOptions).toEqual({});

  // A backoff that is not a number is refused and blocks export.
  await ed.selectTask('endpoint-create');
  await page.getByLabel('Max backoff (s)', { exact: true }).fill('2h');
  await expect(page.getByRole('alert').filter({ hasText: 'Max backoff' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
});

/** Holds back the requests of an after-usable chunk until `release()`; `requested()` says whether it was asked for. */
async function holdBack(page: import('@playwright/test').Page, chunk: RegExp) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(chunk, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  return { release, requested: () => requested };
}

test('what only compiling needs arrives after the canvas is usable; export waits for it', async ({ guarded: page }) => {
  // Hold back the catalog's help texts and executors, and the compiler, until the editor has
  // been used without them.
  const details = await holdBack(page, /\/assets\/details-[\w-]+\.js$/);
  const compiler = await holdBack(page, /\/assets\/derive-spec-[\w-]+\.js$/);
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await ed.selectTask('model-deploy');
  const inspector = page.getByRole('region', { name: 'Task model-deploy' });
  await expect(inspector).toContainText('dedicated_resources_machine_type');
  await expect.poll(() => details.requested() && compiler.requested()).toBe(true);
  await expect(inspector).not.toContainText('Machine type for dedicated serving');
  const downloadJson = page.getByRole('button', { name: 'Download JSON' });
  await expect(downloadJson).toBeDisabled();
  await expect(downloadJson).toHaveAttribute('title', /component definitions \(executors and help texts\) are still loading/);

  details.release();
  await expect(inspector).toContainText('Machine type for dedicated serving, e.g. n1-standard-4.');
  await expect(downloadJson).toBeDisabled();
  await expect(downloadJson).toHaveAttribute('title', /compiler is still loading/);

  compiler.release();
  await expect(downloadJson).toBeEnabled();
  const spec = JSON.parse(await ed.download('JSON'));
  expect(spec.components['comp-model-deploy'].inputDefinitions.artifacts.model.description).toBe('The model to serve.');
  expect(spec.deploymentSpec.executors['exec-model-deploy'].container.image).toMatch(/google-cloud-pipeline-components/);
});

test('when the component definitions cannot be loaded, export says why and a notice tells to reload', async ({ page }) => {
  // Not the guarded page: the failed request is logged by the browser.
  await page.route(/\/assets\/details-[\w-]+\.js$/, (route) => route.abort());
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText('reload the page');
  const downloadJson = page.getByRole('button', { name: 'Download JSON' });
  await expect(downloadJson).toBeDisabled();
  await expect(downloadJson).toHaveAttribute('title', /component definitions .* could not be loaded; reload the page/);
  // The rest of the editor works: tasks can still be selected and edited.
  await ed.selectTask('model-deploy');
  await expect(page.getByRole('region', { name: 'Task model-deploy' })).toContainText('dedicated_resources_machine_type');
});
