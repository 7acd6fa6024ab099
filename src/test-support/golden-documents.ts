/**
 * Every golden pipeline we can build as a document, in one place, so the golden compiler
 * tests, the Python export tests and the run simulator tests all use the same documents:
 * the 13 feature pipelines of `pipelines/` (built in code the way a person builds them on the
 * canvas), the seed, the random set through the neutral loader, and (re-exported from
 * `golden-documents-upstream.ts`) the upstream KFP test pipelines rebuilt from their goldens.
 */
import { createCatalog, type Catalog } from '../catalog/catalog';
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
import { expectSameAsUpstream, Upstream } from './upstream';

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

import {
  exitHandlerEmailDocument,
  exitHandlerContainerDocument,
  ifElifElseDocument,
  conditionLegacyDocument,
  parallelForParamDocument,
  parallelForStaticDocument,
  importerVertexModelDocument,
  customTrainUploadBatchPredictDocument,
} from '../examples/golden-pipelines';

export {
  exitHandlerEmailDocument,
  exitHandlerContainerDocument,
  ifElifElseDocument,
  conditionLegacyDocument,
  parallelForParamDocument,
  parallelForStaticDocument,
  importerVertexModelDocument,
  customTrainUploadBatchPredictDocument,
};

const placeholder = (label: string) => RUNTIME_PLACEHOLDERS.find((r) => r.label === label)!.value;


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

/** Builds the document of each upstream file and compares its compile with the golden (upstream-*.golden.test.ts). */
export function checkUpstream(...files: string[]): void {
  const catalog = createCatalog([]);
  for (const file of files) {
    const { up, doc } = upstreamCase(file, catalog);
    expectSameAsUpstream(doc, catalog, up);
  }
}
