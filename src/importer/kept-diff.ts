/**
 * The parts of an imported spec that compiling the rebuilt document does not give back, as
 * `KeptPart`s (see `document/types.ts`): the smallest subtrees where the two differ. Applied
 * after compiling (`compiler/kept.ts`), they give back the imported spec exactly.
 * `sdkVersion` is not kept: an export says which KFP release's output it reproduces.
 */
import type { KeptPart } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import { isObject, own, sameJson } from './json-utils';

const IGNORED_TOP = new Set(['sdkVersion']);

export function keptParts(compiled: JsonValue, original: JsonValue): KeptPart[] {
  const out: KeptPart[] = [];
  const walk = (a: JsonValue, b: JsonValue, path: string[]) => {
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(b)) {
        if (path.length === 0 && IGNORED_TOP.has(key)) continue;
        if (!own(a, key)) out.push({ path: [...path, key], value: structuredClone(b[key]) });
        else walk(a[key], b[key], [...path, key]);
      }
      for (const key of Object.keys(a)) {
        if (path.length === 0 && IGNORED_TOP.has(key)) continue;
        if (a[key] !== undefined && !own(b, key)) out.push({ path: [...path, key] });
      }
      return;
    }
    if (!sameJson(a, b)) out.push({ path, value: structuredClone(b) });
  };
  walk(compiled, original, []);
  return out;
}

/** A short list of kept paths for a notice (`root.dag.outputs.artifacts["output__dataset"]`). */
export function describeKept(parts: readonly KeptPart[], max = 3): string {
  const show = (p: string[]) => p.map((k, i) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? (i === 0 ? k : `.${k}`) : `[${JSON.stringify(k)}]`)).join('');
  const list = parts.slice(0, max).map((p) => show(p.path));
  return parts.length > max ? `${list.join(', ')} and ${parts.length - max} more` : list.join(', ');
}
