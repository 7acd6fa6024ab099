/**
 * Simulated runs of the golden pipelines: order and timing, the branch each condition takes
 * for given parameter values (03a, 03b), loops fanned out and in (04a, 04b, upstream),
 * failures and what they stop, the exit handler running after a failure (02a, 02b),
 * retries, the cache, and stepping through the events. The KFP semantics relied on are
 * listed in `engine.ts` and `values.ts`; each test names the one it checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import type { PipelineDocument } from '../document/types';
import { c, DocBuilder, item, out, p } from '../test-support/build';
import { HAVE_GOLDENS } from '../test-support/golden';
import { PIPELINE_DOCUMENTS, randomDocument, SEED_DOCUMENT, UPSTREAM_DOCUMENTS, upstreamCase } from '../test-support/golden-documents';
import { formatDuration, simulate, snapshotAt, type SimulatedRun, type SimulateOptions, type TaskRun } from './simulate';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const MIN = 60;
const HOUR = 3600;
const doc = (name: string) => PIPELINE_DOCUMENTS[`pipelines/${name}`]();
const run = (d: PipelineDocument, options: SimulateOptions = {}) =>
  simulate(d, catalog, { ...options, parameterValues: { project_id: 'my-project', ...options.parameterValues } });

function taskRun(r: SimulatedRun, key: string, iteration: number[] = []): TaskRun {
  const found = r.tasks.find((t) => t.key === key && t.iteration.join() === iteration.join());
  if (!found) throw new Error(`No run of ${key}[${iteration}] in ${r.tasks.map((t) => t.id).join(', ')}`);
  return found;
}
const states = (r: SimulatedRun) => Object.fromEntries(r.tasks.map((t) => [t.id === t.task ? t.key : `${t.key}[${t.iteration}]`, t.state]));
const order = (r: SimulatedRun, kind: string) => r.events.filter((e) => e.kind === kind).map((e) => r.tasks.find((t) => t.id === e.run)?.key ?? e.run);

describe('simulated run: order and timing', () => {
  it('seed: a task starts when the tasks it reads have finished; the wall time follows the critical path', () => {
    const r = run(SEED_DOCUMENT.build());
    // Dataset and endpoint depend on nothing: both start at once.
    expect(taskRun(r, 'image-dataset-create').start).toBe(0);
    expect(taskRun(r, 'endpoint-create').start).toBe(0);
    // Training reads the dataset; deploy reads the model and the endpoint.
    expect(taskRun(r, 'automl-image-training-job').start).toBe(10 * MIN);
    expect(taskRun(r, 'model-deploy').start).toBe(10 * MIN + 2 * HOUR);
    expect(r.summary.wallTime).toBe(10 * MIN + 2 * HOUR + 15 * MIN);
    expect(formatDuration(r.summary.wallTime)).toBe('2 h 25 min');
    expect(r.summary.criticalPath.map((s) => s.run)).toEqual(['t1', 't2', 't4']);
    expect(r.summary.state).toBe('succeeded');
    expect(r.summary.counts.succeeded).toBe(4);
    expect(order(r, 'task-succeeded')).toEqual(['endpoint-create', 'image-dataset-create', 'automl-image-training-job', 'model-deploy']);
    expect(r.events[0].kind).toBe('run-started');
    expect(r.events[r.events.length - 1]).toMatchObject({ kind: 'run-finished', time: r.summary.wallTime });
    expect(r.events.every((e, i) => e.step === i && (i === 0 || e.time >= r.events[i - 1].time))).toBe(true);
  });

  it('uses given durations (by task key or id) instead of the estimates', () => {
    const r = run(SEED_DOCUMENT.build(), { durations: { 'automl-image-training-job': 60, t1: 10 } });
    expect(taskRun(r, 'automl-image-training-job')).toMatchObject({ start: 10, end: 70, durationBasis: 'given' });
    expect(taskRun(r, 'model-deploy').durationBasis).toBe('model deployment');
  });
});

describe('simulated run: conditions (03a, 03b)', () => {
  it('03a If/Elif/Else: the first branch whose condition holds runs, the others are skipped', () => {
    const taken = (mode: string | undefined) => {
      const r = run(doc('pipeline-03a-if-elif-else'), mode === undefined ? {} : { parameterValues: { deploy_mode: mode } });
      return { r, taken: r.summary.branches.filter((b) => b.taken).map((b) => b.group), s: states(r) };
    };
    // The default ('dedicated') takes the If.
    const dedicated = taken(undefined);
    expect(dedicated.taken).toEqual(['g2']);
    expect(dedicated.s).toMatchObject({ 'model-deploy': 'succeeded', 'model-deploy-2': 'skipped', 'skip-deploy': 'skipped' });
    const automatic = taken('automatic');
    expect(automatic.taken).toEqual(['g3']);
    expect(automatic.s).toMatchObject({ 'model-deploy': 'skipped', 'model-deploy-2': 'succeeded', 'skip-deploy': 'skipped' });
    expect(automatic.r.summary.branches.map((b) => b.result)).toEqual(['false', 'true', 'false']);
    const neither = taken('none');
    expect(neither.taken).toEqual(['g4']);
    expect(neither.s).toMatchObject({ 'model-deploy': 'skipped', 'model-deploy-2': 'skipped', 'skip-deploy': 'succeeded' });
    // The chain waits for what its branches read (model and endpoint), then decides.
    const condition = automatic.r.events.find((e) => e.kind === 'condition')!;
    expect(condition.time).toBe(taskRun(automatic.r, 'automl-image-training-job').end);
    expect(condition.message).toBe('condition-2 (deploy-dedicated): deploy_mode ("automatic") == "dedicated" is false.');
  });

  it('03b nested dsl.Condition on a bool and an int parameter', () => {
    const both = run(doc('pipeline-03b-condition-legacy'));
    expect(states(both)).toMatchObject({ 'endpoint-create': 'succeeded', 'model-deploy': 'succeeded' });
    // The outer group holds model-deploy, which reads the trained model: the whole group waits for training.
    expect(taskRun(both, 'endpoint-create').start).toBe(taskRun(both, 'automl-image-training-job').end);
    const noDeploy = run(doc('pipeline-03b-condition-legacy'), { parameterValues: { deploy: false } });
    expect(states(noDeploy)).toMatchObject({ 'endpoint-create': 'skipped', 'model-deploy': 'skipped', 'automl-image-training-job': 'succeeded' });
    expect(noDeploy.summary.branches.map((b) => [b.group, b.taken])).toEqual([['g1', false]]);
    const noReplicas = run(doc('pipeline-03b-condition-legacy'), { parameterValues: { min_replicas: 0 } });
    expect(states(noReplicas)).toMatchObject({ 'endpoint-create': 'succeeded', 'model-deploy': 'skipped' });
    // KFP compares an int parameter as int(...): 1.9 is 1 > 0.
    const truncated = run(doc('pipeline-03b-condition-legacy'), { parameterValues: { min_replicas: 0.9 } });
    expect(states(truncated)['model-deploy']).toBe('skipped');
  });

  it('conditions on task outputs use the outputs given, and take unknown values as true (with a note)', () => {
    if (!HAVE_GOLDENS) return;
    const { doc: flip } = upstreamCase('critical/flip_coin.yaml', catalog);
    const heads = simulate(flip, catalog, { outputs: { 'flip-coin': { Output: 'heads' }, 'random-num': { Output: 7 } } });
    expect(states(heads)).toMatchObject({ 'random-num': 'succeeded', 'print-msg': 'succeeded', 'print-msg-2': 'skipped', 'random-num-2': 'skipped' });
    const unknown = simulate(flip, catalog);
    expect(unknown.summary.branches.every((b) => b.result === 'unknown' && b.taken)).toBe(true);
    expect(unknown.summary.notes.some((n) => n.includes('the output Output of flip-coin is not known'))).toBe(true);
  });
});

describe('simulated run: loops (04a, 04b, upstream)', () => {
  it('04a loops over the parameter value, at most 2 iterations at a time', () => {
    const r = run(doc('pipeline-04a-parallelfor-param'));
    expect(r.tasks.map((t) => t.id)).toEqual(['t1[0]', 't1[1]', 't1[2]']);
    expect([0, 1, 2].map((i) => taskRun(r, 'image-dataset-create', [i]).start)).toEqual([0, 0, 10 * MIN]);
    expect(r.summary.wallTime).toBe(20 * MIN);
    expect(r.summary.loops).toEqual([{ group: 'g1', run: 'g1', iterations: 3, parallelism: 2, assumed: false }]);
    expect(r.summary.tasks.t1).toMatchObject({ state: 'succeeded', runs: 3, attempts: 3 });
    expect(r.summary.criticalPath.map((s) => s.run)).toEqual(['t1[0]', 't1[2]']);
    const five = run(doc('pipeline-04a-parallelfor-param'), { parameterValues: { display_names: ['a', 'b', 'c', 'd', 'e'] } });
    expect(five.tasks).toHaveLength(5);
    expect(five.summary.wallTime).toBe(30 * MIN);
    const none = run(doc('pipeline-04a-parallelfor-param'), { parameterValues: { display_names: [] } });
    expect(none.tasks).toHaveLength(0);
    expect(none.summary.tasks.t1.state).toBe('skipped');
    expect(none.summary.state).toBe('succeeded');
  });

  it('04b loops over a static list without a limit: every iteration at once', () => {
    const r = run(doc('pipeline-04b-parallelfor-static'));
    expect(r.tasks.map((t) => [t.id, t.start])).toEqual([
      ['t1[0]', 0],
      ['t1[1]', 0],
    ]);
    expect(r.summary.wallTime).toBe(10 * MIN);
    expect(r.groups.map((g) => g.id)).toEqual(['g1', 'g1#0', 'g1#1']);
  });

  it('fans in: a task after a task inside a loop waits for every iteration (upstream parallel_for_after_dependency)', () => {
    if (!HAVE_GOLDENS) return;
    const { doc: d } = upstreamCase('critical/parallel_for_after_dependency.yaml', catalog);
    const r = simulate(d, catalog, { durations: { 'print-op': 5, 'print-op-2': 1, 'print-op-3': 1 } });
    expect(r.tasks.filter((t) => t.key === 'print-op').map((t) => t.end)).toEqual([5, 5, 5]);
    expect(taskRun(r, 'print-op-2').start).toBe(5);
    expect(taskRun(r, 'print-op-3').start).toBe(5);
  });

  it('nested loops over an item field, a condition on the loop item', () => {
    const b = new DocBuilder('nested').param('rows', 'LIST', [{ cols: ['a', 'b'] }, { cols: ['c'] }]);
    const echo = b.component({ kind: 'container', name: 'echo', inputs: [{ name: 'x', type: 'STRING' }], outputs: [], image: 'alpine', command: ['echo'], args: [{ inputValue: 'x' }] });
    const outer = b.group({ kind: 'loop', items: { parameter: 'rows' }, itemType: 'STRUCT' });
    const inner = b.group({ kind: 'loop', parent: outer, items: { loopItem: outer, field: 'cols' } });
    const cond = b.group({ kind: 'condition', parent: inner, condition: { left: { loopItem: inner }, operator: '!=', right: { constant: 'b' } } });
    b.task(echo, { x: item(inner) }, { group: cond });
    const r = simulate(b.doc, catalog);
    expect(r.tasks.map((t) => [t.id, t.state])).toEqual([
      ['t1[0,0]', 'succeeded'],
      ['t1[0,1]', 'skipped'],
      ['t1[1,0]', 'succeeded'],
    ]);
  });
});

describe('simulated run: failures, retries, exit handlers (02a, 02b, 05)', () => {
  it('02a: a failure stops what depends on it; the exit task still runs after the group ends', () => {
    const r = run(doc('pipeline-02a-exit-handler-email'), { failures: { 'endpoint-create': 1 } });
    expect(states(r)).toMatchObject({
      'endpoint-create': 'failed',
      'image-dataset-create': 'succeeded',
      'automl-image-training-job': 'succeeded',
      'model-deploy': 'not-run',
      'vertex-pipelines-notification-email': 'succeeded',
    });
    const exit = taskRun(r, 'vertex-pipelines-notification-email');
    const group = r.groups.find((g) => g.group === 'g1')!;
    expect(group.state).toBe('failed');
    expect(exit.start).toBe(group.end);
    expect(exit.start).toBe(taskRun(r, 'automl-image-training-job').end);
    expect(r.summary.state).toBe('failed');
    expect(r.events.find((e) => e.kind === 'task-not-run')!.message).toBe('model-deploy does not run: endpoint-create failed.');
  });

  it('02b: with everything succeeding the exit task runs last; with the fast policy nothing new starts after a failure', () => {
    const ok = run(doc('pipeline-02b-exit-handler-container'));
    expect(order(ok, 'task-started').at(-1)).toBe('cleanup');
    expect(ok.summary.state).toBe('succeeded');
    const fast = run(doc('pipeline-02b-exit-handler-container'), { failures: { 'endpoint-create': 1 }, failurePolicy: 'fast' });
    // The dataset was already running and finishes; training would start after the failure, so it does not.
    expect(states(fast)).toMatchObject({ 'image-dataset-create': 'succeeded', 'automl-image-training-job': 'not-run', cleanup: 'succeeded' });
    const slow = run(doc('pipeline-02b-exit-handler-container'), { failures: { 'endpoint-create': 1 } });
    expect(states(slow)['automl-image-training-job']).toBe('succeeded');
  });

  it('05: retries with backoff, then success; more failures than retries, then failure', () => {
    const d = doc('pipeline-05-task-options');
    // endpoint-create: set_retry(3, backoff 60s, factor 2, max 3600s), after the dataset (10 min).
    const retried = run(d, { failures: { 'endpoint-create': 2 } });
    const t = taskRun(retried, 'endpoint-create');
    expect(t).toMatchObject({ state: 'succeeded', attempts: 3 });
    const retries = retried.events.filter((e) => e.run === t.id && (e.kind === 'task-retry' || e.kind === 'task-started'));
    expect(retries.map((e) => [e.kind, e.attempt, e.time])).toEqual([
      ['task-started', 1, 10 * MIN],
      ['task-retry', 1, 12 * MIN],
      ['task-started', 2, 13 * MIN],
      ['task-retry', 2, 15 * MIN],
      ['task-started', 3, 17 * MIN],
    ]);
    expect(retried.events.find((e) => e.kind === 'task-retry')!.message).toBe('endpoint-create attempt 1 fails; it retries in 1 min (3 retries left).');
    const failed = run(d, { failures: { 'endpoint-create': 10, 'endpoint-create-2': 10 } });
    expect(taskRun(failed, 'endpoint-create')).toMatchObject({ state: 'failed', attempts: 4 });
    // 4 attempts of 2 min and waits of 1, 2 and 4 min.
    expect(taskRun(failed, 'endpoint-create').end).toBe(10 * MIN + 4 * 2 * MIN + 7 * MIN);
    // set_retry(num_retries=2) without backoff: three attempts back to back.
    expect(taskRun(failed, 'endpoint-create-2')).toMatchObject({ state: 'failed', attempts: 3, end: 6 * MIN });
    expect(failed.summary.state).toBe('failed');
  });

  it('a task that ignores upstream failures runs after its upstream fails', () => {
    const b = new DocBuilder('ignore');
    const echo = b.component({ kind: 'container', name: 'echo', inputs: [{ name: 'x', type: 'STRING' }], outputs: [{ name: 'y', type: 'STRING' }], image: 'alpine', command: ['echo'], args: [{ inputValue: 'x' }] });
    const first = b.task(echo, { x: c('a') });
    b.task(echo, { x: c('b') }, { after: [first], ignoreUpstreamFailure: true });
    b.task(echo, { x: out(first, 'y') });
    const r = simulate(b.doc, catalog, { failures: { echo: 1 } });
    expect(states(r)).toEqual({ echo: 'failed', 'echo-2': 'succeeded', 'echo-3': 'not-run' });
  });
});

describe('simulated run: the cache', () => {
  it('cached tasks finish at once and what reads them starts early', () => {
    const r = run(SEED_DOCUMENT.build(), { cached: ['image-dataset-create', 't2'] });
    expect(taskRun(r, 'image-dataset-create')).toMatchObject({ state: 'cached', attempts: 0, start: 0, end: 2 });
    expect(taskRun(r, 'automl-image-training-job')).toMatchObject({ state: 'cached', start: 2, end: 4 });
    expect(taskRun(r, 'model-deploy').start).toBe(2 * MIN);
    expect(r.summary.counts).toMatchObject({ cached: 2, succeeded: 2 });
  });

  it('a task with caching off runs even when its result is cached (05: the dataset)', () => {
    const r = run(doc('pipeline-05-task-options'), { cached: ['image-dataset-create', 'endpoint-create-2'] });
    expect(taskRun(r, 'image-dataset-create').state).toBe('succeeded');
    expect(taskRun(r, 'endpoint-create-2').state).toBe('cached');
    expect(r.summary.notes).toEqual(['image-dataset-create has caching turned off, so it runs even though its result is in the cache.']);
  });
});

describe('simulated run: stepping through', () => {
  it('snapshots replay the events: waiting, then running, then the final states', () => {
    const r = run(doc('pipeline-02a-exit-handler-email'), { failures: { 'endpoint-create': 1 } });
    const before = snapshotAt(r, 0);
    expect(before.run).toBe('waiting');
    expect(Object.values(before.tasks).every((s) => s === 'waiting')).toBe(true);
    const third = snapshotAt(r, 4);
    expect(third).toMatchObject({ run: 'running', tasks: { t2: 'running', t4: 'running', t3: 'waiting' }, groups: { g1: 'running' } });
    const end = snapshotAt(r, r.events.length);
    expect(end.run).toBe('failed');
    expect(end.time).toBe(r.summary.wallTime);
    for (const t of r.tasks) expect(end.taskRuns[t.id].state).toBe(t.state);
    for (const [task, s] of Object.entries(r.summary.tasks)) expect(end.tasks[task]).toBe(s.state);
    expect(snapshotAt(r, 10_000)).toEqual(end);
  });

  it('loop tasks show their most telling state while iterations run', () => {
    const r = run(doc('pipeline-04a-parallelfor-param'));
    const step = r.events.findIndex((e) => e.kind === 'task-succeeded') + 1;
    const s = snapshotAt(r, step);
    expect(s.taskRuns['t1[0]'].state).toBe('succeeded');
    expect(s.taskRuns['t1[2]'].state).toBe('waiting');
    expect(s.tasks.t1).toBe('running');
  });

  it('is deterministic and never throws on the golden pipelines with missing values', () => {
    for (const [name, build] of Object.entries(PIPELINE_DOCUMENTS)) {
      const a = simulate(build(), catalog);
      expect(simulate(build(), catalog), name).toEqual(a);
      expect(a.events.at(-1)!.kind, name).toBe('run-finished');
      expect(a.tasks.every((t) => !['waiting', 'running', 'retrying'].includes(t.state)), name).toBe(true);
    }
    expect(simulate(SEED_DOCUMENT.build(), catalog).summary.notes).toEqual(['No value was given for the required parameter project_id.']);
  });

  it('finishes every run of the random and upstream golden pipelines (no values given)', () => {
    if (!HAVE_GOLDENS) return;
    const docs = [
      ...Array.from({ length: 50 }, (_, i) => randomDocument(i + 1, catalog)),
      ...UPSTREAM_DOCUMENTS.map((u) => upstreamCase(u.file, catalog).doc),
    ];
    for (const d of docs) {
      const r = simulate(d, catalog, { failures: { [d.tasks[0].id]: 100 } });
      expect(r.events.at(-1)!.kind, d.name).toBe('run-finished');
      expect(r.summary.state, d.name).toBe('failed');
      expect(r.tasks.every((t) => !['waiting', 'running', 'retrying'].includes(t.state)), d.name).toBe(true);
      expect(snapshotAt(r, r.events.length).run, d.name).toBe('failed');
    }
  });
});

describe('simulated run: data from skipped tasks', () => {
  it('a task reading a OneOf runs after the branch that ran; with no branch run it is skipped', () => {
    const b = new DocBuilder('oneof').param('mode', 'STRING', 'a');
    const echo = b.component({ kind: 'container', name: 'echo', inputs: [{ name: 'x', type: 'STRING' }], outputs: [{ name: 'y', type: 'STRING' }], image: 'alpine', command: ['echo'], args: [{ inputValue: 'x' }] });
    const branches = b.group({ kind: 'branches' });
    const a = b.group({ kind: 'condition', parent: branches, condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    const bb = b.group({ kind: 'condition', parent: branches, condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'b' } } });
    const ta = b.task(echo, { x: p('mode') }, { group: a });
    const tb = b.task(echo, { x: p('mode') }, { group: bb });
    b.task(echo, { x: { oneOf: [{ task: ta, output: 'y' }, { task: tb, output: 'y' }] } });
    expect(states(simulate(b.doc, catalog))).toEqual({ echo: 'succeeded', 'echo-2': 'skipped', 'echo-3': 'succeeded' });
    expect(states(simulate(b.doc, catalog, { parameterValues: { mode: 'c' } }))).toEqual({ echo: 'skipped', 'echo-2': 'skipped', 'echo-3': 'skipped' });
  });
});
