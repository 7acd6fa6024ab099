/**
 * Pipelines of the golden set with importers, components made in the app, runtime
 * placeholders and task resources (pipelines/06–10), built in code and compiled against the
 * real KFP compiler's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import type { ContainerComponentDef } from '../document/types';
import { c, DocBuilder, out, p } from '../test-support/build';
import { expectSameAsGolden, HAVE_GOLDENS } from '../test-support/golden';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const ROOT = { pipelineRoot: 'gs://my-bucket/pipeline-root' };
const ENDPOINT = 'v1.endpoint.EndpointCreateOp';
const DEPLOY = 'v1.endpoint.ModelDeployOp';
const placeholder = (label: string) => RUNTIME_PLACEHOLDERS.find((r) => r.label === label)!.value;

describe.skipIf(!HAVE_GOLDENS)('importer, container component and task-settings pipelines against the real KFP compiler', () => {
  it('pipeline-06-importer-vertex-model (importer with metadata feeding model-deploy)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-06-importer-vertex-model');
  });

  it('pipeline-07-custom-train-upload-batch-predict (custom job, importer after it, upload, batch predict)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-07-custom-train-upload-batch-predict');
  });

  it('pipeline-08-container-component (two components made in the app, artifact passing, input default)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-08-container-component');
  });

  it('pipeline-09-placeholders (runtime placeholders as string constants, GCPC project and location)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-09-placeholders');
  });

  it('pipeline-10-task-resources (CPU, memory, accelerator, environment, display name)', () => {
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
    expectSameAsGolden(b.doc, catalog, 'pipelines/pipeline-10-task-resources');
  });

  it('every runtime placeholder has a one-sentence explanation', () => {
    for (const r of RUNTIME_PLACEHOLDERS) {
      expect(r.value).toMatch(/^\{\{\$\.[a-z_]+\}\}$/);
      expect(r.explanation).toMatch(/^[A-Z].*\.$/);
    }
  });
});
