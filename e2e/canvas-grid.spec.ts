import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Editor } from './pages';

/** The viewport transform and the grid element's tiling, as the page has them. */
const state = (page: Page) =>
  page.evaluate(() => {
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const g = getComputedStyle(document.querySelector('.canvas-grid')!);
    const [sx] = g.backgroundSize.split(' ').map(parseFloat);
    const [px, py] = g.backgroundPosition.split(' ').map(parseFloat);
    return { tx: m.e, ty: m.f, zoom: m.a, cell: sx, px, py, image: g.backgroundImage };
  });

/** Whether a tile of the grid starts at flow (20k + 10, 20m + 10) — where its dots are then at flow (20k + 10.5, …) like React Flow's. */
function aligned(s: Awaited<ReturnType<typeof state>>): boolean {
  const off = (p: number, t: number) => {
    const flow = (p - t) / s.zoom - 10;
    const r = ((flow % 20) + 20) % 20;
    return Math.min(r, 20 - r) < 0.01;
  };
  return Math.abs(s.cell - 20 * s.zoom) < 0.01 && off(s.px, s.tx) && off(s.py, s.ty);
}

test('the dot grid follows the canvas as it is zoomed and panned', async ({ guarded: page }) => {
  const ed = new Editor(page);
  await ed.open();
  await ed.startBlank();
  const grid = page.getByTestId('canvas-grid');
  await expect(grid).toBeAttached();
  let s = await state(page);
  expect(s.image).toContain('data:image/svg+xml');
  expect(aligned(s)).toBe(true);

  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2 + 37, pane.y + pane.height / 2 - 11);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await state(page)).zoom).toBeGreaterThan(1.1);
  s = await state(page);
  expect(aligned(s)).toBe(true);

  await page.mouse.move(pane.x + 200, pane.y + 200);
  await page.mouse.down();
  await page.mouse.move(pane.x + 333, pane.y + 277, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await state(page)).tx).not.toBe(s.tx);
  const moved = await state(page);
  expect(aligned(moved)).toBe(true);
  expect(moved.zoom).toBe(s.zoom);
});
