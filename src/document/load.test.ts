import { describe, expect, it } from 'vitest';
import { seedDocument } from '../examples/seed';
import { addParameter, addTask, createDocument, setAfter, setPipelineInfo, setTaskOptions } from './operations';
import { loadDocument, MAX_DEPTH, MAX_DOCUMENT_BYTES, saveDocument } from './load';
import type { PipelineDocument } from './types';

/** A small valid document as plain JSON, to be broken in each refusal test. */
function base(): any {
  return {
    format: 'pipeline-canvas',
    version: 1,
    name: 'p',
    parameters: [{ name: 'project', type: 'STRING' }],
    tasks: [
      {
        id: 't1',
        component: 'v1.endpoint.EndpointCreateOp',
        caching: true,
        after: [],
        inputs: { project: { parameter: 'project' }, display_name: { constant: 'e' } },
        position: { x: 0, y: 0 },
      },
      {
        id: 't2',
        component: 'v1.endpoint.ModelDeployOp',
        caching: false,
        after: ['t1'],
        inputs: { endpoint: { task: 't1', output: 'endpoint' } },
        position: { x: 10, y: 20 },
      },
    ],
  };
}

function refusal(value: unknown, source = 'doc.json'): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const r = loadDocument(text, source);
  if (r.ok) throw new Error('expected a refusal');
  // One sentence, one line, naming the source.
  expect(r.error).not.toContain('\n');
  expect(r.error.startsWith(source + ' ')).toBe(true);
  expect(r.error.endsWith('.')).toBe(true);
  return r.error;
}

function loaded(value: unknown): PipelineDocument {
  const r = loadDocument(typeof value === 'string' ? value : JSON.stringify(value));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

describe('loadDocument accepts', () => {
  it('the seed document, round trip save → load', () => {
    const doc = seedDocument();
    const text = saveDocument(doc);
    expect(loaded(text)).toEqual(doc);
    // Saving again gives the same bytes.
    expect(saveDocument(loaded(text))).toBe(text);
  });

  it('a document with every optional field', () => {
    let doc = createDocument('full');
    doc = setPipelineInfo(doc, { displayName: 'Full', description: 'All of it', pipelineRoot: 'gs://b/r' });
    doc = addParameter(doc, { name: 'n', type: 'NUMBER_INTEGER', default: 3 });
    doc = addParameter(doc, { name: 's', type: 'STRUCT', default: { a: [1, 2.5, { b: null }], c: 'x' } });
    doc = addParameter(doc, { name: 'l', type: 'LIST', default: [] });
    doc = addParameter(doc, { name: 'b', type: 'BOOLEAN', default: false });
    doc = addParameter(doc, { name: 'd', type: 'NUMBER_DOUBLE' });
    let r = addTask(doc, 'a', { x: -1.5, y: 1e6 }, { x: { constant: { k: [true] } } });
    r = addTask(r.doc, 'b', { x: 0, y: 0 }, { y: { task: r.id, output: 'o' }, z: { parameter: 'n' } });
    doc = setAfter(r.doc, r.id, ['t1']);
    doc = setTaskOptions(doc, r.id, { displayName: 'Second', caching: false, retries: 0 });
    const text = saveDocument(doc);
    expect(loaded(text)).toEqual(doc);
    expect(text.startsWith('{\n  "format": "pipeline-canvas",\n  "version": 2,\n')).toBe(true);
  });

  it('retry backoff: kept through save → load, empty dropped', () => {
    let doc = addTask(createDocument('r'), 'c', { x: 0, y: 0 }).doc;
    doc = setTaskOptions(doc, 't1', { retries: 3 });
    doc = { ...doc, tasks: [{ ...doc.tasks[0], retryBackoff: { duration: 60, factor: 1.5, maxDuration: 0 } }] };
    const text = saveDocument(doc);
    expect(text).toContain('"retryBackoff": {\n        "duration": 60,\n        "factor": 1.5,\n        "maxDuration": 0\n      }');
    expect(loaded(text)).toEqual(doc);
    const partial = base();
    partial.tasks[0].retryBackoff = { factor: 3 };
    expect(loaded(partial).tasks[0].retryBackoff).toEqual({ factor: 3 });
    const empty = base();
    empty.tasks[0].retryBackoff = {};
    expect(loaded(empty).tasks[0]).not.toHaveProperty('retryBackoff');
  });

  it('fills defaults for absent optional fields', () => {
    const doc = loaded({ format: 'pipeline-canvas', version: 1, name: 'p', tasks: [{ id: 'a', component: 'c' }] });
    expect(doc).toEqual({
      format: 'pipeline-canvas',
      version: 2,
      name: 'p',
      parameters: [],
      tasks: [{ id: 'a', component: 'c', caching: true, after: [], inputs: {}, position: { x: 0, y: 0 } }],
    });
  });

  it('a byte order mark, and duplicate after entries (dropped)', () => {
    const d = base();
    d.tasks[1].after = ['t1', 't1'];
    expect(loaded('\ufeff' + JSON.stringify(d)).tasks[1].after).toEqual(['t1']);
  });

  it('does not share objects with the parsed input', () => {
    const d = base();
    d.tasks[0].inputs.display_name = { constant: { deep: [1] } };
    const doc = loaded(d);
    expect(doc.tasks[0].inputs.display_name).toEqual({ constant: { deep: [1] } });
  });
});

describe('loadDocument refuses', () => {
  it('text that is not JSON, or empty', () => {
    expect(refusal('{"format": ')).toMatch(/^doc\.json is not valid JSON: /);
    expect(refusal('   ')).toBe('doc.json is empty.');
  });

  it('JSON that is not an object', () => {
    expect(refusal([1, 2])).toMatch(/not a Pipeline Canvas document.*a list/);
    expect(refusal('null')).toMatch(/not a Pipeline Canvas document/);
  });

  it('a missing or wrong format', () => {
    const d = base();
    delete d.format;
    expect(refusal(d)).toBe('doc.json is not a Pipeline Canvas document: it has no "format" field.');
    expect(refusal({ ...base(), format: 'kfp' })).toMatch(/format is the text "kfp", but a Pipeline Canvas document has "pipeline-canvas"/);
  });

  it('a missing, bad or newer version', () => {
    const d = base();
    delete d.version;
    expect(refusal(d)).toMatch(/has no "version" field/);
    expect(refusal({ ...base(), version: '1' })).toMatch(/version must be a whole number/);
    expect(refusal({ ...base(), version: 0 })).toMatch(/version must be a whole number/);
    expect(refusal({ ...base(), version: 3 })).toBe(
      'doc.json was saved by a newer Pipeline Canvas (document version 3); this version reads version 2 only, so please update.',
    );
  });

  it('unknown fields', () => {
    expect(refusal({ ...base(), groups: [] })).toMatch(/: groups is not a known field/);
    const d = base();
    d.tasks[1].colour = 'red';
    expect(refusal(d)).toMatch(/: tasks\[1\]\.colour is not a known field/);
  });

  it('wrong types of top-level fields', () => {
    expect(refusal({ ...base(), name: 3 })).toMatch(/: name must be text, not the number 3\./);
    const d = base();
    delete d.name;
    expect(refusal(d)).toMatch(/has no "name" field/);
    expect(refusal({ ...base(), description: null })).toMatch(/: description must be text, not null/);
    expect(refusal({ ...base(), parameters: {} })).toMatch(/: parameters must be a list, not an object/);
    expect(refusal({ ...base(), tasks: 'x' })).toMatch(/: tasks must be a list/);
  });

  it('bad parameters', () => {
    const d = base();
    d.parameters[0].type = 'INT';
    expect(refusal(d)).toMatch(
      /: parameters\[0\]\.type must be one of STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, STRUCT, LIST, not the text "INT"/,
    );
    d.parameters[0] = { type: 'STRING' };
    expect(refusal(d)).toMatch(/: parameters\[0\] has no "name"/);
    d.parameters[0] = { name: '', type: 'STRING' };
    expect(refusal(d)).toMatch(/: parameters\[0\]\.name must not be empty/);
    d.parameters[0] = 'project';
    expect(refusal(d)).toMatch(/: parameters\[0\] must be an object/);
  });

  it('bad task fields', () => {
    const cases: Array<[(t: any) => void, RegExp]> = [
      [(t) => delete t.id, /tasks\[1\] has no "id"/],
      [(t) => (t.id = 7), /tasks\[1\]\.id must be text/],
      [(t) => delete t.component, /tasks\[1\] has no "component"/],
      [(t) => (t.caching = 'yes'), /tasks\[1\]\.caching must be true or false/],
      [(t) => (t.retries = -1), /tasks\[1\]\.retries must be a whole number from 0/],
      [(t) => (t.retries = 1.5), /tasks\[1\]\.retries must be a whole number from 0/],
      [(t) => (t.after = 't1'), /tasks\[1\]\.after must be a list/],
      [(t) => (t.after = [1]), /tasks\[1\]\.after\[0\] must be text/],
      [(t) => (t.after = ['t9']), /tasks\[1\]\.after\[0\] names the task "t9", which does not exist/],
      [(t) => (t.inputs = []), /tasks\[1\]\.inputs must be an object, not a list/],
      [(t) => (t.position = { x: 1 }), /tasks\[1\]\.position has no "y"/],
      [(t) => (t.position = { x: 1, y: '2' }), /tasks\[1\]\.position\.y must be a number/],
      [(t) => (t.position = [0, 0]), /tasks\[1\]\.position must be an object/],
      [(t) => (t.retryBackoff = 60), /tasks\[1\]\.retryBackoff must be an object, not the number 60/],
      [(t) => (t.retryBackoff = { duration: -1 }), /tasks\[1\]\.retryBackoff\.duration must be 0 or more seconds, not the number -1/],
      [(t) => (t.retryBackoff = { maxDuration: '60s' }), /tasks\[1\]\.retryBackoff\.maxDuration must be a number, not the text "60s"/],
      [(t) => (t.retryBackoff = { factor: 0 }), /tasks\[1\]\.retryBackoff\.factor must be a number above 0, not the number 0/],
      [(t) => (t.retryBackoff = { factor: -2 }), /tasks\[1\]\.retryBackoff\.factor must be a number above 0/],
      [(t) => (t.retryBackoff = { duration: null }), /tasks\[1\]\.retryBackoff\.duration must be a number, not null/],
      [(t) => (t.retryBackoff = { wait: 1 }), /tasks\[1\]\.retryBackoff\.wait is not a known field \(expected "duration", "factor", "maxDuration"\)/],
    ];
    for (const [breakIt, want] of cases) {
      const d = base();
      breakIt(d.tasks[1]);
      expect(refusal(d)).toMatch(want);
    }
  });

  it('positions and constants that are not finite numbers', () => {
    expect(refusal(JSON.stringify(base()).replace('"x":10', '"x":1e400'))).toMatch(
      /tasks\[1\]\.position\.x is a number too large to represent/,
    );
    const d = base();
    d.tasks[0].inputs.display_name = { constant: [1, 2] };
    expect(refusal(JSON.stringify(d).replace('[1,2]', '[1,-1e999]'))).toMatch(
      /tasks\[0\]\.inputs\.display_name\.constant\[1\] is a number too large/,
    );
  });

  it('duplicate task ids', () => {
    const d = base();
    d.tasks[1].id = 't1';
    d.tasks[1].after = [];
    expect(refusal(d)).toBe('doc.json cannot be loaded: tasks[1] has the id "t1", which tasks[0] already uses.');
  });

  it('bindings that are not exactly one of the three shapes', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{}, /has no fields/],
      [{ constant: 1, parameter: 'p' }, /has the fields "constant", "parameter"\./],
      [{ task: 't1' }, /has the fields "task"\./],
      [{ task: 't1', output: 'o', constant: 1 }, /has the fields "constant", "output", "task"\./],
      [{ value: 1 }, /has the fields "value"\./],
      ['p', /must be an object, not the text "p"/],
    ];
    for (const [binding, want] of bad) {
      const d = base();
      d.tasks[0].inputs.project = binding;
      const msg = refusal(d);
      expect(msg).toMatch(/: tasks\[0\]\.inputs\.project /);
      expect(msg).toMatch(want);
    }
    const d = base();
    d.tasks[0].inputs.project = { parameter: 5 };
    expect(refusal(d)).toMatch(/tasks\[0\]\.inputs\.project\.parameter must be text/);
    d.tasks[0].inputs.project = { task: 't1', output: '' };
    expect(refusal(d)).toMatch(/tasks\[0\]\.inputs\.project\.output must not be empty/);
    d.tasks[0].inputs = { 'my-input': { constant: 1, parameter: 'x' } };
    expect(refusal(d)).toMatch(/tasks\[0\]\.inputs\["my-input"\] must be exactly one of/);
  });

  it('prototype-polluting keys anywhere', () => {
    const spots: Array<[string, RegExp]> = [
      ['{"__proto__": {"polluted": true}, "format": "pipeline-canvas", "version": 1, "name": "p"}', /__proto__/],
      [
        JSON.stringify(base()).replace('"inputs":{"project"', '"inputs":{"__proto__":{"constant":1},"project"'),
        /tasks\[0\]\.inputs\.__proto__ uses the forbidden key "__proto__"/,
      ],
      [
        JSON.stringify(base()).replace('{"constant":"e"}', '{"constant":{"a":{"constructor":{"prototype":1}}}}'),
        /tasks\[0\]\.inputs\.display_name\.constant\.a\.constructor uses the forbidden key "constructor"/,
      ],
      [
        JSON.stringify(base()).replace('"type":"STRING"', '"type":"STRUCT","default":{"prototype":{}}'),
        /parameters\[0\]\.default\.prototype uses the forbidden key "prototype"/,
      ],
      [JSON.stringify(base()).replace('"x":10', '"x":10,"constructor":1'), /tasks\[1\]\.position\.constructor/],
    ];
    for (const [text, want] of spots) expect(refusal(text)).toMatch(want);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('nesting deeper than the limit, without a stack overflow', () => {
    const d = base();
    d.tasks[0].inputs.display_name = { constant: '@' };
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(refusal(JSON.stringify(d).replace('"@"', deep))).toMatch(new RegExp(`nested more than ${MAX_DEPTH} levels deep`));
    // Brackets inside strings do not count.
    d.tasks[0].inputs.display_name = { constant: '['.repeat(1000) };
    expect(loaded(d).tasks[0].inputs.display_name).toEqual({ constant: '['.repeat(1000) });
    // Just inside the limit is fine.
    let nested: unknown = 1;
    for (let i = 0; i < MAX_DEPTH - 10; i++) nested = [nested];
    d.tasks[0].inputs.display_name = { constant: nested };
    expect(loaded(d).tasks[0].inputs.display_name).toEqual({ constant: nested });
  });

  it('texts over the size limit', () => {
    const big = ' '.repeat(MAX_DOCUMENT_BYTES + 1);
    expect(refusal(big)).toBe('doc.json is too large to load (over 50 MB).');
    // Counted in UTF-8 bytes: 20M three-byte characters are 60 MB.
    expect(refusal('"' + '€'.repeat(20 * 1024 * 1024) + '"')).toMatch(/too large/);
  });

  it('never throws, whatever it is given', () => {
    for (const v of [undefined, null, 42, {}, [], () => 1] as unknown[]) {
      const r = loadDocument(v as string);
      expect(r.ok).toBe(false);
    }
    expect(refusal('{}', 'document')).toMatch(/^document is not a Pipeline Canvas document/);
  });
});

describe('target engine', () => {
  it('is saved with the pipeline and checked on load', async () => {
    const { seedDocument } = await import('../examples/seed');
    const doc = { ...seedDocument(), target: 'kfp' as const };
    const back = loadDocument(saveDocument(doc));
    expect(back).toEqual({ ok: true, doc });
    const bad = saveDocument(doc).replace('"target": "kfp"', '"target": "argo"');
    const r = loadDocument(bad, 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('target must be "vertex" or "kfp"');
  });
});
