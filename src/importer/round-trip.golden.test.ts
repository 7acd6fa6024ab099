/**
 * Round trip over every YAML golden the real KFP compiler wrote (seed, components,
 * pipelines, random, large, upstream): `importSpec` → `compile` gives back the same parsed
 * spec, `sdkVersion` aside and descriptions included; the YAML we write parses to the same
 * ints and floats; the document loads, validates and is laid out without overlaps. The one
 * file KFP wrote unparseable is refused cleanly. The counts are in ROUND_TRIP.md.
 */
import jsYaml from 'js-yaml';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { withPlatformSpec } from '../compiler/platform';
import { toYaml } from '../compiler/serialize';
import { GOLDEN_DIR, goldenText, HAVE_GOLDENS } from '../test-support/golden';
import { validate } from '../validate/validate';
import { importSpec } from './import-spec';
import { layoutProblems } from './layout-check';

function goldens(ext: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(ext)) out.push(relative(GOLDEN_DIR, p));
    }
  };
  if (HAVE_GOLDENS) walk(GOLDEN_DIR);
  return out;
}

/** Files KFP itself wrote as YAML no parser reads (probe str-default-newline). */
const UNPARSEABLE = ['random/probes/str-default-newline.yaml'];

/** Files that need kept parts, and why (see ROUND_TRIP.md). */
const KEPT: Record<string, string> = {
  'components/v1.dataset.ImageDatasetImportDataOp.yaml': 'output__dataset quirk of YAML components',
  'components/v1.dataset.TextDatasetImportDataOp.yaml': 'output__dataset quirk of YAML components',
  'components/v1.dataset.VideoDatasetImportDataOp.yaml': 'output__dataset quirk of YAML components',
  'components/v1.vertex_notification_email.VertexNotificationEmailOp.yaml': 'PipelineTaskFinalStatus as a pipeline input',
  'upstream/components/google-cloud/google_cloud_pipeline_components/v1/automl/forecasting/bqml_arima_train_pipeline.yaml': 'KFP 2.0.0-rc.2 outputs of conditions',
  'upstream/components/google-cloud/google_cloud_pipeline_components/v1/automl/tabular/automl_tabular_pipeline.yaml': 'KFP 2.0.0-rc.2 outputs of conditions',
  'upstream/test_data/sdk_compiled_pipelines/valid/critical/two_step_pipeline_containerized.yaml': 'stale golden: default without isOptional',
  'upstream/test_data/sdk_compiled_pipelines/valid/parallel_and_nested/nested_parallel_for_secret.yaml': 'loop input used by the platform spec only',
  'upstream/test_data/sdk_compiled_pipelines/valid/parallel_and_nested/parallel_for_mount_pvc.yaml': 'loop input used by the platform spec only',
  'upstream/test_data/sdk_compiled_pipelines/valid/parallel_and_nested/parallel_for_secret.yaml': 'loop input used by the platform spec only',
};

/** The one document the validator refuses: a component that must be an exit task, compiled on its own. */
const INVALID = ['components/v1.vertex_notification_email.VertexNotificationEmailOp.yaml'];

const withoutSdk = (docs: unknown[]) =>
  docs.map((d, i) => {
    if (i > 0) return d;
    const { sdkVersion: _s, ...rest } = d as Record<string, unknown>;
    return rest;
  });

/** Parsed YAML documents with ints (BigInt) told apart from floats; undefined if `yaml` refuses the text. */
function strictParse(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { intAsBigInt: true });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) return undefined;
  return list.map((d) => d.toJS({ maxAliasCount: -1 }));
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe.skipIf(!HAVE_GOLDENS)('importSpec → compile over every golden', () => {
  const yamlFiles = goldens('.yaml');

  it('finds the goldens', () => {
    expect(yamlFiles.length).toBe(236);
  });

  it('gives back every YAML golden (refusing only what KFP wrote unparseable)', () => {
    const refused: string[] = [];
    const kept: string[] = [];
    const invalid: string[] = [];
    for (const file of yamlFiles) {
      const text = goldenText(file);
      const result = importSpec(text, file, catalog);
      if (!result.ok) {
        refused.push(file);
        expect(result.error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*\\.$`));
        continue;
      }
      const { doc } = result;
      if (doc.kept?.length) kept.push(file);
      // The spec, parsed: compile gives back every field, descriptions included.
      const original = jsYaml.loadAll(text) as unknown[];
      const spec = compile(doc, catalog);
      expect(withoutSdk([spec, ...(doc.platformSpec ? [doc.platformSpec] : [])]), file).toEqual(withoutSdk(original));
      // The YAML we write parses to the same ints and floats as the file (the strict parser
      // is slow: the large/ files, made by the same rules as random/, are left to the above).
      if (text.length < 600_000) {
        const written = withPlatformSpec(toYaml(spec), doc);
        const strictOriginal = strictParse(text);
        if (strictOriginal) expect(isDeepStrictEqual(withoutSdk(strictParse(written)!), withoutSdk(strictOriginal)), file).toBe(true);
      }
      expect(layoutProblems(doc), file).toEqual([]);
      // Importing the export again gives the same document.
      if (text.length < 600_000) {
        const again = importSpec(withPlatformSpec(toYaml(spec), doc), file, catalog);
        expect(again.ok && again.doc, file).toEqual(doc);
      }
      if (validate(doc, catalog).some((d) => d.severity === 'error')) invalid.push(file);
    }
    expect(refused).toEqual(UNPARSEABLE);
    expect(kept).toEqual(Object.keys(KEPT));
    expect(invalid).toEqual(INVALID);
    console.log(
      `Round trip: ${yamlFiles.length} YAML goldens; ${yamlFiles.length - refused.length} imported and given back ` +
        `(${yamlFiles.length - refused.length - kept.length} from the document alone, ${kept.length} with kept parts); ${refused.length} refused.`,
    );
  }, 120_000);

  it('gives back the JSON twins too (the unparseable YAML probe imports from JSON)', () => {
    const jsonFiles = goldens('.json').filter((f) => existsSync(join(GOLDEN_DIR, f.replace(/\.json$/, '.yaml'))));
    expect(jsonFiles.length).toBeGreaterThan(150);
    for (const file of jsonFiles) {
      const text = goldenText(file);
      const result = importSpec(text, file, catalog);
      if (!result.ok) throw new Error(result.error);
      const { sdkVersion: _a, ...want } = JSON.parse(text);
      const { sdkVersion: _b, ...got } = compile(result.doc, catalog) as unknown as Record<string, unknown>;
      expect(got, file).toEqual(want);
    }
  }, 120_000);
});
