import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.automl.training_job.AutoMLImageTrainingJobRunOp': {
    title: 'AutoML image training',
    summary:
      'Trains an image classification or object detection model with AutoML on a Vertex AI dataset and registers the result as a model.',
  },
  'v1.automl.training_job.AutoMLForecastingTrainingJobRunOp': {
    title: 'AutoML forecasting training',
    summary:
      'Trains a model that predicts future values of one or many time series with AutoML, from a Vertex AI time-series dataset, and registers it as a model.',
  },
  'v1.automl.training_job.AutoMLTabularTrainingJobRunOp': {
    title: 'AutoML tabular training',
    summary:
      'Trains a classification or regression model on a Vertex AI tabular dataset with AutoML, which picks features and architecture for you, and registers the result.',
  },
  'v1.automl.training_job.AutoMLTextTrainingJobRunOp': {
    title: 'AutoML text training',
    summary:
      'Trains a model that classifies text, extracts entities or scores sentiment, with AutoML on a Vertex AI text dataset.',
  },
  'v1.automl.training_job.AutoMLVideoTrainingJobRunOp': {
    title: 'AutoML video training',
    summary:
      'Trains a video model with AutoML on a Vertex AI video dataset: classify clips, recognise actions or track objects.',
  },
};
