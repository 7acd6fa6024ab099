/**
 * Upstream KFP test pipelines (`upstream/test_data/sdk_compiled_pipelines/valid/`): their
 * Python sources are not here, so each test rebuilds the document by reading the golden.
 * Components whose source is Python stay verbatim, taken from the golden itself.
 */
import jsYaml from 'js-yaml';
import { expect } from 'vitest';
import type { Catalog } from '../catalog/catalog';
import { componentFromPipelineSpec } from '../catalog/embedded';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { loadDocument, saveDocument } from '../document/load';
import type { PipelineDocument, VerbatimComponentDef } from '../document/types';
import { validate } from '../validate/validate';
import { goldenText, normalizeSpec, parseStrict } from './golden';

export const UPSTREAM_DIR = 'upstream/test_data/sdk_compiled_pipelines/valid';

export class Upstream {
  readonly path: string;
  readonly spec: Record<string, any>;
  /** Read with js-yaml: the file is YAML PyYAML accepts but the strict parser refuses (ints and floats then look alike). */
  readonly lenient: boolean;
  constructor(file: string, options: { lenient?: boolean } = {}) {
    this.path = `${UPSTREAM_DIR}/${file}`;
    this.lenient = options.lenient === true;
    this.spec = (this.lenient ? jsYaml.load(goldenText(this.path)) : parseStrict(goldenText(this.path))) as Record<string, any>;
  }

  /** `comp-<key>` of the golden as a verbatim component named `name` (default: the key). */
  comp(name: string, key = name): VerbatimComponentDef {
    return componentFromPipelineSpec(plain(this.spec), `comp-${key}`, name);
  }
}

/** The parsed golden with BigInt ints turned back into numbers (documents hold numbers). */
function plain(v: unknown): any {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Compiles `doc` and expects it to equal the upstream golden (parsed, sdkVersion and descriptions aside). */
export function expectSameAsUpstream(doc: PipelineDocument, catalog: Catalog, up: Upstream): void {
  expect(validate(doc, catalog).filter((d) => d.severity === 'error')).toEqual([]);
  const spec = compile(doc, catalog);
  const read = (text: string) => (up.lenient ? plain(parseStrict(text)) : parseStrict(text));
  const want = normalizeSpec(up.spec);
  expect(normalizeSpec(read(toJson(spec)))).toEqual(want);
  expect(normalizeSpec(read(toYaml(spec)))).toEqual(want);
  // The `# PIPELINE DEFINITION` comment header too.
  const header = (text: string) => text.slice(0, text.indexOf('\ncomponents:'));
  expect(header(toYaml(spec))).toBe(header(goldenText(up.path)));
  const reloaded = loadDocument(saveDocument(doc));
  if (!reloaded.ok) throw new Error(reloaded.error);
  expect(normalizeSpec(read(toJson(compile(reloaded.doc, catalog))))).toEqual(want);
}
