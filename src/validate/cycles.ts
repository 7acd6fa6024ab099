/**
 * Cycles, through groups too: dependencies are lifted to the first groups the two ends do
 * not share, as KFP lifts `dependentTasks` (`compiler_utils.get_dependencies`), and a cycle
 * among siblings at any level is a cycle of the pipeline.
 */
import { isOneOf, isTaskOutput, isTemplate } from '../document/types';
import { groupChain, groupLabel, isExitTask, taskChain, taskLabel, type Context } from './context';


type Node = string; // 't:<task id>' or 'g:<group id>'

/** Edges between siblings, lifted like KFP's dependencies: node → nodes it waits for. */
function liftedDependencies(ctx: Context): { edges: Map<Node, Set<Node>>; selfWaits: Array<[Node, string]> } {
  const edges = new Map<Node, Set<Node>>();
  const selfWaits: Array<[Node, string]> = [];
  const path = (chain: readonly string[], leaf?: string): Node[] => [...chain.map((g) => `g:${g}`), ...(leaf ? [`t:${leaf}`] : [])];
  const add = (reader: Node[], producerTask: string) => {
    const producer = ctx.tasks.get(producerTask);
    if (!producer || isExitTask(ctx, producerTask)) return;
    const p = path(taskChain(ctx, producer), producerTask);
    let common = 0;
    while (common < p.length && common < reader.length && p[common] === reader[common]) common++;
    if (common >= reader.length || common >= p.length) {
      if (common >= reader.length && reader.length > 0) selfWaits.push([reader[reader.length - 1], producerTask]);
      return;
    }
    let set = edges.get(reader[common]);
    if (!set) edges.set(reader[common], (set = new Set()));
    set.add(p[common]);
  };
  for (const t of ctx.doc.tasks) {
    if (isExitTask(ctx, t.id)) continue;
    const reader = path(taskChain(ctx, t), t.id);
    for (const b of Object.values(t.inputs)) {
      if (isTaskOutput(b)) add(reader, b.task);
      else if (isOneOf(b)) b.oneOf.forEach((r) => add(reader, r.task));
      else if (isTemplate(b)) for (const part of b.template) if (typeof part !== 'string' && isTaskOutput(part)) add(reader, part.task);
    }
    for (const a of t.after) add(reader, a);
  }
  for (const g of ctx.doc.groups ?? []) {
    const reader = path(groupChain(ctx, g.id));
    if (g.kind === 'condition' && g.condition)
      for (const side of [g.condition.left, g.condition.right]) if (!('constant' in side) && isTaskOutput(side)) add(reader, side.task);
    if (g.kind === 'loop' && isTaskOutput(g.items)) add(reader, g.items.task);
  }
  return { edges, selfWaits };
}

function nodeLabel(ctx: Context, n: Node): string {
  return n.startsWith('t:') ? taskLabel(ctx, n.slice(2)) : groupLabel(ctx, n.slice(2));
}

/**
 * The first dependency cycle found by a depth-first walk from `nodes` in order along `next`
 * (a node's upstream nodes), as the path that closes it (its first node repeated at the end).
 */
export function firstCycle<N>(nodes: Iterable<N>, next: (n: N) => Iterable<N>): N[] | undefined {
  const state = new Map<N, 1 | 2>();
  const stack: N[] = [];
  const visit = (n: N): N[] | undefined => {
    state.set(n, 1);
    stack.push(n);
    for (const up of next(n)) {
      const s = state.get(up);
      if (s === 1) return [...stack.slice(stack.indexOf(up)), up];
      if (s === undefined) {
        const found = visit(up);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

/** Reports a dependency cycle (first found) and groups that wait for their own content. */
export function checkCycles(ctx: Context): void {
  const { edges, selfWaits } = liftedDependencies(ctx);
  for (const [node, producer] of selfWaits)
    ctx.error('CYCLE', `${nodeLabel(ctx, node)} waits for ${taskLabel(ctx, producer)}, which runs inside it.`, node.startsWith('g:') ? { groupId: node.slice(2) } : { taskId: node.slice(2) });
  const cycle = firstCycle(edges.keys(), (n) => edges.get(n) ?? []);
  if (!cycle) return;
  const first = cycle[0];
  ctx.error(
    'CYCLE',
    `Tasks depend on each other in a circle: ${cycle.map((x) => nodeLabel(ctx, x)).join(' → ')}.`,
    first.startsWith('t:') ? { taskId: first.slice(2) } : { groupId: first.slice(2) },
  );
}

