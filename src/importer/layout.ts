/**
 * Positions for an imported document: a deterministic layered layout, left to right by
 * dependency, done bottom-up through the control-flow groups. Each group is laid out on its
 * own (its tasks and inner groups), then placed as one box in its parent's layout, so
 * nothing overlaps: siblings never share space and a group's frame holds all it contains.
 * Node size is assumed (the canvas measures the real one; "Tidy up" refines with dagre).
 * Group frames use the canvas's padding (`ui/group-layout.ts`: 30 around, 34 for the title).
 */
import { bindingTasks, type PipelineDocument, type Position, type Size } from '../document/types';

export const NODE_SIZE: Size = { width: 300, height: 260 };
export const EMPTY_GROUP_SIZE: Size = { width: 460, height: 340 };
const GAP_X = 120;
const GAP_Y = 60;
const PAD = 30;
const HEAD = 34;

interface Item {
  /** `t:<task id>` or `g:<group id>`. */
  ref: string;
  size: Size;
  order: number;
  /** Relative position in its scope. */
  at: Position;
}

export function layoutDocument(doc: PipelineDocument): PipelineDocument {
  const groups = doc.groups ?? [];
  const groupById = new Map(groups.map((g) => [g.id, g]));
  // Group chain of every task and group, outermost first (cycles in parents are cut).
  const chainOf = (start: string | undefined): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let id = start; id !== undefined && groupById.has(id) && !seen.has(id); id = groupById.get(id)!.parent) {
      seen.add(id);
      out.unshift(id);
    }
    return out;
  };
  const exitTasks = new Set(groups.flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  const taskChain = new Map(doc.tasks.map((t) => [t.id, exitTasks.has(t.id) ? [] : chainOf(t.group)]));
  const groupChain = new Map(groups.map((g) => [g.id, chainOf(g.id)]));

  // Dependencies between tasks, and what groups read, as (from task) → (to chain, to ref).
  const deps: Array<[string, string[], string]> = [];
  for (const t of doc.tasks) {
    const ups = new Set([...t.after, ...Object.values(t.inputs).flatMap(bindingTasks)]);
    for (const u of ups) if (taskChain.has(u)) deps.push([u, taskChain.get(t.id)!, `t:${t.id}`]);
  }
  for (const g of groups) {
    const reads: string[] = [];
    if (g.kind === 'loop' && 'task' in g.items && typeof g.items.task === 'string') reads.push(g.items.task);
    if (g.kind === 'condition' && g.condition)
      for (const o of [g.condition.left, g.condition.right]) if ('task' in o && typeof o.task === 'string') reads.push(o.task);
    if (g.kind === 'exitHandler' && taskChain.has(g.exitTask)) deps.push(['', [], `t:${g.exitTask}`]);
    for (const r of reads) if (taskChain.has(r)) deps.push([r, groupChain.get(g.id)!.slice(0, -1), `g:${g.id}`]);
  }

  /** The item of the scope at `path` that holds what `chain`/`ref` names, if the scope holds it. */
  const itemAt = (chain: string[], ref: string, path: string[]): string | undefined => {
    if (chain.length < path.length) return undefined;
    for (let i = 0; i < path.length; i++) if (chain[i] !== path[i]) return undefined;
    return chain.length > path.length ? `g:${chain[path.length]}` : ref;
  };

  const positions = new Map<string, Position>();
  const sizes = new Map<string, Size>();
  const taskOrder = new Map(doc.tasks.map((t, i) => [t.id, i]));
  const groupOrder = new Map(groups.map((g, i) => [g.id, doc.tasks.length + i]));

  /** Lays out one scope (`path`: its group chain, [] = top level); returns its content size. */
  const layoutScope = (path: string[]): Size => {
    const depth = path.length;
    const scopeId = path.at(-1);
    const items: Item[] = [];
    for (const t of doc.tasks) {
      const chain = taskChain.get(t.id)!;
      if (chain.length === depth && chain.at(-1) === scopeId)
        items.push({ ref: `t:${t.id}`, size: NODE_SIZE, order: taskOrder.get(t.id)!, at: { x: 0, y: 0 } });
    }
    for (const g of groups) {
      const chain = groupChain.get(g.id)!;
      if (chain.length !== depth + 1 || chain.at(-2) !== scopeId) continue;
      const inner = layoutScope(chain);
      const size =
        inner.width === 0 ? { ...EMPTY_GROUP_SIZE } : { width: inner.width + 2 * PAD, height: inner.height + 2 * PAD + HEAD };
      sizes.set(g.id, size);
      items.push({ ref: `g:${g.id}`, size, order: groupOrder.get(g.id)!, at: { x: 0, y: 0 } });
    }
    if (items.length === 0) return { width: 0, height: 0 };
    const byRef = new Map(items.map((it) => [it.ref, it]));

    // Edges between the items of this scope.
    const exitHandlerOf = new Map<string, string>(groups.flatMap((g) => (g.kind === 'exitHandler' ? [[`t:${g.exitTask}`, `g:${g.id}`] as [string, string]] : [])));
    const preds = new Map<string, Set<string>>(items.map((it) => [it.ref, new Set<string>()]));
    for (const [from, toChain, toRef] of deps) {
      const to = itemAt(toChain, toRef, path);
      if (!to || !byRef.has(to)) continue;
      const src = from === '' ? exitHandlerOf.get(toRef) : itemAt(taskChain.get(from)!, `t:${from}`, path);
      if (src && src !== to && byRef.has(src)) preds.get(to)!.add(src);
    }

    // Layers: longest path from the sources (back edges of a cycle are ignored).
    const layer = new Map<string, number>();
    const state = new Map<string, 1 | 2>();
    const sorted = [...items].sort((a, b) => a.order - b.order);
    for (const start of sorted) {
      if (state.has(start.ref)) continue;
      const stack: Array<{ ref: string; it: Iterator<string> }> = [{ ref: start.ref, it: preds.get(start.ref)!.values() }];
      state.set(start.ref, 1);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const next = top.it.next();
        if (!next.done) {
          if (!state.has(next.value)) {
            state.set(next.value, 1);
            stack.push({ ref: next.value, it: preds.get(next.value)!.values() });
          }
          continue;
        }
        let l = 0;
        for (const p of preds.get(top.ref)!) if (state.get(p) === 2) l = Math.max(l, layer.get(p)! + 1);
        layer.set(top.ref, l);
        state.set(top.ref, 2);
        stack.pop();
      }
    }
    const layers: Item[][] = [];
    for (const it of sorted) (layers[layer.get(it.ref)!] ??= []).push(it);

    // Columns left to right; in a column, items by the mean row of their predecessors.
    const row = new Map<string, number>();
    let x = 0;
    let height = 0;
    for (const column of layers) {
      if (!column) continue;
      const key = (it: Item) => {
        const ps = [...preds.get(it.ref)!].filter((p) => row.has(p));
        return ps.length === 0 ? Number.MAX_SAFE_INTEGER : ps.reduce((s, p) => s + row.get(p)!, 0) / ps.length;
      };
      const keyed = column.map((it) => ({ it, k: key(it) }));
      keyed.sort((a, b) => a.k - b.k || a.it.order - b.it.order);
      let y = 0;
      let width = 0;
      keyed.forEach(({ it }, i) => {
        it.at = { x, y };
        row.set(it.ref, i);
        y += it.size.height + GAP_Y;
        width = Math.max(width, it.size.width);
      });
      height = Math.max(height, y - GAP_Y);
      x += width + GAP_X;
    }
    for (const it of items) positions.set(it.ref, it.at);
    return { width: x - GAP_X, height };
  };
  layoutScope([]);

  // Relative positions → absolute, from the top down.
  const absolute = new Map<string, Position>();
  const place = (ref: string, origin: Position) => {
    const rel = positions.get(ref) ?? { x: 0, y: 0 };
    const at = { x: origin.x + rel.x, y: origin.y + rel.y };
    absolute.set(ref, at);
    return at;
  };
  const walk = (scope: string | undefined, origin: Position) => {
    for (const g of groups) {
      const parent = groupChain.get(g.id)!.at(-2);
      if (parent !== scope) continue;
      const at = place(`g:${g.id}`, origin);
      walk(g.id, { x: at.x + PAD, y: at.y + PAD + HEAD });
    }
    for (const t of doc.tasks) if (taskChain.get(t.id)!.at(-1) === scope) place(`t:${t.id}`, origin);
  };
  walk(undefined, { x: 0, y: 0 });

  const round = (p: Position | undefined): Position => ({ x: Math.round(p?.x ?? 0), y: Math.round(p?.y ?? 0) });
  const out: PipelineDocument = { ...doc, tasks: doc.tasks.map((t) => ({ ...t, position: round(absolute.get(`t:${t.id}`)) })) };
  if (doc.groups)
    out.groups = doc.groups.map((g) => ({ ...g, position: round(absolute.get(`g:${g.id}`)), size: sizes.get(g.id) ?? { ...EMPTY_GROUP_SIZE } }));
  return out;
}
