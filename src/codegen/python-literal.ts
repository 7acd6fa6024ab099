/** Python source for plain JSON data: dicts, lists, str, int, float, bool, None. */
import type { JsonValue } from '../spec/pipeline-spec';

export function pyString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A Python literal. `floatNumbers` writes whole numbers as floats (8000.0), for values whose
 * parameter type is a float; other whole numbers stay ints.
 */
export function pyLiteral(v: JsonValue, floatNumbers = false, indent = ''): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `float(${pyString(String(v))})`;
    const s = String(v);
    return floatNumbers && Number.isInteger(v) && !s.includes('e') ? `${s}.0` : s.replace(/e\+?/, 'e');
  }
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
