import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { Editor } from './pages';

test('the Run dialog writes the Vertex AI request, the Python and the KFP snippet from a typed form', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run' });
  await expect(dialog.getByRole('list', { name: 'Run settings to fix' })).toContainText('project_id: a value is needed');
  await dialog.getByLabel('project_id').fill('my-project');
  await dialog.getByLabel('Caching').selectOption('off');
  const code = dialog.getByLabel('Code to start the run');
  await expect(code).toContainText('curl -X POST');
  await expect(code).toContainText('"gcsOutputDirectory": "gs://my-bucket/pipeline-root"');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download request.json' }).click()]);
  const body = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(body.runtimeConfig).toEqual({ gcsOutputDirectory: 'gs://my-bucket/pipeline-root', parameterValues: { project_id: 'my-project' } });
  expect(body.pipelineSpec.root.dag.tasks['model-deploy'].cachingOptions).toEqual({});
  await dialog.getByRole('tab', { name: 'Vertex AI Python' }).click();
  await expect(code).toContainText('aiplatform.PipelineJob(');
  await dialog.getByRole('tab', { name: 'Kubeflow Pipelines' }).click();
  await expect(code).toContainText('create_run_from_pipeline_package');
});
