/**
 * The first step of importing a compiled pipeline: text → plain JSON data, strictly and
 * safely. YAML (with or without KFP's `# PIPELINE DEFINITION` comment header; a second YAML
 * document is the Kubernetes PlatformSpec) or JSON. Refusals are `Refusal`s (one sentence,
 * with the line where the parser stopped); nothing here throws anything else on purpose.
 *
 * YAML is read with js-yaml (about ten times faster than `yaml` on large specs). js-yaml has
 * no limit on alias expansion, so a listener notes any anchor while it parses; a text with
 * anchors is read again with `yaml`, whose `maxAliasCount` refuses alias bombs. KFP itself
 * never writes anchors.
 */
import jsYaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import type { JsonValue } from '../spec/pipeline-spec';
import { Refusal, refuse } from './refusal';
import { nestingDepth, utf8Bytes } from '../document/load-json';

/** Texts larger than this (UTF-8 bytes) are refused before parsing. */
export const MAX_SPEC_BYTES = 50 * 1024 * 1024;
/** Deepest nesting of lists and maps accepted. */
export const MAX_SPEC_DEPTH = 200;
/** How many alias expansions a YAML text may use (`yaml`'s `maxAliasCount`). */
export const MAX_ALIAS_COUNT = 100;

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedText {
  format: 'yaml' | 'json';
  /** The first (or only) document. */
  value: JsonValue;
  /** The second YAML document (KFP's PlatformSpec), if any. */
  platform?: JsonValue;
}

export { utf8Bytes };

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

const firstLine = (s: string) => s.split('\n')[0].trim().replace(/[.:]$/, '');

/**
 * The line of KFP's `# PIPELINE DEFINITION` comment header that is not a comment, if any:
 * KFP writes a default value with a line break into that header without escaping it (the
 * golden probe str-default-newline), which makes the file unreadable YAML.
 */
function brokenHeaderLine(text: string): number | undefined {
  if (!text.startsWith('# PIPELINE DEFINITION')) return undefined;
  const lines = text.split('\n', 2000);
  // The header ends where the spec starts: the first top-level key.
  const end = lines.findIndex((l) => /^[A-Za-z_"'][^:]*:( |$)/.test(l));
  let stray: number | undefined;
  for (let i = 1; i < (end < 0 ? lines.length : end); i++) {
    if (/^\s*#/.test(lines[i]) || lines[i].trim() === '') {
      if (stray !== undefined) return stray;
    } else stray ??= i + 1;
  }
  return stray;
}

function yamlSyntaxError(text: string, line: number | undefined, reason: string): never {
  const broken = brokenHeaderLine(text);
  if (broken !== undefined)
    refuse(
      '',
      `is not valid YAML: line ${broken} should continue the "# PIPELINE DEFINITION" comment header but is not a comment (KFP writes a default value with a line break into that header without escaping it); the JSON form of the same pipeline can be imported`,
    );
  refuse('', `is not valid YAML or JSON: ${reason}${line !== undefined ? ` (at line ${line})` : ''}`);
}

function parseJson(text: string): JsonValue {
  const deep = nestingDepth(text, MAX_SPEC_DEPTH);
  if (deep.depth > MAX_SPEC_DEPTH) refuse('', `is nested more than ${MAX_SPEC_DEPTH} levels deep (at line ${deep.line})`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : undefined;
    const why = message.replace(/\s+/g, ' ').replace(/ in JSON at position \d+.*$/, '').replace(/\.$/, '');
    const truncated = /Unexpected end|Unterminated/.test(message) ? ' (the file looks truncated)' : '';
    return refuse('', `is not valid JSON: ${why}${truncated}${line !== undefined ? ` (at line ${line})` : ''}`);
  }
}

/** js-yaml, noting anchors; undefined when the text uses anchors (read it with `yaml` then). */
function loadWithJsYaml(text: string): unknown[] | undefined {
  let anchors = false;
  let docs: unknown[];
  try {
    // js-yaml 4.3 takes `maxDepth` (its typings do not list it yet).
    const options: jsYaml.LoadOptions & { maxDepth: number } = {
      schema: jsYaml.CORE_SCHEMA,
      maxDepth: MAX_SPEC_DEPTH,
      listener(event, state) {
        if (event === 'close' && (state as unknown as { anchor: unknown }).anchor !== null) anchors = true;
      },
    };
    docs = jsYaml.loadAll(text, null, options);
  } catch (e) {
    if (anchors) return undefined;
    if (e instanceof RangeError) refuse('', `is nested too deeply to read`);
    const mark = (e as { mark?: { line?: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
    if (/exceeded maxDepth|nesting/i.test(reason)) refuse('', `is nested more than ${MAX_SPEC_DEPTH} levels deep${mark?.line !== undefined ? ` (at line ${mark.line + 1})` : ''}`);
    return yamlSyntaxError(text, mark?.line !== undefined ? mark.line + 1 : undefined, firstLine(reason));
  }
  return anchors ? undefined : docs;
}

/** `yaml` with a limit on alias expansion (texts with anchors only). */
function loadWithAliasLimit(text: string): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  const out: unknown[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) return yamlSyntaxError(text, error.linePos?.[0]?.line, firstLine(error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')));
    try {
      out.push(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/alias/i.test(message))
        refuse('', `uses YAML aliases more than ${MAX_ALIAS_COUNT} times over (an "alias bomb"); a compiled pipeline has no aliases`);
      if (e instanceof RangeError) refuse('', 'is nested too deeply to read');
      refuse('', `is not valid YAML: ${firstLine(message)}`);
    }
  }
  return out;
}

function describeKind(v: unknown): string {
  if (v instanceof Date) return 'a date';
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'number') return `the number ${String(v)}`;
  return typeof v;
}

/**
 * Checks that a parsed value is plain JSON (finite numbers, no forbidden keys, bounded
 * depth) without recursion, and returns it. Paths in messages are spec paths
 * (`components["comp-x"].dag`).
 */
export function checkPlainJson(root: unknown, path = ''): JsonValue {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path, depth: 0 }];
  while (stack.length > 0) {
    const { value, path: at, depth } = stack.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) refuse(at, 'is not a finite number');
      continue;
    }
    if (depth >= MAX_SPEC_DEPTH) refuse(at, `is nested more than ${MAX_SPEC_DEPTH} levels deep`);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${at}[${i}]`, depth: depth + 1 });
      continue;
    }
    if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const next = childPath(at, key);
        if (FORBIDDEN_KEYS.has(key)) refuse(next, `uses the forbidden key "${key}"`);
        stack.push({ value: (value as Record<string, unknown>)[key], path: next, depth: depth + 1 });
      }
      continue;
    }
    refuse(at, `holds ${describeKind(value)}, which is not JSON data`);
  }
  return root as JsonValue;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** `a.b` or `a["b-c"]`. */
export const childPath = (path: string, key: string) => (IDENT.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

/** Parses the text of a compiled pipeline (size already checked). */
export function parseSpecText(text: string): ParsedText {
  const start = text.search(/\S/);
  if (start < 0) refuse('', 'is empty');
  if (text[start] === '{' || text[start] === '[') {
    try {
      return { format: 'json', value: checkPlainJson(parseJson(text)) };
    } catch (jsonError) {
      // YAML in flow style (`{a: 1}`) is not JSON; if it is not YAML either, the JSON error says more.
      if (!(jsonError instanceof Refusal) || !/not valid JSON/.test(jsonError.problem) || /truncated/.test(jsonError.problem)) throw jsonError;
      try {
        return parseYaml(text);
      } catch {
        throw jsonError;
      }
    }
  }
  return parseYaml(text);
}

function parseYaml(text: string): ParsedText {
  const docs = (loadWithJsYaml(text) ?? loadWithAliasLimit(text)).filter((d) => d !== null && d !== undefined);
  if (docs.length === 0) refuse('', 'holds no YAML document (only comments or blank lines)');
  if (docs.length > 2)
    refuse('', `holds ${docs.length} YAML documents; a compiled pipeline has one, or two when a Kubernetes platform spec follows it`);
  const out: ParsedText = { format: 'yaml', value: checkPlainJson(docs[0]) };
  if (docs.length === 2) out.platform = checkPlainJson(docs[1], '(platform spec)');
  return out;
}
