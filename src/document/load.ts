/**
 * The one loading boundary for saved documents. Every document that enters (file, URL,
 * local storage, CLI) goes through `loadDocument`, which parses, checks and normalises
 * it strictly and never throws: a refusal is one sentence naming the source, what is
 * wrong and where (`tasks[2].inputs.project`).
 *
 * Referential checks that the validator reports as diagnostics (unknown components,
 * parameters or producer tasks of a binding) are left to the validator; the loader
 * only guarantees the shape that the rest of the code relies on.
 *
 * The checking helpers are exported for the other loader of pipeline files,
 * `neutral.ts` (the golden set's `*.pipeline.json`), which maps onto the same shape.
 */
import { isParameterType, PARAMETER_TYPES, type JsonValue } from '../spec/pipeline-spec';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type Binding,
  type PipelineDocument,
  type PipelineParameter,
  type Task,
} from './types';

export type LoadResult = { ok: true; doc: PipelineDocument } | { ok: false; error: string };

/** Texts larger than this (UTF-8 bytes) are refused before parsing. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Deepest nesting of JSON arrays and objects accepted. */
export const MAX_DEPTH = 200;

/** Keys that could reach an object's prototype when copied carelessly; refused anywhere. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Thrown (through `refuse`) inside the loaders only, this one and `neutral.ts`;
 * `guardedLoad` turns it into `{ ok: false }`.
 */
class Refusal {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}
}

type Json = JsonValue;
export type JsonRecord = { [key: string]: Json };

export function refuse(path: string, problem: string): never {
  throw new Refusal(path, problem);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const child = (path: string, key: string) =>
  IDENT.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
export const item = (path: string, index: number) => `${path}[${index}]`;

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value === 'number' || typeof value === 'bigint' ? 'the number' : ''} ${String(value)}`.trim();
}

export const has = (obj: JsonRecord, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectRecord(value: unknown, path: string, what = 'an object'): JsonRecord {
  if (!isRecord(value)) refuse(path, `must be ${what}, not ${describe(value)}`);
  for (const key of Object.keys(value))
    if (FORBIDDEN_KEYS.has(key)) refuse(child(path, key), `uses the forbidden key "${key}"`);
  return value;
}

/** Refuses keys outside `allowed` (the document format is closed; newer fields need a new version). */
export function onlyKeys(obj: JsonRecord, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key))
      refuse(child(path, key), `is not a known field (expected ${allowed.map((k) => `"${k}"`).join(', ')})`);
}

export function expectString(value: unknown, path: string, nonEmpty = false): string {
  if (typeof value !== 'string') refuse(path, `must be text, not ${describe(value)}`);
  if (nonEmpty && value === '') refuse(path, 'must not be empty');
  return value;
}

function optionalString(obj: JsonRecord, key: string, path: string): string | undefined {
  return has(obj, key) ? expectString(obj[key], child(path, key)) : undefined;
}

export function expectArray(value: unknown, path: string): Json[] {
  if (!Array.isArray(value)) refuse(path, `must be a list, not ${describe(value)}`);
  return value;
}

function finiteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number') refuse(path, `must be a number, not ${describe(value)}`);
  if (!Number.isFinite(value)) refuse(path, 'is a number too large to represent');
  return value;
}

/**
 * A deep copy of a JSON value: finite numbers only, no forbidden keys, bounded depth.
 * A BigInt (an int literal kept apart by a strict parser, see `neutral.ts`) becomes a
 * number, as KFP turns every int of a constant into a float.
 */
function copyJson(value: unknown, path: string, depth: number): Json {
  if (depth > MAX_DEPTH) refuse(path, `is nested more than ${MAX_DEPTH} levels deep`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return finiteNumber(value, path);
  if (typeof value === 'bigint') return finiteNumber(Number(value), path);
  if (Array.isArray(value)) return value.map((v, i) => copyJson(v, item(path, i), depth + 1));
  if (isRecord(value)) {
    const out: JsonRecord = {};
    for (const [key, v] of Object.entries(expectRecord(value, path))) out[key] = copyJson(v, child(path, key), depth + 1);
    return out;
  }
  return refuse(path, `is not a JSON value`);
}

function loadParameter(value: unknown, path: string): PipelineParameter {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['name', 'type', 'default']);
  if (!has(obj, 'name')) refuse(path, 'has no "name"');
  const name = expectString(obj.name, child(path, 'name'), true);
  if (!has(obj, 'type')) refuse(path, 'has no "type"');
  if (!isParameterType(obj.type))
    refuse(child(path, 'type'), `must be one of ${PARAMETER_TYPES.join(', ')}, not ${describe(obj.type)}`);
  const param: PipelineParameter = { name, type: obj.type };
  if (has(obj, 'default')) param.default = copyJson(obj.default, child(path, 'default'), 3);
  return param;
}

const BINDING_SHAPES = 'exactly one of {"constant": value}, {"parameter": name} or {"task": id, "output": name}';

function loadBinding(value: unknown, path: string): Binding {
  const obj = expectRecord(value, path);
  const keys = Object.keys(obj).sort().join(',');
  switch (keys) {
    case 'constant':
      return { constant: copyJson(obj.constant, child(path, 'constant'), 5) };
    case 'parameter':
      return { parameter: expectString(obj.parameter, child(path, 'parameter'), true) };
    case 'output,task':
      return {
        task: expectString(obj.task, child(path, 'task'), true),
        output: expectString(obj.output, child(path, 'output'), true),
      };
    default:
      return refuse(
        path,
        `must be ${BINDING_SHAPES}, but has ${keys ? `the fields ${keys.split(',').map((k) => `"${k}"`).join(', ')}` : 'no fields'}`,
      );
  }
}

function loadTask(value: unknown, path: string): Task {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['id', 'component', 'displayName', 'caching', 'retries', 'retryBackoff', 'after', 'inputs', 'position']);
  if (!has(obj, 'id')) refuse(path, 'has no "id"');
  const id = expectString(obj.id, child(path, 'id'), true);
  if (!has(obj, 'component')) refuse(path, 'has no "component"');
  const component = expectString(obj.component, child(path, 'component'), true);

  let caching = true;
  if (has(obj, 'caching')) {
    if (typeof obj.caching !== 'boolean') refuse(child(path, 'caching'), `must be true or false, not ${describe(obj.caching)}`);
    caching = obj.caching;
  }

  const after: string[] = [];
  if (has(obj, 'after'))
    expectArray(obj.after, child(path, 'after')).forEach((a, i) => {
      const dep = expectString(a, item(child(path, 'after'), i), true);
      if (!after.includes(dep)) after.push(dep);
    });

  const inputs: Record<string, Binding> = {};
  if (has(obj, 'inputs')) {
    const raw = expectRecord(obj.inputs, child(path, 'inputs'));
    for (const [name, b] of Object.entries(raw)) {
      if (name === '') refuse(child(path, 'inputs'), 'has an input with an empty name');
      inputs[name] = loadBinding(b, child(child(path, 'inputs'), name));
    }
  }

  let position = { x: 0, y: 0 };
  if (has(obj, 'position')) {
    const p = expectRecord(obj.position, child(path, 'position'));
    onlyKeys(p, child(path, 'position'), ['x', 'y']);
    for (const axis of ['x', 'y'] as const)
      if (!has(p, axis)) refuse(child(path, 'position'), `has no "${axis}"`);
    position = { x: finiteNumber(p.x, child(child(path, 'position'), 'x')), y: finiteNumber(p.y, child(child(path, 'position'), 'y')) };
  }

  const task: Task = { id, component, caching, after, inputs, position };
  const displayName = optionalString(obj, 'displayName', path);
  if (displayName !== undefined) task.displayName = displayName;
  if (has(obj, 'retries')) {
    const r = obj.retries;
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r > 2147483647)
      refuse(child(path, 'retries'), `must be a whole number from 0 to 2147483647, not ${describe(r)}`);
    task.retries = r;
  }
  if (has(obj, 'retryBackoff')) {
    const backoff = loadRetryBackoff(obj.retryBackoff, child(path, 'retryBackoff'));
    if (backoff) task.retryBackoff = backoff;
  }
  return task;
}

const BACKOFF_KEYS = ['duration', 'factor', 'maxDuration'] as const;

/**
 * `{duration?, factor?, maxDuration?}`: seconds, a factor above 0, seconds. Each must be a
 * finite number of 0 or more; an empty object means "not set" and is dropped.
 */
function loadRetryBackoff(value: unknown, path: string): Task['retryBackoff'] {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, BACKOFF_KEYS);
  const backoff: NonNullable<Task['retryBackoff']> = {};
  for (const key of BACKOFF_KEYS) {
    if (!has(obj, key)) continue;
    const at = child(path, key);
    const n = finiteNumber(obj[key], at);
    if (key === 'factor' && !(n > 0)) refuse(at, `must be a number above 0, not ${describe(n)}`);
    if (n < 0) refuse(at, `must be 0 or more seconds, not ${describe(n)}`);
    backoff[key] = n;
  }
  return Object.keys(backoff).length > 0 ? backoff : undefined;
}

export function loadRoot(value: unknown): PipelineDocument {
  if (!isRecord(value)) refuse('', `is not a Pipeline Canvas document: it holds ${describe(value)} instead of an object`);
  const obj = expectRecord(value, '');
  if (!has(obj, 'format')) refuse('', 'is not a Pipeline Canvas document: it has no "format" field');
  if (obj.format !== DOCUMENT_FORMAT)
    refuse('format', `is ${describe(obj.format)}, but a Pipeline Canvas document has "${DOCUMENT_FORMAT}"`);
  if (!has(obj, 'version')) refuse('', 'has no "version" field');
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    refuse('version', `must be a whole number of at least 1, not ${describe(version)}`);
  if (version > DOCUMENT_VERSION)
    refuse(
      '',
      `was saved by a newer Pipeline Canvas (document version ${version}); this version reads version ${DOCUMENT_VERSION} only, so please update`,
    );
  onlyKeys(obj, '', ['format', 'version', 'name', 'displayName', 'description', 'pipelineRoot', 'parameters', 'tasks']);

  if (!has(obj, 'name')) refuse('', 'has no "name" field');
  const doc: PipelineDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: expectString(obj.name, 'name'),
    parameters: [],
    tasks: [],
  };
  for (const key of ['displayName', 'description', 'pipelineRoot'] as const) {
    const v = optionalString(obj, key, '');
    if (v !== undefined) doc[key] = v;
  }
  if (has(obj, 'parameters'))
    doc.parameters = expectArray(obj.parameters, 'parameters').map((p, i) => loadParameter(p, item('parameters', i)));

  if (has(obj, 'tasks')) {
    const ids = new Map<string, number>();
    doc.tasks = expectArray(obj.tasks, 'tasks').map((t, i) => {
      const task = loadTask(t, item('tasks', i));
      const first = ids.get(task.id);
      if (first !== undefined) refuse(item('tasks', i), `has the id "${task.id}", which tasks[${first}] already uses`);
      ids.set(task.id, i);
      return task;
    });
    doc.tasks.forEach((t, i) =>
      t.after.forEach((dep, j) => {
        if (!ids.has(dep)) refuse(item(`${item('tasks', i)}.after`, j), `names the task "${dep}", which does not exist`);
      }),
    );
  }
  return doc;
}

/** UTF-8 size of a string, counted without allocating an encoded copy. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The deepest nesting of `[`/`{` in JSON text (strings skipped); stops once past `limit`. */
function nestingDepth(text: string, limit: number): { depth: number; line: number } {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return { depth, line };
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) line++;
  }
  return { depth: 0, line };
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * The frame every loader of text shares: refuses what is not text, too large, empty or
 * nested too deeply (before any parser could overflow its stack), then runs `body` on the
 * text (byte order mark removed) and turns a `Refusal` or any other exception into the
 * one-sentence failure `<source> …`. Never throws.
 */
export function guardedLoad(input: unknown, source: string, body: (text: string) => PipelineDocument): LoadResult {
  const fail = (what: string): LoadResult => ({ ok: false, error: sentence(`${source} ${what}`) });
  try {
    if (typeof input !== 'string') return fail('could not be read: it is not text');
    let text = input;
    if (text.length > MAX_DOCUMENT_BYTES || (text.length * 3 > MAX_DOCUMENT_BYTES && utf8Bytes(text) > MAX_DOCUMENT_BYTES))
      return fail(`is too large to load (over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return fail('is empty');
    const deep = nestingDepth(text, MAX_DEPTH);
    if (deep.depth > MAX_DEPTH) return fail(`is nested more than ${MAX_DEPTH} levels deep (at line ${deep.line})`);
    return { ok: true, doc: body(text) };
  } catch (e) {
    if (e instanceof Refusal) return fail(e.path ? `cannot be loaded: ${e.path} ${e.problem}` : e.problem);
    if (e instanceof RangeError) return fail('is nested too deeply to load');
    return fail(`cannot be loaded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `JSON.parse`, refusing (path '') with the parser's message on a syntax error. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\s+/g, ' ').replace(/\.$/, '') : String(e);
    return refuse('', `is not valid JSON: ${why}`);
  }
}

/** Parses, checks and normalises a saved document. Never throws. */
export function loadDocument(text: string, source = 'document'): LoadResult {
  return guardedLoad(text, source, (clean) => loadRoot(parseJsonText(clean)));
}

/**
 * Stable JSON for a document: 2-space indent, trailing newline, fields in a fixed order
 * (format and version first) and inputs sorted by name. Constants are written as given.
 */
export function saveDocument(doc: PipelineDocument): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    name: doc.name,
    displayName: doc.displayName,
    description: doc.description,
    pipelineRoot: doc.pipelineRoot,
    parameters: doc.parameters.map((p) => ({ name: p.name, type: p.type, default: p.default })),
    tasks: doc.tasks.map((t) => ({
      id: t.id,
      component: t.component,
      displayName: t.displayName,
      caching: t.caching,
      retries: t.retries,
      retryBackoff: t.retryBackoff && {
        duration: t.retryBackoff.duration,
        factor: t.retryBackoff.factor,
        maxDuration: t.retryBackoff.maxDuration,
      },
      after: t.after,
      inputs: Object.fromEntries(
        Object.keys(t.inputs)
          .sort()
          .map((name) => [name, orderedBinding(t.inputs[name])]),
      ),
      position: { x: t.position.x, y: t.position.y },
    })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

function orderedBinding(b: Binding): Binding {
  if ('constant' in b) return { constant: b.constant };
  if ('parameter' in b) return { parameter: b.parameter };
  return { task: b.task, output: b.output };
}
