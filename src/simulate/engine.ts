/**
 * The clock of a simulated run: a discrete-event simulation over the tree from `expand.ts`.
 * The semantics it relies on, as KFP and Vertex AI Pipelines run a compiled spec:
 *
 * - A task starts when its enclosing group has started and everything it depends on has
 *   finished (ALL_UPSTREAM_TASKS_SUCCEEDED). If one of those failed or did not run, it is
 *   not run; with `.ignore_upstream_failure()` it runs anyway (ALL_UPSTREAM_TASKS_COMPLETED).
 *   A task whose input comes from something that was skipped has no input and is skipped.
 * - A group (condition, loop, exit handler) starts once everything its contents read from
 *   outside has finished. A condition that is false skips everything inside it. In an
 *   If/Elif/Else chain the first branch whose condition holds runs and the others are
 *   skipped (each later branch is compiled with the earlier ones negated).
 * - A ParallelFor runs one iteration per item, at most `parallelism` at a time, in order;
 *   what waits for a task inside the loop waits for the whole loop (fan in).
 * - A task fails when its failing attempts outnumber its retries; attempt k+1 starts after
 *   the backoff `min(duration * factor^(k-1), max)` (KFP's defaults 0 s, 2, 1 h).
 * - The exit task of an exit handler runs when the group has finished, even after a failure.
 * - A task whose result the cache holds (and whose caching is on) finishes at once.
 * - After a failure the run goes on with whatever does not depend on it (Vertex AI's default
 *   "slow" failure policy); with `fast`, nothing new starts except exit tasks.
 * - The run fails when any task failed.
 */
import type { Condition, Group, Task } from '../document/types';
import { CACHE_HIT_SECONDS, formatDuration } from './durations';
import type { SimNode } from './expand';
import type { BranchOutcome, GroupState, LoopOutcome, SimEvent, SimEventKind, TaskState } from './types';

export interface EngineInput {
  root: SimNode;
  nodes: SimNode[];
  policy: 'slow' | 'fast';
  taskLabel(n: SimNode): string;
  groupLabel(g: Group): string;
  duration(t: Task): number;
  failingAttempts(t: Task): number;
  cached(t: Task): boolean;
  evaluate(n: SimNode, c: Condition): { result: 'true' | 'false' | 'unknown'; text: string; why?: string };
}

export interface EngineOutput {
  events: SimEvent[];
  branches: BranchOutcome[];
  loops: LoopOutcome[];
  notes: string[];
}

const TERMINAL = new Set(['succeeded', 'failed', 'skipped', 'cached', 'not-run']);
export const isTerminal = (n: SimNode) => TERMINAL.has(n.state);

/** KFP's retry wait before attempt `k + 1` (after the k-th failure). */
export function backoffSeconds(t: Task, k: number): number {
  const b = t.retryBackoff ?? {};
  const max = Math.min(b.maxDuration ?? 3600, 3600);
  return Math.min((b.duration ?? 0) * (b.factor || 2) ** (k - 1), max);
}

/** Pending actions by time; actions at the same time run in the order they were scheduled. */
class Clock {
  private readonly queue: Array<{ time: number; seq: number; run: () => void }> = [];
  private seq = 0;
  now = 0;

  private before(a: number, b: number): boolean {
    const x = this.queue[a];
    const y = this.queue[b];
    return x.time < y.time || (x.time === y.time && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.queue[a], this.queue[b]] = [this.queue[b], this.queue[a]];
  }

  at(time: number, run: () => void): void {
    this.queue.push({ time, seq: this.seq++, run });
    for (let i = this.queue.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Runs the next action; false when none is left. */
  next(): boolean {
    const q = this.queue;
    if (q.length === 0) return false;
    const top = q[0];
    const last = q.pop()!;
    if (q.length > 0) {
      q[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < q.length && this.before(l, m)) m = l;
        if (r < q.length && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    this.now = top.time;
    top.run();
    return true;
  }
}

export function runEngine(input: EngineInput): EngineOutput {
  const clock = new Clock();
  const events: SimEvent[] = [];
  const branches: BranchOutcome[] = [];
  const loops: LoopOutcome[] = [];
  const notes: string[] = [];
  let fastFailed = false;
  const dependents = new Map<SimNode, SimNode[]>();
  for (const n of input.nodes) for (const d of n.deps) dependents.set(d, [...(dependents.get(d) ?? []), n]);

  const emit = (kind: SimEventKind, n: SimNode | undefined, message: string, extra: Partial<SimEvent> = {}) => {
    const e: SimEvent = { step: events.length, time: clock.now, kind, message, ...extra };
    if (n && n.kind !== 'root') {
      e.run = n.id;
      if (n.task) e.task = n.task.id;
      else if (n.group) e.group = n.group.id;
      e.state = n.state as TaskState | GroupState;
    }
    events.push(e);
  };
  const label = (n: SimNode) =>
    n.kind === 'task'
      ? input.taskLabel(n)
      : n.kind === 'iteration'
        ? `iteration ${n.iteration[n.iteration.length - 1] + 1} of ${input.groupLabel(n.group!)}`
        : input.groupLabel(n.group!);

  /** Marks everything inside `n` (not yet finished) skipped or not run. */
  const markInside = (n: SimNode, state: 'skipped' | 'not-run', why: string) => {
    for (const c of n.children) {
      if (isTerminal(c)) continue;
      c.state = state;
      c.end = clock.now;
      if (c.kind === 'task') emit(state === 'skipped' ? 'task-skipped' : 'task-not-run', c, `${label(c)} ${state === 'skipped' ? 'is skipped' : 'does not run'}: ${why}.`);
      else {
        emit(state === 'skipped' ? 'group-skipped' : 'group-not-run', c, `${label(c)} ${state === 'skipped' ? 'is skipped' : 'does not run'}: ${why}.`);
        markInside(c, state, why);
      }
    }
  };

  const settle = (n: SimNode) => {
    n.end ??= clock.now;
    for (const d of dependents.get(n) ?? []) tryStart(d);
    const parent = n.parent;
    if (!parent) return;
    if (n.kind === 'iteration') startIterations(parent, n);
    checkDone(parent);
  };

  const finishAs = (n: SimNode, state: 'skipped' | 'not-run', why: string) => {
    n.state = state;
    n.end = clock.now;
    const isTask = n.kind === 'task';
    const kind: SimEventKind = isTask ? (state === 'skipped' ? 'task-skipped' : 'task-not-run') : state === 'skipped' ? 'group-skipped' : 'group-not-run';
    emit(kind, n, `${label(n)} ${state === 'skipped' ? 'is skipped' : 'does not run'}: ${why}.`);
    if (!isTask) markInside(n, state, why);
    settle(n);
  };

  const checkDone = (g: SimNode) => {
    if (g.state !== 'running' || !g.children.every(isTerminal)) return;
    const bad = g.children.some((c) => c.state === 'failed' || c.state === 'not-run');
    g.state = bad ? 'failed' : g.kind === 'branches' && g.children.every((c) => c.state === 'skipped') ? 'skipped' : 'succeeded';
    g.end = clock.now;
    if (g.kind === 'root') {
      emit('run-finished', undefined, bad ? 'The run failed.' : 'The run succeeded.');
      return;
    }
    const how = g.state === 'failed' ? 'with failures' : g.state === 'skipped' ? 'without running a branch' : 'successfully';
    emit('group-finished', g, `${label(g)} finished ${how}.`);
    settle(g);
  };

  const setBlocker = (n: SimNode) => {
    let best: SimNode['blocker'] = n.parent ? { node: n.parent, via: 'start' } : undefined;
    let time = n.parent?.start ?? 0;
    for (const d of n.deps)
      if ((d.end ?? 0) >= time) {
        time = d.end ?? 0;
        best = { node: d, via: 'end' };
      }
    n.blocker = best;
  };

  const startTask = (n: SimNode) => {
    const t = n.task!;
    n.start = clock.now;
    if (input.cached(t)) {
      // Looking the result up: not finished until the lookup is done.
      n.state = 'running';
      clock.at(clock.now + CACHE_HIT_SECONDS, () => {
        n.state = 'cached';
        emit('task-cached', n, `${label(n)} takes its result from the cache.`);
        settle(n);
      });
      return;
    }
    const attempts = (t.retries ?? 0) + 1;
    const failing = input.failingAttempts(t);
    const duration = input.duration(t);
    const attempt = (k: number) => {
      n.state = 'running';
      n.attempts = k;
      const exit = n.completedOk.size > 0 ? ' (an exit task: it runs however its group ended)' : '';
      emit('task-started', n, k === 1 ? `${label(n)} starts${exit}.` : `${label(n)} starts attempt ${k} of ${attempts}.`, { attempt: k });
      clock.at(clock.now + duration, () => {
        if (k > failing) {
          n.state = 'succeeded';
          emit('task-succeeded', n, `${label(n)} succeeds${k > 1 ? ` on attempt ${k}` : ''}.`, { attempt: k });
          settle(n);
        } else if (k < attempts) {
          const wait = backoffSeconds(t, k);
          n.state = 'retrying';
          emit('task-retry', n, `${label(n)} attempt ${k} fails; it retries${wait > 0 ? ` in ${formatDuration(wait)}` : ''} (${attempts - k} ${attempts - k === 1 ? 'retry' : 'retries'} left).`, { attempt: k });
          clock.at(clock.now + wait, () => attempt(k + 1));
        } else {
          n.state = 'failed';
          emit('task-failed', n, `${label(n)} fails${attempts > 1 ? ` after ${attempts} attempts` : ''}.`, { attempt: k });
          if (input.policy === 'fast') fastFailed = true;
          settle(n);
        }
      });
    };
    attempt(1);
  };

  const startGroup = (n: SimNode) => {
    n.start = clock.now;
    const g = n.group!;
    if (n.kind === 'condition' && g.kind === 'condition') {
      const r = g.condition ? input.evaluate(n, g.condition) : { result: 'true' as const, text: 'True' };
      branches.push({ group: g.id, run: n.id, taken: r.result !== 'false', result: r.result, text: r.text });
      if (r.result === 'unknown') notes.push(`${label(n)}: ${r.why ?? 'a value is not known'}; the condition is taken as true.`);
      emit('condition', n, `${label(n)}: ${r.text} is ${r.result === 'unknown' ? 'unknown (taken as true)' : r.result}.`, { result: r.result });
      if (r.result === 'false') return finishAs(n, 'skipped', 'its condition is false');
    }
    n.state = 'running';
    if (n.kind === 'branches') {
      emit('group-started', n, `${label(n)} starts: the first branch whose condition holds runs.`);
      let taken = false;
      for (const b of n.children) {
        const c = b.group?.kind === 'condition' ? b.group.condition : undefined;
        b.start = clock.now;
        if (taken) {
          branches.push({ group: b.group!.id, run: b.id, taken: false, result: 'false', text: 'an earlier branch ran' });
          finishAs(b, 'skipped', 'an earlier branch ran');
          continue;
        }
        const r = c ? input.evaluate(b, c) : { result: 'true' as const, text: 'no earlier branch ran' };
        branches.push({ group: b.group!.id, run: b.id, taken: r.result !== 'false', result: r.result, text: r.text });
        if (c) emit('condition', b, `${label(b)}: ${r.text} is ${r.result === 'unknown' ? 'unknown (taken as true)' : r.result}.`, { result: r.result });
        if (r.result === 'unknown') notes.push(`${label(b)}: ${(r as { why?: string }).why ?? 'a value is not known'}; the condition is taken as true.`);
        if (r.result === 'false') {
          finishAs(b, 'skipped', 'its condition is false');
          continue;
        }
        taken = true;
        b.state = 'running';
        b.blocker = { node: n, via: 'start' };
        emit('group-started', b, `${label(b)} runs.`);
        for (const c2 of b.children) tryStart(c2);
        checkDone(b);
      }
      checkDone(n);
      return;
    }
    if (n.kind === 'loop') {
      const loop = n.loop!;
      loops.push({ group: g.id, run: n.id, iterations: loop.count, parallelism: loop.parallelism || undefined, assumed: loop.assumed });
      if (loop.assumed) notes.push(`${label(n)}: ${loop.why ?? 'its items are not known'}; one iteration is assumed.`);
      const limit = loop.parallelism > 0 && loop.parallelism < loop.count ? `, at most ${loop.parallelism} at a time` : '';
      emit('group-started', n, `${label(n)} starts ${loop.count} ${loop.count === 1 ? 'iteration' : 'iterations'}${limit}.`);
      startIterations(n);
      checkDone(n);
      return;
    }
    emit('group-started', n, `${label(n)} starts.`);
    for (const c of n.children) tryStart(c);
    checkDone(n);
  };

  const startIterations = (loop: SimNode, freedBy?: SimNode) => {
    if (loop.state !== 'running') return;
    const limit = loop.loop!.parallelism > 0 ? loop.loop!.parallelism : Infinity;
    let active = loop.children.filter((c) => c.state === 'running').length;
    for (const it of loop.children) {
      if (active >= limit) break;
      if (it.state !== 'waiting') continue;
      it.state = 'running';
      it.start = clock.now;
      it.blocker = freedBy ? { node: freedBy, via: 'end' } : { node: loop, via: 'start' };
      active++;
      emit('group-started', it, `${label(it)} starts.`);
      for (const c of it.children) tryStart(c);
      checkDone(it);
    }
  };

  function tryStart(n: SimNode): void {
    if (n.state !== 'waiting' || n.kind === 'iteration' || n.kind === 'root') return;
    if (n.parent && n.parent.state !== 'running') return;
    if (![...n.deps].every(isTerminal)) return;
    setBlocker(n);
    const failed = [...n.deps].filter(
      (d) => (d.state === 'failed' || d.state === 'not-run') && !n.completedOk.has(d) && !(n.task?.ignoreUpstreamFailure === true),
    );
    if (failed.length > 0) return finishAs(n, 'not-run', `${label(failed[0])} ${failed[0].state === 'failed' ? 'failed' : 'did not run'}`);
    const noInput = [...n.dataDeps].find((d) => d.state === 'skipped');
    if (noInput) return finishAs(n, 'skipped', `its input from ${label(noInput)} was never produced`);
    if (fastFailed && n.completedOk.size === 0) return finishAs(n, 'not-run', 'the run stops after a failure (fast failure policy)');
    if (n.kind === 'task') startTask(n);
    else startGroup(n);
  }

  input.root.state = 'running';
  input.root.start = 0;
  emit('run-started', undefined, 'The run starts.');
  for (const c of input.root.children) tryStart(c);
  checkDone(input.root);
  while (clock.next()) {
    /* every action schedules what follows it */
  }
  // Anything still waiting is stuck behind a cycle (only in an invalid document).
  const stuck = input.nodes.filter((n) => n.kind === 'task' && !isTerminal(n));
  if (stuck.length > 0) {
    notes.push(`${stuck.length} task run(s) wait on each other in a cycle and never start.`);
    for (const n of stuck) finishAs(n, 'not-run', 'it waits on a cycle');
  }
  return { events, branches, loops, notes };
}
