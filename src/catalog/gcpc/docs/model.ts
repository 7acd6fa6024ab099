import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.model.ModelUploadOp': {
    title: 'Model upload',
    summary:
      'Registers a model in the Vertex AI Model Registry from its files and serving container, so it can be deployed or used for batch prediction.',
    help: {
      project: 'Google Cloud project that owns the model.',
      location: 'Region of the Model Registry to use.',
      display_name: 'Name of the model in the registry.',
      description: 'Free text describing the model.',
      unmanaged_container_model: 'Model files plus serving container, e.g. from a trainer or an importer step.',
      parent_model: 'An existing model to add this upload to as a new version.',
      version_aliases: 'Aliases for the new version, e.g. ["staging"].',
      explanation_metadata: 'Describes the model inputs and outputs for Vertex Explainable AI.',
      explanation_parameters: 'Explanation method and its settings.',
      labels: 'Key/value labels attached to the model.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the model.',
      model: 'The registered Vertex AI model.',
      gcp_resources: 'Reference to the cloud operation this step ran.',
    },
  },
  'v1.model.ModelGetOp': {
    title: 'Model get',
    summary: 'Fetches a model that is already in the Vertex AI Model Registry, by name, so later steps can use it.',
    help: {
      project: 'Google Cloud project that owns the model.',
      location: 'Region of the model.',
      model_name: 'Model ID or full resource name; add @VERSION or @ALIAS to pick a version.',
      model: 'The model as an artifact other steps can use.',
    },
  },
  'v1.model.ModelExportOp': {
    title: 'Model export',
    summary:
      'Copies a Vertex AI model out of the registry, as files in Cloud Storage or as a container image, in one of the formats the model supports.',
    help: {
      model: 'The registered model to copy out.',
      export_format_id: 'Format to export, e.g. tf-saved-model, tflite, core-ml or custom-trained.',
      artifact_destination: 'Cloud Storage folder that receives the model files.',
      image_destination: 'Artifact Registry path that receives a container image, for formats that produce one.',
      output_info: 'Where the exported files or image ended up.',
      gcp_resources: 'Reference to the cloud operation this step ran.',
    },
  },
  'v1.model.ModelDeleteOp': {
    title: 'Model delete',
    summary: 'Removes a model from the Vertex AI Model Registry. It must be undeployed from every endpoint first.',
    help: {
      model: 'The model to remove.',
      gcp_resources: 'Reference to the cloud operation this step ran.',
    },
  },
};
