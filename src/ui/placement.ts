import type { Position } from '../document/types';

const W = 300;
const H = 220;

/** A free spot near `centre` (a spiral of node-sized steps), so new nodes do not cover others. */
export function freeSpot(centre: Position, taken: readonly Position[]): Position {
  const overlaps = (p: Position) => taken.some((t) => Math.abs(t.x - p.x) < W && Math.abs(t.y - p.y) < H);
  const origin = { x: Math.round(centre.x - W / 2), y: Math.round(centre.y - H / 2) };
  if (!overlaps(origin)) return origin;
  for (let ring = 1; ring < 40; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: origin.x + dx * (W + 20), y: origin.y + dy * (H + 20) };
        if (!overlaps(p)) return p;
      }
    }
  }
  return origin;
}
