import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(BENCH_DIR, '..');
export const BUILD_DIR = resolve(BENCH_DIR, '.build');
export const DOCS_DIR = resolve(BUILD_DIR, 'docs');
export const RESULTS_FILE = resolve(BENCH_DIR, 'results.json');
/** The real KFP compiler's outputs and the generator's descriptions (see its INDEX.md). */
export const GOLDEN_DIR = resolve(process.env.KFP_GOLDEN_DIR ?? resolve(ROOT, '../shared/reference/kfp-golden'));
export const AUTOML_TABULAR_YAML = resolve(
  GOLDEN_DIR,
  'upstream/components/google-cloud/google_cloud_pipeline_components/v1/automl/tabular/automl_tabular_pipeline.yaml',
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
