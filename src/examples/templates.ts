/**
 * Templates on the start screen: real, exportable pipelines with a paragraph on what each
 * teaches (./template-list). Where the KFP golden set has the same pipeline, the export
 * equals it (tested).
 */
import { layoutByDepth } from '../document/layout';
import { addParameter, addTask, createDocument, setPipelineInfo } from '../document/operations';
import type { Binding, PipelineDocument, PipelineParameter } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import { seedDocument } from './seed';
import { TEMPLATE_LIST, type TemplateInfo } from './template-list';
import { customTrainUploadBatchPredictDocument, exitHandlerEmailDocument, ifElifElseDocument, parallelForParamDocument } from './golden-pipelines';

export interface Template extends TemplateInfo {
  build(): PipelineDocument;
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

const BUILDERS: Record<string, () => PipelineDocument> = {
  image: () => layoutByDepth(seedDocument()),
  tabular: tabularTemplate,
  'custom-train': () => layoutByDepth(customTrainUploadBatchPredictDocument()),
  'conditional-deploy': () => layoutByDepth(ifElifElseDocument()),
  'parallel-for': () => layoutByDepth(parallelForParamDocument()),
  'exit-handler': () => layoutByDepth(exitHandlerEmailDocument()),
  bigquery: bigqueryTemplate,
};

export const TEMPLATES: Template[] = TEMPLATE_LIST.map((t) => ({ ...t, build: BUILDERS[t.id] }));

/** The document of the template with this id (from TEMPLATE_LIST). */
export function buildTemplate(id: string): PipelineDocument {
  return BUILDERS[id]();
}
