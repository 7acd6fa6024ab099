/**
 * Python's text forms of JSON values, which the KFP compiler writes into some strings:
 * `json.dumps(...)` (static ParallelFor items, Concat/IfPresent placeholders) and float repr.
 */
import type { JsonValue } from './pipeline-spec';

/** Python's float repr for finite numbers (`8000.0`, `0.2`, `1e-07`, `1e+16`). */
export function pythonFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, expPart] = n.toExponential().split('e');
  const exp = Number(expPart);
  if (exp < -4 || exp >= 16) {
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  const s = String(n);
  return s.includes('.') ? s : `${s}.0`;
}

/**
 * A number as Python prints it. JSON loses the int/float difference, so a whole number is
 * taken for an int (`3`) unless `float` says otherwise (`3.0`).
 */
export function pythonNumber(n: number, float = !Number.isInteger(n)): string {
  if (!float && Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : pythonFloat(n);
  return pythonFloat(n);
}

/** A JSON string literal as Python's `json.dumps` writes it (`ensure_ascii=True`). */
export function pythonJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/**
 * Python's `json.dumps(value, sort_keys=sortKeys)` with the default separators (`, ` and
 * `: `) and `ensure_ascii=True`. Keys keep their order unless sorted (by code point).
 */
export function pythonJsonDumps(value: JsonValue, sortKeys = false): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return pythonJsonString(value);
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => pythonJsonDumps(v, sortKeys)).join(', ')}]`;
  let keys = Object.keys(value);
  if (sortKeys) keys = [...keys].sort(compareCodePoints);
  return `{${keys.map((k) => `${pythonJsonString(k)}: ${pythonJsonDumps(value[k], sortKeys)}`).join(', ')}}`;
}

/** Python's string order: by code point (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}
