/**
 * Everything derived from the document (compiled spec, texts, diagnostics, task keys),
 * memoised on the identity of the document and catalog: computed once per edit, never stored.
 */
import type { Catalog } from '../catalog/catalog';
import { compile, taskKeys } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import type { PipelineDocument } from '../document/types';
import type { PipelineSpec } from '../spec/pipeline-spec';
import { findSecrets } from '../validate/secrets';
import { upstreamOf, validate, type Diagnostic } from '../validate/validate';

export interface Derived {
  keys: Map<string, string>;
  diagnostics: Diagnostic[];
  spec?: PipelineSpec;
  compileError?: string;
}

let last: { doc: PipelineDocument; catalog: Catalog; derived: Derived } | undefined;

export function derive(doc: PipelineDocument, catalog: Catalog): Derived {
  if (last && last.doc === doc && last.catalog === catalog) return last.derived;
  const keys = taskKeys(doc, catalog);
  const diagnostics = [...validate(doc, catalog), ...findSecrets(doc, (id) => keys.get(id) ?? id)];
  let spec: PipelineSpec | undefined;
  let compileError: string | undefined;
  try {
    spec = compile(doc, catalog);
  } catch (e) {
    compileError = e instanceof Error ? e.message : String(e);
  }
  const derived: Derived = { keys, diagnostics, spec, compileError };
  last = { doc, catalog, derived };
  return derived;
}

const texts = new WeakMap<PipelineSpec, { json?: string; yaml?: string }>();

/** The spec as KFP-style JSON or YAML text (cached per compiled spec). */
export function specText(spec: PipelineSpec, format: 'json' | 'yaml'): string {
  let entry = texts.get(spec);
  if (!entry) texts.set(spec, (entry = {}));
  return (entry[format] ??= format === 'json' ? toJson(spec) : toYaml(spec));
}

const dependents = new WeakMap<PipelineDocument, Map<string, Set<string>>>();

/**
 * The tasks that depend on `taskId` through data wires or `after`, directly or not, and the
 * task itself: the tasks that must not feed it (`wouldCycle`), found with one walk instead of
 * one per candidate. Memoised per document, so every field of the inspector shares it.
 */
export function dependentsOf(doc: PipelineDocument, taskId: string): ReadonlySet<string> {
  let byTask = dependents.get(doc);
  if (!byTask) dependents.set(doc, (byTask = new Map()));
  let found = byTask.get(taskId);
  if (!found) {
    const downstream = new Map<string, string[]>();
    for (const [id, ups] of upstreamOf(doc))
      for (const up of ups) {
        const list = downstream.get(up);
        if (list) list.push(id);
        else downstream.set(up, [id]);
      }
    const seen = new Set([taskId]);
    const todo = [taskId];
    while (todo.length)
      for (const next of downstream.get(todo.pop()!) ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
    byTask.set(taskId, (found = seen));
  }
  return found;
}
