/**
 * Inputs of the benchmarks:
 *  - `large/tiny-N` and `large/gcpc-mix-N` neutral descriptions from the KFP goldens;
 *  - generated neutral descriptions of the gcpc-mix shape for sizes the goldens lack
 *    (200, 400, 1000), written by the rules of the golden INDEX ("gcpc-mix-N") with our own
 *    seeded random generator (same shape and mix, not the same draws as KFP's Python RNG);
 *  - saved documents (`*.pipeline-canvas.json`, the format of src/document/types.ts) that the
 *    app opens through "Open document", laid out on a grid so nodes do not overlap.
 * Neutral → document goes through the core loader (src/document/neutral.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOCS_DIR, GOLDEN_DIR } from './paths.mjs';

export const goldenPath = (rel) => resolve(GOLDEN_DIR, rel);
export const readGolden = (rel) => readFileSync(goldenPath(rel), 'utf8');

/** mulberry32 seeded from a string (FNV-1a): deterministic across runs and machines. */
export function rng(seed) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GCS_SOURCE = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMPORT_SCHEMA =
  'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';

/**
 * A gcpc-mix-N neutral description (golden INDEX, section large/): task 0 creates an image
 * dataset; every later task picks uniformly among the eligible ops (training needs a dataset,
 * deploy needs a model; deploy takes an endpoint when one exists).
 */
export function gcpcMixNeutral(n) {
  const random = rng(`gcpc-mix-${n}`);
  const choose = (list) => list[Math.floor(random() * list.length)];
  const datasets = [];
  const models = [];
  const endpoints = [];
  const base = { displayName: null, caching: true, retries: null, after: [] };
  const where = { project: { parameter: 'project_id' }, location: { parameter: 'location' } };
  const tasks = [];
  for (let i = 0; i < n; i++) {
    const id = `t${i}`;
    const ops = i === 0 ? ['dataset'] : ['dataset', 'endpoint'];
    if (i > 0 && datasets.length) ops.push('train');
    if (i > 0 && models.length) ops.push('deploy');
    const op = choose(ops);
    if (op === 'dataset') {
      datasets.push(id);
      tasks.push({
        id,
        component: 'v1.dataset.ImageDatasetCreateOp',
        ...base,
        inputs: {
          ...where,
          display_name: { constant: `flowers-${i}` },
          gcs_source: { constant: GCS_SOURCE },
          import_schema_uri: { constant: IMPORT_SCHEMA },
        },
      });
    } else if (op === 'endpoint') {
      endpoints.push(id);
      tasks.push({
        id,
        component: 'v1.endpoint.EndpointCreateOp',
        ...base,
        inputs: { ...where, display_name: { constant: `endpoint-${i}` } },
      });
    } else if (op === 'train') {
      models.push(id);
      tasks.push({
        id,
        component: 'v1.automl.training_job.AutoMLImageTrainingJobRunOp',
        ...base,
        inputs: {
          ...where,
          display_name: { constant: `train-${i}` },
          prediction_type: { constant: 'classification' },
          model_type: { constant: 'CLOUD' },
          dataset: { task: choose(datasets), output: 'dataset' },
          model_display_name: { constant: `model-${i}` },
          training_fraction_split: { constant: 0.6 },
          validation_fraction_split: { constant: 0.2 },
          test_fraction_split: { constant: 0.2 },
          budget_milli_node_hours: { constant: 8000 },
        },
      });
    } else {
      const inputs = {
        model: { task: choose(models), output: 'model' },
        automatic_resources_min_replica_count: { constant: 1 },
        automatic_resources_max_replica_count: { constant: 1 },
      };
      if (endpoints.length) inputs.endpoint = { task: choose(endpoints), output: 'endpoint' };
      tasks.push({ id, component: 'v1.endpoint.ModelDeployOp', ...base, inputs });
    }
  }
  return {
    name: `gcpc-mix-${n}`,
    description: null,
    displayName: null,
    pipelineRoot: 'gs://my-bucket/pipeline-root',
    parameters: [
      { name: 'project_id', type: 'STRING' },
      { name: 'location', type: 'STRING', default: 'us-central1' },
    ],
    tasks,
  };
}

/** The neutral text of gcpc-mix-N: the golden when it exists (100, 300), else generated. */
export function gcpcMixText(n) {
  const rel = `large/gcpc-mix-${n}.pipeline.json`;
  if (existsSync(goldenPath(rel))) return { text: readGolden(rel), source: `golden ${rel}` };
  return { text: JSON.stringify(gcpcMixNeutral(n), null, 2), source: 'generated (bench/lib/docs.mjs)' };
}

/** The `custom.tiny` catalog entry (CatalogEntry of src/catalog/types.ts) from its compiled golden. */
/** The catalog of the benchmarks: every GCPC component and the golden `custom.tiny` (of `large/tiny-N`). */
export async function benchCatalog(core) {
  const tiny = core.tinyEntryFromGolden(readGolden('large/component.custom.tiny.json'), 'Writes its message to its output (benchmark component).');
  return core.createCatalog([...(await core.loadAllGcpc()), tiny]);
}

/** Neutral text → document, through the core loader. Throws with the loader's refusal. */
export function documentFromNeutral(core, text, catalog, source) {
  const load = core.neutral.loadNeutralPipeline;
  if (typeof load !== 'function')
    throw new Error('src/document/neutral.ts (loadNeutralPipeline) is missing: cannot turn *.pipeline.json into a document');
  const result = load(text, source, catalog);
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

/** Grid spacing: a GCPC task node is at most ~300 px wide and ~300 px tall (AutoML training). */
export const GRID = { dx: 380, dy: 340 };

/**
 * Positions on a near-square grid in creation order. The core loader lays tasks out by
 * dependency depth, which for gcpc-mix (depth ≤ 3) gives three columns hundreds of nodes
 * tall; a grid is what a person would have drawn and keeps fitView meaningful.
 */
export function gridLayout(doc) {
  const cols = Math.ceil(Math.sqrt(doc.tasks.length));
  return {
    ...doc,
    tasks: doc.tasks.map((t, i) => ({ ...t, position: { x: (i % cols) * GRID.dx, y: Math.floor(i / cols) * GRID.dy } })),
  };
}

/** Wires a document draws: data bindings to tasks plus `after` edges. */
export function edgeCount(doc) {
  const ids = new Set(doc.tasks.map((t) => t.id));
  let n = 0;
  for (const t of doc.tasks) {
    n += t.after.filter((a) => ids.has(a)).length;
    for (const b of Object.values(t.inputs)) if ('task' in b && ids.has(b.task)) n++;
  }
  return n;
}

/**
 * Writes the saved documents the browser benchmarks open (gcpc-mix-N for each size) and
 * returns, per size, its file, task count, wire count and a task to edit in the inspector.
 */
export function writeBrowserDocs(core, catalog, sizes) {
  mkdirSync(DOCS_DIR, { recursive: true });
  const out = {};
  for (const n of sizes) {
    const { text, source } = gcpcMixText(n);
    const doc = gridLayout(documentFromNeutral(core, text, catalog, `gcpc-mix-${n}.pipeline.json`));
    const saved = core.saveDocument(doc);
    const check = core.loadDocument(saved, 'generated');
    if (!check.ok) throw new Error(`generated gcpc-mix-${n} does not load: ${check.error}`);
    const diagnostics = core.validate(doc, catalog).filter((d) => d.severity === 'error');
    if (diagnostics.length) throw new Error(`generated gcpc-mix-${n} has errors: ${diagnostics[0].message}`);
    const file = resolve(DOCS_DIR, `gcpc-mix-${n}.pipeline-canvas.json`);
    writeFileSync(file, saved);
    const keys = core.taskKeys(doc, catalog);
    // The task to edit: the first dataset-create task (top-left of the grid, so on screen
    // whatever the initial viewport; its display_name is a STRING constant).
    const target = doc.tasks.find((t) => t.component === 'v1.dataset.ImageDatasetCreateOp');
    out[n] = {
      file,
      source,
      tasks: doc.tasks.length,
      edges: edgeCount(doc),
      bytes: Buffer.byteLength(saved),
      edit: { taskId: target.id, key: keys.get(target.id), input: 'display_name', value: target.inputs.display_name.constant },
    };
  }
  return out;
}
