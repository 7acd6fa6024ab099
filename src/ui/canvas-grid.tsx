import { memo, useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

/** Flow units between two dots of the grid (the snap grid is half of it). */
export const GRID_GAP = 20;

/**
 * The CSS of the grid's element for a viewport transform: the same dots, at the same places,
 * as React Flow's `<Background gap={20} />` (variant dots, size 1). React Flow draws one dot of
 * radius zoom/2 per gap × zoom cell, centred at flow (20k + 10.5, 20m + 10.5); here one cell
 * image (`.canvas-grid` in perf.css: a circle of radius gap/40 touching the cell's top left
 * corner) is tiled from screen (tx + 10·zoom, ty + 10·zoom). Pure.
 */
export function gridStyle([tx, ty, zoom]: readonly [number, number, number]): { backgroundSize: string; backgroundPosition: string } {
  const cell = GRID_GAP * zoom || 1;
  const x = tx + (GRID_GAP / 2) * zoom;
  const y = ty + (GRID_GAP / 2) * zoom;
  return { backgroundSize: `${cell}px ${cell}px`, backgroundPosition: `${x % cell}px ${y % cell}px` };
}

/**
 * The canvas's dot grid. React Flow's `Background` re-renders on every frame of a pan or zoom and
 * changes its SVG pattern, which Chromium then paints and rasterises anew for the whole pane
 * (in software, ~17 % of the raster time of a pan over 400 tasks). This is one element whose
 * background image (one dot) never changes: a frame only moves and scales the tiling, set
 * directly on the element from React Flow's store, without React.
 */
export const CanvasGrid = memo(function CanvasGrid() {
  const rf = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // React Flow replaces the transform array when the view changes; other store updates keep it.
    let last: unknown;
    const apply = (transform: readonly [number, number, number]) => {
      if (transform === last) return;
      last = transform;
      const s = gridStyle(transform);
      el.style.backgroundSize = s.backgroundSize;
      el.style.backgroundPosition = s.backgroundPosition;
    };
    apply(rf.getState().transform);
    return rf.subscribe((s) => apply(s.transform));
  }, [rf]);
  return <div ref={ref} className="canvas-grid" data-testid="canvas-grid" aria-hidden="true" />;
});
