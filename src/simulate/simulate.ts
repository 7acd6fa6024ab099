/**
 * A simulated run of a pipeline (issue #7): what waits for what, which branch each
 * condition takes for the given parameter values, loops fanned out and in, retries,
 * failures and what they stop, cached tasks, and an estimated wall time with its critical
 * path. Pure: document + catalog + options → plain data. `snapshotAt` replays the events
 * to any step, for stepping through the run. The semantics are listed in `engine.ts`.
 */
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import { taskKeys } from '../compiler/compile';
import { numberGroups } from '../compiler/names';
import type { Group, PipelineDocument, Task } from '../document/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { estimateDuration } from './durations';
import { runEngine } from './engine';
import { expand, type SimNode } from './expand';
import type {
  CriticalStep,
  GroupRun,
  RunSnapshot,
  RunSummary,
  SimulatedRun,
  SimulateOptions,
  TaskRun,
  TaskState,
  TaskSummary,
} from './types';
import { evaluateCondition, type ValueContext } from './values';

export type * from './types';
export { formatDuration, estimateDuration, DURATION_RULES, CACHE_HIT_SECONDS } from './durations';

const TASK_STATES: TaskState[] = ['waiting', 'running', 'retrying', 'succeeded', 'failed', 'skipped', 'cached', 'not-run'];

/** The state that says most about a task with several runs (loop iterations). */
export function overallState(states: TaskState[]): TaskState {
  if (states.length === 0) return 'skipped';
  if (states.every((s) => s === 'skipped')) return 'skipped';
  if (states.every((s) => s === 'cached')) return 'cached';
  for (const s of ['failed', 'running', 'retrying', 'waiting', 'not-run', 'succeeded', 'cached', 'skipped'] as const) if (states.includes(s)) return s;
  return 'waiting';
}

/** Looks a per-task option up by task id, then by task key. */
function byTask<T>(map: Record<string, T> | undefined, task: Task, key: string): T | undefined {
  if (!map) return undefined;
  if (Object.prototype.hasOwnProperty.call(map, task.id)) return map[task.id];
  if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
  return undefined;
}

export function simulate(doc: PipelineDocument, catalog: Catalog, options: SimulateOptions = {}): SimulatedRun {
  const keys = taskKeys(doc, catalog);
  const entries = new Map(doc.tasks.map((t) => [t.id, taskEntry(doc, catalog, t)]));
  const keyOf = (id: string) => keys.get(id) ?? id;
  const { names: groupNames } = numberGroups(doc);
  const groupLabel = (g: Group) => {
    const name = groupNames.get(g.id) ?? g.id;
    return g.displayName && g.kind !== 'branches' ? `${name} (${g.displayName})` : name;
  };
  const notes: string[] = [];

  const outputsById = new Map<string, Record<string, JsonValue>>();
  for (const t of doc.tasks) {
    const given = byTask(options.outputs, t, keyOf(t.id));
    if (given) outputsById.set(t.id, given);
  }
  const values = (loopValues: Map<string, JsonValue | undefined>): ValueContext => ({
    doc,
    parameterValues: options.parameterValues ?? {},
    output: (task, output) => outputsById.get(task)?.[output],
    outputType: (task, output) => entries.get(task)?.outputDefinitions?.parameters?.[output]?.parameterType as ParameterType | undefined,
    loopValues,
    taskLabel: keyOf,
  });
  for (const p of doc.parameters)
    if (p.default === undefined && !p.optional && !Object.prototype.hasOwnProperty.call(options.parameterValues ?? {}, p.name))
      notes.push(`No value was given for the required parameter ${p.name}.`);

  const { root, nodes } = expand(doc, values);

  const cachedSet = new Set(options.cached ?? []);
  for (const t of doc.tasks)
    if ((cachedSet.has(t.id) || cachedSet.has(keyOf(t.id))) && !t.caching)
      notes.push(`${keyOf(t.id)} has caching turned off, so it runs even though its result is in the cache.`);
  const durations = new Map(
    doc.tasks.map((t) => {
      const given = byTask(options.durations, t, keyOf(t.id));
      return [t.id, given !== undefined ? { seconds: given, basis: 'given' } : estimateDuration(t, entries.get(t.id))];
    }),
  );

  const engine = runEngine({
    root,
    nodes,
    policy: options.failurePolicy ?? 'slow',
    taskLabel: (n) => `${keyOf(n.task!.id)}${n.iteration.length > 0 ? `[${n.iteration.join(',')}]` : ''}`,
    groupLabel,
    duration: (t) => durations.get(t.id)!.seconds,
    failingAttempts: (t) => byTask(options.failures, t, keyOf(t.id)) ?? 0,
    cached: (t) => t.caching && (cachedSet.has(t.id) || cachedSet.has(keyOf(t.id))),
    evaluate: (n, c) => evaluateCondition(values(n.loopValues), c),
  });

  const taskRuns: TaskRun[] = nodes
    .filter((n) => n.kind === 'task')
    .map((n) => {
      const d = durations.get(n.task!.id)!;
      const run: TaskRun = {
        id: n.id,
        task: n.task!.id,
        key: keyOf(n.task!.id),
        iteration: n.iteration,
        state: n.state as TaskState,
        attempts: n.attempts,
        duration: d.seconds,
        durationBasis: d.basis,
      };
      if (n.start !== undefined && n.state !== 'skipped' && n.state !== 'not-run') {
        run.start = n.start;
        run.end = n.end;
      }
      return run;
    });
  const groupRuns: GroupRun[] = nodes
    .filter((n) => n.kind !== 'task' && n.kind !== 'root')
    .map((n) => {
      const run: GroupRun = { id: n.id, group: n.group!.id, kind: n.kind as GroupRun['kind'], iteration: n.iteration, state: n.state as GroupRun['state'] };
      if (n.start !== undefined) run.start = n.start;
      if (n.end !== undefined) run.end = n.end;
      return run;
    });

  const counts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
  for (const r of taskRuns) counts[r.state]++;
  const tasks: Record<string, TaskSummary> = {};
  for (const t of doc.tasks) {
    const runs = taskRuns.filter((r) => r.task === t.id);
    const starts = runs.flatMap((r) => (r.start !== undefined ? [r.start] : []));
    const ends = runs.flatMap((r) => (r.end !== undefined ? [r.end] : []));
    const d = durations.get(t.id)!;
    const summary: TaskSummary = {
      state: overallState(runs.map((r) => r.state)),
      runs: runs.length,
      attempts: runs.reduce((sum, r) => sum + r.attempts, 0),
      duration: d.seconds,
      durationBasis: d.basis,
    };
    if (starts.length > 0) summary.start = Math.min(...starts);
    if (ends.length > 0) summary.end = Math.max(...ends);
    tasks[t.id] = summary;
  }

  const summary: RunSummary = {
    state: root.state === 'failed' ? 'failed' : 'succeeded',
    wallTime: root.end ?? 0,
    counts,
    tasks,
    branches: engine.branches,
    loops: engine.loops,
    criticalPath: criticalPath(nodes),
    notes: [...notes, ...engine.notes],
  };
  return { events: engine.events, tasks: taskRuns, groups: groupRuns, summary };
}

/** The latest-ending task run inside a node (itself for a task). */
function lastTask(n: SimNode): SimNode | undefined {
  if (n.kind === 'task') return n.start !== undefined && n.state !== 'skipped' && n.state !== 'not-run' ? n : undefined;
  let best: SimNode | undefined;
  for (const c of n.children) {
    const t = lastTask(c);
    if (t && (!best || (t.end ?? 0) > (best.end ?? 0))) best = t;
  }
  return best;
}

/**
 * From the task run that finished last, back through what each start waited for: the
 * dependency that ended last (inside a group, its last task run) or, when a run waited for
 * its group to start, whatever that group waited for.
 */
function criticalPath(nodes: SimNode[]): CriticalStep[] {
  let cur = nodes.filter((n) => n.kind === 'task').reduce<SimNode | undefined>((best, n) => {
    const t = lastTask(n);
    return t && (!best || (t.end ?? 0) >= (best.end ?? 0)) ? t : best;
  }, undefined);
  const path: CriticalStep[] = [];
  const seen = new Set<SimNode>();
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    path.unshift({ run: cur.id, task: cur.task!.id, start: cur.start ?? 0, end: cur.end ?? 0 });
    let b = cur.blocker;
    let next: SimNode | undefined;
    while (b) {
      if (b.node.kind === 'task') {
        next = b.node.start !== undefined && b.node.state !== 'skipped' && b.node.state !== 'not-run' ? b.node : undefined;
        break;
      }
      const inside = b.via === 'end' ? lastTask(b.node) : undefined;
      if (inside) {
        next = inside;
        break;
      }
      b = b.node.blocker;
    }
    cur = next;
  }
  return path;
}

/** The state of every task run and group after `step` events (0 = before the run starts). */
export function snapshotAt(run: SimulatedRun, step: number): RunSnapshot {
  const upto = Math.max(0, Math.min(step, run.events.length));
  const taskRuns: RunSnapshot['taskRuns'] = {};
  for (const r of run.tasks) taskRuns[r.id] = { state: 'waiting', attempt: 0 };
  const groups: RunSnapshot['groups'] = {};
  for (const g of run.groups) groups[g.id] = 'waiting';
  let state: RunSnapshot['run'] = 'waiting';
  let time = 0;
  for (const e of run.events.slice(0, upto)) {
    time = e.time;
    if (e.kind === 'run-started') state = 'running';
    else if (e.kind === 'run-finished') state = run.summary.state;
    else if (e.run && e.task && taskRuns[e.run]) taskRuns[e.run] = { state: e.state as TaskState, attempt: e.attempt ?? taskRuns[e.run].attempt };
    else if (e.run && e.group && e.kind !== 'condition' && groups[e.run] !== undefined) groups[e.run] = e.state as RunSnapshot['groups'][string];
  }
  const tasks: RunSnapshot['tasks'] = {};
  const byTask = new Map<string, TaskState[]>();
  for (const r of run.tasks) byTask.set(r.task, [...(byTask.get(r.task) ?? []), taskRuns[r.id].state]);
  for (const [task, states] of byTask) tasks[task] = overallState(states);
  for (const task of Object.keys(run.summary.tasks)) tasks[task] ??= upto >= run.events.length ? 'skipped' : 'waiting';
  return { step: upto, time, run: state, taskRuns, tasks, groups };
}
