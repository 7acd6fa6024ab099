// Help texts of the inputs and outputs of the model_evaluation components, in our own words (see ../help-texts.ts).
// Inputs shared by the three evaluation steps: where the predictions and true values are, and
// the Dataflow job that computes the metrics.
const COMMON = {
  project: 'Google Cloud project that runs the evaluation.',
  location: 'Region where the evaluation runs.',
  model: 'The Vertex AI model that made the predictions; the results are attached to it.',
  predictions_gcs_source: 'Cloud Storage folder with batch prediction results.',
  predictions_bigquery_source: 'BigQuery table with batch prediction results.',
  predictions_format: 'Format of the predictions: jsonl, csv or bigquery.',
  target_field_name: 'Name of the field that holds the true value, usually the label column.',
  ground_truth_gcs_source: 'Cloud Storage files with the correct answers, if the prediction results lack them.',
  ground_truth_bigquery_source: 'BigQuery table with the correct answers, if the prediction results lack them.',
  ground_truth_format: 'How the correct answers are stored: jsonl, csv or bigquery.',
  dataflow_machine_type: 'Machine type of the Dataflow workers that compute the metrics.',
  dataflow_workers_num: 'Dataflow workers to start with.',
  dataflow_max_workers_num: 'Most Dataflow workers autoscaling may use.',
  dataflow_disk_size_gb: 'Disk size of each Dataflow worker, in GB.',
  dataflow_service_account: 'Service account the Dataflow workers run as.',
  dataflow_subnetwork: 'Subnetwork for the Dataflow workers, when using a private VPC.',
  dataflow_use_public_ips: 'Turn off to keep the Dataflow workers on private addresses only.',
  force_runner_mode: 'Force "Dataflow" or "DirectRunner" instead of choosing by data size.',
  encryption_spec_key_name: 'Cloud KMS key that encrypts the evaluation outputs.',
  gcp_resources: 'Reference to the cloud job this step ran.',
};

export const help: Record<string, Record<string, string>> = {
  'v1.model_evaluation.ModelEvaluationClassificationOp': {
    ...COMMON,
    classification_type: '"multiclass" (one label per row) or "multilabel".',
    class_labels: 'All class names, in the order the model scores them.',
    prediction_label_column: 'Field of the predictions that lists the classes.',
    prediction_score_column: 'Field of the predictions that holds the class scores.',
    positive_classes: 'Classes to treat as positive for one-vs-rest metrics.',
    slicing_specs: 'Subsets of the data (slices) to compute separate metrics for.',
    evaluation_metrics: 'Classification metrics, also shown in the console.',
  },
  'v1.model_evaluation.ModelEvaluationRegressionOp': {
    ...COMMON,
    prediction_score_column: 'Field of the predictions that holds the predicted value.',
    evaluation_metrics: 'Regression metrics, also shown in the console.',
  },
  'v1.model_evaluation.ModelEvaluationForecastingOp': {
    ...COMMON,
    forecasting_type: '"point" for single values or "quantile" for ranges.',
    forecasting_quantiles: 'Quantiles the model predicted, for quantile forecasts.',
    point_evaluation_quantile: 'Quantile treated as the single forecast value, usually 0.5.',
    prediction_score_column: 'Field of the predictions that holds the forecast value.',
    evaluation_metrics: 'Forecasting metrics, also shown in the console.',
  },
};
