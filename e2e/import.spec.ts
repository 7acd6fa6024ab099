import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { Editor } from './pages';
import { GOLDEN_DIR, parseStrict } from '../src/test-support/golden';

const TABULAR = resolve(GOLDEN_DIR, 'upstream/components/google-cloud/google_cloud_pipeline_components/v1/automl/tabular/automl_tabular_pipeline.yaml');

async function dropFile(page: import('@playwright/test').Page, name: string, text: string) {
  await page.evaluate(
    ([n, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([t], n, { type: 'application/yaml' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

test('a dropped compiled pipeline opens laid out; one edit; the export differs only by that edit', async ({ guarded: page }) => {
  test.skip(!existsSync(TABULAR), 'golden files are absent');
  const original = readFileSync(TABULAR, 'utf8');
  const ed = new Editor(page);
  await ed.open();
  await ed.openExample();
  await dropFile(page, 'automl_tabular_pipeline.yaml', original);
  await expect(ed.task('automl-tabular-finalizer')).toBeVisible({ timeout: 20_000 });

  // No two task nodes overlap.
  const boxes = await page.locator('.react-flow__node-task').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  expect(boxes.length).toBeGreaterThan(5);
  const overlap = boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));
  expect(overlap).toBe(false);

  // Inputs show in the inspector; one edit.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('select task automl-tabular-finalizer');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Task automl-tabular-finalizer' })).toBeVisible();
  await expect(page.getByLabel('Source of project', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Pipeline', exact: true }).click();
  await page.getByLabel('Description', { exact: true }).fill('Edited in Pipeline Canvas');
  const yaml = await ed.download('YAML');
  const want = parseStrict(original) as Record<string, any>;
  want.pipelineInfo.description = 'Edited in Pipeline Canvas';
  const got = parseStrict(yaml) as Record<string, any>;
  delete got.sdkVersion;
  delete want.sdkVersion;
  expect(got).toEqual(want);
});

test('a file with HTML in its names runs no script, and a broken file is refused', async ({ guarded: page }) => {
  const seed = resolve(GOLDEN_DIR, 'seed-automl-image.json');
  test.skip(!existsSync(seed), 'golden files are absent');
  const spec = JSON.parse(readFileSync(seed, 'utf8'));
  spec.root.dag.tasks['endpoint-create'].taskInfo.name = '<img src=x onerror="window.__xss=1">';
  spec.pipelineInfo.description = '<script>window.__xss=2</script><b>bold</b>';
  const dir = mkdtempSync(join(tmpdir(), 'pc-import-'));
  const file = join(dir, 'evil.json');
  writeFileSync(file, JSON.stringify(spec));
  const ed = new Editor(page);
  await ed.open();
  await page.getByLabel('Open a pipeline file').setInputFiles(file);
  await expect(page.getByText('<img src=x onerror="window.__xss=1">').first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  const before = await ed.download('JSON');
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'components:\n  comp-a:\n    executorLabel: [unclosed\n');
  await page.getByLabel('Open document file').setInputFiles(broken);
  await expect(page.getByRole('alert').filter({ hasText: 'broken.yaml' })).toBeVisible();
  expect(await ed.download('JSON')).toBe(before);
});

test('an imported pipeline with a Kubernetes platform spec exports it back as the second YAML document', async ({ guarded: page }) => {
  const file = resolve(GOLDEN_DIR, 'upstream/test_data/sdk_compiled_pipelines/valid/critical/pipeline_with_pod_metadata.yaml');
  test.skip(!existsSync(file), 'golden files are absent');
  const original = readFileSync(file, 'utf8');
  const ed = new Editor(page);
  await ed.open();
  await page.getByLabel('Open a pipeline file').setInputFiles(file);
  await expect(page.locator('.react-flow__node-task').first()).toBeVisible();
  const yaml = await ed.download('YAML');
  const { parseAllDocuments } = await import('yaml');
  const ours = parseAllDocuments(yaml).map((d) => d.toJS());
  const theirs = parseAllDocuments(original).map((d) => d.toJS());
  expect(ours).toHaveLength(2);
  delete ours[0].sdkVersion;
  delete theirs[0].sdkVersion;
  expect(ours).toEqual(theirs);
  await page.getByRole('button', { name: 'Download JSON' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'YAML files only' })).toBeVisible();
});

test('a nested pipeline opens as a pipeline of its own', async ({ guarded: page }) => {
  const file = resolve(GOLDEN_DIR, 'upstream/test_data/sdk_compiled_pipelines/valid/parallel_and_nested/pipeline_in_pipeline.yaml');
  test.skip(!existsSync(file), 'golden files are absent');
  const ed = new Editor(page);
  await ed.open();
  await page.getByLabel('Open a pipeline file').setInputFiles(file);
  await expect(ed.task('inner-pipeline')).toBeVisible();
  await ed.selectTask('inner-pipeline');
  await page.getByRole('button', { name: 'Open this nested pipeline' }).click();
  await expect(ed.task('inner-pipeline')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-task')).not.toHaveCount(0);
  const spec = JSON.parse(await ed.download('JSON'));
  expect(spec.pipelineInfo.name).toBe('inner-pipeline');
});
