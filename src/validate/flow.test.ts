/**
 * Diagnostics for control flow, embedded components and task settings: each rule with a
 * document that breaks it (and its stable code), built with the document operations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import type { ContainerComponentDef, PipelineDocument } from '../document/types';
import { c, collected, DocBuilder, item, out, p, template } from '../test-support/build';
import { compile } from '../compiler/compile';
import { validate, type DiagnosticCode } from './validate';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const ENDPOINT = 'v1.endpoint.EndpointCreateOp';
const EMAIL = 'v1.vertex_notification_email.VertexNotificationEmailOp';

/** A container component with one STRING input `msg` and one STRING output `out` (or a LIST). */
const comp = (name: string, output: 'STRING' | 'LIST' = 'STRING'): ContainerComponentDef => ({
  kind: 'container',
  name,
  inputs: [{ name: 'msg', type: 'STRING', default: '' }],
  outputs: [{ name: 'out', type: output }],
  image: 'alpine',
  command: ['echo', { inputValue: 'msg' }, { outputPath: 'out' }],
  args: [],
});

function base(): { b: DocBuilder; step: string; lister: string } {
  const b = new DocBuilder('p').param('mode', 'STRING', 'a').param('names', 'LIST', ['x']).param('n', 'NUMBER_INTEGER', 1);
  const step = b.component(comp('step'));
  b.task(step, { msg: c('first') });
  return { b, step, lister: b.component(comp('lister', 'LIST')) };
}

const errors = (doc: PipelineDocument) => validate(doc, catalog).filter((d) => d.severity === 'error');
const codes = (doc: PipelineDocument) => errors(doc).map((d) => d.code);
function expectOnly(doc: PipelineDocument, code: DiagnosticCode, pattern?: RegExp) {
  const found = errors(doc);
  expect(found.map((d) => d.code)).toEqual([code]);
  if (pattern) expect(found[0].message).toMatch(pattern);
  expect(found[0].message).toMatch(/\.$/);
}

describe('valid control flow has no diagnostics', () => {
  it('conditions, branches, loops (parameter, output, static, nested over a field), fan-in, one-of, exit handler', () => {
    const { b, step, lister } = base();
    const l = b.task(lister);
    const cond = b.group({ kind: 'condition', condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    b.task(step, { msg: p('mode') }, { group: cond });
    const loop = b.group({ kind: 'loop', items: { task: l, output: 'out' }, parallelism: 2 });
    const inLoop = b.task(step, { msg: item(loop) }, { group: loop });
    const staticLoop = b.group({ kind: 'loop', items: { constant: [{ a: ['x', 'y'] }] } });
    const nested = b.group({ kind: 'loop', parent: staticLoop, items: { loopItem: staticLoop, field: 'a' } });
    b.task(step, { msg: template('item ', { loopItem: nested }) }, { group: nested });
    const sum = b.component({ ...comp('sum'), inputs: [{ name: 'items', type: 'LIST' }], command: ['echo', { inputValue: 'items' }] });
    b.task(sum, { items: collected(inLoop, 'out') });
    const s = b.task(step);
    const branches = b.group({ kind: 'branches' });
    const ifB = b.group({ kind: 'condition', parent: branches, condition: { left: { task: s, output: 'out' }, operator: '!=', right: { constant: 'x' } } });
    const elseB = b.group({ kind: 'condition', parent: branches });
    const t1 = b.task(step, {}, { group: ifB });
    const t2 = b.task(step, {}, { group: elseB });
    b.task(step, { msg: { oneOf: [{ task: t1, output: 'out' }, { task: t2, output: 'out' }] } });
    const email = b.task(EMAIL, { recipients: c(['a@b.c']) });
    const handler = b.group({ kind: 'exitHandler', exitTask: email });
    b.task(step, {}, { group: handler });
    b.output('fanned', { task: inLoop, output: 'out', collected: true });
    expect(validate(b.doc, catalog)).toEqual([]);
    // What the validator lets through, the compiler compiles.
    const spec = compile(b.doc, catalog);
    expect(Object.keys(spec.root.dag.tasks).sort()).toEqual(
      ['condition-1', 'condition-branches-6', 'exit-handler-9', 'for-loop-2', 'for-loop-4', 'lister', 'step', 'step-5', 'step-8', 'sum', 'vertex-pipelines-notification-email'].sort(),
    );
  });
});

describe('conditions', () => {
  it('CONDITION_REFERS_TO_NOTHING: an unknown parameter, a removed task, two constants', () => {
    let { b } = base();
    b.group({ kind: 'condition', condition: { left: { parameter: 'nope' }, operator: '==', right: { constant: 1 } } });
    expectOnly(b.doc, 'CONDITION_REFERS_TO_NOTHING', /parameter "nope"/);
    ({ b } = base());
    b.group({ kind: 'condition', condition: { left: { task: 't99', output: 'out' }, operator: '==', right: { constant: 1 } } });
    expectOnly(b.doc, 'CONDITION_REFERS_TO_NOTHING', /does not exist/);
    ({ b } = base());
    b.group({ kind: 'condition', condition: { left: { constant: 1 }, operator: '==', right: { constant: 1 } } });
    expectOnly(b.doc, 'CONDITION_REFERS_TO_NOTHING', /two constants/);
  });

  it('CONDITION_MISSING, CONDITION_TYPE', () => {
    let { b } = base();
    b.group({ kind: 'condition' });
    expectOnly(b.doc, 'CONDITION_MISSING');
    ({ b } = base());
    b.group({ kind: 'condition', condition: { left: { parameter: 'names' }, operator: '==', right: { constant: 'x' } } });
    expectOnly(b.doc, 'CONDITION_TYPE', /not LIST/);
    ({ b } = base());
    b.group({ kind: 'condition', condition: { left: { parameter: 'n' }, operator: '==', right: { constant: true } } });
    expectOnly(b.doc, 'CONDITION_TYPE');
  });

  it('BAD_BRANCHES: a lone If, an Else that is not last, tasks in the chain itself', () => {
    let { b, step } = base();
    let br = b.group({ kind: 'branches' });
    b.group({ kind: 'condition', parent: br, condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    expectOnly(b.doc, 'BAD_BRANCHES', /lone If/);
    ({ b, step } = base());
    br = b.group({ kind: 'branches' });
    b.group({ kind: 'condition', parent: br });
    b.group({ kind: 'condition', parent: br, condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    b.task(step, {}, { group: br });
    expect(codes(b.doc)).toEqual(['BAD_BRANCHES', 'BAD_BRANCHES']);
  });
});

describe('loops', () => {
  it('LOOP_NOT_LIST: a STRING parameter, a STRING output, an empty static list', () => {
    let { b, step } = base();
    b.group({ kind: 'loop', items: { parameter: 'mode' } });
    expectOnly(b.doc, 'LOOP_NOT_LIST', /STRING value; a ParallelFor needs a list/);
    ({ b, step } = base());
    const t = b.task(step);
    b.group({ kind: 'loop', items: { task: t, output: 'out' } });
    expectOnly(b.doc, 'LOOP_NOT_LIST');
    ({ b } = base());
    b.group({ kind: 'loop', items: { constant: [] } });
    expectOnly(b.doc, 'LOOP_NOT_LIST', /empty list/);
  });

  it('LOOP_ITEM_OUTSIDE_LOOP, BAD_LOOP_FIELD, BAD_PARALLELISM', () => {
    let { b, step } = base();
    let loop = b.group({ kind: 'loop', items: { parameter: 'names' } });
    b.task(step, { msg: item(loop) });
    expectOnly(b.doc, 'LOOP_ITEM_OUTSIDE_LOOP', /does not enclose it/);
    ({ b, step } = base());
    loop = b.group({ kind: 'loop', items: { constant: [{ name: 'a' }] } });
    b.task(step, { msg: item(loop, 'name') }, { group: loop });
    expectOnly(b.doc, 'BAD_LOOP_FIELD', /KFP compiler fails/);
    ({ b } = base());
    b.group({ kind: 'loop', items: { parameter: 'names' }, parallelism: -1 });
    expectOnly(b.doc, 'BAD_PARALLELISM');
  });
});

describe('exit handlers and PipelineTaskFinalStatus', () => {
  it('EXIT_TASK_NOT_CAPABLE: an importer, an exit task inside a group, an exit task that reads a task', () => {
    let { b, step } = base();
    const imp = b.importer({ artifactType: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } }, c('gs://x'));
    let h = b.group({ kind: 'exitHandler', exitTask: imp });
    b.task(step, {}, { group: h });
    expectOnly(b.doc, 'EXIT_TASK_NOT_CAPABLE', /importer cannot run as an exit task/);
    ({ b, step } = base());
    const first = b.task(step);
    const exit = b.task(step, { msg: out(first, 'out') });
    h = b.group({ kind: 'exitHandler', exitTask: exit });
    b.task(step, {}, { group: h });
    expectOnly(b.doc, 'EXIT_TASK_NOT_CAPABLE', /cannot depend on other tasks/);
    ({ b, step } = base());
    const loop = b.group({ kind: 'loop', items: { parameter: 'names' } });
    const e = b.task(step, {}, { group: loop });
    h = b.group({ kind: 'exitHandler', exitTask: e });
    b.task(step, {}, { group: h });
    expectOnly(b.doc, 'EXIT_TASK_NOT_CAPABLE', /top level/);
  });

  it('EXIT_HANDLER_NOT_TOP_LEVEL', () => {
    const { b, step } = base();
    const exit = b.task(step);
    const cond = b.group({ kind: 'condition', condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    const h = b.group({ kind: 'exitHandler', exitTask: exit, parent: cond });
    b.task(step, {}, { group: h });
    expectOnly(b.doc, 'EXIT_HANDLER_NOT_TOP_LEVEL');
  });

  it('EXIT_TASK_ONLY: PipelineTaskFinalStatus outside an exit handler, even inside a loop', () => {
    const { b } = base();
    const loop = b.group({ kind: 'loop', items: { parameter: 'names' } });
    b.task(EMAIL, { recipients: c(['a@b.c']) }, { group: loop });
    expectOnly(b.doc, 'EXIT_TASK_ONLY', /exit task of an exit handler/);
  });
});

describe('wiring across groups (KFP compiler_utils rules)', () => {
  it('ILLEGAL_CROSS_GROUP: reading inside a condition from outside, data out of a loop, after a task in an exit handler', () => {
    let { b, step } = base();
    const cond = b.group({ kind: 'condition', condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    const inside = b.task(step, {}, { group: cond });
    b.task(step, { msg: out(inside, 'out') });
    expectOnly(b.doc, 'ILLEGAL_CROSS_GROUP', /inside a condition/);
    ({ b, step } = base());
    const loop = b.group({ kind: 'loop', items: { parameter: 'names' } });
    const inLoop = b.task(step, {}, { group: loop });
    b.task(step, { msg: out(inLoop, 'out') });
    expectOnly(b.doc, 'ILLEGAL_CROSS_GROUP', /Collected/);
    b.doc = { ...b.doc, tasks: b.doc.tasks.map((t, i) => (i === 2 ? { ...t, inputs: {}, after: [inLoop] } : t)) };
    expect(errors(b.doc)).toEqual([]); // .after a task in a loop is allowed
    ({ b, step } = base());
    const email = b.task(EMAIL, { recipients: c(['a@b.c']) });
    const h = b.group({ kind: 'exitHandler', exitTask: email });
    const inHandler = b.task(step, {}, { group: h });
    b.task(step, {}, { after: [inHandler] });
    expectOnly(b.doc, 'ILLEGAL_CROSS_GROUP', /exit handler/);
  });

  it('BAD_COLLECTED: fan-in of a task not in a loop, or of a loop inside a condition the reader is not in', () => {
    let { b, step } = base();
    const t = b.task(step);
    b.task(step, { msg: collected(t, 'out') });
    expectOnly(b.doc, 'BAD_COLLECTED', /not inside a ParallelFor/);
    ({ b, step } = base());
    const cond = b.group({ kind: 'condition', condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    const loop = b.group({ kind: 'loop', parent: cond, items: { parameter: 'names' } });
    const inLoop = b.task(step, {}, { group: loop });
    b.task(b.component(comp('listsum')), { msg: collected(inLoop, 'out') });
    expect(codes(b.doc)).toContain('BAD_COLLECTED');
  });

  it('BAD_ONE_OF: branches without an Else', () => {
    const { b, step } = base();
    const br = b.group({ kind: 'branches' });
    const x = b.group({ kind: 'condition', parent: br, condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'a' } } });
    const y = b.group({ kind: 'condition', parent: br, condition: { left: { parameter: 'mode' }, operator: '==', right: { constant: 'b' } } });
    const t1 = b.task(step, {}, { group: x });
    const t2 = b.task(step, {}, { group: y });
    b.task(step, { msg: { oneOf: [{ task: t1, output: 'out' }, { task: t2, output: 'out' }] } });
    expectOnly(b.doc, 'BAD_ONE_OF', /Else branch/);
  });

  it('CYCLE through a group: a loop over an output of a task that fans the loop in', () => {
    const { b, step, lister } = base();
    const loop = b.group({ kind: 'loop', items: { task: 't3', output: 'out' } });
    const inLoop = b.task(step, { msg: item(loop) }, { group: loop });
    b.task(lister, { msg: template('n=', { task: inLoop, output: 'out' }) });
    b.doc = { ...b.doc, tasks: b.doc.tasks.map((t) => (t.id === 't3' ? { ...t, inputs: { msg: collected(inLoop, 'out') } } : t)) };
    expect(codes(b.doc)).toContain('CYCLE');
    expect(errors(b.doc).find((d) => d.code === 'CYCLE')!.message).toMatch(/for-loop-1/);
  });

  it('BAD_PIPELINE_OUTPUT: an output from inside a group without a fan-in', () => {
    const { b, step } = base();
    const loop = b.group({ kind: 'loop', items: { parameter: 'names' } });
    const inLoop = b.task(step, {}, { group: loop });
    b.output('o', { task: inLoop, output: 'out' });
    expectOnly(b.doc, 'BAD_PIPELINE_OUTPUT', /top-level tasks/);
  });

  it('UNKNOWN_GROUP, GROUP_CYCLE', () => {
    let { b, step } = base();
    b.task(step, {}, { group: 'g9' });
    expectOnly(b.doc, 'UNKNOWN_GROUP');
    ({ b } = base());
    b.doc = {
      ...b.doc,
      groups: [
        { id: 'g1', kind: 'loop', parent: 'g2', items: { parameter: 'names' } },
        { id: 'g2', kind: 'loop', parent: 'g1', items: { parameter: 'names' } },
      ],
    };
    expect(codes(b.doc)).toContain('GROUP_CYCLE');
  });
});

describe('components and task settings', () => {
  it('BAD_COMPONENT: a placeholder for a missing input, the value of an artifact', () => {
    const b = new DocBuilder('p');
    const id = b.component({
      kind: 'container',
      name: 'bad',
      inputs: [{ name: 'd', type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' } }],
      outputs: [],
      image: 'alpine',
      command: [{ inputValue: 'missing' }, { inputValue: 'd' }],
      args: [],
    });
    b.task(id);
    const found = errors(b.doc).filter((d) => d.code === 'BAD_COMPONENT');
    expect(found.map((d) => d.message)).toEqual([
      'Component bad: the command refers to an input "missing" that does not exist.',
      'Component bad: the command takes the value of d, an artifact; use its path or URI.',
    ]);
    expect(found[0].component).toBe(id);
  });

  it('BAD_RESOURCES: KFP spellings of CPU and memory; settings only on container tasks', () => {
    const { b, step } = base();
    b.task(step, {}, { resources: { cpuLimit: '2 cores', memoryLimit: '1.5G' } });
    expect(codes(b.doc)).toEqual(['BAD_RESOURCES', 'BAD_RESOURCES']);
    const ok = base();
    ok.b.task(ok.step, {}, { resources: { cpuLimit: '500m', memoryLimit: '16Gi', acceleratorType: 'NVIDIA_TESLA_T4' }, env: [{ name: 'A', value: '1' }] });
    expect(errors(ok.b.doc)).toEqual([]);
    const imp = base();
    imp.b.importer({ artifactType: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } }, c('gs://x'), { resources: { cpuLimit: '1' } });
    expectOnly(imp.b.doc, 'BAD_RESOURCES', /not on an importer/);
  });

  it('BAD_IMPORTER, BAD_TEMPLATE, BAD_IGNORE_UPSTREAM', () => {
    let { b, step } = base();
    b.importer({ artifactType: { schemaTitle: 'my.Thing', schemaVersion: '1' } }, c('gs://x'));
    expect(codes(b.doc)).toEqual(['BAD_IMPORTER', 'BAD_IMPORTER']);
    ({ b, step } = base());
    b.task(ENDPOINT, { display_name: c('e'), labels: template('x', { parameter: 'mode' }) });
    expectOnly(b.doc, 'BAD_TEMPLATE', /a template makes text/);
    ({ b, step } = base());
    const first = b.task(b.component({ ...comp('req'), inputs: [{ name: 'msg', type: 'STRING' }] }));
    b.doc = { ...b.doc, tasks: b.doc.tasks.map((t) => (t.id === first ? { ...t, inputs: { msg: c('x') } } : t)) };
    b.task(b.component({ ...comp('req2'), inputs: [{ name: 'msg', type: 'STRING' }] }), { msg: out(first, 'out') }, { ignoreUpstreamFailure: true });
    expectOnly(b.doc, 'BAD_IGNORE_UPSTREAM', /needs a default/);
    void step;
  });
});
