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
import { validate, type Diagnostic } from '../validate/validate';

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
