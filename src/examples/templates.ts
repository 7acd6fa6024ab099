/**
 * Templates on the start screen: real, exportable pipelines with a paragraph on what each
 * teaches. Where the KFP golden set has the same pipeline, the export equals it (tested).
 */
import { layoutByDepth } from '../document/layout';
import { addParameter, addTask, createDocument, setPipelineInfo } from '../document/operations';
import type { Binding, PipelineDocument, PipelineParameter } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import { seedDocument } from './seed';
import { customTrainUploadBatchPredictDocument, exitHandlerEmailDocument, ifElifElseDocument, parallelForParamDocument } from './golden-pipelines';

export interface Template {
  id: string;
  title: string;
  /** One paragraph, our own words. */
  explanation: string;
  build(): PipelineDocument;
  /** The golden (path under kfp-golden, without extension) its export equals, if any. */
  golden?: string;
}

const P = { x: 0, y: 0 };
const c = (constant: JsonValue): Binding => ({ constant });
const param = (parameter: string): Binding => ({ parameter });

/** pipeline-01-tabular-params: tabular AutoML with typed parameters of every kind. */
export function tabularTemplate(): PipelineDocument {
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
  return layoutByDepth(r.doc);
}

/** BigQuery ML: train a model with SQL, evaluate it, predict with it. */
export function bigqueryTemplate(): PipelineDocument {
  let doc = setPipelineInfo(createDocument('bqml-train-evaluate-predict'), {
    pipelineRoot: 'gs://my-bucket/pipeline-root',
    description: 'Train a BigQuery ML model, evaluate it and write predictions to a table.',
  });
  doc = addParameter(doc, { name: 'project_id', type: 'STRING' });
  doc = addParameter(doc, { name: 'location', type: 'STRING', default: 'US' });
  const where = { project: param('project_id'), location: param('location') };
  let r = addTask(doc, 'v1.bigquery.BigqueryCreateModelJobOp', P, {
    ...where,
    query: c(
      "CREATE OR REPLACE MODEL `penguins.weight_model` OPTIONS (model_type='linear_reg', input_label_cols=['body_mass_g']) AS SELECT * FROM `bigquery-public-data.ml_datasets.penguins` WHERE body_mass_g IS NOT NULL",
    ),
  });
  const model = r.id;
  r = addTask(r.doc, 'v1.bigquery.BigqueryEvaluateModelJobOp', P, { ...where, model: { task: model, output: 'model' } });
  r = addTask(r.doc, 'v1.bigquery.BigqueryPredictModelJobOp', P, {
    ...where,
    model: { task: model, output: 'model' },
    table_name: c('bigquery-public-data.ml_datasets.penguins'),
    job_configuration_query: c({ destinationTable: { projectId: 'my-project', datasetId: 'penguins', tableId: 'predictions' } }),
  });
  return layoutByDepth(r.doc);
}

export const TEMPLATES: Template[] = [
  {
    id: 'image',
    title: 'Image classification with AutoML',
    explanation:
      'The Vertex AI getting-started example: create an image dataset from a CSV of labelled pictures, train an AutoML model on it, create an endpoint and deploy the model there. It shows how artifacts (dataset, model, endpoint) flow from step to step, and how one pipeline parameter (the project) feeds several steps.',
    build: () => layoutByDepth(seedDocument()),
    golden: 'seed-automl-image',
  },
  {
    id: 'tabular',
    title: 'Tabular AutoML with typed parameters',
    explanation:
      'The same shape for a table of data, with a pipeline parameter of every type: text, whole number, number, true/false, dict and list, each with a default. Runs can change the source file, the target column or the training budget without touching the drawing.',
    build: tabularTemplate,
    golden: 'pipelines/pipeline-01-tabular-params',
  },
  {
    id: 'custom-train',
    title: 'Custom training → upload → batch prediction',
    explanation:
      'Your own training container runs as a Vertex AI custom job; the model files it writes are brought in with an importer (with the serving container to use), uploaded to the Model Registry, and used for a batch prediction over files in Cloud Storage. It shows "run after" dependencies next to data wires.',
    build: () => layoutByDepth(customTrainUploadBatchPredictDocument()),
    golden: 'pipelines/pipeline-07-custom-train-upload-batch-predict',
  },
  {
    id: 'conditional-deploy',
    title: 'Conditional deploy (If / Elif / Else)',
    explanation:
      'Train once, then decide how to serve with a parameter: dedicated machines, automatic scaling, or no deployment at all. Exactly one branch runs — try it with Play and different values of deploy_mode.',
    build: () => layoutByDepth(ifElifElseDocument()),
    golden: 'pipelines/pipeline-03a-if-elif-else',
  },
  {
    id: 'parallel-for',
    title: 'One dataset per item (ParallelFor)',
    explanation:
      'A loop creates one dataset for every name in a list parameter, two at a time. The item of the loop feeds each copy of the step; change the list when you start a run.',
    build: () => layoutByDepth(parallelForParamDocument()),
    golden: 'pipelines/pipeline-04a-parallelfor-param',
  },
  {
    id: 'exit-handler',
    title: 'Notify on finish (exit handler)',
    explanation:
      'The whole image example sits inside an exit handler whose exit task e-mails the team when the run ends — whether it succeeded or failed. The email step receives the final status of the group.',
    build: () => layoutByDepth(exitHandlerEmailDocument()),
    golden: 'pipelines/pipeline-02a-exit-handler-email',
  },
  {
    id: 'bigquery',
    title: 'BigQuery ML: train, evaluate, predict',
    explanation:
      'Machine learning without leaving the data warehouse: a CREATE MODEL statement trains a model in BigQuery, a second step evaluates it and a third writes predictions to a table. One model artifact feeds both later steps, so they run in parallel once training is done.',
    build: bigqueryTemplate,
  },
];
