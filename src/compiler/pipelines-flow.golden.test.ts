/**
 * Control-flow pipelines of the golden set (pipelines/02a–04b), built in code as documents
 * and compiled against the real KFP compiler's output: exit handlers, If/Elif/Else,
 * nested legacy conditions, ParallelFor over a parameter and over a static list.
 */
import { beforeAll, describe, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import type { ContainerComponentDef } from '../document/types';
import { c, DocBuilder, item, out, p } from '../test-support/build';
import { expectSameAsGolden, HAVE_GOLDENS } from '../test-support/golden';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const ROOT = { pipelineRoot: 'gs://my-bucket/pipeline-root' };
const FLOWERS_CSV = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMAGE_SCHEMA =
  'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';
const DATASET = 'v1.dataset.ImageDatasetCreateOp';
const TRAIN = 'v1.automl.training_job.AutoMLImageTrainingJobRunOp';
const ENDPOINT = 'v1.endpoint.EndpointCreateOp';
const DEPLOY = 'v1.endpoint.ModelDeployOp';

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

describe.skipIf(!HAVE_GOLDENS)('control-flow pipelines built in code against the real KFP compiler', () => {
  it('pipeline-02a-exit-handler-email (named ExitHandler, GCPC notification email as exit task)', () => {
    const b = new DocBuilder('automl-image-exit-handler-email', ROOT)
      .param('project_id', 'STRING')
      .param('recipients', 'LIST', ['ml-team@example.com']);
    const notify = b.task('v1.vertex_notification_email.VertexNotificationEmailOp', { recipients: p('recipients') });
    const handler = b.group({ kind: 'exitHandler', exitTask: notify, displayName: 'train-and-deploy' });
    seedTasks(b, handler);
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-02a-exit-handler-email');
  });

  it('pipeline-02b-exit-handler-container (unnamed ExitHandler, container component as exit task)', () => {
    const b = new DocBuilder('automl-image-exit-handler-container', ROOT).param('project_id', 'STRING');
    const cleanup = b.component(echo('cleanup', 'message'));
    const exit = b.task(cleanup, { message: c('pipeline finished') });
    const handler = b.group({ kind: 'exitHandler', exitTask: exit });
    seedTasks(b, handler);
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-02b-exit-handler-container');
  });

  it('pipeline-03a-if-elif-else (condition-branches with negated earlier branches)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-03a-if-elif-else');
  });

  it('pipeline-03b-condition-legacy (nested dsl.Condition on a bool and an int parameter)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-03b-condition-legacy');
  });

  it('pipeline-04a-parallelfor-param (loop over a list parameter, parallelism 2)', () => {
    const b = new DocBuilder('parallel-dataset-create', ROOT)
      .param('project_id', 'STRING')
      .param('display_names', 'LIST', ['flowers-a', 'flowers-b', 'flowers-c']);
    const loop = b.group({ kind: 'loop', items: { parameter: 'display_names' }, parallelism: 2 });
    b.task(
      DATASET,
      { project: p('project_id'), display_name: item(loop), gcs_source: c(FLOWERS_CSV), import_schema_uri: c(IMAGE_SCHEMA) },
      { group: loop },
    );
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-04a-parallelfor-param');
  });

  it('pipeline-04b-parallelfor-static (loop over a static list of dicts, fields of the item)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-04b-parallelfor-static');
  });
});
