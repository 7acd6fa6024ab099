/**
 * Rectangles of control-flow groups on the canvas. A group has its own rectangle once the
 * person moved or resized it; until then it wraps what it holds. Pure functions.
 */
import type { Group, PipelineDocument, Position } from '../document/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PAD = 30;
const HEAD = 34;
export const DEFAULT_TASK = { width: 300, height: 260 };
export const DEFAULT_GROUP = { width: 460, height: 340 };

/** Every group's rectangle; `skipTask` leaves one task out of the wrapping (while it is dragged). */
export function groupRects(
  doc: PipelineDocument,
  sizes: Record<string, { width: number; height: number }>,
  skipTask?: string,
  positions: Record<string, Position> = {},
): Map<string, Rect> {
  const groups = doc.groups ?? [];
  const rects = new Map<string, Rect>();
  const visiting = new Set<string>();
  const rectOf = (g: Group): Rect => {
    const known = rects.get(g.id);
    if (known) return known;
    if (g.position && g.size) {
      const p = positions[`group:${g.id}`] ?? g.position;
      const r = { x: p.x, y: p.y, ...g.size };
      rects.set(g.id, r);
      return r;
    }
    if (visiting.has(g.id)) return { x: 0, y: 0, ...DEFAULT_GROUP };
    visiting.add(g.id);
    const parts: Rect[] = [];
    for (const t of doc.tasks)
      if (t.group === g.id && t.id !== skipTask) {
        const p = positions[t.id] ?? t.position;
        parts.push({ x: p.x, y: p.y, ...(sizes[t.id] ?? DEFAULT_TASK) });
      }
    for (const child of groups) if (child.parent === g.id) parts.push(rectOf(child));
    let r: Rect;
    if (parts.length === 0) r = { x: g.position?.x ?? 0, y: g.position?.y ?? 0, ...DEFAULT_GROUP };
    else {
      const x = Math.min(...parts.map((p) => p.x)) - PAD;
      const y = Math.min(...parts.map((p) => p.y)) - PAD - HEAD;
      const right = Math.max(...parts.map((p) => p.x + p.width)) + PAD;
      const bottom = Math.max(...parts.map((p) => p.y + p.height)) + PAD;
      r = { x, y, width: right - x, height: bottom - y };
    }
    rects.set(g.id, r);
    return r;
  };
  for (const g of groups) rectOf(g);
  return rects;
}

const inside = (r: Rect, p: Position) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The smallest group whose rectangle holds the point (not `exclude` nor its descendants). */
export function innermostGroupAt(doc: PipelineDocument, rects: Map<string, Rect>, point: Position, exclude?: string): string | undefined {
  const banned = exclude ? new Set([exclude, ...descendantGroups(doc, exclude)]) : new Set<string>();
  let best: { id: string; area: number } | undefined;
  for (const [id, r] of rects) {
    if (banned.has(id) || !inside(r, point)) continue;
    const g = doc.groups?.find((x) => x.id === id);
    if (g?.kind === 'branches') continue; // tasks go into one of its branches
    const area = r.width * r.height;
    if (!best || area < best.area) best = { id, area };
  }
  return best?.id;
}

/** Groups nested (at any depth) in a group. */
export function descendantGroups(doc: PipelineDocument, id: string): string[] {
  const out: string[] = [];
  const todo = [id];
  while (todo.length) {
    const cur = todo.pop()!;
    for (const g of doc.groups ?? [])
      if (g.parent === cur && !out.includes(g.id)) {
        out.push(g.id);
        todo.push(g.id);
      }
  }
  return out;
}

/** Tasks held (at any depth) by a group. */
export function descendantTasks(doc: PipelineDocument, id: string): string[] {
  const groups = new Set([id, ...descendantGroups(doc, id)]);
  return doc.tasks.filter((t) => t.group && groups.has(t.group)).map((t) => t.id);
}
