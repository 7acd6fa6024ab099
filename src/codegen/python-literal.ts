/** Python source for plain JSON data: dicts, lists, str, int, float, bool, None; and strings of other kinds. */
import type { JsonValue } from '../spec/pipeline-spec';
import { pythonFloat, pythonNumber } from '../spec/python-json';

/** A double-quoted Python string literal (JSON's escapes are Python's too). */
function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A Python string literal: double quotes, or single quotes when that saves escaping `"` (as black does). */
export function pyString(s: string): string {
  const double = doubleQuoted(s);
  if (!s.includes('"') || s.includes("'")) return double;
  return `'${double.slice(1, -1).replace(/\\(.)/g, (m, c: string) => (c === '"' ? '"' : m))}'`;
}

/**
 * A number as Python source. `float` writes whole numbers as floats (`8000.0`), for values
 * whose parameter type is a float; other whole numbers stay ints (exactly, `2**53` included).
 */
export function pyNumber(v: number, float = false): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'float("nan")' : v > 0 ? 'float("inf")' : 'float("-inf")';
  return float ? pythonFloat(v) : pythonNumber(v);
}

/**
 * A Python literal. `floatNumbers` writes whole numbers as floats (8000.0), for values whose
 * parameter type is a float; other whole numbers stay ints. Lists and dicts stay on one line
 * when they fit in 80 characters, else one item a line indented from `indent`.
 */
export function pyLiteral(v: JsonValue, floatNumbers = false, indent = ''): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v, floatNumbers);
  if (typeof v === 'string') return pyString(v);
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x) => pyLiteral(x, floatNumbers, inner));
    const flat = `[${items.join(', ')}]`;
    return flat.length <= 80 && !flat.includes('\n') ? flat : `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, x]) => `${pyString(k)}: ${pyLiteral(x, floatNumbers, inner)}`);
  const flat = `{${items.join(', ')}}`;
  return flat.length <= 80 && !flat.includes('\n') ? flat : `{\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}}`;
}

/** The body of a string literal, for an f-string: braces doubled, quotes and escapes as in `pyString`. */
export function pyFStringText(s: string): string {
  return doubleQuoted(s).slice(1, -1).replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/** A docstring (`"""…"""`) at `indent`, its lines re-indented; backslashes and quotes escaped. */
export function pyDocstring(text: string, indent: string): string {
  let body = text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"').replace(/\r\n?/g, '\n');
  body = body.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (body.endsWith('"')) body = `${body.slice(0, -1)}\\"`;
  const lines = body.split('\n');
  if (lines.length === 1) return `${indent}"""${body}"""`;
  return [`${indent}"""${lines[0]}`, ...lines.slice(1).map((l) => (l.trim() === '' ? '' : `${indent}${l}`)), `${indent}"""`].join('\n');
}

/**
 * JSON text that PyYAML (YAML 1.1, what `kfp.components.load_component_from_text` reads
 * with) parses back to the same data: floats always carry a dot (`1.0e-07`, which YAML 1.1
 * would otherwise read as a string), and the characters YAML 1.1 takes for line breaks or
 * refuses raw (NEL, C1 controls, U+2028/2029, BOM) are escaped.
 */
export function yamlSafeJson(v: JsonValue, indent = '', step = '  '): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return 'null';
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return pythonNumber(v);
    const s = pythonFloat(v);
    return s.includes('e') && !s.includes('.') ? s.replace('e', '.0e') : s;
  }
  if (typeof v === 'string')
    return JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const inner = indent + step;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + yamlSafeJson(x, inner, step)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${yamlSafeJson(k)}: ${yamlSafeJson(x, inner, step)}`).join(',\n')}\n${indent}}`;
}
