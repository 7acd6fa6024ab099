/**
 * The checking helpers every loader of files shares (`load.ts` for saved documents,
 * `neutral.ts` for the golden set's `*.pipeline.json`): strict, never throwing, and each
 * refusal one sentence naming the place (`tasks[2].inputs.project`).
 */
import type { JsonValue } from '../spec/pipeline-spec';
import type { PipelineDocument } from './types';

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

export function optionalString(obj: JsonRecord, key: string, path: string): string | undefined {
  return has(obj, key) ? expectString(obj[key], child(path, key)) : undefined;
}

export function expectArray(value: unknown, path: string): Json[] {
  if (!Array.isArray(value)) refuse(path, `must be a list, not ${describe(value)}`);
  return value;
}

export function finiteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number') refuse(path, `must be a number, not ${describe(value)}`);
  if (!Number.isFinite(value)) refuse(path, 'is a number too large to represent');
  return value;
}

/**
 * A deep copy of a JSON value: finite numbers only, no forbidden keys, bounded depth.
 * A BigInt (an int literal kept apart by a strict parser, see `neutral.ts`) becomes a
 * number, as KFP turns every int of a constant into a float.
 */
export function copyJson(value: unknown, path: string, depth: number): Json {
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

/** UTF-8 size of a string, counted without allocating an encoded copy. */
export function utf8Bytes(text: string): number {
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
export function nestingDepth(text: string, limit: number): { depth: number; line: number } {
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


export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') refuse(path, `must be true or false, not ${describe(value)}`);
  return value;
}

/** A whole number from `min` to `max`. */
export function expectWholeNumber(value: unknown, path: string, min = 0, max = 2147483647): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    refuse(path, `must be a whole number from ${min} to ${max}, not ${describe(value)}`);
  return value;
}

/** One of the given texts. */
export function expectOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    refuse(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not ${describe(value)}`);
  return value as T;
}

/** The sorted field names of an object, as the key of its shape. */
export const shapeOf = (obj: JsonRecord) => Object.keys(obj).sort().join(',');

export function fieldsText(keys: string): string {
  return keys ? `the fields ${keys.split(',').map((k) => `"${k}"`).join(', ')}` : 'no fields';
}
