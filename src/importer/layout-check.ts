/**
 * What a laid-out document must satisfy on the canvas (used by the tests): with tasks of
 * `NODE_SIZE`, no two tasks overlap, a group's frame holds its tasks and inner groups,
 * and nothing overlaps a group it is not in.
 */
import type { PipelineDocument } from '../document/types';
import { NODE_SIZE } from './layout';

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
  chain: string[];
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) => a.x >= outer.x && a.y >= outer.y && a.x + a.width <= outer.x + outer.width && a.y + a.height <= outer.y + outer.height;

/** Problems of a document's layout (empty when fine). Quadratic: for tests. */
export function layoutProblems(doc: PipelineDocument): string[] {
  const groups = new Map((doc.groups ?? []).map((g) => [g.id, g]));
  const exitTasks = new Set((doc.groups ?? []).flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  const chain = (id: string | undefined) => {
    const out: string[] = [];
    for (let g = id; g !== undefined && groups.has(g) && !out.includes(g); g = groups.get(g)!.parent) out.unshift(g);
    return out;
  };
  const boxes: Box[] = [];
  for (const t of doc.tasks)
    boxes.push({ what: `task ${t.id}`, ...t.position, ...NODE_SIZE, chain: exitTasks.has(t.id) ? [] : chain(t.group) });
  for (const g of doc.groups ?? []) {
    if (!g.position || !g.size) return [`group ${g.id} has no position or size`];
    boxes.push({ what: `group ${g.id}`, ...g.position, ...g.size, chain: chain(g.parent) });
  }
  const problems: string[] = [];
  const groupBox = new Map(boxes.filter((b) => b.what.startsWith('group ')).map((b) => [b.what.slice(6), b]));
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (const g of a.chain) if (!inside(a, groupBox.get(g)!)) problems.push(`${a.what} is not inside group ${g}`);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      const aHoldsB = a.what.startsWith('group ') && b.chain.includes(a.what.slice(6));
      const bHoldsA = b.what.startsWith('group ') && a.chain.includes(b.what.slice(6));
      if (!aHoldsB && !bHoldsA && overlap(a, b)) problems.push(`${a.what} overlaps ${b.what}`);
    }
  }
  return problems;
}
