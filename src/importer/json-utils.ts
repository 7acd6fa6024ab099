/** Small helpers for comparing and walking plain JSON data. */
import type { JsonObject, JsonValue } from '../spec/pipeline-spec';

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Deep equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!own(b as object, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Input/output definitions without `description` fields. */
export function withoutDescriptions(defs: JsonValue | undefined): JsonValue | undefined {
  if (!isObject(defs)) return defs;
  const out: JsonObject = {};
  for (const [group, specs] of Object.entries(defs)) {
    if (!isObject(specs)) {
      out[group] = specs;
      continue;
    }
    const copy: JsonObject = {};
    for (const [name, spec] of Object.entries(specs)) {
      if (isObject(spec)) {
        const { description: _d, ...rest } = spec;
        copy[name] = rest;
      } else copy[name] = spec;
    }
    out[group] = copy;
  }
  return out;
}

/** The descriptions of input/output definitions, by name (only those that have one). */
export function descriptionsOf(defs: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(defs)) return out;
  for (const specs of Object.values(defs))
    if (isObject(specs))
      for (const [name, spec] of Object.entries(specs)) if (isObject(spec) && typeof spec.description === 'string') out[name] = spec.description;
  return out;
}

/** Natural order of task keys: `a` < `a-2` < `a-10`. */
export function compareKeys(a: string, b: string): number {
  const ma = /^(.*?)(?:-(\d+))?$/.exec(a)!;
  const mb = /^(.*?)(?:-(\d+))?$/.exec(b)!;
  if (ma[1] !== mb[1]) return ma[1] < mb[1] ? -1 : 1;
  const na = ma[2] === undefined ? 1 : Number(ma[2]);
  const nb = mb[2] === undefined ? 1 : Number(mb[2]);
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
