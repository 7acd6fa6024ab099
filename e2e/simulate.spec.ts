import { expect, test } from './fixtures';
import { Editor } from './pages';

test('Play simulates the run on the canvas: order, wall time, critical path, and a failure', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Simulated run' });
  await panel.getByLabel('project_id').fill('my-project');
  await panel.getByRole('button', { name: 'Play' }).click();
  await panel.getByRole('button', { name: 'Pause' }).click();
  await panel.getByRole('button', { name: 'To the end' }).click();
  const summary = panel.getByLabel('Run summary');
  await expect(summary).toContainText('Succeeded');
  await expect(summary).toContainText('Critical path: image-dataset-create → automl-image-training-job → model-deploy');
  await expect(page.locator('.react-flow__node.sim-succeeded')).toHaveCount(4);

  await panel.getByRole('button', { name: 'New run' }).click();
  await panel.getByLabel('project_id').fill('my-project');
  await panel.getByLabel('Make a task fail').selectOption('endpoint-create');
  await panel.getByRole('button', { name: 'Play' }).click();
  await panel.getByRole('button', { name: 'To the end' }).click();
  await expect(summary).toContainText('Failed');
  await expect(page.locator('.react-flow__node.sim-failed')).toHaveCount(1);
  await expect(page.locator('.react-flow__node.sim-not-run')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.react-flow__node.sim-succeeded')).toHaveCount(0);
});

test('the pipeline as KFP Python', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await page.getByRole('button', { name: 'Python', exact: true }).click();
  const code = page.getByLabel('Python code');
  await expect(code).toContainText('from google_cloud_pipeline_components.v1.endpoint import');
  await expect(code).toContainText('@dsl.pipeline(');
  await expect(code).toContainText('compiler.Compiler().compile(');
});
