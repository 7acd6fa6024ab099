/**
 * Every golden pipeline we can build as a document, in one place, so the golden compiler
 * tests, the Python export tests and the run simulator tests all use the same documents:
 * the 13 feature pipelines of `pipelines/` (built in code the way a person builds them on the
 * canvas), the seed, the random set through the neutral loader, and (re-exported from
 * `golden-documents-upstream.ts`) the upstream KFP test pipelines rebuilt from their goldens.
 */
import type { Catalog } from '../catalog/catalog';
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import { addParameter, addTask, createDocument, setAfter, setPipelineInfo, setTaskOptions } from '../document/operations';
import type { Binding, ContainerComponentDef, PipelineDocument, Task } from '../document/types';
import { seedDocument } from '../examples/seed';
import { tabularTemplate } from '../examples/templates';
import type { JsonValue } from '../spec/pipeline-spec';
import { c, DocBuilder, item, out, p } from './build';
import { documentFromGenerator, goldenText } from './golden';

import { UPSTREAM_BASICS, type UpstreamCase } from './golden-documents-upstream';
import { UPSTREAM_CONDITIONS, UPSTREAM_LOOPS, UPSTREAM_NESTED } from './golden-documents-upstream-flow';
import { Upstream } from './upstream';

export type { UpstreamCase } from './golden-documents-upstream';

const ROOT = { pipelineRoot: 'gs://my-bucket/pipeline-root' };
const P = { x: 0, y: 0 };
const FLOWERS_CSV = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMAGE_SCHEMA =
  'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';
const DATASET = 'v1.dataset.ImageDatasetCreateOp';
const TRAIN = 'v1.automl.training_job.AutoMLImageTrainingJobRunOp';
const ENDPOINT = 'v1.endpoint.EndpointCreateOp';
const DEPLOY = 'v1.endpoint.ModelDeployOp';

// ---------------------------------------------------------------- pipeline-05 (operations, one per gesture)

function withBackoff(doc: PipelineDocument, id: string, retryBackoff: Task['retryBackoff']): PipelineDocument {
  return { ...doc, tasks: doc.tasks.map((t) => (t.id === id ? { ...t, retryBackoff } : t)) };
}

/** pipeline-05-task-options: display names, caching off/on, `.after`, retry with and without backoff. */
export function taskOptionsDocument(): PipelineDocument {
  const cst = (constant: JsonValue): Binding => ({ constant });
  const param = (parameter: string): Binding => ({ parameter });
  let doc = setPipelineInfo(createDocument('task-options'), ROOT);
  doc = addParameter(doc, { name: 'project_id', type: 'STRING' });
  let r = addTask(doc, DATASET, P, {
    project: param('project_id'),
    display_name: cst('flowers'),
    gcs_source: cst(FLOWERS_CSV),
    import_schema_uri: cst(IMAGE_SCHEMA),
  });
  const dataset = r.id;
  doc = setTaskOptions(r.doc, dataset, { displayName: 'Create flowers dataset', caching: false });

  r = addTask(doc, ENDPOINT, P, { project: param('project_id'), display_name: cst('endpoint-after-dataset') });
  const endpoint = r.id;
  doc = setAfter(r.doc, endpoint, [dataset]);
  doc = setTaskOptions(doc, endpoint, { displayName: 'Create endpoint (after dataset)', retries: 3 });
  // set_retry(num_retries=3, backoff_duration='60s', backoff_factor=2.0, backoff_max_duration='3600s')
  doc = withBackoff(doc, endpoint, { duration: 60, factor: 2.0, maxDuration: 3600 });

  r = addTask(doc, ENDPOINT, P, { project: param('project_id'), display_name: cst('endpoint-simple-retry') });
  // set_retry(num_retries=2) and set_caching_options(True)
  return setTaskOptions(r.doc, r.id, { retries: 2, caching: true });
}

// ---------------------------------------------------------------- control flow (02a–04b)

/** `@dsl.container_component` `name(<message>: str)` running `echo <message>` on alpine:3.19. */
const echo = (name: string, input: string): ContainerComponentDef => ({
  kind: 'container',
  name,
  inputs: [{ name: input, type: 'STRING' }],
  outputs: [],
  image: 'alpine:3.19',
  command: ['echo'],
  args: [{ inputValue: input }],
});

/** The seed's four tasks, optionally inside a group. */
function seedTasks(b: DocBuilder, group?: string): void {
  const dataset = b.task(
    DATASET,
    { project: p('project_id'), display_name: c('flowers'), gcs_source: c(FLOWERS_CSV), import_schema_uri: c(IMAGE_SCHEMA) },
    { group },
  );
  const train = b.task(
    TRAIN,
    {
      project: p('project_id'),
      display_name: c('train-iris-automl-mbsdk-1'),
      prediction_type: c('classification'),
      model_type: c('CLOUD'),
      dataset: out(dataset, 'dataset'),
      model_display_name: c('iris-classification-model-mbsdk'),
      training_fraction_split: c(0.6),
      validation_fraction_split: c(0.2),
      test_fraction_split: c(0.2),
      budget_milli_node_hours: c(8000),
    },
    { group },
  );
  const endpoint = b.task(ENDPOINT, { project: p('project_id'), display_name: c('create-endpoint') }, { group });
  b.task(
    DEPLOY,
    {
      model: out(train, 'model'),
      endpoint: out(endpoint, 'endpoint'),
      automatic_resources_min_replica_count: c(1),
      automatic_resources_max_replica_count: c(1),
    },
    { group },
  );
}

/** pipeline-02a: named ExitHandler, GCPC notification email as exit task. */
export function exitHandlerEmailDocument(): PipelineDocument {
  const b = new DocBuilder('automl-image-exit-handler-email', ROOT)
    .param('project_id', 'STRING')
    .param('recipients', 'LIST', ['ml-team@example.com']);
  const notify = b.task('v1.vertex_notification_email.VertexNotificationEmailOp', { recipients: p('recipients') });
  const handler = b.group({ kind: 'exitHandler', exitTask: notify, displayName: 'train-and-deploy' });
  seedTasks(b, handler);
  return b.doc;
}

/** pipeline-02b: unnamed ExitHandler, container component as exit task. */
export function exitHandlerContainerDocument(): PipelineDocument {
  const b = new DocBuilder('automl-image-exit-handler-container', ROOT).param('project_id', 'STRING');
  const cleanup = b.component(echo('cleanup', 'message'));
  const exit = b.task(cleanup, { message: c('pipeline finished') });
  const handler = b.group({ kind: 'exitHandler', exitTask: exit });
  seedTasks(b, handler);
  return b.doc;
}

/** pipeline-03a: If/Elif/Else (condition-branches with negated earlier branches). */
export function ifElifElseDocument(): PipelineDocument {
  const b = new DocBuilder('automl-image-conditional-deploy', ROOT)
    .param('project_id', 'STRING')
    .param('deploy_mode', 'STRING', 'dedicated');
  const skip = b.component(echo('skip-deploy', 'reason'));
  const dataset = b.task(DATASET, {
    project: p('project_id'),
    display_name: c('flowers'),
    gcs_source: c(FLOWERS_CSV),
    import_schema_uri: c(IMAGE_SCHEMA),
  });
  const train = b.task(TRAIN, {
    project: p('project_id'),
    display_name: c('train-flowers'),
    prediction_type: c('classification'),
    model_type: c('CLOUD'),
    dataset: out(dataset, 'dataset'),
    budget_milli_node_hours: c(8000),
  });
  const endpoint = b.task(ENDPOINT, { project: p('project_id'), display_name: c('create-endpoint') });
  const branches = b.group({ kind: 'branches' });
  const mode = (value: string) => ({ left: { parameter: 'deploy_mode' }, operator: '==' as const, right: { constant: value } });
  const dedicated = b.group({ kind: 'condition', parent: branches, displayName: 'deploy-dedicated', condition: mode('dedicated') });
  const automatic = b.group({ kind: 'condition', parent: branches, displayName: 'deploy-automatic', condition: mode('automatic') });
  const none = b.group({ kind: 'condition', parent: branches, displayName: 'no-deploy' });
  const wires = { model: out(train, 'model'), endpoint: out(endpoint, 'endpoint') };
  b.task(
    DEPLOY,
    {
      ...wires,
      dedicated_resources_machine_type: c('n1-standard-4'),
      dedicated_resources_min_replica_count: c(1),
      dedicated_resources_max_replica_count: c(1),
    },
    { group: dedicated },
  );
  b.task(
    DEPLOY,
    { ...wires, automatic_resources_min_replica_count: c(1), automatic_resources_max_replica_count: c(2) },
    { group: automatic },
  );
  b.task(skip, { reason: c('deploy_mode is neither dedicated nor automatic') }, { group: none });
  return b.doc;
}

/** pipeline-03b: nested dsl.Condition on a bool and an int parameter. */
export function conditionLegacyDocument(): PipelineDocument {
  const b = new DocBuilder('automl-image-condition-legacy', ROOT)
    .param('project_id', 'STRING')
    .param('deploy', 'BOOLEAN', true)
    .param('min_replicas', 'NUMBER_INTEGER', 1);
  const dataset = b.task(DATASET, {
    project: p('project_id'),
    display_name: c('flowers'),
    gcs_source: c(FLOWERS_CSV),
    import_schema_uri: c(IMAGE_SCHEMA),
  });
  const train = b.task(TRAIN, {
    project: p('project_id'),
    display_name: c('train-flowers'),
    dataset: out(dataset, 'dataset'),
    budget_milli_node_hours: c(8000),
  });
  const outer = b.group({ kind: 'condition', condition: { left: { parameter: 'deploy' }, operator: '==', right: { constant: true } } });
  const endpoint = b.task(ENDPOINT, { project: p('project_id'), display_name: c('create-endpoint') }, { group: outer });
  const inner = b.group({
    kind: 'condition',
    parent: outer,
    condition: { left: { parameter: 'min_replicas' }, operator: '>', right: { constant: 0 } },
  });
  b.task(
    DEPLOY,
    {
      model: out(train, 'model'),
      endpoint: out(endpoint, 'endpoint'),
      automatic_resources_min_replica_count: p('min_replicas'),
      automatic_resources_max_replica_count: c(2),
    },
    { group: inner },
  );
  return b.doc;
}

/** pipeline-04a: loop over a list parameter, parallelism 2. */
export function parallelForParamDocument(): PipelineDocument {
  const b = new DocBuilder('parallel-dataset-create', ROOT)
    .param('project_id', 'STRING')
    .param('display_names', 'LIST', ['flowers-a', 'flowers-b', 'flowers-c']);
  const loop = b.group({ kind: 'loop', items: { parameter: 'display_names' }, parallelism: 2 });
  b.task(
    DATASET,
    { project: p('project_id'), display_name: item(loop), gcs_source: c(FLOWERS_CSV), import_schema_uri: c(IMAGE_SCHEMA) },
    { group: loop },
  );
  return b.doc;
}

/** pipeline-04b: loop over a static list of dicts, fields of the item. */
export function parallelForStaticDocument(): PipelineDocument {
  const b = new DocBuilder('parallel-dataset-create-static', ROOT).param('project_id', 'STRING');
  const loop = b.group({
    kind: 'loop',
    items: {
      constant: [
        { display_name: 'flowers-train', gcs_source: 'gs://my-bucket/data/train.csv' },
        { display_name: 'flowers-eval', gcs_source: 'gs://my-bucket/data/eval.csv' },
      ],
    },
  });
  b.task(
    DATASET,
    {
      project: p('project_id'),
      display_name: item(loop, 'display_name'),
      gcs_source: item(loop, 'gcs_source'),
      import_schema_uri: c(IMAGE_SCHEMA),
    },
    { group: loop },
  );
  return b.doc;
}

// ---------------------------------------------------------------- importers, components, settings (06–10)

const placeholder = (label: string) => RUNTIME_PLACEHOLDERS.find((r) => r.label === label)!.value;

/** pipeline-06: importer with metadata feeding model-deploy. */
export function importerVertexModelDocument(): PipelineDocument {
  const b = new DocBuilder('import-model-and-deploy', ROOT).param('project_id', 'STRING');
  const uri = 'https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/models/1234567890';
  const importer = b.importer(
    {
      artifactType: { schemaTitle: 'google.VertexModel', schemaVersion: '0.0.1' },
      metadata: { resourceName: 'projects/my-project/locations/us-central1/models/1234567890' },
    },
    c(uri),
  );
  const endpoint = b.task(ENDPOINT, { project: p('project_id'), display_name: c('imported-model-endpoint') });
  b.task(DEPLOY, {
    model: out(importer, 'artifact'),
    endpoint: out(endpoint, 'endpoint'),
    dedicated_resources_machine_type: c('n1-standard-2'),
    dedicated_resources_min_replica_count: c(1),
    dedicated_resources_max_replica_count: c(1),
  });
  return b.doc;
}

/** pipeline-07: custom job, importer after it, upload, batch predict. */
export function customTrainUploadBatchPredictDocument(): PipelineDocument {
  const b = new DocBuilder('custom-train-upload-batch-predict', ROOT)
    .param('project_id', 'STRING')
    .param('location', 'STRING', 'us-central1')
    .param('model_dir', 'STRING', 'gs://my-bucket/model-output');
  const where = { project: p('project_id'), location: p('location') };
  const train = b.task('v1.custom_job.CustomTrainingJobOp', {
    ...where,
    display_name: c('custom-train'),
    base_output_directory: p('model_dir'),
    worker_pool_specs: c([
      {
        machine_spec: { machine_type: 'n1-standard-4' },
        replica_count: 1,
        container_spec: { image_uri: 'us-docker.pkg.dev/my-project/train/trainer:latest', args: ['--epochs', '10'] },
      },
    ]),
  });
  const importer = b.importer(
    {
      artifactType: { schemaTitle: 'google.UnmanagedContainerModel', schemaVersion: '0.0.1' },
      metadata: { containerSpec: { imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-0:latest' } },
    },
    c('gs://my-bucket/model-output/model'),
    { after: [train] },
  );
  const upload = b.task(
    'v1.model.ModelUploadOp',
    { ...where, display_name: c('custom-trained-model'), unmanaged_container_model: out(importer, 'artifact') },
    { after: [train] },
  );
  b.task('v1.batch_predict_job.ModelBatchPredictOp', {
    ...where,
    job_display_name: c('batch-predict'),
    model: out(upload, 'model'),
    instances_format: c('jsonl'),
    predictions_format: c('jsonl'),
    gcs_source_uris: c(['gs://my-bucket/batch/instances.jsonl']),
    gcs_destination_output_uri_prefix: c('gs://my-bucket/batch/output'),
    machine_type: c('n1-standard-4'),
    starting_replica_count: c(1),
    max_replica_count: c(2),
  });
  return b.doc;
}

/** pipeline-08: two components made in the app, artifact passing, input default. */
export function containerComponentDocument(): PipelineDocument {
  const b = new DocBuilder('container-component-greeting', ROOT).param('name', 'STRING', 'world').param('count', 'NUMBER_INTEGER', 3);
  const writeGreeting: ContainerComponentDef = {
    kind: 'container',
    name: 'write-greeting',
    inputs: [
      { name: 'name', type: 'STRING' },
      { name: 'count', type: 'NUMBER_INTEGER' },
    ],
    outputs: [{ name: 'greeting', type: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } }],
    image: 'alpine:3.19',
    command: ['sh', '-c'],
    args: [
      'mkdir -p "$(dirname "$2")" && for i in $(seq 1 "$1"); do echo "Hello, $0"; done > "$2"',
      { inputValue: 'name' },
      { inputValue: 'count' },
      { outputPath: 'greeting' },
    ],
  };
  const printFile: ContainerComponentDef = {
    kind: 'container',
    name: 'print-file',
    inputs: [
      { name: 'infile', type: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } },
      { name: 'prefix', type: 'STRING', default: '>> ' },
    ],
    outputs: [],
    image: 'alpine:3.19',
    command: ['sh', '-c', 'sed "s/^/$1/" "$0"'],
    args: [{ inputPath: 'infile' }, { inputValue: 'prefix' }],
  };
  const write = b.task(b.component(writeGreeting), { name: p('name'), count: p('count') });
  b.task(b.component(printFile), { infile: out(write, 'greeting') });
  return b.doc;
}

/** pipeline-09: runtime placeholders as string constants, GCPC project and location. */
export function placeholdersDocument(): PipelineDocument {
  const b = new DocBuilder('placeholders', ROOT);
  const names = ['job_name', 'job_resource_name', 'job_id', 'task_name', 'task_id', 'create_time', 'schedule_time', 'root'];
  const printer = b.component({
    kind: 'container',
    name: 'print-placeholders',
    inputs: names.map((name) => ({ name, type: 'STRING' as const })),
    outputs: [],
    image: 'alpine:3.19',
    command: ['echo'],
    args: names.map((inputValue) => ({ inputValue })),
  });
  b.task(printer, {
    job_name: c(placeholder('Run name')),
    job_resource_name: c(placeholder('Run resource name')),
    job_id: c(placeholder('Run ID')),
    task_name: c(placeholder('Task name')),
    task_id: c(placeholder('Task ID')),
    create_time: c(placeholder('Run creation time')),
    schedule_time: c(placeholder('Scheduled time')),
    root: c(placeholder('Pipeline root')),
  });
  b.task(ENDPOINT, {
    project: c(placeholder('Google Cloud project')),
    location: c(placeholder('Google Cloud region')),
    display_name: c(placeholder('Run name')),
  });
  return b.doc;
}

/** pipeline-10: CPU, memory, accelerator, environment, display name. */
export function taskResourcesDocument(): PipelineDocument {
  const b = new DocBuilder('task-resources', ROOT).param('epochs', 'NUMBER_INTEGER', 5);
  const train = b.component({
    kind: 'container',
    name: 'train',
    inputs: [{ name: 'epochs', type: 'NUMBER_INTEGER' }],
    outputs: [],
    image: 'python:3.11',
    command: ['python', '-c', 'import sys; print(sys.argv)'],
    args: [{ inputValue: 'epochs' }],
  });
  b.task(
    train,
    { epochs: p('epochs') },
    {
      displayName: 'Train with GPU',
      resources: {
        cpuLimit: '4',
        cpuRequest: '2',
        memoryLimit: '16G',
        memoryRequest: '8G',
        acceleratorType: 'NVIDIA_TESLA_T4',
        acceleratorCount: 1,
      },
      env: [{ name: 'MODE', value: 'train' }],
    },
  );
  return b.doc;
}

// ---------------------------------------------------------------- the registry

/** The 13 feature pipelines of `pipelines/`, by golden path (without extension). */
export const PIPELINE_DOCUMENTS: Readonly<Record<string, () => PipelineDocument>> = {
  'pipelines/pipeline-01-tabular-params': tabularTemplate,
  'pipelines/pipeline-02a-exit-handler-email': exitHandlerEmailDocument,
  'pipelines/pipeline-02b-exit-handler-container': exitHandlerContainerDocument,
  'pipelines/pipeline-03a-if-elif-else': ifElifElseDocument,
  'pipelines/pipeline-03b-condition-legacy': conditionLegacyDocument,
  'pipelines/pipeline-04a-parallelfor-param': parallelForParamDocument,
  'pipelines/pipeline-04b-parallelfor-static': parallelForStaticDocument,
  'pipelines/pipeline-05-task-options': taskOptionsDocument,
  'pipelines/pipeline-06-importer-vertex-model': importerVertexModelDocument,
  'pipelines/pipeline-07-custom-train-upload-batch-predict': customTrainUploadBatchPredictDocument,
  'pipelines/pipeline-08-container-component': containerComponentDocument,
  'pipelines/pipeline-09-placeholders': placeholdersDocument,
  'pipelines/pipeline-10-task-resources': taskResourcesDocument,
};

/** The seed pipeline (`seed-automl-image`). */
export const SEED_DOCUMENT = { golden: 'seed-automl-image', build: seedDocument } as const;

/** `random/NNN` (001–050) through the neutral loader. */
export function randomDocument(n: number, catalog: Catalog): PipelineDocument {
  const name = String(n).padStart(3, '0');
  return documentFromGenerator(goldenText(`random/${name}.pipeline.json`), catalog);
}

/** Every upstream golden rebuilt as a document (52 files). */
export const UPSTREAM_DOCUMENTS: readonly UpstreamCase[] = [...UPSTREAM_BASICS, ...UPSTREAM_CONDITIONS, ...UPSTREAM_LOOPS, ...UPSTREAM_NESTED];

/** One upstream case by its file, with its golden read and its document built. */
export function upstreamCase(file: string, catalog: Catalog): { up: Upstream; doc: PipelineDocument } {
  const found = UPSTREAM_DOCUMENTS.find((u) => u.file === file);
  if (!found) throw new Error(`No upstream document is built for ${file}.`);
  const up = new Upstream(found.file, { lenient: found.lenient });
  return { up, doc: found.build(up, catalog) };
}
