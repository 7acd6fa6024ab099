/**
 * The guided tour: the person builds the Vertex AI image example (dataset → AutoML image
 * training → endpoint → deploy) in eight short steps. Each step is checked against the
 * document before the next one opens. Pure data and predicates; tour-panel.tsx shows it.
 */
import { isConstant, isParameterRef, isTaskOutput, type PipelineDocument, type Task } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import type { EditorState } from '../store/editor-store';

export const TOUR_COMPONENTS = [
  'v1.dataset.ImageDatasetCreateOp',
  'v1.automl.training_job.AutoMLImageTrainingJobRunOp',
  'v1.endpoint.EndpointCreateOp',
  'v1.endpoint.ModelDeployOp',
] as const;

/** The example's values, per component. */
export const EXAMPLE_VALUES: Record<string, Record<string, JsonValue>> = {
  'v1.dataset.ImageDatasetCreateOp': {
    display_name: 'flowers',
    gcs_source: 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv',
    import_schema_uri:
      'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml',
  },
  'v1.automl.training_job.AutoMLImageTrainingJobRunOp': {
    display_name: 'train-iris-automl-mbsdk-1',
    prediction_type: 'classification',
    model_type: 'CLOUD',
    model_display_name: 'iris-classification-model-mbsdk',
    training_fraction_split: 0.6,
    validation_fraction_split: 0.2,
    test_fraction_split: 0.2,
    budget_milli_node_hours: 8000,
  },
  'v1.endpoint.EndpointCreateOp': { display_name: 'create-endpoint' },
  'v1.endpoint.ModelDeployOp': { automatic_resources_min_replica_count: 1, automatic_resources_max_replica_count: 1 },
};

export const EXAMPLE_NAME = 'automl-image-training-v2';
export const EXAMPLE_ROOT = 'gs://my-bucket/pipeline-root';
const PROJECT_USERS = TOUR_COMPONENTS.slice(0, 3);

const first = (doc: PipelineDocument, component: string): Task | undefined => doc.tasks.find((t) => t.component === component);

function wired(doc: PipelineDocument, from: string, output: string, to: string, input: string): boolean {
  const a = first(doc, from);
  const b = first(doc, to);
  const binding = b?.inputs[input];
  return !!a && !!binding && isTaskOutput(binding) && binding.task === a.id && binding.output === output;
}

export interface TourStep {
  title: string;
  /** What to do, in a sentence or three. */
  text: string;
  done(s: EditorState): boolean;
}

export const TOUR: TourStep[] = [
  {
    title: 'Add the four steps',
    text: 'A pipeline is made of components. Drag these four onto the canvas (or click them): a dataset is created, a model is trained on it, an endpoint is created, and the model is deployed to it.',
    done: (s) => TOUR_COMPONENTS.every((c) => first(s.doc, c)),
  },
  {
    title: 'Wire outputs to inputs',
    text: 'Drag from an output dot on the right of a node to an input dot on the left of another: dataset → dataset, model → model, endpoint → endpoint. A wire passes an artifact and makes the next step wait.',
    done: (s) =>
      wired(s.doc, TOUR_COMPONENTS[0], 'dataset', TOUR_COMPONENTS[1], 'dataset') &&
      wired(s.doc, TOUR_COMPONENTS[1], 'model', TOUR_COMPONENTS[3], 'model') &&
      wired(s.doc, TOUR_COMPONENTS[2], 'endpoint', TOUR_COMPONENTS[3], 'endpoint'),
  },
  {
    title: 'Set the values',
    text: 'Click a task and fill its inputs in the inspector on the right (required ones have a *). Or let the tour type the example’s values for you.',
    done: (s) =>
      TOUR_COMPONENTS.every((c) => {
        const t = first(s.doc, c);
        return !!t && Object.entries(EXAMPLE_VALUES[c]).every(([k]) => t.inputs[k] && isConstant(t.inputs[k]));
      }),
  },
  {
    title: 'Add a pipeline parameter',
    text: 'Parameters are filled in when a run starts. Press Escape to see the pipeline settings, click “Add parameter” and name it project_id (type STRING).',
    done: (s) => s.doc.parameters.some((p) => p.name === 'project_id' && p.type === 'STRING'),
  },
  {
    title: 'Bind the project inputs',
    text: 'Select each of the first three tasks and set “Source of project” to project_id: the Google Cloud project then comes from the run, not from the drawing.',
    done: (s) =>
      PROJECT_USERS.every((c) => {
        const b = first(s.doc, c)?.inputs.project;
        return !!b && isParameterRef(b) && b.parameter === 'project_id';
      }),
  },
  {
    title: 'Name the pipeline',
    text: `In the pipeline settings, set the Pipeline name to ${EXAMPLE_NAME} and the Pipeline root to ${EXAMPLE_ROOT}: the Cloud Storage folder where runs keep their artifacts.`,
    done: (s) => s.doc.name === EXAMPLE_NAME && s.doc.pipelineRoot === EXAMPLE_ROOT,
  },
  {
    title: 'Read the spec',
    text: 'The panel at the bottom right is the compiled pipeline spec, live. Switch it to YAML and click a task: its part of the spec lights up.',
    done: (s) => s.specFormat === 'yaml',
  },
  {
    title: 'Export',
    text: 'Click “Download JSON”: that file runs as it is on Vertex AI Pipelines or Kubeflow Pipelines. Well done!',
    done: (s) => s.lastExport !== null,
  },
];

/** The first step that is not done yet (steps stay done once the person moved past them). */
export function firstOpenStep(s: EditorState, from = 0): number {
  for (let i = from; i < TOUR.length; i++) if (!TOUR[i].done(s)) return i;
  return TOUR.length;
}
