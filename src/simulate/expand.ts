/**
 * The run as a tree of things that execute: the root, control-flow groups, one node per
 * loop iteration, and task runs (one per task and iteration of its enclosing loops); and
 * what waits for what. Dependencies follow KFP's compiled DAGs (`dependentTasks`): a
 * reader and the task it reads (or runs `.after`) are placed under their closest common
 * scope, and the dependency links the two children of that scope that hold them. So a task
 * after a task inside a loop waits for the whole loop (fan in), a task inside a condition
 * that reads a task outside makes the whole condition group wait, and iterations of a loop
 * only wait for their own iteration's tasks.
 */
import {
  bindingTasks,
  isTaskOutput,
  type Group,
  type PipelineDocument,
  type Task,
} from '../document/types';
import { groupChildren } from '../compiler/names';
import type { JsonValue } from '../spec/pipeline-spec';
import type { GroupState, TaskState } from './types';
import { loopItems, type ValueContext } from './values';

export type NodeKind = 'root' | 'task' | 'condition' | 'branches' | 'loop' | 'iteration' | 'exitHandler';

export interface SimNode {
  id: string;
  kind: NodeKind;
  task?: Task;
  /** The document group (for `iteration`, its loop). */
  group?: Group;
  parent?: SimNode;
  children: SimNode[];
  iteration: number[];
  loopValues: Map<string, JsonValue | undefined>;
  /** Must be finished (in any state) before this starts. */
  deps: Set<SimNode>;
  /** Deps it reads a value from: a skipped one leaves it without input. */
  dataDeps: Set<SimNode>;
  /** Deps whose failure does not stop it (the exit handler group, for its exit task). */
  completedOk: Set<SimNode>;
  /** Loops: items known or assumed. */
  loop?: { count: number; assumed: boolean; why?: string; parallelism: number };
  // ---- filled in by the engine
  state: TaskState | GroupState;
  start?: number;
  end?: number;
  attempts: number;
  /** What decided the start time: a dependency that ended, or the enclosing scope that started. */
  blocker?: { node: SimNode; via: 'end' | 'start' };
}

const suffix = (iteration: number[]) => (iteration.length > 0 ? `[${iteration.join(',')}]` : '');

function node(id: string, kind: NodeKind, parent: SimNode | undefined, iteration: number[], loopValues: Map<string, JsonValue | undefined>): SimNode {
  const n: SimNode = {
    id,
    kind,
    parent,
    children: [],
    iteration,
    loopValues,
    deps: new Set(),
    dataDeps: new Set(),
    completedOk: new Set(),
    state: 'waiting',
    attempts: 0,
  };
  parent?.children.push(n);
  return n;
}

export interface Expansion {
  root: SimNode;
  /** Every node, parents before children. */
  nodes: SimNode[];
  notes: string[];
}

export function expand(doc: PipelineDocument, values: (loopValues: Map<string, JsonValue | undefined>) => ValueContext): Expansion {
  const groups = doc.groups ?? [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  const children = groupChildren(groups);
  const exitTasks = new Set(groups.flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  const groupOf = (t: Task) => (t.group !== undefined && byId.has(t.group) && !exitTasks.has(t.id) ? t.group : '');
  const tasksIn = new Map<string, Task[]>();
  for (const t of doc.tasks) {
    const list = tasksIn.get(groupOf(t)) ?? [];
    list.push(t);
    tasksIn.set(groupOf(t), list);
  }
  /** Document groups enclosing a group (itself included) or a task's group. */
  const enclosing = (groupId: string): Set<string> => {
    const out = new Set<string>();
    for (let g = byId.get(groupId); g && !out.has(g.id); g = g.parent !== undefined ? byId.get(g.parent) : undefined) out.add(g.id);
    return out;
  };
  const taskScopes = new Map(doc.tasks.map((t) => [t.id, enclosing(groupOf(t))]));
  const notes: string[] = [];
  const nodes: SimNode[] = [];
  const root = node('run', 'root', undefined, [], new Map());
  nodes.push(root);

  const fill = (scope: SimNode, groupId: string) => {
    for (const t of tasksIn.get(groupId) ?? []) {
      const n = node(`${t.id}${suffix(scope.iteration)}`, 'task', scope, scope.iteration, scope.loopValues);
      n.task = t;
      nodes.push(n);
    }
    for (const g of children.get(groupId) ?? []) addGroup(scope, g);
  };
  const addGroup = (scope: SimNode, g: Group) => {
    const id = `${g.id}${suffix(scope.iteration)}`;
    const kind: NodeKind = g.kind === 'branches' ? 'branches' : g.kind === 'loop' ? 'loop' : g.kind === 'exitHandler' ? 'exitHandler' : 'condition';
    const n = node(id, kind, scope, scope.iteration, scope.loopValues);
    n.group = g;
    nodes.push(n);
    if (g.kind === 'branches') {
      for (const b of children.get(g.id) ?? []) if (b.kind === 'condition') addGroup(n, b);
    } else if (g.kind === 'loop') {
      const { items, assumed, why } = loopItems(values(scope.loopValues), g);
      n.loop = { count: items.length, assumed, why, parallelism: g.parallelism ?? 0 };
      items.forEach((item, i) => {
        const loopValues = new Map(scope.loopValues).set(g.id, item);
        const it = node(`${g.id}#${i}${suffix(scope.iteration)}`, 'iteration', n, [...scope.iteration, i], loopValues);
        it.group = g;
        nodes.push(it);
        fill(it, g.id);
      });
    } else fill(n, g.id);
  };
  fill(root, '');

  // ---- dependencies
  const scopeHas = (scope: SimNode, task: string) => scope.kind === 'root' || (scope.group !== undefined && taskScopes.get(task)?.has(scope.group.id) === true);
  const holds = (n: SimNode, task: string): boolean =>
    n.kind === 'task' ? n.task!.id === task : n.group !== undefined && taskScopes.get(task)?.has(n.group.id) === true;
  const link = (consumer: SimNode, producer: string, data: boolean, completedOk = false) => {
    let side = consumer;
    for (let scope = consumer.parent; scope; side = scope, scope = scope.parent) {
      if (scope.kind === 'loop' || !scopeHas(scope, producer)) continue;
      const target = scope.children.find((c) => holds(c, producer));
      if (!target || target === side) return;
      side.deps.add(target);
      if (data) side.dataDeps.add(target);
      if (completedOk) side.completedOk.add(target);
      return;
    }
  };
  for (const n of nodes) {
    if (n.kind === 'task') {
      const t = n.task!;
      for (const b of Object.values(t.inputs)) for (const producer of bindingTasks(b)) link(n, producer, true);
      for (const a of t.after) link(n, a, false);
    } else if (n.kind === 'condition' && n.group?.kind === 'condition' && n.group.condition && n.parent?.kind !== 'branches') {
      for (const o of [n.group.condition.left, n.group.condition.right]) if (isTaskOutput(o)) link(n, o.task, true);
    } else if (n.kind === 'branches') {
      for (const b of n.children)
        if (b.group?.kind === 'condition' && b.group.condition)
          for (const o of [b.group.condition.left, b.group.condition.right]) if (isTaskOutput(o)) link(n, o.task, true);
    } else if (n.kind === 'loop' && n.group?.kind === 'loop' && isTaskOutput(n.group.items)) link(n, n.group.items.task, true);
  }
  // The exit task runs once its group has finished, however it finished.
  for (const n of nodes) {
    if (n.kind !== 'exitHandler' || n.group?.kind !== 'exitHandler') continue;
    const exit = root.children.find((c) => c.kind === 'task' && c.task!.id === (n.group as { exitTask: string }).exitTask);
    if (exit) {
      exit.deps.add(n);
      exit.completedOk.add(n);
    }
  }
  return { root, nodes, notes };
}
