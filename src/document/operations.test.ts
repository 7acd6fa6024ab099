import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import {
  addParameter,
  addTask,
  createDocument,
  findTask,
  freeParameterName,
  moveTask,
  nextTaskId,
  parameterUses,
  removeParameter,
  removeTasks,
  renameParameter,
  setAfter,
  setInput,
  setPipelineInfo,
  setTaskOptions,
  updateParameter,
} from './operations';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, isTaskOutput, type Binding, type PipelineDocument, type Task } from './types';

/** Freezes a value and everything reachable from it, so any mutation throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

const P = { x: 0, y: 0 };

/** A small document: t1 produces, t2 reads t1 and a parameter, t3 reads both and runs after t1. */
function sample(): PipelineDocument {
  let doc = createDocument('sample');
  doc = addParameter(doc, { name: 'project_id', type: 'STRING' });
  doc = addParameter(doc, { name: 'budget', type: 'NUMBER_INTEGER', default: 8000 });
  let r = addTask(doc, 'comp.A', P, { project: { parameter: 'project_id' } });
  r = addTask(r.doc, 'comp.B', P, {
    dataset: { task: 't1', output: 'dataset' },
    project: { parameter: 'project_id' },
    budget: { parameter: 'budget' },
    name: { constant: 'x' },
  });
  r = addTask(r.doc, 'comp.C', P, {
    model: { task: 't2', output: 'model' },
    dataset: { task: 't1', output: 'dataset' },
    project: { parameter: 'project_id' },
  });
  return setAfter(r.doc, 't3', ['t1']);
}

/** Every task id, binding and `after` that points at a task that is not in the document. */
function danglingTaskRefs(doc: PipelineDocument): string[] {
  const ids = new Set(doc.tasks.map((t) => t.id));
  const out: string[] = [];
  for (const t of doc.tasks) {
    for (const [k, b] of Object.entries(t.inputs)) if (isTaskOutput(b) && !ids.has(b.task)) out.push(`${t.id}.${k}→${b.task}`);
    for (const a of t.after) if (!ids.has(a)) out.push(`${t.id} after ${a}`);
  }
  return out;
}

describe('createDocument / nextTaskId / findTask', () => {
  it('creates an empty document of the current format', () => {
    expect(createDocument()).toEqual({
      format: DOCUMENT_FORMAT,
      version: DOCUMENT_VERSION,
      name: 'my-pipeline',
      parameters: [],
      tasks: [],
    });
    expect(createDocument('x').name).toBe('x');
  });

  it('derives the next id from the document, not from a global counter', () => {
    expect(nextTaskId(createDocument())).toBe('t1');
    expect(nextTaskId(sample())).toBe('t4');
    // Two independent documents give the same answers: no hidden state.
    expect(addTask(createDocument(), 'a', P).id).toBe('t1');
    expect(addTask(createDocument(), 'a', P).id).toBe('t1');
  });

  it('ignores ids that are not of the t<n> form, and never returns a taken id', () => {
    const doc: PipelineDocument = {
      ...createDocument(),
      tasks: [task('x'), task('t07'), task('t1'), task('tt9')],
    };
    expect(nextTaskId(doc)).toBe('t8');
  });

  it('never returns a taken id, even for ids beyond 2^53 (hand-edited or imported files)', () => {
    for (const id of ['t9007199254740992', 't100000000000000000000', 't99999999999999999999']) {
      const doc: PipelineDocument = { ...createDocument(), tasks: [task(id)] };
      expect(doc.tasks.map((t) => t.id)).not.toContain(nextTaskId(doc));
    }
  });

  it('property: the next id is never taken, whatever ids the document holds', () => {
    const id = fc.oneof(
      fc.stringMatching(/^t[0-9]{1,25}$/),
      fc.string({ maxLength: 5 }),
      fc.integer({ min: 0, max: 30 }).map((n) => `t${n}`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 12 }), (ids) => {
        const doc: PipelineDocument = { ...createDocument(), tasks: ids.map(task) };
        expect(ids).not.toContain(nextTaskId(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('finds tasks by id', () => {
    const doc = sample();
    expect(findTask(doc, 't2')?.component).toBe('comp.B');
    expect(findTask(doc, 'nope')).toBeUndefined();
  });
});

function task(id: string): Task {
  return { id, component: 'c', caching: true, after: [], inputs: {}, position: P };
}

describe('addTask', () => {
  it('appends a task with defaults and returns its id, leaving the input untouched', () => {
    const before = deepFreeze(createDocument());
    const inputs = { a: { constant: 1 } };
    const { doc, id } = addTask(before, 'v1.endpoint.EndpointCreateOp', { x: 5, y: 6 }, inputs);
    expect(id).toBe('t1');
    expect(doc.tasks).toEqual([
      { id: 't1', component: 'v1.endpoint.EndpointCreateOp', caching: true, after: [], inputs, position: { x: 5, y: 6 } },
    ]);
    expect(before.tasks).toEqual([]);
  });

  it('ids never collide with existing tasks, even after removals', () => {
    let doc = createDocument();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = addTask(doc, 'c', P);
      doc = r.doc;
      ids.push(r.id);
    }
    expect(ids).toEqual(['t1', 't2', 't3', 't4', 't5']);
    doc = removeTasks(doc, ['t2', 't4']);
    let r = addTask(doc, 'c', P);
    expect(r.id).toBe('t6');
    doc = removeTasks(r.doc, ['t1']);
    r = addTask(doc, 'c', P);
    expect(r.id).toBe('t7');
    const all = r.doc.tasks.map((t) => t.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('places tasks in creation order (the order decides -2/-3 suffixes)', () => {
    expect(sample().tasks.map((t) => t.component)).toEqual(['comp.A', 'comp.B', 'comp.C']);
  });
});

describe('removeTasks', () => {
  it('drops the tasks, every binding that reads them and every after that points at them', () => {
    const before = deepFreeze(sample());
    const doc = removeTasks(before, ['t1']);
    expect(doc.tasks.map((t) => t.id)).toEqual(['t2', 't3']);
    expect(findTask(doc, 't2')!.inputs).toEqual({
      project: { parameter: 'project_id' },
      budget: { parameter: 'budget' },
      name: { constant: 'x' },
    });
    expect(findTask(doc, 't3')!.inputs).toEqual({
      model: { task: 't2', output: 'model' },
      project: { parameter: 'project_id' },
    });
    expect(findTask(doc, 't3')!.after).toEqual([]);
    expect(danglingTaskRefs(doc)).toEqual([]);
  });

  it('removes several at once and keeps untouched tasks by reference', () => {
    const before = sample();
    const doc = removeTasks(before, ['t2', 't3']);
    expect(doc.tasks).toHaveLength(1);
    expect(doc.tasks[0]).toBe(before.tasks[0]);
  });

  it('returns the same document when no id matches', () => {
    const doc = sample();
    expect(removeTasks(doc, ['t99'])).toBe(doc);
    expect(removeTasks(doc, [])).toBe(doc);
  });
});

describe('moveTask', () => {
  it('moves, and is a no-op for the same position or an unknown task', () => {
    const doc = deepFreeze(sample());
    expect(findTask(moveTask(doc, 't2', { x: 10, y: 20 }), 't2')!.position).toEqual({ x: 10, y: 20 });
    expect(moveTask(doc, 't2', { x: 0, y: 0 })).toBe(doc);
    expect(moveTask(doc, 'nope', { x: 1, y: 1 })).toBe(doc);
  });
});

describe('setInput', () => {
  it('binds, rebinds and unbinds an input', () => {
    const doc0 = deepFreeze(sample());
    const doc1 = setInput(doc0, 't1', 'display_name', { constant: 'flowers' });
    expect(findTask(doc1, 't1')!.inputs.display_name).toEqual({ constant: 'flowers' });
    const doc2 = setInput(deepFreeze(doc1), 't1', 'display_name', { parameter: 'project_id' });
    expect(findTask(doc2, 't1')!.inputs.display_name).toEqual({ parameter: 'project_id' });
    const doc3 = setInput(deepFreeze(doc2), 't1', 'display_name', undefined);
    expect('display_name' in findTask(doc3, 't1')!.inputs).toBe(false);
    expect(findTask(doc3, 't1')!.inputs).toEqual(findTask(doc0, 't1')!.inputs);
    // Other tasks are shared, not copied.
    expect(doc3.tasks[1]).toBe(doc0.tasks[1]);
  });

  it('unbinding an input that is not bound, or touching an unknown task, changes nothing', () => {
    const doc = deepFreeze(sample());
    expect(setInput(doc, 't1', 'not_bound', undefined)).toBe(doc);
    expect(setInput(doc, 'nope', 'x', { constant: 1 })).toBe(doc);
  });
});

describe('parameters', () => {
  it('freeParameterName finds an unused name', () => {
    let doc = createDocument();
    expect(freeParameterName(doc)).toBe('param');
    doc = addParameter(doc, { name: 'param', type: 'STRING' });
    expect(freeParameterName(doc)).toBe('param_2');
    doc = addParameter(doc, { name: 'param_2', type: 'STRING' });
    expect(freeParameterName(doc)).toBe('param_3');
    expect(freeParameterName(doc, 'x')).toBe('x');
  });

  it('renameParameter renames the parameter and every binding that uses it', () => {
    const before = deepFreeze(sample());
    const doc = renameParameter(before, 'project_id', 'project');
    expect(doc.parameters.map((p) => p.name)).toEqual(['project', 'budget']);
    expect(parameterUses(doc, 'project')).toEqual([
      ['t1', 'project'],
      ['t2', 'project'],
      ['t3', 'project'],
    ]);
    expect(parameterUses(doc, 'project_id')).toEqual([]);
    // Other bindings are unchanged.
    expect(findTask(doc, 't2')!.inputs.budget).toEqual({ parameter: 'budget' });
    expect(findTask(doc, 't2')!.inputs.dataset).toEqual({ task: 't1', output: 'dataset' });
    expect(parameterUses(before, 'project_id')).toHaveLength(3);
  });

  it('renameParameter keeps tasks that do not use it, and is a no-op for the same name', () => {
    const before = sample();
    const doc = renameParameter(before, 'budget', 'b');
    expect(doc.tasks[0]).toBe(before.tasks[0]);
    expect(doc.tasks[2]).toBe(before.tasks[2]);
    expect(findTask(doc, 't2')!.inputs.budget).toEqual({ parameter: 'b' });
    expect(renameParameter(before, 'budget', 'budget')).toBe(before);
  });

  it('removeParameter removes it and unbinds every input that used it', () => {
    const before = deepFreeze(sample());
    const doc = removeParameter(before, 'project_id');
    expect(doc.parameters.map((p) => p.name)).toEqual(['budget']);
    for (const t of doc.tasks) expect('project' in t.inputs).toBe(false);
    expect(findTask(doc, 't2')!.inputs).toEqual({
      dataset: { task: 't1', output: 'dataset' },
      budget: { parameter: 'budget' },
      name: { constant: 'x' },
    });
    expect(parameterUses(doc, 'project_id')).toEqual([]);
  });

  it('updateParameter changes type and default; default: undefined removes the default', () => {
    const before = deepFreeze(sample());
    let doc = updateParameter(before, 'budget', { type: 'NUMBER_DOUBLE' });
    expect(doc.parameters[1]).toEqual({ name: 'budget', type: 'NUMBER_DOUBLE', default: 8000 });
    doc = updateParameter(deepFreeze(doc), 'budget', { default: 0.5 });
    expect(doc.parameters[1]).toEqual({ name: 'budget', type: 'NUMBER_DOUBLE', default: 0.5 });
    doc = updateParameter(deepFreeze(doc), 'budget', { default: undefined });
    expect(doc.parameters[1]).toEqual({ name: 'budget', type: 'NUMBER_DOUBLE' });
    expect('default' in doc.parameters[1]).toBe(false);
    // A patch without `default` keeps it; falsy defaults are real defaults.
    doc = updateParameter(before, 'project_id', { default: '' });
    expect(doc.parameters[0]).toEqual({ name: 'project_id', type: 'STRING', default: '' });
    expect(updateParameter(before, 'budget', {}).parameters[1]).toEqual(before.parameters[1]);
    expect(doc.parameters[1]).toBe(before.parameters[1]);
  });
});

describe('setPipelineInfo', () => {
  it('sets fields, and empty strings or undefined clear the optional ones', () => {
    const before = deepFreeze(sample());
    let doc = setPipelineInfo(before, {
      name: 'renamed',
      displayName: 'Shown',
      description: 'Line 1\nLine 2',
      pipelineRoot: 'gs://b/root',
    });
    expect(doc).toMatchObject({ name: 'renamed', displayName: 'Shown', description: 'Line 1\nLine 2', pipelineRoot: 'gs://b/root' });
    doc = setPipelineInfo(deepFreeze(doc), { displayName: '', description: undefined });
    expect('displayName' in doc).toBe(false);
    expect('description' in doc).toBe(false);
    expect(doc.pipelineRoot).toBe('gs://b/root');
    expect(doc.name).toBe('renamed');
    doc = setPipelineInfo(deepFreeze(doc), { pipelineRoot: '' });
    expect('pipelineRoot' in doc).toBe(false);
    expect(before.name).toBe('sample');
  });

  it('leaves fields that are not in the patch alone', () => {
    const doc = setPipelineInfo(setPipelineInfo(sample(), { description: 'd' }), { name: 'n' });
    expect(doc.description).toBe('d');
    expect(doc.name).toBe('n');
  });
});

describe('setTaskOptions', () => {
  it('sets and clears display name, caching and retries', () => {
    const before = deepFreeze(sample());
    let doc = setTaskOptions(before, 't2', { displayName: 'Train', caching: false, retries: 3 });
    expect(findTask(doc, 't2')).toMatchObject({ displayName: 'Train', caching: false, retries: 3 });
    doc = setTaskOptions(deepFreeze(doc), 't2', { retries: 0 });
    expect(findTask(doc, 't2')!.retries).toBe(0);
    doc = setTaskOptions(deepFreeze(doc), 't2', { displayName: '', caching: undefined, retries: undefined });
    const t = findTask(doc, 't2')!;
    expect('displayName' in t).toBe(false);
    expect('retries' in t).toBe(false);
    expect(t.caching).toBe(false);
    doc = setTaskOptions(deepFreeze(doc), 't2', { caching: true, displayName: undefined });
    expect(findTask(doc, 't2')!.caching).toBe(true);
    expect(findTask(before, 't2')).toEqual(sample().tasks[1]);
  });

  it('does nothing for an unknown task', () => {
    const doc = deepFreeze(sample());
    expect(setTaskOptions(doc, 'nope', { caching: false })).toBe(doc);
  });
});

describe('setAfter', () => {
  it('de-dupes, drops the task itself and keeps the order', () => {
    const before = deepFreeze(sample());
    const doc = setAfter(before, 't3', ['t2', 't3', 't1', 't2', 't3', 't1']);
    expect(findTask(doc, 't3')!.after).toEqual(['t2', 't1']);
    expect(findTask(setAfter(doc, 't3', []), 't3')!.after).toEqual([]);
    expect(findTask(before, 't3')!.after).toEqual(['t1']);
  });
});

// ------------------------------------------------------------------ properties

type Command =
  | { op: 'add'; component: string; bind: Array<{ input: string; pick: number; kind: 'task' | 'param' | 'const'; value: JsonValue }> }
  | { op: 'remove'; picks: number[]; unknown: boolean }
  | { op: 'move'; pick: number; x: number; y: number }
  | { op: 'setInput'; pick: number; input: string; kind: 'task' | 'param' | 'const' | 'unbind'; source: number; value: JsonValue }
  | { op: 'options'; pick: number; displayName?: string; caching?: boolean; retries?: number }
  | { op: 'after'; pick: number; targets: number[] }
  | { op: 'info'; name?: string; displayName?: string; description?: string; pipelineRoot?: string }
  | { op: 'addParam'; type: ParameterType; withDefault: boolean; value: JsonValue }
  | { op: 'renameParam'; pick: number; to: string }
  | { op: 'updateParam'; pick: number; type?: ParameterType; clearDefault: boolean; value: JsonValue }
  | { op: 'removeParam'; pick: number };

const pick = fc.nat({ max: 50 });
const inputName = fc.constantFrom('a', 'b', 'c', 'dataset', 'model');
const paramType = fc.constantFrom<ParameterType>('STRING', 'NUMBER_INTEGER', 'NUMBER_DOUBLE', 'BOOLEAN', 'STRUCT', 'LIST');
const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;
const bindKind = fc.constantFrom<'task' | 'param' | 'const'>('task', 'param', 'const');
const optText = fc.option(fc.string({ maxLength: 6 }), { nil: undefined });

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), component: fc.constantFrom('A', 'B', 'C'), bind: fc.array(fc.record({ input: inputName, pick, kind: bindKind, value: json }), { maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), picks: fc.array(pick, { maxLength: 3 }), unknown: fc.boolean() }) },
  fc.record({ op: fc.constant('move' as const), pick, x: fc.integer(), y: fc.integer() }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('setInput' as const), pick, input: inputName, kind: fc.constantFrom<'task' | 'param' | 'const' | 'unbind'>('task', 'param', 'const', 'unbind'), source: pick, value: json }) },
  fc.record({ op: fc.constant('options' as const), pick, displayName: optText, caching: fc.option(fc.boolean(), { nil: undefined }), retries: fc.option(fc.nat(10), { nil: undefined }) }, { requiredKeys: ['op', 'pick'] }),
  fc.record({ op: fc.constant('after' as const), pick, targets: fc.array(pick, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('info' as const), name: optText, displayName: optText, description: optText, pipelineRoot: optText }, { requiredKeys: ['op'] }),
  fc.record({ op: fc.constant('addParam' as const), type: paramType, withDefault: fc.boolean(), value: json }),
  fc.record({ op: fc.constant('renameParam' as const), pick, to: fc.stringMatching(/^[a-z_]{1,4}$/) }),
  fc.record({ op: fc.constant('updateParam' as const), pick, type: fc.option(paramType, { nil: undefined }), clearDefault: fc.boolean(), value: json }, { requiredKeys: ['op', 'pick', 'clearDefault', 'value'] }),
  fc.record({ op: fc.constant('removeParam' as const), pick }),
);

const at = <T,>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

function bindingFor(doc: PipelineDocument, kind: 'task' | 'param' | 'const', source: number, value: JsonValue): Binding | undefined {
  if (kind === 'task') {
    const t = at(doc.tasks, source);
    return t && { task: t.id, output: 'out' };
  }
  if (kind === 'param') {
    const p = at(doc.parameters, source);
    return p && { parameter: p.name };
  }
  return { constant: value };
}

function apply(doc: PipelineDocument, c: Command): PipelineDocument {
  const taskAt = (i: number) => at(doc.tasks, i)?.id ?? 'missing';
  const paramAt = (i: number) => at(doc.parameters, i)?.name ?? 'missing';
  switch (c.op) {
    case 'add': {
      const inputs: Record<string, Binding> = {};
      for (const b of c.bind) {
        const binding = bindingFor(doc, b.kind, b.pick, b.value);
        if (binding) inputs[b.input] = binding;
      }
      return addTask(doc, c.component, { x: 0, y: 0 }, inputs).doc;
    }
    case 'remove':
      return removeTasks(doc, [...c.picks.map(taskAt), ...(c.unknown ? ['nope'] : [])]);
    case 'move':
      return moveTask(doc, taskAt(c.pick), { x: c.x, y: c.y });
    case 'setInput':
      return setInput(doc, taskAt(c.pick), c.input, c.kind === 'unbind' ? undefined : bindingFor(doc, c.kind, c.source, c.value));
    case 'options': {
      const { op: _op, pick: p, ...patch } = c;
      return setTaskOptions(doc, taskAt(p), patch);
    }
    case 'after':
      return setAfter(doc, taskAt(c.pick), c.targets.map(taskAt));
    case 'info': {
      const { op: _op, ...patch } = c;
      return setPipelineInfo(doc, patch);
    }
    case 'addParam':
      return addParameter(doc, {
        name: freeParameterName(doc),
        type: c.type,
        ...(c.withDefault ? { default: c.value } : {}),
      });
    case 'renameParam':
      return renameParameter(doc, paramAt(c.pick), c.to);
    case 'updateParam':
      return updateParameter(doc, paramAt(c.pick), {
        ...(c.type ? { type: c.type } : {}),
        ...(c.clearDefault ? { default: undefined } : { default: c.value }),
      });
    case 'removeParam':
      return removeParameter(doc, paramAt(c.pick));
  }
}

describe('document operations (properties)', () => {
  const commands = fc.array(command, { minLength: 1, maxLength: 30 });

  it('never mutate their input document (deep-frozen)', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        let doc = deepFreeze(sample());
        for (const c of cmds) {
          const snapshot = structuredClone(doc);
          const next = apply(doc, c); // a write to a frozen object throws here
          expect(doc).toEqual(snapshot);
          doc = deepFreeze(next);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never leave dangling task references, and task ids stay unique', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        let doc = sample();
        for (const c of cmds) {
          doc = apply(doc, c);
          expect(danglingTaskRefs(doc)).toEqual([]);
          const ids = doc.tasks.map((t) => t.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const t of doc.tasks) expect(t.after).not.toContain(t.id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('removing tasks leaves no binding or after that names a removed id', () => {
    fc.assert(
      fc.property(commands, fc.array(pick, { minLength: 1, maxLength: 4 }), (cmds, picks) => {
        let doc = sample();
        for (const c of cmds) doc = apply(doc, c);
        const gone = picks.map((i) => at(doc.tasks, i)?.id).filter((x): x is string => x !== undefined);
        const after = removeTasks(doc, gone);
        const text = JSON.stringify(after.tasks);
        for (const id of gone) {
          expect(after.tasks.some((t) => t.id === id)).toBe(false);
          expect(text).not.toContain(`"${id}"`);
        }
        expect(after.tasks).toHaveLength(doc.tasks.length - new Set(gone).size);
      }),
      { numRuns: 150 },
    );
  });

  it('renaming a parameter moves every use, removing one leaves no use', () => {
    fc.assert(
      fc.property(commands, pick, (cmds, p) => {
        let doc = sample();
        for (const c of cmds) doc = apply(doc, c);
        const param = at(doc.parameters, p);
        if (!param) return;
        const uses = parameterUses(doc, param.name);
        const to = `${param.name}_renamed`;
        const renamed = renameParameter(doc, param.name, to);
        const sorted = (pairs: Array<[string, string]>) => pairs.map((x) => x.join('.')).sort();
        expect(sorted(parameterUses(renamed, to))).toEqual(sorted([...parameterUses(doc, to), ...uses]));
        expect(parameterUses(renamed, param.name)).toEqual([]);
        const removed = removeParameter(doc, param.name);
        expect(parameterUses(removed, param.name)).toEqual([]);
        expect(removed.parameters.some((x) => x.name === param.name)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
