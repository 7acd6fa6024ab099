import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Editor } from './pages';

const zoom = (page: Page) =>
  page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** Each task node's size and each wire's path, in the canvas's own units (independent of the zoom). */
const geometry = (page: Page) =>
  page.evaluate(() => {
    const z = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-task')].map((n) => {
      const r = n.getBoundingClientRect();
      return [n.dataset.id, Math.round(r.width / z), Math.round(r.height / z)];
    });
    const wires = [...document.querySelectorAll('.react-flow__edge-path')].map((p) => (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number));
    return { nodes, wires };
  });

async function zoomTo(page: Page, below: boolean, limit: number) {
  const button = page.getByRole('button', { name: below ? 'Zoom Out' : 'Zoom In' });
  while (below ? (await zoom(page)) >= limit : (await zoom(page)) < limit) {
    await button.click();
    await page.waitForTimeout(50);
  }
}

test('zoomed out, tasks are compact boxes of the same size with the same wires; zoomed in, ports can be wired', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  await ed.dragComponent('v1.dataset.ImageDatasetCreateOp', 60, 120);
  await ed.dragComponent('v1.automl.training_job.AutoMLImageTrainingJobRunOp', 520, 40);
  await ed.dragComponent('v1.endpoint.ModelDeployOp', 1000, 120);
  await ed.connect('automl-image-training-job', 'model', 'model-deploy', 'model');
  await expect(ed.edges()).toHaveCount(1);
  const full = await geometry(page);

  // Zoomed out: compact boxes (no React Flow handles), same sizes, same wire.
  await zoomTo(page, true, 0.45);
  await expect(page.locator('.task-node.compact')).toHaveCount(3);
  await expect(page.locator('.react-flow__node-task .react-flow__handle')).toHaveCount(0);
  await expect(ed.task('model-deploy')).toBeVisible();
  const compact = await geometry(page);
  expect(compact.nodes).toEqual(full.nodes);
  expect(compact.wires).toHaveLength(1);
  // Between two compact boxes the canvas draws the wire itself, with the same tip on hover.
  await expect(page.locator('.wire-layer .react-flow__edge')).toHaveCount(1);
  compact.wires[0].forEach((v, i) => expect(Math.abs(v - full.wires[0][i])).toBeLessThan(1));
  expect((await new AxeBuilder({ page }).include('.react-flow').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // Selecting still works zoomed out.
  await ed.selectTask('image-dataset-create');

  // Zoomed in again: full nodes; an input that had no wire (so no anchor while compact) takes one.
  await zoomTo(page, false, 0.9);
  await expect(page.locator('.task-node.compact')).toHaveCount(0);
  await expect(ed.handle('automl-image-training-job', 'in:dataset')).toBeVisible();
  await ed.connect('image-dataset-create', 'dataset', 'automl-image-training-job', 'dataset');
  await expect(ed.edges()).toHaveCount(2);
  await expect(page.locator('.react-flow__edge[data-id$=":dataset"]')).toHaveCount(1);
  await ed.selectTask('automl-image-training-job');
  await expect(page.getByLabel('Source of dataset', { exact: true })).not.toHaveValue('unset');

  // And back out: both wires drawn between compact boxes.
  await zoomTo(page, true, 0.45);
  await expect(page.locator('.task-node.compact')).toHaveCount(3);
  await expect(ed.edges()).toHaveCount(2);
  await expect(page.locator('.react-flow__edge-path')).toHaveCount(2);
});

test('a task far out of view is taken out of rendering, and is back when the view reaches it', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  await ed.dragComponent('v1.dataset.ImageDatasetCreateOp', 60, 80);
  await ed.dragComponent('v1.endpoint.ModelDeployOp', 1000, 600);
  await ed.selectTask('model-deploy');
  // Zoomed in to 2 on the first task: the second is ~2,000 px beyond the pane's edge.
  const box = (await ed.task('image-dataset-create').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200);
  await expect.poll(() => zoom(page)).toBe(2);
  // Still selected: still rendered.
  await expect(ed.node('model-deploy')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 650 } });
  await expect(page.getByRole('region', { name: 'Task model-deploy' })).toHaveCount(0);
  // Not selected and far away: in the page (with its size and wires) but not rendered.
  await expect(ed.node('model-deploy')).toHaveCount(1);
  await expect(ed.node('model-deploy')).toBeHidden();
  await expect(ed.node('image-dataset-create')).toBeVisible();
  // Fit view brings it back, at the size it had.
  await page.locator('.react-flow__controls-fitview').click();
  await expect(ed.node('model-deploy')).toBeVisible();
  await ed.selectTask('model-deploy');
});
