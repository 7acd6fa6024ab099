/**
 * Reading a compiled KFP component or pipeline file (what `kfp.compiler` writes, YAML or
 * JSON) as a component the document can embed. Never throws: a refusal is one sentence.
 */
import { parseAllDocuments } from 'yaml';
import type { VerbatimComponentDef } from '../document/types';
import { componentFromCompiledSpec } from './embedded';

export type ImportedComponent = { ok: true; component: VerbatimComponentDef; notes: string[] } | { ok: false; error: string };

/** Ints of the parsed file as numbers (documents hold JSON numbers). */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export function parseCompiledComponent(text: string, source = 'The file', options: { asGraph?: boolean; name?: string } = {}): ImportedComponent {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch (e) {
    return { ok: false, error: `${source} cannot be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}.` };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) return { ok: false, error: `${source} is empty.` };
  const first = list[0];
  if (first.errors.length > 0) return { ok: false, error: `${source} is not valid YAML or JSON: ${first.errors[0].message.split('\n')[0]}.` };
  const notes = list.length > 1 ? ['The Kubernetes platform settings in the file (its second YAML document) are not kept.'] : [];
  try {
    return { ok: true, component: componentFromCompiledSpec(plain(first.toJS()), options), notes };
  } catch (e) {
    return { ok: false, error: `${source}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
