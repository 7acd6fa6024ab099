import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.dataset.ImageDatasetCreateOp': {
    title: 'Image dataset create',
    summary:
      'Creates a managed Vertex AI image dataset and, when a source file is given, loads labelled images into it.',
    help: {
      project: 'Google Cloud project that owns the dataset; defaults to the project the pipeline runs in.',
      location: 'Region where the dataset is created.',
      display_name: 'Name shown for the dataset in the Vertex AI console.',
      gcs_source: 'Cloud Storage URI (gs://…) of a CSV or JSONL file listing the images and their labels.',
      import_schema_uri: 'Schema that tells Vertex AI how to read the source file (classification, detection, …).',
      labels: 'Key/value labels attached to the dataset resource.',
      data_item_labels: 'Key/value labels attached to every imported image.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the dataset (customer-managed encryption).',
      dataset: 'The new dataset, ready to feed a training step.',
    },
  },
  'v1.dataset.GetVertexDatasetOp': {
    title: 'Dataset get',
    summary:
      'Looks up a Vertex AI dataset that already exists, by its resource name, so later steps can take it as an input.',
    help: {
      dataset_resource_name: 'Full resource name, e.g. projects/PROJECT/locations/REGION/datasets/ID.',
      dataset: 'The existing dataset as an artifact other steps can use.',
      gcp_resources: 'Reference to the cloud resource this step looked up.',
    },
  },
  'v1.dataset.ImageDatasetExportDataOp': {
    title: 'Image dataset export',
    summary:
      'Writes the images and labels of an image dataset to Cloud Storage, e.g. to keep a snapshot or to train outside Vertex AI.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The image dataset to export.',
      output_dir: 'Cloud Storage folder (gs://…) that receives the exported files.',
      exported_dataset: 'Artifact describing the exported copy.',
    },
  },
  'v1.dataset.ImageDatasetImportDataOp': {
    title: 'Image dataset import',
    summary: 'Adds more labelled images to an image dataset that already exists, reading them from a file in Cloud Storage.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The image dataset to add images to; the updated dataset is passed on as output.',
      gcs_source: 'Cloud Storage URI (gs://…) of a CSV or JSONL file listing the images and their labels.',
      import_schema_uri: 'Schema that says how to read the source file (classification, detection, …).',
      data_item_labels: 'Key/value labels attached to every imported image.',
    },
  },
  'v1.dataset.TabularDatasetCreateOp': {
    title: 'Tabular dataset create',
    summary:
      'Creates a managed Vertex AI dataset for table data that points at a BigQuery table or CSV files, ready for AutoML tabular training.',
    help: {
      project: 'Google Cloud project that owns the dataset; the pipeline project when left as is.',
      location: 'Region where the dataset is created.',
      display_name: 'Name shown for the dataset in the Vertex AI console.',
      bq_source: 'BigQuery table with the rows, e.g. bq://project.dataset.table. Use this or gcs_source.',
      gcs_source: 'Cloud Storage URI(s) of CSV files with the rows. Use this or bq_source.',
      labels: 'Key/value labels attached to the dataset resource.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the dataset (customer-managed encryption).',
      dataset: 'The new dataset, ready to feed a training step.',
    },
  },
  'v1.dataset.TabularDatasetExportDataOp': {
    title: 'Tabular dataset export',
    summary: 'Writes the rows of a tabular dataset to Cloud Storage so they can be archived or used by other tools.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The tabular dataset to export.',
      output_dir: 'Cloud Storage folder (gs://…) that receives the exported files.',
      exported_dataset: 'Artifact describing the exported copy.',
    },
  },
  'v1.dataset.TextDatasetCreateOp': {
    title: 'Text dataset create',
    summary:
      'Creates a managed Vertex AI text dataset and, when a source file is given, loads labelled documents into it.',
    help: {
      project: 'Google Cloud project that owns the dataset; the pipeline project when left as is.',
      location: 'Region where the dataset is created.',
      display_name: 'Name shown for the dataset in the Vertex AI console.',
      gcs_source: 'Cloud Storage URI (gs://…) of a CSV or JSONL file listing the texts and their labels.',
      import_schema_uri: 'Schema that says how to read the source file (classification, extraction, sentiment).',
      labels: 'Key/value labels attached to the dataset resource.',
      data_item_labels: 'Key/value labels attached to every imported text item.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the dataset (customer-managed encryption).',
      dataset: 'The new dataset, ready to feed a training step.',
    },
  },
  'v1.dataset.TextDatasetExportDataOp': {
    title: 'Text dataset export',
    summary: 'Writes the documents and annotations of a text dataset to Cloud Storage.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The text dataset to export.',
      output_dir: 'Cloud Storage folder (gs://…) that receives the exported files.',
      exported_dataset: 'Artifact describing the exported copy.',
    },
  },
  'v1.dataset.TextDatasetImportDataOp': {
    title: 'Text dataset import',
    summary: 'Adds more labelled documents to a text dataset that already exists, reading them from a file in Cloud Storage.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The text dataset to add documents to; the updated dataset is passed on as output.',
      gcs_source: 'Cloud Storage URI (gs://…) of a CSV or JSONL file listing the texts and their labels.',
      import_schema_uri: 'Schema that says how to read the source file (classification, extraction, sentiment).',
      data_item_labels: 'Key/value labels attached to every imported text item.',
    },
  },
  'v1.dataset.TimeSeriesDatasetCreateOp': {
    title: 'Time series dataset create',
    summary:
      'Creates a managed Vertex AI dataset for time-series data from a BigQuery table or CSV files, ready for AutoML forecasting.',
    help: {
      project: 'Google Cloud project that owns the dataset; the pipeline project when left as is.',
      location: 'Region where the dataset is created.',
      display_name: 'Name shown for the dataset in the Vertex AI console.',
      bq_source: 'BigQuery table with the history, e.g. bq://project.dataset.table. Use this or gcs_source.',
      gcs_source: 'Cloud Storage URI(s) of CSV files with the history. Use this or bq_source.',
      labels: 'Key/value labels attached to the dataset resource.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the dataset (customer-managed encryption).',
      dataset: 'The new dataset, ready to feed a forecasting training step.',
    },
  },
  'v1.dataset.TimeSeriesDatasetExportDataOp': {
    title: 'Time series dataset export',
    summary: 'Writes the rows of a time-series dataset to Cloud Storage.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The time-series dataset to export.',
      output_dir: 'Cloud Storage folder (gs://…) that receives the exported files.',
      exported_dataset: 'Artifact describing the exported copy.',
    },
  },
  'v1.dataset.VideoDatasetCreateOp': {
    title: 'Video dataset create',
    summary:
      'Creates a managed Vertex AI video dataset and, when a source file is given, loads labelled video clips into it.',
    help: {
      project: 'Google Cloud project that owns the dataset; the pipeline project when left as is.',
      location: 'Region where the dataset is created.',
      display_name: 'Name shown for the dataset in the Vertex AI console.',
      gcs_source: 'Cloud Storage URI (gs://…) of a CSV or JSONL file listing the videos and their labels.',
      import_schema_uri: 'Schema that says how to read the source file (classification, action recognition, tracking).',
      labels: 'Key/value labels attached to the dataset resource.',
      data_item_labels: 'Key/value labels attached to every imported video.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the dataset (customer-managed encryption).',
      dataset: 'The new dataset, ready to feed a training step.',
    },
  },
  'v1.dataset.VideoDatasetExportDataOp': {
    title: 'Video dataset export',
    summary: 'Writes the video references and annotations of a video dataset to Cloud Storage.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The video dataset to export.',
      output_dir: 'Cloud Storage folder (gs://…) that receives the exported files.',
      exported_dataset: 'Artifact describing the exported copy.',
    },
  },
  'v1.dataset.VideoDatasetImportDataOp': {
    title: 'Video dataset import',
    summary: 'Adds more labelled videos to a video dataset that already exists, reading them from a file in Cloud Storage.',
    help: {
      project: 'Google Cloud project that owns the dataset.',
      location: 'Region of the dataset.',
      dataset: 'The video dataset to add videos to; the updated dataset is passed on as output.',
      gcs_source: 'Cloud Storage URI (gs://…) of a CSV or JSONL file listing the videos and their labels.',
      import_schema_uri: 'Schema that says how to read the source file (classification, action recognition, tracking).',
      data_item_labels: 'Key/value labels attached to every imported video.',
    },
  },
};
