/**
 * The compiled spec and its texts, derived from the document like ./derive (memoised on the
 * identity of the document and catalog, never stored). Only exporting, the spec view and the
 * Run dialog need them, so the app loads this module (the compiler and serializer with it)
 * after the canvas is usable: the store holds it once it is in (`EditorState.compiler`, see
 * ../ui/compile-parts). Node users (CLI, tests, benchmarks) import it directly.
 */
import type { Catalog } from '../catalog/catalog';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import type { PipelineDocument } from '../document/types';
import type { PipelineSpec } from '../spec/pipeline-spec';

export { jsonRefusal, withPlatformSpec } from '../compiler/platform';

export interface Compiled {
  spec?: PipelineSpec;
  compileError?: string;
}

let last: { doc: PipelineDocument; catalog: Catalog; compiled: Compiled } | undefined;

/** The document compiled to a PipelineSpec, or why it cannot be. */
export function compiled(doc: PipelineDocument, catalog: Catalog): Compiled {
  if (last && last.doc === doc && last.catalog === catalog) return last.compiled;
  let result: Compiled;
  try {
    result = { spec: compile(doc, catalog) };
  } catch (e) {
    result = { compileError: e instanceof Error ? e.message : String(e) };
  }
  last = { doc, catalog, compiled: result };
  return result;
}

const texts = new WeakMap<PipelineSpec, { json?: string; yaml?: string }>();

/** The spec as KFP-style JSON or YAML text (cached per compiled spec). */
export function specText(spec: PipelineSpec, format: 'json' | 'yaml'): string {
  let entry = texts.get(spec);
  if (!entry) texts.set(spec, (entry = {}));
  return (entry[format] ??= format === 'json' ? toJson(spec) : toYaml(spec));
}
