import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.dataset.ImageDatasetCreateOp': {
    title: 'Image dataset create',
    summary:
      'Creates a managed Vertex AI image dataset and, when a source file is given, loads labelled images into it.',
  },
  'v1.dataset.GetVertexDatasetOp': {
    title: 'Dataset get',
    summary:
      'Looks up a Vertex AI dataset that already exists, by its resource name, so later steps can take it as an input.',
  },
  'v1.dataset.ImageDatasetExportDataOp': {
    title: 'Image dataset export',
    summary:
      'Writes the images and labels of an image dataset to Cloud Storage, e.g. to keep a snapshot or to train outside Vertex AI.',
  },
  'v1.dataset.ImageDatasetImportDataOp': {
    title: 'Image dataset import',
    summary: 'Adds more labelled images to an image dataset that already exists, reading them from a file in Cloud Storage.',
  },
  'v1.dataset.TabularDatasetCreateOp': {
    title: 'Tabular dataset create',
    summary:
      'Creates a managed Vertex AI dataset for table data that points at a BigQuery table or CSV files, ready for AutoML tabular training.',
  },
  'v1.dataset.TabularDatasetExportDataOp': {
    title: 'Tabular dataset export',
    summary: 'Writes the rows of a tabular dataset to Cloud Storage so they can be archived or used by other tools.',
  },
  'v1.dataset.TextDatasetCreateOp': {
    title: 'Text dataset create',
    summary:
      'Creates a managed Vertex AI text dataset and, when a source file is given, loads labelled documents into it.',
  },
  'v1.dataset.TextDatasetExportDataOp': {
    title: 'Text dataset export',
    summary: 'Writes the documents and annotations of a text dataset to Cloud Storage.',
  },
  'v1.dataset.TextDatasetImportDataOp': {
    title: 'Text dataset import',
    summary: 'Adds more labelled documents to a text dataset that already exists, reading them from a file in Cloud Storage.',
  },
  'v1.dataset.TimeSeriesDatasetCreateOp': {
    title: 'Time series dataset create',
    summary:
      'Creates a managed Vertex AI dataset for time-series data from a BigQuery table or CSV files, ready for AutoML forecasting.',
  },
  'v1.dataset.TimeSeriesDatasetExportDataOp': {
    title: 'Time series dataset export',
    summary: 'Writes the rows of a time-series dataset to Cloud Storage.',
  },
  'v1.dataset.VideoDatasetCreateOp': {
    title: 'Video dataset create',
    summary:
      'Creates a managed Vertex AI video dataset and, when a source file is given, loads labelled video clips into it.',
  },
  'v1.dataset.VideoDatasetExportDataOp': {
    title: 'Video dataset export',
    summary: 'Writes the video references and annotations of a video dataset to Cloud Storage.',
  },
  'v1.dataset.VideoDatasetImportDataOp': {
    title: 'Video dataset import',
    summary: 'Adds more labelled videos to a video dataset that already exists, reading them from a file in Cloud Storage.',
  },
};
