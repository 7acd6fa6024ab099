import { expect, test } from './fixtures';
import { Editor } from './pages';

test('a non-number in a number field is reported, blocks export, and keeps the last valid value', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  const before = await ed.download('JSON');

  await ed.selectTask('automl-image-training-job');
  const field = ed.inputField('budget_milli_node_hours');
  await field.fill('80x0');
  await expect(page.getByRole('alert').filter({ hasText: 'not a whole number' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
  await expect(page.getByTestId('export-blocked')).toContainText('budget_milli_node_hours');
  // What the person typed stays in the field, even after leaving it.
  await field.blur();
  await expect(field).toHaveValue('80x0');

  await field.fill('8000');
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeEnabled();
  expect(await ed.download('JSON')).toBe(before);
});

test('invalid JSON in a dict field is reported and blocks export until fixed', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await ed.selectTask('endpoint-create');
  const labels = ed.inputField('labels');
  await labels.fill('{"team": ');
  await expect(page.getByRole('alert').filter({ hasText: 'invalid JSON' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download YAML' })).toBeDisabled();
  await labels.fill('["not", "a", "dict"]');
  await expect(page.getByRole('alert').filter({ hasText: 'expects a JSON object' })).toBeVisible();
  await labels.fill('{"team": "ml"}');
  await expect(page.getByRole('button', { name: 'Download YAML' })).toBeEnabled();
  const spec = JSON.parse(await ed.download('JSON'));
  expect(spec.root.dag.tasks['endpoint-create'].inputs.parameters.labels).toEqual({ runtimeValue: { constant: { team: 'ml' } } });
});

test('empty or duplicate parameter names are refused without losing bindings', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await ed.showPipelinePanel();
  await ed.addParameter('location', 'STRING', 'us-central1');
  const names = page.getByLabel('Parameter name', { exact: true });
  await names.first().fill('');
  await expect(page.getByRole('alert').filter({ hasText: 'needs a name' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
  await names.first().fill('location');
  await expect(page.getByRole('alert').filter({ hasText: 'already used' })).toBeVisible();
  await names.first().fill('gcp_project');
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeEnabled();
  const spec = JSON.parse(await ed.download('JSON'));
  // The rename reached every binding; the parameter default is written.
  expect(spec.root.dag.tasks['endpoint-create'].inputs.parameters.project).toEqual({ componentInputParameter: 'gcp_project' });
  expect(spec.root.inputDefinitions.parameters).toEqual({
    gcp_project: { parameterType: 'STRING' },
    location: { parameterType: 'STRING', defaultValue: 'us-central1', isOptional: true },
  });
});
