/**
 * Feature pipelines of the golden set (pipelines/), built as documents in code the way a
 * person builds them on the canvas, compiled, and compared with the real KFP compiler's
 * output (parsed documents; `sdkVersion` and component input/output descriptions aside).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { loadDocument, saveDocument } from '../document/load';
import { addParameter, addTask, createDocument, setAfter, setPipelineInfo, setTaskOptions } from '../document/operations';
import type { Binding, PipelineDocument, PipelineParameter, Task } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';
import { validate } from '../validate/validate';
import { compile } from './compile';
import { toJson, toYaml } from './serialize';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const P = { x: 0, y: 0 };
const c = (constant: JsonValue): Binding => ({ constant });
const param = (parameter: string): Binding => ({ parameter });
const FLOWERS_CSV = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMAGE_SCHEMA =
  'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';

function withBackoff(doc: PipelineDocument, id: string, retryBackoff: Task['retryBackoff']): PipelineDocument {
  return { ...doc, tasks: doc.tasks.map((t) => (t.id === id ? { ...t, retryBackoff } : t)) };
}

/** pipeline-05-task-options: display names, caching off/on, `.after`, retry with and without backoff. */
function taskOptionsDocument(): PipelineDocument {
  let doc = setPipelineInfo(createDocument('task-options'), { pipelineRoot: 'gs://my-bucket/pipeline-root' });
  doc = addParameter(doc, { name: 'project_id', type: 'STRING' });
  let r = addTask(doc, 'v1.dataset.ImageDatasetCreateOp', P, {
    project: param('project_id'),
    display_name: c('flowers'),
    gcs_source: c(FLOWERS_CSV),
    import_schema_uri: c(IMAGE_SCHEMA),
  });
  const dataset = r.id;
  doc = setTaskOptions(r.doc, dataset, { displayName: 'Create flowers dataset', caching: false });

  r = addTask(doc, 'v1.endpoint.EndpointCreateOp', P, { project: param('project_id'), display_name: c('endpoint-after-dataset') });
  const endpoint = r.id;
  doc = setAfter(r.doc, endpoint, [dataset]);
  doc = setTaskOptions(doc, endpoint, { displayName: 'Create endpoint (after dataset)', retries: 3 });
  // set_retry(num_retries=3, backoff_duration='60s', backoff_factor=2.0, backoff_max_duration='3600s')
  doc = withBackoff(doc, endpoint, { duration: 60, factor: 2.0, maxDuration: 3600 });

  r = addTask(doc, 'v1.endpoint.EndpointCreateOp', P, { project: param('project_id'), display_name: c('endpoint-simple-retry') });
  // set_retry(num_retries=2) and set_caching_options(True)
  return setTaskOptions(r.doc, r.id, { retries: 2, caching: true });
}

/** pipeline-01-tabular-params: all GCPC, typed parameters with defaults of every type. */
function tabularParamsDocument(): PipelineDocument {
  let doc = setPipelineInfo(createDocument('automl-tabular-params'), {
    pipelineRoot: 'gs://my-bucket/pipeline-root',
    displayName: 'AutoML tabular with typed params',
    description: 'Tabular dataset -> AutoML tabular training -> endpoint + deploy, with typed parameters.',
  });
  const parameters: PipelineParameter[] = [
    { name: 'project_id', type: 'STRING', default: 'my-project' },
    { name: 'location', type: 'STRING', default: 'us-central1' },
    { name: 'gcs_source', type: 'STRING', default: 'gs://cloud-samples-data/tables/iris_1000.csv' },
    { name: 'target_column', type: 'STRING', default: 'species' },
    { name: 'budget_milli_node_hours', type: 'NUMBER_INTEGER', default: 1000 },
    { name: 'training_fraction_split', type: 'NUMBER_DOUBLE', default: 0.8 },
    { name: 'disable_early_stopping', type: 'BOOLEAN', default: false },
    { name: 'dataset_labels', type: 'STRUCT', default: { team: 'ml', env: 'dev' } },
    { name: 'model_version_aliases', type: 'LIST', default: ['candidate', 'v1'] },
  ];
  for (const p of parameters) doc = addParameter(doc, p);
  const where = { project: param('project_id'), location: param('location') };

  let r = addTask(doc, 'v1.dataset.TabularDatasetCreateOp', P, {
    ...where,
    display_name: c('iris-tabular'),
    gcs_source: param('gcs_source'),
    labels: param('dataset_labels'),
  });
  const dataset = r.id;
  r = addTask(r.doc, 'v1.automl.training_job.AutoMLTabularTrainingJobRunOp', P, {
    ...where,
    display_name: c('train-iris-tabular'),
    optimization_prediction_type: c('classification'),
    optimization_objective: c('minimize-log-loss'),
    dataset: { task: dataset, output: 'dataset' },
    target_column: param('target_column'),
    column_specs: c({ sepal_length: 'numeric', species: 'categorical' }),
    budget_milli_node_hours: param('budget_milli_node_hours'),
    training_fraction_split: param('training_fraction_split'),
    validation_fraction_split: c(0.1),
    test_fraction_split: c(0.1),
    disable_early_stopping: param('disable_early_stopping'),
    model_display_name: c('iris-tabular-model'),
    model_version_aliases: param('model_version_aliases'),
  });
  const training = r.id;
  r = addTask(r.doc, 'v1.endpoint.EndpointCreateOp', P, { ...where, display_name: c('iris-endpoint') });
  const endpoint = r.id;
  r = addTask(r.doc, 'v1.endpoint.ModelDeployOp', P, {
    model: { task: training, output: 'model' },
    endpoint: { task: endpoint, output: 'endpoint' },
    deployed_model_display_name: c('iris-deployed'),
    dedicated_resources_machine_type: c('n1-standard-4'),
    dedicated_resources_min_replica_count: c(1),
    dedicated_resources_max_replica_count: c(2),
    traffic_split: c({ '0': '100' }),
  });
  return r.doc;
}

function expectSameAsGolden(doc: PipelineDocument, golden: string) {
  expect(validate(doc, catalog)).toEqual([]);
  const spec = compile(doc, catalog);
  const want = normalizeSpec(parseStrict(goldenText(`${golden}.json`)));
  expect(normalizeSpec(parseStrict(toJson(spec)))).toEqual(want);
  expect(normalizeSpec(parseStrict(toYaml(spec)))).toEqual(want);
  // A save → load round trip keeps everything the spec depends on.
  const reloaded = loadDocument(saveDocument(doc));
  if (!reloaded.ok) throw new Error(reloaded.error);
  expect(normalizeSpec(parseStrict(toJson(compile(reloaded.doc, catalog))))).toEqual(want);
}

describe.skipIf(!HAVE_GOLDENS)('feature pipelines built in code against the real KFP compiler', () => {
  it('pipeline-05-task-options (display names, caching, after, retry with backoff)', () => {
    expectSameAsGolden(taskOptionsDocument(), 'pipelines/pipeline-05-task-options');
  });

  it('pipeline-01-tabular-params (typed parameters with defaults of every type)', () => {
    expectSameAsGolden(tabularParamsDocument(), 'pipelines/pipeline-01-tabular-params');
  });

  it('writes the YAML header the way KFP does for pipeline-05', () => {
    const yaml = toYaml(compile(taskOptionsDocument(), catalog));
    const header = goldenText('pipelines/pipeline-05-task-options.yaml').split('\ncomponents:')[0];
    expect(yaml.startsWith(header + '\ncomponents:')).toBe(true);
  });
});
