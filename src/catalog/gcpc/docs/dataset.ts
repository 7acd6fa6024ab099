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
};
