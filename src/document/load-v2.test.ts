import { describe, expect, it } from 'vitest';
import { addComponent, addGroup, addImporter, setOutput, setTaskEnv, setTaskResources } from './flow-operations';
import { loadDocument, saveDocument } from './load';
import { addParameter, addTask, createDocument } from './operations';
import type { PipelineDocument } from './types';

function loaded(value: unknown): PipelineDocument {
  const r = loadDocument(typeof value === 'string' ? value : JSON.stringify(value));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

function refusal(value: unknown): string {
  const r = loadDocument(JSON.stringify(value), 'doc.json');
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error).not.toContain('\n');
  expect(r.error.endsWith('.')).toBe(true);
  return r.error;
}

/** A document with every version-2 feature, built with the operations. */
function full(): PipelineDocument {
  let doc = createDocument('full');
  doc = addParameter(doc, { name: 'names', type: 'LIST', default: ['a'] });
  doc = addParameter(doc, { name: 'maybe', type: 'NUMBER_INTEGER', optional: true });
  const c = addComponent(doc, {
    kind: 'container',
    name: 'Echo',
    description: 'echoes',
    inputs: [
      { name: 'msg', type: 'STRING', default: 'hi', description: 'the text' },
      { name: 'data', type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' }, optional: true, isList: true },
      { name: 'status', type: 'TASK_FINAL_STATUS' },
    ],
    outputs: [{ name: 'out', type: 'STRING' }],
    image: 'alpine',
    command: ['sh', '-c', { concat: ['x', { inputValue: 'msg' }] }],
    args: [{ ifPresent: { input: 'data', then: [{ inputPath: 'data' }], else: 'none' } }, { outputPath: 'out' }, { executorInput: true }, { inputMetadata: 'data', key: 'k' }],
  });
  doc = c.doc;
  doc = addComponent(doc, { kind: 'verbatim', name: 'py', spec: { inputDefinitions: { parameters: { x: { parameterType: 'STRING' } } } }, executor: { container: { image: 'python' } } }, 'py').doc;
  let r = addTask(doc, c.id, { x: 1, y: 2 }, { msg: { constant: 'a' } });
  doc = r.doc;
  const producer = r.id;
  const loop = addGroup(doc, { kind: 'loop', items: { parameter: 'names' }, parallelism: 3, itemType: 'STRING', displayName: 'Loop', position: { x: 0, y: 0 }, size: { width: 10, height: 20 } });
  doc = loop.doc;
  const cond = addGroup(doc, { kind: 'condition', parent: loop.id, condition: { left: { loopItem: loop.id }, operator: '!=', right: { constant: 1.0, type: 'NUMBER_DOUBLE' } } });
  doc = cond.doc;
  const branches = addGroup(doc, { kind: 'branches' });
  doc = branches.doc;
  doc = addGroup(doc, { kind: 'condition', parent: branches.id, condition: { left: { task: producer, output: 'out' }, operator: '==', right: { constant: true } } }).doc;
  doc = addGroup(doc, { kind: 'condition', parent: branches.id }).doc;
  r = addTask(doc, c.id, { x: 0, y: 0 }, {
    msg: { template: ['item ', { loopItem: loop.id, field: 'f' }, ' of ', { parameter: 'names' }, { task: producer, output: 'out' }] },
  });
  doc = { ...r.doc, tasks: r.doc.tasks.map((t) => (t.id === r.id ? { ...t, group: cond.id, ignoreUpstreamFailure: true } : t)) };
  doc = setTaskResources(doc, r.id, { cpuLimit: '1', memoryRequest: '2Gi', acceleratorType: 'T4', acceleratorCount: 2 });
  doc = setTaskEnv(doc, r.id, [{ name: 'A', value: '1' }]);
  const inLoop = r.id;
  r = addTask(doc, c.id, { x: 0, y: 0 }, { msg: { task: inLoop, output: 'out', collected: true } });
  doc = r.doc;
  const imp = addImporter(doc, { x: 5, y: 5 }, { artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' }, reimport: true, metadata: { a: [1] }, downloadToWorkspace: true }, { parameter: 'names' });
  doc = imp.doc;
  const exit = addTask(doc, 'py', { x: 0, y: 0 });
  doc = exit.doc;
  doc = addGroup(doc, { kind: 'exitHandler', exitTask: exit.id, displayName: 'cleanup' }).doc;
  doc = addGroup(doc, { kind: 'loop', items: { constant: [{ a: 1 }, { a: 2 }] } }).doc;
  doc = setOutput(doc, { name: 'all', source: { task: inLoop, output: 'out', collected: true } });
  doc = setOutput(doc, { name: 'one', source: { oneOf: [{ task: producer, output: 'out' }] } });
  return doc;
}

describe('version 2 documents', () => {
  it('save → load keeps every version-2 field, and saving again gives the same bytes', () => {
    const doc = full();
    const text = saveDocument(doc);
    expect(text.startsWith('{\n  "format": "pipeline-canvas",\n  "version": 2,\n')).toBe(true);
    const back = loaded(text);
    expect(back).toEqual(doc);
    expect(saveDocument(back)).toBe(text);
  });

  it('a version-1 document loads unchanged as version 2', () => {
    const v1 = {
      format: 'pipeline-canvas',
      version: 1,
      name: 'p',
      parameters: [{ name: 'x', type: 'STRING' }],
      tasks: [
        { id: 't1', component: 'c', caching: true, after: [], inputs: { a: { parameter: 'x' } }, position: { x: 0, y: 0 } },
        { id: 't2', component: 'c', caching: false, after: ['t1'], inputs: { a: { task: 't1', output: 'o' } }, position: { x: 1, y: 1 } },
      ],
    };
    const doc = loaded(v1);
    expect(doc).toEqual({ ...v1, version: 2 });
  });

  it('a version-1 document may not use fields or bindings that came with version 2', () => {
    const v1 = (extra: object, task: object = {}) => ({
      format: 'pipeline-canvas',
      version: 1,
      name: 'p',
      tasks: [{ id: 't1', component: 'c', ...task }],
      ...extra,
    });
    expect(refusal(v1({ groups: [] }))).toMatch(/groups is not a known field/);
    expect(refusal(v1({}, { group: 'g1' }))).toMatch(/tasks\[0\]\.group is not a known field/);
    expect(refusal(v1({}, { inputs: { a: { loopItem: 'g1' } } }))).toMatch(/must be exactly one of \{"constant": value\}, \{"parameter": name\} or \{"task": id, "output": name\}/);
  });

  it('refuses malformed groups, conditions, loops, components and settings with the place', () => {
    const doc = JSON.parse(saveDocument(full()));
    const broken = (fn: (d: any) => void) => {
      const d = structuredClone(doc);
      fn(d);
      return refusal(d);
    };
    expect(broken((d) => (d.groups[0].kind = 'while'))).toMatch(/groups\[0\]\.kind must be one of "condition", "branches", "loop", "exitHandler"/);
    expect(broken((d) => (d.groups[1].id = d.groups[0].id))).toMatch(/groups\[1\] has the id "g1", which groups\[0\] already uses/);
    expect(broken((d) => (d.groups[1].condition.operator = '=~'))).toMatch(/groups\[1\]\.condition\.operator must be one of/);
    expect(broken((d) => (d.groups[1].condition.right = { constant: [1] }))).toMatch(/condition\.right\.constant must be text, a number or true\/false/);
    expect(broken((d) => delete d.groups[0].items)).toMatch(/groups\[0\] has no "items"/);
    expect(broken((d) => (d.groups[0].parallelism = 1.5))).toMatch(/parallelism must be a whole number/);
    expect(broken((d) => (d.groups[0].items = { constant: 'abc' }))).toMatch(/items\.constant must be a list/);
    expect(broken((d) => delete d.groups[5].exitTask)).toMatch(/has no "exitTask"/);
    expect(broken((d) => (d.components['custom.echo'].kind = 'python'))).toMatch(/components\["custom\.echo"\]\.kind must be "container" or "verbatim"/);
    expect(broken((d) => (d.components['custom.echo'].args[0] = { shell: 'x' }))).toMatch(/args\[0\] must be text or one placeholder/);
    expect(broken((d) => (d.components['custom.echo'].inputs[0].type = 'INT'))).toMatch(/inputs\[0\]\.type must be one of/);
    expect(broken((d) => (d.tasks[1].resources.acceleratorCount = -1))).toMatch(/acceleratorCount must be a whole number/);
    expect(broken((d) => (d.tasks[1].env = [{ value: 'x' }]))).toMatch(/env\[0\] has no "name"/);
    expect(broken((d) => (d.tasks[3].importer.artifactType = { schemaTitle: 'x' }))).toMatch(/has no "schemaVersion"/);
    expect(broken((d) => (d.outputs[1].name = 'all'))).toMatch(/outputs\[1\] is named "all", like outputs\[0\]/);
    expect(broken((d) => (d.outputs[0].source = { parameter: 'x' }))).toMatch(/outputs\[0\]\.source must be/);
    expect(broken((d) => (d.tasks[2].inputs.msg.collected = false))).toMatch(/collected must be true/);
    expect(broken((d) => (d.tasks[1].inputs.msg.template[1] = { loop: 'g1' }))).toMatch(/template\[1\] must be one of/);
  });
});
