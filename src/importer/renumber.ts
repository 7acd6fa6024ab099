/**
 * The last step of rebuilding: tasks in an order KFP could have created them (producers
 * before their readers, `x` before `x-2` before `x-3`, otherwise the walk order), and the
 * final ids `t1…`, `g1…` in place of the provisional ones (`T:<key>`, `G:<key>`).
 */
import { bindingTasks, type Binding, type Condition, type Group, type LoopItems, type Operand, type PipelineDocument, type Source, type Task } from '../document/types';
import type { TaskRec } from './resolve-channels';

/** A binary min-heap of numbers. */
class Heap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(n: number): void {
    const a = this.items;
    a.push(n);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Creation order of the tasks, as indexes into `tasks`. */
function creationOrder(doc: PipelineDocument, recs: TaskRec[]): Task[] {
  const byId = new Map(doc.tasks.map((t) => [t.id, t]));
  const tasks = [...recs].sort((a, b) => a.walk - b.walk).map((r) => byId.get(r.id)!);
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const edges: number[][] = tasks.map(() => []);
  const indegree = tasks.map(() => 0);
  const edge = (from: number | undefined, to: number | undefined) => {
    if (from === undefined || to === undefined || from === to) return;
    edges[from].push(to);
    indegree[to]++;
  };
  // Producers first.
  tasks.forEach((t, i) => {
    for (const b of Object.values(t.inputs)) for (const id of bindingTasks(b)) edge(index.get(id), i);
    for (const a of t.after) edge(index.get(a), i);
  });
  // What a group reads (loop items, condition operands) exists before its tasks.
  const groupReads = new Map<string, string[]>();
  for (const g of doc.groups ?? []) {
    const reads: string[] = [];
    if (g.kind === 'loop' && 'task' in g.items && typeof g.items.task === 'string') reads.push(g.items.task);
    if (g.kind === 'condition' && g.condition)
      for (const o of [g.condition.left, g.condition.right]) if ('task' in o && typeof o.task === 'string') reads.push(o.task);
    if (reads.length > 0) groupReads.set(g.id, reads);
  }
  if (groupReads.size > 0) {
    const parent = new Map((doc.groups ?? []).map((g) => [g.id, g.parent]));
    tasks.forEach((t, i) => {
      const seen = new Set<string>();
      for (let g = t.group; g !== undefined && !seen.has(g); g = parent.get(g)) {
        seen.add(g);
        for (const id of groupReads.get(g) ?? []) edge(index.get(id), i);
      }
    });
  }
  // `x` before `x-2` before `x-3`.
  const keys = new Map(recs.map((r) => [r.key, index.get(r.id)!]));
  const chains = new Map<string, Array<[number, number]>>();
  for (const [key, i] of keys) {
    const m = /^(.*)-(\d+)$/.exec(key);
    const base = m && Number(m[2]) >= 2 && keys.has(m[1]) ? m[1] : key;
    const n = base === key ? 1 : Number(m![2]);
    const list = chains.get(base);
    if (list) list.push([n, i]);
    else chains.set(base, [[n, i]]);
  }
  for (const list of chains.values()) {
    list.sort((a, b) => a[0] - b[0]);
    for (let j = 1; j < list.length; j++) edge(list[j - 1][1], list[j][1]);
  }

  const heap = new Heap();
  indegree.forEach((d, i) => d === 0 && heap.push(i));
  const out: Task[] = [];
  const done = new Set<number>();
  while (heap.size > 0) {
    const i = heap.pop();
    done.add(i);
    out.push(tasks[i]);
    for (const j of edges[i]) if (--indegree[j] === 0) heap.push(j);
  }
  // A cycle (the checks refuse those in the spec; an `.after` could still close one): walk order.
  tasks.forEach((t, i) => done.has(i) || out.push(t));
  return out;
}

/** The document with tasks in creation order and final ids. */
export function renumber(doc: PipelineDocument, recs: TaskRec[]): PipelineDocument {
  const ordered = creationOrder(doc, recs);
  const taskIds = new Map(ordered.map((t, i) => [t.id, `t${i + 1}`]));
  const groupIds = new Map((doc.groups ?? []).map((g, i) => [g.id, `g${i + 1}`]));
  const tid = (id: string) => taskIds.get(id) ?? id;
  const gid = (id: string) => groupIds.get(id) ?? id;

  const source = (s: Source): Source => ('task' in s ? { task: tid(s.task), output: s.output } : 'loopItem' in s ? { ...s, loopItem: gid(s.loopItem) } : s);
  const binding = (b: Binding): Binding => {
    if ('oneOf' in b && b.oneOf) return { oneOf: b.oneOf.map((r) => ({ task: tid(r.task), output: r.output })) };
    if ('template' in b && b.template) return { template: b.template.map((p) => (typeof p === 'string' ? p : source(p))) };
    if ('task' in b && typeof b.task === 'string') return { ...b, task: tid(b.task) };
    if ('loopItem' in b && typeof b.loopItem === 'string') return { ...b, loopItem: gid(b.loopItem) };
    return b;
  };
  const operand = (o: Operand): Operand => ('constant' in o ? o : source(o));
  const condition = (c: Condition): Condition => ({ ...c, left: operand(c.left), right: operand(c.right) });
  const items = (i: LoopItems): LoopItems => ('constant' in i ? i : source(i));

  const tasks = ordered.map((t): Task => {
    const next: Task = { ...t, id: tid(t.id), after: t.after.map(tid), inputs: Object.fromEntries(Object.entries(t.inputs).map(([k, b]) => [k, binding(b)])) };
    if (t.group !== undefined) next.group = gid(t.group);
    return next;
  });
  const out: PipelineDocument = { ...doc, tasks };
  if (doc.groups)
    out.groups = doc.groups.map((g): Group => {
      const next = { ...g, id: gid(g.id) } as Group;
      if (g.parent !== undefined) next.parent = gid(g.parent);
      if (next.kind === 'condition' && next.condition) next.condition = condition(next.condition);
      if (next.kind === 'loop') next.items = items(next.items);
      if (next.kind === 'exitHandler') next.exitTask = tid(next.exitTask);
      return next;
    });
  if (doc.outputs)
    out.outputs = doc.outputs.map((o) => ({
      ...o,
      source: 'oneOf' in o.source ? { oneOf: o.source.oneOf.map((r) => ({ task: tid(r.task), output: r.output })) } : { ...o.source, task: tid(o.source.task) },
    }));
  return out;
}
