import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.automl.training_job.AutoMLImageTrainingJobRunOp': {
    title: 'AutoML image training',
    summary:
      'Trains an image classification or object detection model with AutoML on a Vertex AI dataset and registers the result as a model.',
    help: {
      project: 'Google Cloud project that runs the training.',
      location: 'Region where the training runs.',
      display_name: 'Name of the training job in the console.',
      dataset: 'The image dataset to learn from.',
      prediction_type: '"classification" or "object_detection".',
      model_type: 'Trade-off between accuracy, latency and where the model can run (e.g. CLOUD or a MOBILE_* variant).',
      multi_label: 'Allow several labels per image (classification only).',
      model_display_name: 'Name of the trained model; the job name is used when empty.',
      budget_milli_node_hours: 'Training budget in thousandths of a node hour (8000 = 8 node hours).',
      disable_early_stopping: 'Spend the whole budget even when the model stops improving.',
      training_fraction_split: 'Share of the data used for training (e.g. 0.8).',
      validation_fraction_split: 'Share of the data used for validation.',
      test_fraction_split: 'Share of the data held back to evaluate the model.',
      base_model: 'An existing model to start from instead of training from scratch.',
      incremental_train_base_model: 'An existing model to continue training from, to save time.',
      parent_model: 'An existing model this training adds a new version to.',
      labels: 'Key/value labels attached to the training job.',
      model_labels: 'Key/value labels attached to the trained model.',
      model: 'The trained Vertex AI model.',
      gcp_resources: 'Reference to the cloud job this step ran, for tracking and cancellation.',
    },
  },
};
