/**
 * The Vertex AI "build a pipeline" example: image dataset → AutoML image training →
 * endpoint → deploy. Used by tests and as a starting point.
 */
import { addParameter, addTask, createDocument, setInput, setPipelineInfo } from '../document/operations';
import type { Binding, PipelineDocument } from '../document/types';

export function seedDocument(): PipelineDocument {
  let doc = createDocument('automl-image-training-v2');
  doc = setPipelineInfo(doc, { pipelineRoot: 'gs://my-bucket/pipeline-root' });
  doc = addParameter(doc, { name: 'project_id', type: 'STRING' });
  const project: Binding = { parameter: 'project_id' };
  const c = (constant: string | number) => ({ constant });

  let r = addTask(doc, 'v1.dataset.ImageDatasetCreateOp', { x: 0, y: 0 }, {
    project,
    display_name: c('flowers'),
    gcs_source: c('gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv'),
    import_schema_uri: c(
      'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml',
    ),
  });
  const dataset = r.id;
  r = addTask(r.doc, 'v1.automl.training_job.AutoMLImageTrainingJobRunOp', { x: 420, y: 0 }, {
    project,
    display_name: c('train-iris-automl-mbsdk-1'),
    prediction_type: c('classification'),
    model_type: c('CLOUD'),
    dataset: { task: dataset, output: 'dataset' },
    model_display_name: c('iris-classification-model-mbsdk'),
    training_fraction_split: c(0.6),
    validation_fraction_split: c(0.2),
    test_fraction_split: c(0.2),
    budget_milli_node_hours: c(8000),
  });
  const training = r.id;
  r = addTask(r.doc, 'v1.endpoint.EndpointCreateOp', { x: 420, y: 420 }, { project, display_name: c('create-endpoint') });
  const endpoint = r.id;
  r = addTask(r.doc, 'v1.endpoint.ModelDeployOp', { x: 840, y: 200 });
  doc = r.doc;
  doc = setInput(doc, r.id, 'model', { task: training, output: 'model' });
  doc = setInput(doc, r.id, 'endpoint', { task: endpoint, output: 'endpoint' });
  doc = setInput(doc, r.id, 'automatic_resources_min_replica_count', c(1));
  doc = setInput(doc, r.id, 'automatic_resources_max_replica_count', c(1));
  return doc;
}
