/**
 * The order of statements in the generated pipeline function. KFP names what a pipeline
 * function creates by the order it runs: task keys get `-2`, `-3` in creation order, and
 * groups (`condition-N`, `for-loop-N`) are numbered in the order their `with` blocks are
 * entered. The document keeps those orders (its task list and its group list), but Python
 * also needs every variable defined before it is read, and a group's body in one block.
 * So each level of the group tree is ordered topologically: an item comes after the items
 * holding the tasks it reads (wires, `.after`, conditions, loop items, exit tasks), sibling
 * groups keep their document order, and otherwise items follow the document's task order.
 */
import { bindingTasks, isTaskOutput, type Condition, type Group, type PipelineDocument, type Task } from '../document/types';
import { groupChildren } from '../compiler/names';

export type PyItem =
  | { kind: 'task'; task: Task }
  | { kind: 'group'; group: Group; body: PyItem[] }
  /** An If/Elif/Else chain: its branches (condition groups) in order, each with its body. */
  | { kind: 'branches'; group: Group; branches: Array<{ group: Group; body: PyItem[] }> };

interface Node {
  item: PyItem;
  /** Ids of the tasks inside (the task itself for a task). */
  own: Set<string>;
  /** Ids of the tasks its statements read. */
  needs: Set<string>;
  /** Document position of its first task (Infinity when it holds none). */
  priority: number;
  /** Position of the group among its siblings in the document (groups only). */
  groupRank?: number;
}

function conditionTasks(c: Condition | undefined): string[] {
  if (!c) return [];
  return [c.left, c.right].flatMap((o) => ('task' in o && typeof o.task === 'string' ? [o.task] : []));
}

function taskNeeds(t: Task): string[] {
  return [...Object.values(t.inputs).flatMap(bindingTasks), ...t.after];
}

function groupNeeds(g: Group): string[] {
  if (g.kind === 'condition') return conditionTasks(g.condition);
  if (g.kind === 'loop') return isTaskOutput(g.items) ? [g.items.task] : [];
  if (g.kind === 'exitHandler') return [g.exitTask];
  return [];
}

/** The pipeline body as nested items, each level in the order the code writes it. */
export function statementTree(doc: PipelineDocument): PyItem[] {
  const groups = doc.groups ?? [];
  const known = new Set(groups.map((g) => g.id));
  const children = groupChildren(groups);
  const exitTasks = new Set(groups.flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  const index = new Map(doc.tasks.map((t, i) => [t.id, i]));
  const tasksIn = new Map<string, Task[]>();
  for (const t of doc.tasks) {
    const parent = t.group !== undefined && known.has(t.group) && !exitTasks.has(t.id) ? t.group : '';
    let list = tasksIn.get(parent);
    if (!list) tasksIn.set(parent, (list = []));
    list.push(t);
  }

  const visiting = new Set<string>();
  const taskNode = (t: Task): Node => ({
    item: { kind: 'task', task: t },
    own: new Set([t.id]),
    needs: new Set(taskNeeds(t)),
    priority: index.get(t.id)!,
  });
  const merge = (node: Node, inner: Node[]) => {
    for (const n of inner) {
      n.own.forEach((id) => node.own.add(id));
      n.needs.forEach((id) => node.needs.add(id));
      node.priority = Math.min(node.priority, n.priority);
    }
  };

  const groupNode = (g: Group, rank: number): Node => {
    const node: Node = { item: { kind: 'task', task: undefined as never }, own: new Set(), needs: new Set(groupNeeds(g)), priority: Infinity, groupRank: rank };
    if (visiting.has(g.id)) {
      node.item = { kind: 'group', group: g, body: [] };
      return node;
    }
    visiting.add(g.id);
    if (g.kind === 'branches') {
      const branches: Array<{ group: Group; body: PyItem[] }> = [];
      for (const b of children.get(g.id) ?? []) {
        if (b.kind !== 'condition') continue;
        visiting.add(b.id);
        const inner = levelNodes(b.id);
        merge(node, inner);
        conditionTasks(b.condition).forEach((id) => node.needs.add(id));
        branches.push({ group: b, body: order(inner) });
      }
      node.item = { kind: 'branches', group: g, branches };
    } else {
      const inner = levelNodes(g.id);
      merge(node, inner);
      node.item = { kind: 'group', group: g, body: order(inner) };
    }
    return node;
  };

  const levelNodes = (parent: string): Node[] => [
    ...(tasksIn.get(parent) ?? []).map(taskNode),
    ...(children.get(parent) ?? []).map((g, rank) => groupNode(g, rank)),
  ];

  return order(levelNodes(''));
}

/**
 * Kahn's algorithm over one level. Hard rules: readers after the items that hold what they
 * read, and sibling groups in document order; among the items that may come next, the one
 * with the earliest document task first. A cycle (only in an invalid document) is broken by
 * dropping the group-order rule, then by taking the earliest item.
 */
function order(nodes: Node[]): PyItem[] {
  const owner = new Map<string, number>();
  nodes.forEach((n, i) => n.own.forEach((id) => owner.set(id, i)));
  const after = nodes.map(() => new Set<number>());
  nodes.forEach((n, i) => {
    for (const id of n.needs) {
      const j = owner.get(id);
      if (j !== undefined && j !== i) after[i].add(j);
    }
  });
  const groupsInRank = nodes
    .map((n, i) => [n.groupRank, i] as const)
    .filter(([rank]) => rank !== undefined)
    .sort((a, b) => a[0]! - b[0]!)
    .map(([, i]) => i);
  const groupAfter = new Map<number, number>();
  for (let k = 1; k < groupsInRank.length; k++) groupAfter.set(groupsInRank[k], groupsInRank[k - 1]);

  // In-degrees over both rules; `waiting[j]` lists who waits for j.
  const waiting = nodes.map(() => [] as number[]);
  const indegree = nodes.map(() => 0);
  nodes.forEach((_, i) => {
    const deps = new Set(after[i]);
    if (groupAfter.has(i)) deps.add(groupAfter.get(i)!);
    for (const j of deps) {
      waiting[j].push(i);
      indegree[i]++;
    }
  });
  const byPriority = (a: number, b: number) => nodes[a].priority - nodes[b].priority || a - b;
  const heap = new MinHeap(byPriority);
  nodes.forEach((_, i) => indegree[i] === 0 && heap.push(i));
  const done = new Set<number>();
  const out: PyItem[] = [];
  while (done.size < nodes.length) {
    let next = heap.pop();
    if (next === undefined) {
      // A cycle: take the earliest item whose reads are done, else the earliest item.
      const left = nodes.map((_, i) => i).filter((i) => !done.has(i)).sort(byPriority);
      next = left.find((i) => [...after[i]].every((j) => done.has(j))) ?? left[0];
    } else if (done.has(next)) continue;
    done.add(next);
    out.push(nodes[next].item);
    for (const i of waiting[next]) if (--indegree[i] === 0 && !done.has(i)) heap.push(i);
  }
  return out;
}

class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => number) {}

  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.less(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.less(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
