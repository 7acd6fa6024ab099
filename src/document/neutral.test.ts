import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { MAX_DEPTH, MAX_DOCUMENT_BYTES } from './load';
import { loadNeutralPipeline, looksLikeNeutralPipeline } from './neutral';
import type { PipelineDocument } from './types';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const DATASET = 'v1.dataset.ImageDatasetCreateOp';
const TRAINING = 'v1.automl.training_job.AutoMLImageTrainingJobRunOp';
const ENDPOINT = 'v1.endpoint.EndpointCreateOp';

/** A small valid description as the generator writes it (text, so number spelling is ours). */
function base(): any {
  return {
    name: 'demo',
    description: null,
    displayName: null,
    pipelineRoot: null,
    parameters: [{ name: 'project_id', type: 'STRING' }],
    tasks: [
      { id: 't0', component: DATASET, displayName: null, caching: true, retries: null, after: [], inputs: { display_name: { constant: 'ds' } } },
      {
        id: 't1',
        component: TRAINING,
        displayName: 'Train',
        caching: false,
        retries: 3,
        after: [],
        inputs: {
          project: { parameter: 'project_id' },
          display_name: { constant: 'train' },
          dataset: { task: 't0', output: 'dataset' },
        },
      },
      { id: 't2', component: ENDPOINT, displayName: null, caching: true, retries: null, after: ['t0'], inputs: { display_name: { constant: 'e' } } },
    ],
  };
}

/**
 * `base()` as JSON text with the training task's input `name` set to the literal `literal`,
 * spelled exactly as given (`1`, `1.0`, `8000`, `[1, 2.5]`).
 */
function withLiteral(name: string, literal: string): string {
  const text = JSON.stringify(base()).replace('"display_name":{"constant":"train"}', `"display_name":{"constant":"train"},"${name}":{"constant":${literal}}`);
  expect(text).toContain(literal);
  return text;
}

function load(text: string, source = 'demo.pipeline.json') {
  return loadNeutralPipeline(text, source, catalog);
}

function loaded(value: unknown): PipelineDocument {
  const r = load(typeof value === 'string' ? value : JSON.stringify(value));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

function refusal(value: unknown, source = 'demo.pipeline.json'): string {
  const r = load(typeof value === 'string' ? value : JSON.stringify(value), source);
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error).not.toContain('\n');
  expect(r.error.startsWith(source + ' ')).toBe(true);
  expect(r.error.endsWith('.')).toBe(true);
  return r.error;
}

function hasBigInt(v: unknown): boolean {
  if (typeof v === 'bigint') return true;
  if (Array.isArray(v)) return v.some(hasBigInt);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasBigInt);
  return false;
}

describe('loadNeutralPipeline accepts', () => {
  it('a description, as a document: null means "not passed", options and bindings kept', () => {
    const doc = loaded(base());
    expect(doc.format).toBe('pipeline-canvas');
    expect(doc.name).toBe('demo');
    expect(doc).not.toHaveProperty('description');
    expect(doc).not.toHaveProperty('displayName');
    expect(doc).not.toHaveProperty('pipelineRoot');
    expect(doc.parameters).toEqual([{ name: 'project_id', type: 'STRING' }]);
    expect(doc.tasks.map((t) => t.id)).toEqual(['t0', 't1', 't2']);
    expect(doc.tasks[0]).not.toHaveProperty('displayName');
    expect(doc.tasks[0]).not.toHaveProperty('retries');
    expect(doc.tasks[1]).toMatchObject({ displayName: 'Train', caching: false, retries: 3 });
    expect(doc.tasks[1].inputs.dataset).toEqual({ task: 't0', output: 'dataset' });
    expect(doc.tasks[2].after).toEqual(['t0']);
  });

  it('pipeline-level options when given', () => {
    const doc = loaded({ ...base(), description: 'd\nmore', displayName: 'Demo', pipelineRoot: 'gs://b/r' });
    expect(doc).toMatchObject({ description: 'd\nmore', displayName: 'Demo', pipelineRoot: 'gs://b/r' });
  });

  it('sanitises the pipeline name as KFP does (probe pipeline-name-unsanitized)', () => {
    expect(loaded({ ...base(), name: 'Probe Name_With CAPS' }).name).toBe('probe-name-with-caps');
    expect(loaded({ ...base(), name: '--Ünïcode  Näme--' }).name).toBe('n-code-n-me');
  });

  it('lays tasks out in columns by dependency depth, rows in creation order', () => {
    const doc = loaded(base());
    const [t0, t1, t2] = doc.tasks.map((t) => t.position);
    expect(t0.x).toBe(0);
    expect(t1.x).toBeGreaterThan(t0.x);
    expect(t2.x).toBe(t1.x); // both one step after t0
    expect(t2.y).not.toBe(t1.y);
  });

  it('ints and floats as plain numbers (no BigInt reaches the document), nested ones included', () => {
    const doc = loaded(withLiteral('labels', '{"a": 1, "b": 2.5, "c": [3, 4.0, {"d": 9007199254740993}]}'));
    expect(doc.tasks[1].inputs.labels).toEqual({ constant: { a: 1, b: 2.5, c: [3, 4, { d: 9007199254740992 }] } });
    expect(hasBigInt(doc)).toBe(false);
    const withDefaults = loaded({
      ...base(),
      parameters: [
        { name: 'n', type: 'NUMBER_INTEGER', default: 1000 },
        { name: 'f', type: 'NUMBER_DOUBLE', default: 1 }, // `f: float = 1` is fine for KFP
        { name: 's', type: 'STRUCT', default: { k: 1 } },
      ],
    });
    expect(withDefaults.parameters.map((p) => p.default)).toEqual([1000, 1, { k: 1 }]);
    expect(hasBigInt(withDefaults)).toBe(false);
  });

  it('number literals of the matching kind: int into NUMBER_INTEGER, float into NUMBER_DOUBLE', () => {
    expect(loaded(withLiteral('budget_milli_node_hours', '8000')).tasks[1].inputs.budget_milli_node_hours).toEqual({ constant: 8000 });
    expect(loaded(withLiteral('training_fraction_split', '1.0')).tasks[1].inputs.training_fraction_split).toEqual({ constant: 1 });
    expect(loaded(withLiteral('training_fraction_split', '8e-1')).tasks[1].inputs.training_fraction_split).toEqual({ constant: 0.8 });
  });

  it('element types of a list constant are not checked (probe list-str-element-types-unchecked)', () => {
    expect(loaded(withLiteral('model_version_aliases', '[1, 2.5, true, {"a": 1}]')).tasks[1].inputs.model_version_aliases).toEqual({
      constant: [1, 2.5, true, { a: 1 }],
    });
  });

  it('leaves other mismatches, unknown components and unknown inputs to the validator', () => {
    expect(loaded(withLiteral('model_display_name', '5')).tasks[1].inputs.model_display_name).toEqual({ constant: 5 });
    expect(loaded(withLiteral('no_such_input', '1.0')).tasks[1].inputs.no_such_input).toEqual({ constant: 1 });
    const unknown = base();
    unknown.tasks[1].component = 'v1.nope.NoSuchOp';
    expect(loaded(JSON.stringify(unknown).replace('"display_name":{"constant":"train"}', '"x":{"constant":1}')).tasks[1].component).toBe(
      'v1.nope.NoSuchOp',
    );
    expect(loaded({ ...base(), tasks: [] }).tasks).toEqual([]); // probe no-tasks: the validator refuses
  });

  it('a retry count spelled 3.0, duplicate after entries, a byte order mark, tab indentation', () => {
    const text = JSON.stringify(base(), null, '\t').replace('"retries": 3', '"retries": 3.0');
    expect(text).toContain('\t"tasks"');
    const twice = text.replace('"after": [\n\t\t\t\t"t0"\n\t\t\t]', '"after": ["t0", "t0"]');
    expect(twice).toContain('["t0", "t0"]');
    const doc = loaded('\ufeff' + twice);
    expect(doc.tasks[1].retries).toBe(3);
    expect(doc.tasks[2].after).toEqual(['t0']);
  });

  it('strings as written: non-ASCII, escapes, YAML-looking scalars, placeholders', () => {
    const strings = ['Étape 2 – données', '🚀', 'a\tb\nc "q" #x', 'true', 'null', '~', '123', '{{$.pipeline_job_name}}', '\u2028', '- x: y'];
    const doc = loaded(withLiteral('labels', JSON.stringify(Object.fromEntries(strings.map((s, i) => [`k${i}`, s])))));
    expect(Object.values((doc.tasks[1].inputs.labels as { constant: object }).constant)).toEqual(strings);
  });
});

describe('loadNeutralPipeline refuses the int/float literals KFP refuses', () => {
  it('an int constant into a float input (probe int-const-to-float)', () => {
    expect(refusal(withLiteral('training_fraction_split', '1'))).toBe(
      'demo.pipeline.json cannot be loaded: tasks[1].inputs.training_fraction_split.constant is the int 1, but input ' +
        'training_fraction_split of automl-image-training-job is a float (NUMBER_DOUBLE) and KFP refuses an int there; write 1.0.',
    );
  });

  it('a float constant into an int input (probe float-const-to-int), suggesting the int when it is whole', () => {
    expect(refusal(withLiteral('budget_milli_node_hours', '8000.0'))).toBe(
      'demo.pipeline.json cannot be loaded: tasks[1].inputs.budget_milli_node_hours.constant is the float 8000.0, but input ' +
        'budget_milli_node_hours of automl-image-training-job is an int (NUMBER_INTEGER) and KFP refuses a float there; write 8000.',
    );
    const msg = refusal(withLiteral('budget_milli_node_hours', '8000.5'));
    expect(msg).toMatch(/is the float 8000\.5, but .* refuses a float there\.$/);
    expect(refusal(withLiteral('budget_milli_node_hours', '8e3'))).toMatch(/is the float 8000\.0/);
  });
});

describe('loadNeutralPipeline refuses malformed descriptions', () => {
  it('text that is not JSON (YAML included), empty text, or JSON that is not an object', () => {
    expect(refusal('name: demo\ntasks: []\n')).toMatch(/^demo\.pipeline\.json is not valid JSON: /);
    expect(refusal('{"name": "x", "tasks": [],}')).toMatch(/is not valid JSON/);
    expect(refusal('   ')).toBe('demo.pipeline.json is empty.');
    expect(refusal('[1, 2]')).toBe('demo.pipeline.json is not a pipeline description: it holds a list instead of an object.');
    expect(refusal('"text"')).toMatch(/it holds the text "text" instead of an object/);
  });

  it('missing or unknown fields, at the top and in tasks', () => {
    const { name: _n, ...noName } = base();
    expect(refusal(noName)).toBe('demo.pipeline.json has no "name" field.');
    const { tasks: _t, ...noTasks } = base();
    expect(refusal(noTasks)).toBe('demo.pipeline.json has no "tasks" field.');
    expect(refusal({ ...base(), format: 'pipeline-canvas' })).toMatch(/cannot be loaded: format is not a known field/);
    const extra = base();
    extra.tasks[1].position = { x: 1, y: 2 };
    expect(refusal(extra)).toMatch(/cannot be loaded: tasks\[1\]\.position is not a known field \(expected "id", "component", /);
    const noId = base();
    delete noId.tasks[0].id;
    expect(refusal(noId)).toBe('demo.pipeline.json cannot be loaded: tasks[0] has no "id".');
  });

  it('wrong types, with the place', () => {
    const cases: Array<[(d: any) => void, RegExp]> = [
      [(d) => (d.name = 7), /name must be text, not the number 7/],
      [(d) => (d.description = 1), /description must be text/],
      [(d) => (d.parameters = {}), /parameters must be a list, not an object/],
      [(d) => (d.parameters[0].type = 'INT'), /parameters\[0\]\.type must be one of STRING, /],
      [(d) => (d.tasks[0].caching = 'yes'), /tasks\[0\]\.caching must be true or false/],
      [(d) => (d.tasks[0].caching = null), /tasks\[0\]\.caching must be true or false, not null/],
      [(d) => (d.tasks[1].retries = -1), /tasks\[1\]\.retries must be a whole number from 0 to 2147483647/],
      [(d) => (d.tasks[1].retries = 2.5), /tasks\[1\]\.retries must be a whole number/],
      [(d) => (d.tasks[1].retries = 'three'), /tasks\[1\]\.retries must be a whole number/],
      [(d) => (d.tasks[2].after = ['t9']), /tasks\[2\]\.after\[0\] names the task "t9", which does not exist/],
      [(d) => (d.tasks[1].inputs.dataset = { task: 't0' }), /tasks\[1\]\.inputs\.dataset must be exactly one of/],
      [(d) => (d.tasks[1].inputs = []), /tasks\[1\]\.inputs must be an object, not a list/],
      [(d) => (d.tasks[2].id = 't0'), /tasks\[2\] has the id "t0", which tasks\[0\] already uses/],
    ];
    for (const [mutate, want] of cases) {
      const d = base();
      mutate(d);
      expect(refusal(d)).toMatch(want);
    }
  });

  it('the same key twice in one object (JSON.parse would keep the last)', () => {
    expect(refusal('{"name": "a",\n "tasks": [],\n "name": "b"}')).toBe('demo.pipeline.json uses the same key twice in one object (at line 3).');
  });

  it('prototype-polluting keys anywhere, without polluting', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(refusal(`{"name":"x","tasks":[],"${key}":{"polluted":true}}`)).toMatch(new RegExp(`uses the forbidden key "${key}"`));
      expect(refusal(withLiteral('labels', `{"${key}": {"polluted": true}}`))).toMatch(
        new RegExp(`tasks\\[1\\]\\.inputs\\.labels\\.constant(\\.${key}|\\["${key}"\\]) uses the forbidden key`),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('numbers JavaScript cannot hold', () => {
    expect(refusal(withLiteral('labels', '{"a": 1e400}'))).toMatch(/tasks\[1\]\.inputs\.labels\.constant\.a is a number too large to represent/);
    expect(refusal(withLiteral('labels', '{"a": 1' + '0'.repeat(400) + '}'))).toMatch(/too large to represent/);
  });

  it('nesting deeper than the limit, without a stack overflow', () => {
    const deep = '['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5);
    expect(refusal(withLiteral('labels', `{"a": ${deep}}`))).toMatch(new RegExp(`is nested more than ${MAX_DEPTH} levels deep`));
    expect(refusal('['.repeat(100_000))).toMatch(/nested more than/);
  });

  it('texts over the size limit', () => {
    expect(refusal(' '.repeat(MAX_DOCUMENT_BYTES + 1))).toMatch(/is too large to load/);
  });

  it('never throws, whatever it is given', () => {
    const valid = JSON.stringify(base());
    fc.assert(
      fc.property(fc.string(), fc.nat(valid.length), fc.nat(40), (junk, at, cut) => {
        for (const text of [junk, valid.slice(0, at) + junk + valid.slice(at + cut)]) {
          const r = load(text);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error).not.toContain('\n');
          else expect(hasBigInt(r.doc)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = load(JSON.stringify(value) ?? 'null');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
    for (const odd of [undefined, null, 42, {}, []] as unknown[]) expect(load(odd as string).ok).toBe(false);
  });
});

describe('looksLikeNeutralPipeline', () => {
  it('tells a description from a saved document and from other JSON', () => {
    expect(looksLikeNeutralPipeline(base())).toBe(true);
    expect(looksLikeNeutralPipeline({ name: 'x', tasks: [] })).toBe(true);
    expect(looksLikeNeutralPipeline({ ...base(), format: 'pipeline-canvas' })).toBe(false);
    expect(looksLikeNeutralPipeline({ name: 'x', tasks: [{ id: 't0' }] })).toBe(false);
    expect(looksLikeNeutralPipeline({ name: 'x' })).toBe(false);
    expect(looksLikeNeutralPipeline([base()])).toBe(false);
    expect(looksLikeNeutralPipeline(null)).toBe(false);
  });
});
