/** Text ↔ value for typed fields: parse what a person typed, format what the document holds. */
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';

export type Parsed = { ok: true; value: JsonValue | undefined } | { ok: false; error: string };

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Parses field text for a parameter type; empty text means "not set" (undefined). */
export function parseValue(type: ParameterType, text: string, label: string): Parsed {
  if (type === 'STRING') return { ok: true, value: text === '' ? undefined : text };
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  switch (type) {
    case 'NUMBER_INTEGER':
      if (!INTEGER.test(t)) return { ok: false, error: `${label}: “${text}” is not a whole number.` };
      if (!Number.isSafeInteger(Number(t))) return { ok: false, error: `${label}: ${t} is too large.` };
      return { ok: true, value: Number(t) };
    case 'NUMBER_DOUBLE':
      if (!DECIMAL.test(t) || !Number.isFinite(Number(t))) return { ok: false, error: `${label}: “${text}” is not a number.` };
      return { ok: true, value: Number(t) };
    case 'BOOLEAN':
      if (t === 'true' || t === 'True') return { ok: true, value: true };
      if (t === 'false' || t === 'False') return { ok: true, value: false };
      return { ok: false, error: `${label}: enter true or false.` };
    case 'STRUCT':
    case 'LIST': {
      let v: unknown;
      try {
        v = JSON.parse(t);
      } catch (e) {
        return { ok: false, error: `${label}: invalid JSON (${(e as Error).message}).` };
      }
      if (type === 'STRUCT' && (typeof v !== 'object' || v === null || Array.isArray(v)))
        return { ok: false, error: `${label}: expects a JSON object like {"key": "value"}.` };
      if (type === 'LIST' && !Array.isArray(v)) return { ok: false, error: `${label}: expects a JSON list like ["a", "b"].` };
      if (JSON.stringify(v).includes('null')) {
        if (hasNull(v)) return { ok: false, error: `${label}: null is not allowed inside a value.` };
      }
      return { ok: true, value: v as JsonValue };
    }
  }
}

function hasNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(hasNull);
  if (typeof v === 'object') return Object.values(v as object).some(hasNull);
  return false;
}

/** The text a field shows for a value. */
export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
