/**
 * Parts of an imported spec that the document cannot express, written back after compiling
 * (`PipelineDocument.kept`, computed by the importer). A part replaces (or, without a value,
 * removes) what is at its path; a part whose parent is missing or not an object is skipped,
 * so a document edited since the import still compiles. Objects on the way are copied, never
 * changed in place: the compiled spec shares objects with catalog entries.
 */
import type { KeptPart } from '../document/types';
import type { JsonObject, PipelineSpec } from '../spec/pipeline-spec';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The spec with the kept parts applied. */
export function applyKept(spec: PipelineSpec, kept: readonly KeptPart[]): PipelineSpec {
  const out = { ...spec } as unknown as JsonObject;
  for (const part of kept) {
    if (part.path.length === 0 || part.path.some((k) => FORBIDDEN.has(k))) continue;
    // Check the way first, then copy it.
    let probe: unknown = out;
    for (const key of part.path.slice(0, -1)) probe = isObject(probe) && own(probe, key) ? probe[key] : undefined;
    if (!isObject(probe)) continue;
    let parent = out;
    for (const key of part.path.slice(0, -1)) {
      const copy = { ...(parent[key] as JsonObject) };
      parent[key] = copy;
      parent = copy;
    }
    const last = part.path[part.path.length - 1];
    if (part.value === undefined) delete parent[last];
    else parent[last] = structuredClone(part.value);
  }
  return out as unknown as PipelineSpec;
}
