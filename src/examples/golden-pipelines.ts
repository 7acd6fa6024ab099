/**
 * The feature pipelines of the KFP golden set (pipelines/02a–07) as documents, built with
 * the same operations a person uses. Templates on the start screen and the golden tests
 * both use them; their export equals the real KFP compiler's output (tested).
 */
import { DocBuilder, c, item, out, p } from '../document/builder';
import type { ContainerComponentDef, PipelineDocument } from '../document/types';

const ROOT = { pipelineRoot: 'gs://my-bucket/pipeline-root' };
const FLOWERS_CSV = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMAGE_SCHEMA =
  'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';
const DATASET = 'v1.dataset.ImageDatasetCreateOp';
const TRAIN = 'v1.automl.training_job.AutoMLImageTrainingJobRunOp';
const ENDPOINT = 'v1.endpoint.EndpointCreateOp';
const DEPLOY = 'v1.endpoint.ModelDeployOp';

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

