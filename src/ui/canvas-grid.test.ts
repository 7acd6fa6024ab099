import { describe, expect, it } from 'vitest';
import { GRID_GAP, gridStyle } from './canvas-grid';

/** Screen x of the dot centres React Flow's Background (dots, gap 20, size 1) draws, near 0. */
function reactFlowDots(tx: number, zoom: number): number[] {
  const g = GRID_GAP * zoom;
  const r = zoom / 2;
  // Pattern tile origin tx % g, moved back by g / 2; the circle sits at (r, r) in the tile.
  const first = (tx % g) - g / 2 + r;
  return [-2, -1, 0, 1, 2, 3].map((k) => first + k * g);
}

/** Screen x of the dot centres of the grid element: tiles from the background position, dot centre r in. */
function ourDots(tx: number, zoom: number): number[] {
  const s = gridStyle([tx, 0, zoom]);
  const cell = parseFloat(s.backgroundSize);
  const origin = parseFloat(s.backgroundPosition);
  return [-2, -1, 0, 1, 2, 3].map((k) => origin + k * cell + zoom / 2);
}

/** Whether `d` is a whole number of cells (within rounding). */
const onGrid = (d: number, cell: number) => {
  const r = ((d % cell) + cell) % cell;
  return Math.min(r, cell - r) < 1e-6;
};
const onSameGrid = (a: number[], b: number[], cell: number) => a.every((x) => b.some((y) => onGrid(x - y, cell)));

describe('gridStyle', () => {
  it('tiles one cell per 20 flow units at the zoom', () => {
    expect(gridStyle([0, 0, 1]).backgroundSize).toBe('20px 20px');
    expect(gridStyle([0, 0, 0.5]).backgroundSize).toBe('10px 10px');
    expect(gridStyle([0, 0, 2]).backgroundSize).toBe('40px 40px');
  });

  it('puts the dots where React Flow’s Background puts them, for any pan and zoom', () => {
    for (const zoom of [0.1, 0.33, 0.5, 0.73, 1, 1.15, 2])
      for (const tx of [0, 7, -13.4, 250.25, -1234.5]) expect(onSameGrid(ourDots(tx, zoom), reactFlowDots(tx, zoom), GRID_GAP * zoom)).toBe(true);
  });

  it('keeps the dots at fixed canvas positions: flow (20k + 10.5, 20m + 10.5)', () => {
    const zoom = 1.5;
    const tx = -321;
    const dots = ourDots(tx, zoom).map((x) => (x - tx) / zoom);
    for (const d of dots) expect(onGrid(d - 10.5, GRID_GAP)).toBe(true);
  });

  it('a y offset moves the rows the same way', () => {
    expect(gridStyle([0, 30, 1]).backgroundPosition).toBe('10px 0px');
    expect(gridStyle([5, 0, 1]).backgroundPosition).toBe('15px 10px');
  });
});
