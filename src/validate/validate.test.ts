import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import type { Port } from '../catalog/types';
import { addParameter, addTask, createDocument, setAfter, setInput } from '../document/operations';
import type { Binding, PipelineDocument, Task } from '../document/types';
import { seedDocument } from '../examples/seed';
import type { ParameterType } from '../spec/pipeline-spec';
import {
  checkConnection,
  checkConstant,
  checkWire,
  findCycle,
  upstreamOf,
  validate,
  wouldCycle,
  type DiagnosticCode,
} from './validate';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const ENDPOINT_CREATE = 'v1.endpoint.EndpointCreateOp';
const MODEL_DEPLOY = 'v1.endpoint.ModelDeployOp';
const TRAINING = 'v1.automl.training_job.AutoMLImageTrainingJobRunOp';
const DATASET_CREATE = 'v1.dataset.ImageDatasetCreateOp';
const NOTIFICATION = 'v1.vertex_notification_email.VertexNotificationEmailOp';
const BQML_TRAINING_INFO = 'v1.bigquery.BigqueryMLTrainingInfoJobOp';
const P = { x: 0, y: 0 };

/** The smallest valid document: one endpoint-create with its one required input. */
function minimal(): PipelineDocument {
  return addTask(createDocument('minimal'), ENDPOINT_CREATE, P, { display_name: { constant: 'e' } }).doc;
}

/** `minimal()` plus one more task; returns the document and the new task's id. */
function withTask(component: string, inputs: Record<string, Binding>, doc = minimal()) {
  return addTask(doc, component, P, inputs);
}

const codes = (doc: PipelineDocument) => validate(doc, catalog).map((d) => d.code);

describe('validate: the valid documents', () => {
  it('the seed document has no diagnostics at all', () => {
    expect(validate(seedDocument(), catalog)).toEqual([]);
  });

  it('the minimal document has no diagnostics', () => {
    expect(validate(minimal(), catalog)).toEqual([]);
  });
});

describe('validate: each diagnostic code from a minimal document', () => {
  const expectOnly = (doc: PipelineDocument, code: DiagnosticCode) => {
    const found = validate(doc, catalog);
    expect(found.map((d) => d.code)).toEqual([code]);
    expect(found[0].severity).toBe('error');
    expect(found[0].message.length).toBeGreaterThan(10);
    return found[0];
  };

  it('NO_TASKS', () => {
    expectOnly(createDocument('empty'), 'NO_TASKS');
  });

  it('BAD_PIPELINE_NAME (bad characters, empty, too long)', () => {
    for (const name of ['Has Caps', 'under_score', '-lead', '', 'a'.repeat(129)])
      expectOnly({ ...minimal(), name }, 'BAD_PIPELINE_NAME');
    expect(expectOnly({ ...minimal(), name: '' }, 'BAD_PIPELINE_NAME').message).toMatch(/needs a name/);
  });

  it('BAD_PARAMETER_NAME', () => {
    for (const name of ['1x', 'a-b', 'with space', ''])
      expect(expectOnly(addParameter(minimal(), { name, type: 'STRING' }), 'BAD_PARAMETER_NAME').parameter).toBe(name);
  });

  it('DUPLICATE_PARAMETER', () => {
    let doc = addParameter(minimal(), { name: 'p', type: 'STRING' });
    doc = addParameter(doc, { name: 'p', type: 'NUMBER_INTEGER' });
    expect(expectOnly(doc, 'DUPLICATE_PARAMETER').parameter).toBe('p');
  });

  it('BAD_PARAMETER_DEFAULT (wrong type, null, null nested)', () => {
    const cases: Array<[ParameterType, unknown]> = [
      ['NUMBER_INTEGER', 1.5],
      ['NUMBER_INTEGER', true],
      ['STRING', 3],
      ['BOOLEAN', 'true'],
      ['STRUCT', []],
      ['LIST', {}],
      ['STRING', null],
      ['LIST', [1, null]],
      ['STRUCT', { a: { b: null } }],
    ];
    for (const [type, value] of cases) {
      const doc = addParameter(minimal(), { name: 'p', type, default: value as never });
      expect(expectOnly(doc, 'BAD_PARAMETER_DEFAULT').parameter).toBe('p');
    }
  });

  it('UNKNOWN_COMPONENT', () => {
    const { doc, id } = withTask('v1.nope.NoSuchOp', {});
    expect(expectOnly(doc, 'UNKNOWN_COMPONENT').taskId).toBe(id);
  });

  it('UNKNOWN_INPUT', () => {
    const doc = setInput(minimal(), 't1', 'no_such_input', { constant: 'x' });
    expect(expectOnly(doc, 'UNKNOWN_INPUT')).toMatchObject({ taskId: 't1', input: 'no_such_input' });
  });

  it('MISSING_REQUIRED_INPUT (parameter and artifact)', () => {
    expect(expectOnly(setInput(minimal(), 't1', 'display_name', undefined), 'MISSING_REQUIRED_INPUT')).toMatchObject({
      taskId: 't1',
      input: 'display_name',
    });
    const { doc, id } = withTask(MODEL_DEPLOY, {});
    expect(expectOnly(doc, 'MISSING_REQUIRED_INPUT')).toMatchObject({ taskId: id, input: 'model' });
  });

  it('BAD_CONSTANT (wrong type, None, None nested, constant into an artifact)', () => {
    for (const value of [3, true, null, ['x'], { a: 'b' }])
      expectOnly(setInput(minimal(), 't1', 'display_name', { constant: value }), 'BAD_CONSTANT');
    expectOnly(setInput(minimal(), 't1', 'labels', { constant: { a: null } }), 'BAD_CONSTANT');
    const doc = withTask(MODEL_DEPLOY, { model: { constant: 'projects/x/models/y' } }).doc;
    expect(expectOnly(doc, 'BAD_CONSTANT')).toMatchObject({ taskId: 't2', input: 'model' });
  });

  it('UNKNOWN_PARAMETER', () => {
    const doc = setInput(minimal(), 't1', 'project', { parameter: 'missing' });
    expect(expectOnly(doc, 'UNKNOWN_PARAMETER')).toMatchObject({ taskId: 't1', input: 'project' });
  });

  it('PARAMETER_TYPE_MISMATCH (wrong parameter type, parameter into an artifact)', () => {
    let doc = addParameter(minimal(), { name: 'n', type: 'NUMBER_INTEGER' });
    doc = setInput(doc, 't1', 'display_name', { parameter: 'n' });
    expect(expectOnly(doc, 'PARAMETER_TYPE_MISMATCH')).toMatchObject({ taskId: 't1', input: 'display_name' });

    let deploy = addParameter(minimal(), { name: 'model_name', type: 'STRING' });
    deploy = withTask(MODEL_DEPLOY, { model: { parameter: 'model_name' } }, deploy).doc;
    expect(expectOnly(deploy, 'PARAMETER_TYPE_MISMATCH')).toMatchObject({ taskId: 't2', input: 'model' });
  });

  it('PARAMETER_TYPE_MISMATCH: NUMBER_INTEGER and NUMBER_DOUBLE are not interchangeable', () => {
    const dataset = withTask(DATASET_CREATE, { display_name: { constant: 'ds' } }); // t2
    const training = withTask(
      TRAINING,
      { project: { constant: 'p' }, display_name: { constant: 'd' }, dataset: { task: dataset.id, output: 'dataset' } },
      dataset.doc,
    );
    const base = training.doc;
    expect(validate(base, catalog)).toEqual([]);
    const bind = (name: string, type: ParameterType, input: string) =>
      setInput(addParameter(base, { name, type }), training.id, input, { parameter: name });
    expectOnly(bind('i', 'NUMBER_INTEGER', 'training_fraction_split'), 'PARAMETER_TYPE_MISMATCH');
    expectOnly(bind('f', 'NUMBER_DOUBLE', 'budget_milli_node_hours'), 'PARAMETER_TYPE_MISMATCH');
    expectOnly(bind('b', 'BOOLEAN', 'budget_milli_node_hours'), 'PARAMETER_TYPE_MISMATCH');
    expect(validate(bind('i', 'NUMBER_INTEGER', 'budget_milli_node_hours'), catalog)).toEqual([]);
    expect(validate(bind('f', 'NUMBER_DOUBLE', 'training_fraction_split'), catalog)).toEqual([]);
  });

  it('UNKNOWN_TASK', () => {
    const { doc, id } = withTask(MODEL_DEPLOY, { model: { task: 't99', output: 'model' } });
    expect(expectOnly(doc, 'UNKNOWN_TASK')).toMatchObject({ taskId: id, input: 'model' });
  });

  it('UNKNOWN_OUTPUT', () => {
    const { doc, id } = withTask(MODEL_DEPLOY, { model: { task: 't1', output: 'no_such_output' } });
    expect(expectOnly(doc, 'UNKNOWN_OUTPUT')).toMatchObject({ taskId: id, input: 'model' });
  });

  it('OUTPUT_TYPE_MISMATCH (endpoint artifact into a model input, STRING output into an int input)', () => {
    const { doc, id } = withTask(MODEL_DEPLOY, { model: { task: 't1', output: 'endpoint' } });
    const d = expectOnly(doc, 'OUTPUT_TYPE_MISMATCH');
    expect(d).toMatchObject({ taskId: id, input: 'model' });
    expect(d.message).toContain('google.VertexEndpoint');
    expect(d.message).toContain('google.VertexModel');

    // A STRING output into a NUMBER_INTEGER input (probe string-output-to-int).
    let strToInt = addTask(createDocument('x'), ENDPOINT_CREATE, P, { display_name: { constant: 'e' } }).doc;
    strToInt = addTask(strToInt, TRAINING, P, { project: { constant: 'p' }, display_name: { constant: 'd' } }).doc;
    strToInt = addTask(strToInt, DATASET_CREATE, P, { display_name: { constant: 'ds' } }).doc;
    strToInt = setInput(strToInt, 't2', 'dataset', { task: 't3', output: 'dataset' });
    expect(codes(strToInt)).toEqual([]);
    strToInt = setInput(strToInt, 't2', 'budget_milli_node_hours', { task: 't1', output: 'gcp_resources' });
    expect(expectOnly(strToInt, 'OUTPUT_TYPE_MISMATCH').message).toMatch(/STRING.*NUMBER_INTEGER/);
  });

  it('CYCLE (through after, through data, and a task reading itself)', () => {
    let doc = withTask(ENDPOINT_CREATE, { display_name: { constant: 'e2' } }).doc;
    doc = setAfter(setAfter(doc, 't1', ['t2']), 't2', ['t1']);
    const d = expectOnly(doc, 'CYCLE');
    expect(d.message).toMatch(/endpoint-create(-2)? → endpoint-create(-2)? → endpoint-create(-2)?/);

    let data = withTask(ENDPOINT_CREATE, { display_name: { task: 't1', output: 'gcp_resources' } }).doc;
    data = setInput(data, 't1', 'display_name', { task: 't2', output: 'gcp_resources' });
    expectOnly(data, 'CYCLE');

    expectOnly(setInput(minimal(), 't1', 'display_name', { task: 't1', output: 'gcp_resources' }), 'CYCLE');
  });

  it('EXIT_TASK_ONLY', () => {
    const { doc, id } = withTask(NOTIFICATION, { recipients: { constant: ['a@example.com'] } });
    expect(expectOnly(doc, 'EXIT_TASK_ONLY').taskId).toBe(id);
  });

  it('BAD_RETRY (negative, non-numeric or fractional waits, a factor of 0 or less, a bad count)', () => {
    const retry = (patch: Partial<Task>) => ({ ...minimal(), tasks: [{ ...minimal().tasks[0], retries: 3, ...patch }] });
    expect(validate(retry({ retryBackoff: { duration: 60, factor: 1.5, maxDuration: 3600 } }), catalog)).toEqual([]);
    expect(validate(retry({ retryBackoff: { maxDuration: 7200 } }), catalog)).toEqual([]); // capped at 3600s when compiled
    const cases: Array<[Partial<Task>, RegExp]> = [
      [{ retryBackoff: { duration: -5 } }, /^endpoint-create: the wait before the first retry must be 0 or more seconds, not -5\.$/],
      [{ retryBackoff: { maxDuration: -1 } }, /the longest wait between retries must be 0 or more seconds, not -1/],
      [{ retryBackoff: { duration: '60s' as never } }, /the wait before the first retry must be a number, not "60s"/],
      [{ retryBackoff: { duration: Number.NaN } }, /must be a number, not NaN/],
      [{ retryBackoff: { maxDuration: Infinity } }, /must be a number, not Infinity/],
      [{ retryBackoff: { duration: 1.5 } }, /must be a whole number of seconds, not 1\.5 \(KFP writes durations like 60s\)/],
      [{ retryBackoff: { factor: 0 } }, /the backoff factor must be above 0, not 0/],
      [{ retryBackoff: { factor: -1 } }, /the backoff factor must be above 0, not -1/],
      [{ retryBackoff: { factor: null as never } }, /the backoff factor must be a number, not null/],
      [{ retryBackoff: 'fast' as never }, /the retry backoff settings are not readable/],
      [{ retries: -1 }, /the number of retries must be a whole number from 0 to 2147483647, not -1/],
      [{ retries: 1.5 }, /the number of retries must be a whole number/],
    ];
    for (const [patch, want] of cases) {
      const found = expectOnly(retry(patch), 'BAD_RETRY');
      expect(found.message).toMatch(want);
      expect(found.taskId).toBe('t1');
    }
  });

  it('none of the codes is produced by the seed, and every code is reachable', () => {
    const all: DiagnosticCode[] = [
      'NO_TASKS', 'BAD_PIPELINE_NAME', 'BAD_PARAMETER_NAME', 'DUPLICATE_PARAMETER', 'BAD_PARAMETER_DEFAULT',
      'UNKNOWN_COMPONENT', 'UNKNOWN_INPUT', 'MISSING_REQUIRED_INPUT', 'BAD_CONSTANT', 'UNKNOWN_PARAMETER',
      'PARAMETER_TYPE_MISMATCH', 'UNKNOWN_TASK', 'UNKNOWN_OUTPUT', 'OUTPUT_TYPE_MISMATCH', 'CYCLE', 'EXIT_TASK_ONLY',
      'BAD_RETRY',
    ];
    const seedCodes = new Set(codes(seedDocument()));
    for (const c of all) expect(seedCodes.has(c)).toBe(false);
  });

  it('does not throw on hostile documents (unknown after ids, unknown producers)', () => {
    let doc = withTask('v1.nope.NoSuchOp', {}).doc;
    doc = withTask(MODEL_DEPLOY, { model: { task: 't2', output: 'model' } }, doc).doc;
    doc = setAfter(doc, 't1', ['t42']);
    expect(codes(doc)).toEqual(['UNKNOWN_COMPONENT']);
  });
});

describe('checkConstant', () => {
  it.each<[ParameterType, unknown, boolean]>([
    ['STRING', 'x', true],
    ['STRING', '', true],
    ['STRING', 1, false],
    ['NUMBER_INTEGER', 8000, true],
    ['NUMBER_INTEGER', -3, true],
    ['NUMBER_INTEGER', 1.5, false],
    ['NUMBER_INTEGER', true, false],
    ['NUMBER_INTEGER', '1', false],
    ['NUMBER_DOUBLE', 0.2, true],
    ['NUMBER_DOUBLE', 'x', false],
    ['NUMBER_DOUBLE', false, false],
    ['BOOLEAN', false, true],
    ['BOOLEAN', 0, false],
    ['STRUCT', {}, true],
    ['STRUCT', { a: [1, 'x'] }, true],
    ['STRUCT', [], false],
    ['LIST', [], true],
    ['LIST', [1, 2.5, true, { a: 'b' }], true],
    ['LIST', 'a,b', false],
    ['STRING', null, false],
    ['LIST', [null], false],
    ['STRUCT', { a: null }, false],
  ])('%s %j → ok=%s', (type, value, ok) => {
    expect(checkConstant(type, value as never) === undefined).toBe(ok);
  });
});

describe('checkWire', () => {
  const art = (type: string, schemaVersion = '0.0.1', name = 'a'): Port => ({
    name,
    kind: 'artifact',
    type,
    schemaVersion,
    optional: false,
    hasDefault: false,
  });
  const par = (type: ParameterType, name = 'p'): Port => ({ name, kind: 'parameter', type, optional: false, hasDefault: false });

  it('system.Artifact is a wildcard in both directions', () => {
    expect(checkWire(art('google.BQTable'), art('system.Artifact'))).toBeUndefined();
    expect(checkWire(art('system.Artifact'), art('google.VertexModel'))).toBeUndefined();
    expect(checkWire(art('system.Artifact'), art('system.Artifact'))).toBeUndefined();
  });

  it('the same artifact type and major version connects', () => {
    expect(checkWire(art('google.VertexModel'), art('google.VertexModel'))).toBeUndefined();
    expect(checkWire(art('google.VertexModel', '0.0.1'), art('google.VertexModel', '0.1.0'))).toBeUndefined();
  });

  it('VertexDataset → VertexModel is refused, naming both types', () => {
    const why = checkWire(art('google.VertexDataset', '0.0.1', 'dataset'), art('google.VertexModel', '0.0.1', 'model'));
    expect(why).toContain('google.VertexDataset');
    expect(why).toContain('google.VertexModel');
  });

  it('a different major version is refused', () => {
    expect(checkWire(art('google.VertexModel', '0.0.1'), art('google.VertexModel', '1.0.0'))).toMatch(/major/);
  });

  it('parameter types must match exactly; NUMBER_INTEGER and NUMBER_DOUBLE are refused both ways', () => {
    expect(checkWire(par('STRING'), par('STRING'))).toBeUndefined();
    expect(checkWire(par('NUMBER_INTEGER'), par('NUMBER_DOUBLE'))).toMatch(/NUMBER_INTEGER.*NUMBER_DOUBLE/);
    expect(checkWire(par('NUMBER_DOUBLE'), par('NUMBER_INTEGER'))).toMatch(/NUMBER_DOUBLE.*NUMBER_INTEGER/);
    expect(checkWire(par('BOOLEAN'), par('NUMBER_INTEGER'))).toBeDefined();
    expect(checkWire(par('STRUCT'), par('STRING'))).toBeDefined();
  });

  it('property: two parameters connect exactly when their types are equal', () => {
    const type = fc.constantFrom<ParameterType>('STRING', 'NUMBER_INTEGER', 'NUMBER_DOUBLE', 'BOOLEAN', 'STRUCT', 'LIST');
    fc.assert(
      fc.property(type, type, (a, b) => (checkWire(par(a), par(b)) === undefined) === (a === b)),
      { numRuns: 100 },
    );
  });

  it('parameter ↔ artifact is refused both ways, even with system.Artifact', () => {
    expect(checkWire(par('STRING'), art('google.VertexDataset'))).toMatch(/artifact/);
    expect(checkWire(art('google.VertexDataset'), par('STRING'))).toMatch(/artifact/);
    expect(checkWire(par('STRING'), art('system.Artifact'))).toBeDefined();
    expect(checkWire(art('system.Artifact'), par('STRING'))).toBeDefined();
  });
});

describe('checkConnection', () => {
  // Seed ids: t1 image-dataset-create, t2 automl-image-training-job, t3 endpoint-create, t4 model-deploy.
  it('accepts a fitting wire', () => {
    const doc = withTask(MODEL_DEPLOY, {}, seedDocument()).doc;
    expect(checkConnection(doc, catalog, 't2', 'model', 't5', 'model')).toEqual({ ok: true });
    expect(checkConnection(doc, catalog, 't3', 'endpoint', 't5', 'endpoint')).toEqual({ ok: true });
  });

  it('refuses endpoint → dataset input, naming both types', () => {
    const r = checkConnection(seedDocument(), catalog, 't3', 'endpoint', 't2', 'dataset');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain('google.VertexEndpoint');
    expect(r.reason).toContain('google.VertexDataset');
  });

  it('refuses a wire that closes a cycle', () => {
    // model-deploy (t4) is downstream of the dataset (t1): feeding t1 from t4 closes a circle.
    const r = checkConnection(seedDocument(), catalog, 't4', 'gcp_resources', 't1', 'display_name');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/circle/) });
    // Through `after` only.
    let doc = withTask(ENDPOINT_CREATE, { display_name: { constant: 'x' } }).doc;
    doc = setAfter(doc, 't2', ['t1']);
    expect(checkConnection(doc, catalog, 't2', 'gcp_resources', 't1', 'display_name').ok).toBe(false);
    expect(checkConnection(doc, catalog, 't1', 'gcp_resources', 't2', 'display_name').ok).toBe(true);
  });

  it('refuses a self-wire', () => {
    const r = checkConnection(seedDocument(), catalog, 't3', 'gcp_resources', 't3', 'display_name');
    expect(r).toEqual({ ok: false, reason: 'A task cannot feed its own input.' });
  });

  it('refuses unknown tasks, unknown ports and pipeline_task_final_status', () => {
    const seed = seedDocument();
    expect(checkConnection(seed, catalog, 't9', 'x', 't1', 'project')).toMatchObject({ ok: false });
    expect(checkConnection(seed, catalog, 't1', 'nope', 't2', 'dataset')).toMatchObject({ ok: false });
    expect(checkConnection(seed, catalog, 't1', 'dataset', 't2', 'nope')).toMatchObject({ ok: false });
    const doc = withTask(NOTIFICATION, {}, seed).doc;
    expect(checkConnection(doc, catalog, 't4', 'gcp_resources', 't5', 'pipeline_task_final_status')).toMatchObject({ ok: false });
  });

  it('lets system.Artifact feed a typed input (wildcard)', () => {
    let doc = addTask(createDocument('x'), 'v1.bigquery.BigqueryCreateModelJobOp', P, { query: { constant: 'q' } }).doc;
    doc = addTask(doc, BQML_TRAINING_INFO, P, { model: { task: 't1', output: 'model' } }).doc;
    doc = addTask(doc, MODEL_DEPLOY, P).doc;
    expect(checkConnection(doc, catalog, 't2', 'ml_training_info', 't3', 'model')).toEqual({ ok: true });
  });
});

describe('cycles', () => {
  it('upstreamOf collects data wires and after', () => {
    const ups = upstreamOf(seedDocument());
    expect([...ups.get('t4')!].sort()).toEqual(['t2', 't3']);
    expect([...ups.get('t1')!]).toEqual([]);
  });

  it('findCycle finds none in the seed and a self-loop in a hand-made document', () => {
    expect(findCycle(seedDocument())).toBeUndefined();
    const doc = minimal();
    const selfAfter = { ...doc, tasks: [{ ...doc.tasks[0], after: ['t1'] }] };
    expect(findCycle(selfAfter)).toEqual(['t1', 't1']);
  });

  it('wouldCycle: only wiring a downstream task back into an upstream one', () => {
    const seed = seedDocument();
    expect(wouldCycle(seed, 't4', 't1')).toBe(true);
    expect(wouldCycle(seed, 't1', 't4')).toBe(false);
    expect(wouldCycle(seed, 't3', 't3')).toBe(true);
    expect(wouldCycle(seed, 't3', 't1')).toBe(false);
  });

  it('property: wouldCycle says yes exactly when adding the wire makes findCycle find one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        fc.nat(),
        fc.nat(),
        (n, edges, a, b) => {
          let doc = createDocument('g');
          for (let i = 0; i < n; i++) doc = addTask(doc, ENDPOINT_CREATE, P).doc;
          const id = (i: number) => `t${(i % n) + 1}`;
          // Only forward edges, so the starting graph has no cycle.
          for (const [x, y] of edges) {
            const [lo, hi] = [x % n, y % n].sort((p, q) => p - q);
            if (lo === hi) continue;
            const t = doc.tasks[hi];
            doc = setAfter(doc, t.id, [...t.after, id(lo)]);
          }
          expect(findCycle(doc)).toBeUndefined();
          const from = id(a);
          const to = id(b);
          const wired = setInput(doc, to, 'display_name', { task: from, output: 'gcp_resources' });
          expect(wouldCycle(doc, from, to)).toBe(findCycle(wired) !== undefined);
        },
      ),
      { numRuns: 300 },
    );
  });
});
