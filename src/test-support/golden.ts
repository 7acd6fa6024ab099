/**
 * Access to the real KFP compiler's outputs in ../shared/reference/kfp-golden (read at
 * test time, never copied into the repository) and the comparison rules of the project:
 * parsed documents, `sdkVersion` and component input/output `description` texts aside,
 * ints and floats told apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Catalog } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/types';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { loadDocument, saveDocument } from '../document/load';
import { loadNeutralPipeline } from '../document/neutral';
import { validate } from '../validate/validate';
import { tinyEntryFromGolden } from './tiny-entry';
import type { PipelineDocument } from '../document/types';

export const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/reference/kfp-golden');
export const HAVE_GOLDENS = existsSync(GOLDEN_DIR);
if (!HAVE_GOLDENS) console.warn(`NOTICE: ${GOLDEN_DIR} is absent; golden tests are skipped.`);

export const goldenText = (path: string) => readFileSync(resolve(GOLDEN_DIR, path), 'utf8');

/** Parses JSON or YAML text keeping ints (BigInt) apart from floats (number). */
export function parseStrict(text: string): unknown {
  return parse(text, { intAsBigInt: true, maxAliasCount: -1 });
}

/** Drops what the comparison ignores: `sdkVersion` and component input/output descriptions. */
export function normalizeSpec(spec: unknown): unknown {
  const copy = structuredClone(spec) as Record<string, any>;
  delete copy.sdkVersion;
  for (const comp of Object.values<any>(copy.components ?? {})) {
    for (const defs of [comp.inputDefinitions, comp.outputDefinitions]) {
      for (const group of ['parameters', 'artifacts']) {
        for (const p of Object.values<any>(defs?.[group] ?? {})) delete p.description;
      }
    }
  }
  return copy;
}

/**
 * The generator's `.pipeline.json` description (random/ and large/) as a document, through
 * the core loader (`loadNeutralPipeline`); throws with its refusal when it refuses.
 */
export function documentFromGenerator(text: string, catalog: Catalog, source = 'pipeline.json'): PipelineDocument {
  const loaded = loadNeutralPipeline(text, source, catalog);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.doc;
}

/**
 * A test-only catalog entry for `custom.tiny`, the container component of the `tiny-N`
 * pipelines, built from its compiled golden (large/component.custom.tiny.json). Custom
 * containers are not in the product catalog yet.
 */
export function tinyCatalogEntry(): CatalogEntry {
  return tinyEntryFromGolden(goldenText('large/component.custom.tiny.json'), 'Writes its message to its output (test component).');
}

/**
 * Compiles `doc` and expects it to equal the golden `<name>.json` (and its YAML form to
 * parse to the same), under the comparison rules above. Also checks that the validator
 * finds no error and that a save → load round trip compiles the same.
 */
export function expectSameAsGolden(doc: PipelineDocument, catalog: Catalog, golden: string): void {
  expect(validate(doc, catalog).filter((d) => d.severity === 'error')).toEqual([]);
  const spec = compile(doc, catalog);
  const want = normalizeSpec(parseStrict(goldenText(`${golden}.json`)));
  expect(normalizeSpec(parseStrict(toJson(spec)))).toEqual(want);
  expect(normalizeSpec(parseStrict(toYaml(spec)))).toEqual(want);
  // The `# PIPELINE DEFINITION` comment header too.
  const header = (text: string) => text.slice(0, text.indexOf('\ncomponents:'));
  expect(header(toYaml(spec))).toBe(header(goldenText(`${golden}.yaml`)));
  const reloaded = loadDocument(saveDocument(doc));
  if (!reloaded.ok) throw new Error(reloaded.error);
  expect(reloaded.doc).toEqual(doc);
  expect(normalizeSpec(parseStrict(toJson(compile(reloaded.doc, catalog))))).toEqual(want);
}

/** A parsed golden file (JSON). */
export const goldenJson = (path: string): unknown => JSON.parse(goldenText(path));
