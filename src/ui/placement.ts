import type { ReactFlowInstance } from '@xyflow/react';
import type { Position } from '../document/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size assumed for a node that has not been measured yet. */
const NEW = { width: 300, height: 260 };
const GAP = 30;

/** A free spot near `centre` (a spiral of node-sized steps), so a new node covers no other. */
export function freeSpot(centre: Position, taken: readonly Rect[], size: { width: number; height: number } = NEW): Position {
  const overlaps = (p: Position) =>
    taken.some((t) => p.x < t.x + t.width + GAP && t.x < p.x + size.width + GAP && p.y < t.y + t.height + GAP && t.y < p.y + size.height + GAP);
  const origin = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  if (!overlaps(origin)) return origin;
  const stepX = NEW.width / 2;
  const stepY = NEW.height / 2;
  for (let ring = 1; ring < 60; ring++)
    for (let dx = -ring; dx <= ring; dx++)
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: origin.x + dx * stepX, y: origin.y + dy * stepY };
        if (!overlaps(p)) return p;
      }
  return origin;
}

/** The canvas rectangles of the existing tasks (measured when React Flow has measured them). */
export function takenRects(flow: ReactFlowInstance, tasks: ReadonlyArray<{ id: string; position: Position }>): Rect[] {
  return tasks.map((t) => {
    const m = flow.getInternalNode(t.id)?.measured;
    return { x: t.position.x, y: t.position.y, width: m?.width ?? NEW.width, height: m?.height ?? NEW.height };
  });
}

/** The centre of the visible canvas, in flow coordinates. */
export function viewportCentre(flow: ReactFlowInstance): Position {
  const rect = document.querySelector('.react-flow')?.getBoundingClientRect();
  return rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
}

/** Adds a component at a free spot near the centre of the view. */
export function placeNear(
  flow: ReactFlowInstance,
  tasks: ReadonlyArray<{ id: string; position: Position }>,
  size?: { width: number; height: number },
  more: readonly Rect[] = [],
): Position {
  return freeSpot(viewportCentre(flow), [...takenRects(flow, tasks), ...more], size);
}
