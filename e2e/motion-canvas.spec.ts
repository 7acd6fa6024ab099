import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Editor } from './pages';

/** Share of pixels of two same-size PNG screenshots whose colours differ by more than 48 of 255 in a channel, and of pixels of `a` unlike its top-left one. */
const compare = (page: Page, a: Buffer, b: Buffer) =>
  page.evaluate(async ([a64, b64]) => {
    const load = (s: string) =>
      new Promise<HTMLImageElement>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(img);
        img.src = `data:image/png;base64,${s}`;
      });
    const [ia, ib] = await Promise.all([load(a64), load(b64)]);
    const c = document.createElement('canvas');
    c.width = ia.width;
    c.height = ia.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(ia, 0, 0);
    const da = ctx.getImageData(0, 0, c.width, c.height).data;
    ctx.drawImage(ib, 0, 0);
    const db = ctx.getImageData(0, 0, c.width, c.height).data;
    let differ = 0;
    let drawn = 0;
    for (let i = 0; i < da.length; i += 4) {
      const d = Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2]));
      if (d > 48) differ++;
      if (Math.abs(da[i] - da[0]) + Math.abs(da[i + 1] - da[1]) + Math.abs(da[i + 2] - da[2]) > 48) drawn++;
    }
    const n = da.length / 4;
    return { differ: differ / n, drawn: drawn / n };
  }, [a.toString('base64'), b.toString('base64')] as const);

const moving = (page: Page) => page.evaluate(() => document.querySelector('.react-flow')!.classList.contains('moving'));

test('while the view is dragged the pane is one canvas showing the same picture; once still, the nodes are back', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  await ed.dragComponent('v1.dataset.ImageDatasetCreateOp', 60, 120);
  await ed.dragComponent('v1.automl.training_job.AutoMLImageTrainingJobRunOp', 520, 40);
  await ed.dragComponent('v1.endpoint.ModelDeployOp', 1000, 120);
  await ed.connect('image-dataset-create', 'dataset', 'automl-image-training-job', 'dataset');
  await ed.connect('automl-image-training-job', 'model', 'model-deploy', 'model');
  await ed.selectTask('model-deploy');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const clip = { x: pane.x, y: pane.y, width: Math.min(1300, pane.width - 240), height: Math.min(560, pane.height - 80) };
  // An empty spot of the pane, below the tasks.
  const spot = { x: pane.x + 500, y: pane.y + 420 };

  // A click on the pane (nothing moves) does not switch to the canvas.
  const classes = await page.evaluateHandle(() => {
    const seen: boolean[] = [];
    const root = document.querySelector('.react-flow')!;
    new MutationObserver(() => seen.push(root.classList.contains('moving'))).observe(root, { attributes: true, attributeFilter: ['class'] });
    return seen;
  });
  await page.mouse.click(spot.x, spot.y);
  await page.waitForTimeout(300);
  expect(await classes.evaluate((seen) => seen.includes(true))).toBe(false);
  await ed.selectTask('model-deploy');

  // Dragging the view: React Flow's nodes are out of rendering and the canvas draws them.
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  await page.mouse.move(spot.x + 1, spot.y);
  await expect.poll(() => moving(page)).toBe(true);
  await expect(page.locator('.motion-canvas')).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('.react-flow__node')!.checkVisibility())).toBe(false);
  await page.waitForTimeout(100);
  const drawn = await page.screenshot({ clip });
  await page.mouse.up();

  // Still again: the nodes are back at the view the canvas last drew, and they look the same.
  await expect.poll(() => moving(page)).toBe(false);
  await expect(page.locator('.motion-canvas')).toBeHidden();
  await expect(ed.task('model-deploy')).toBeVisible();
  await page.waitForTimeout(200);
  const dom = await page.screenshot({ clip });
  const c = await compare(page, drawn, dom);
  expect(c.drawn).toBeGreaterThan(0.01); // texts, wires, borders: not an empty pane
  expect(c.differ).toBeLessThan(0.01);
  // The canvas showed the selection too; the task can be worked with at once.
  await ed.selectTask('image-dataset-create');
  await expect(page.getByRole('region', { name: 'Task image-dataset-create' })).toBeVisible();
});

test('zooming with the wheel draws compact nodes on the canvas when zoomed out, like React Flow', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  await ed.dragComponent('v1.dataset.ImageDatasetCreateOp', 60, 120);
  await ed.dragComponent('v1.endpoint.ModelDeployOp', 700, 120);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 300, pane.y + 200);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 120);
  await expect.poll(() => moving(page)).toBe(false);
  await expect(page.locator('.task-node.compact')).toHaveCount(2);
  const clip = { x: pane.x, y: pane.y, width: 700, height: 400 };
  const dom = await page.screenshot({ clip });
  await page.mouse.move(pane.x + 600, pane.y + 300);
  await page.mouse.down();
  await page.mouse.move(pane.x + 601, pane.y + 300);
  await expect.poll(() => moving(page)).toBe(true);
  await page.mouse.move(pane.x + 600, pane.y + 300);
  await page.waitForTimeout(100);
  const drawn = await page.screenshot({ clip });
  await page.mouse.up();
  const c = await compare(page, drawn, dom);
  expect(c.drawn).toBeGreaterThan(0.01);
  expect(c.differ).toBeLessThan(0.01);
});
