/**
 * The compiled spec and its texts, derived from the document like ./derive (memoised on the
 * identity of the document and catalog, never stored). Only exporting, the spec view and the
 * Run dialog need them, so the app loads this module (the compiler and serializer with it)
 * after the canvas is usable: the store holds it once it is in (`EditorState.compiler`, see
 * ../ui/compile-parts). Node users (CLI, tests, benchmarks) import it directly.
 */
import type { Catalog } from '../catalog/catalog';
import { compile } from '../compiler/compile';
import { toJson, toYaml, type KeptTexts } from '../compiler/serialize';
import type { PipelineDocument } from '../document/types';
import type { PipelineSpec } from '../spec/pipeline-spec';

export { jsonRefusal, withPlatformSpec } from '../compiler/platform';

export interface Compiled {
  spec?: PipelineSpec;
  compileError?: string;
}

let last: { doc: PipelineDocument; catalog: Catalog; compiled: Compiled } | undefined;
/** The last spec compiled, whose unchanged parts the next one reuses (see `reuseUnchanged`). */
let lastSpec: PipelineSpec | undefined;

/** The document compiled to a PipelineSpec, or why it cannot be. */
export function compiled(doc: PipelineDocument, catalog: Catalog): Compiled {
  if (last && last.doc === doc && last.catalog === catalog) return last.compiled;
  let result: Compiled;
  try {
    const spec = compile(doc, catalog);
    result = { spec: lastSpec ? (reuseUnchanged(lastSpec, spec) as PipelineSpec) : spec };
    lastSpec = result.spec;
  } catch (e) {
    result = { compileError: e instanceof Error ? e.message : String(e) };
  }
  last = { doc, catalog, compiled: result };
  return result;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `next` with every part that equals the same part of `prev` (same keys in the same order,
 * same values) replaced by that part of `prev`: after an edit, the spec's unchanged tasks,
 * components and executors are the very objects of the spec before, so their texts are
 * reused (`specText`) instead of written again. Neither spec is changed; the result equals
 * `next` and is `prev` itself when nothing changed.
 */
export function reuseUnchanged(prev: unknown, next: unknown): unknown {
  if (prev === next || typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return Object.is(prev, next) ? prev : next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    const out = next.map((x, i) => {
      const y = i < prev.length ? reuseUnchanged(prev[i], x) : x;
      if (y !== prev[i]) same = false;
      return y;
    });
    return same ? prev : out;
  }
  if (Array.isArray(prev) || Object.getPrototypeOf(next) !== Object.prototype || Object.getPrototypeOf(prev) !== Object.prototype) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  const prevKeys = Object.keys(p);
  let same = keys.length === prevKeys.length;
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    const y = hasOwn(p, k) ? reuseUnchanged(p[k], n[k]) : n[k];
    if (prevKeys[i] !== k || y !== p[k]) same = false;
    out[k] = y;
  });
  return same ? prev : out;
}

const texts = new WeakMap<PipelineSpec, { json?: string; yaml?: string }>();
/** Texts of spec parts, shared by the texts of successive specs (their unchanged parts are the same objects). */
const keptJson: KeptTexts = new WeakMap();
const keptYaml: KeptTexts = new WeakMap();

/** The spec as KFP-style JSON or YAML text (cached per compiled spec). */
export function specText(spec: PipelineSpec, format: 'json' | 'yaml'): string {
  let entry = texts.get(spec);
  if (!entry) texts.set(spec, (entry = {}));
  return (entry[format] ??= format === 'json' ? toJson(spec, keptJson) : toYaml(spec, keptYaml));
}
