// Help texts of the inputs and outputs of the model components, in our own words (see ../help-texts.ts).
export const help: Record<string, Record<string, string>> = {
  'v1.model.ModelUploadOp': {
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
  'v1.model.ModelGetOp': {
    project: 'Google Cloud project that owns the model.',
    location: 'Region of the model.',
    model_name: 'Model ID or full resource name; add @VERSION or @ALIAS to pick a version.',
    model: 'The model as an artifact other steps can use.',
  },
  'v1.model.ModelExportOp': {
    model: 'The registered model to copy out.',
    export_format_id: 'Format to export, e.g. tf-saved-model, tflite, core-ml or custom-trained.',
    artifact_destination: 'Cloud Storage folder that receives the model files.',
    image_destination: 'Artifact Registry path that receives a container image, for formats that produce one.',
    output_info: 'Where the exported files or image ended up.',
    gcp_resources: 'Reference to the cloud operation this step ran.',
  },
  'v1.model.ModelDeleteOp': {
    model: 'The model to remove.',
    gcp_resources: 'Reference to the cloud operation this step ran.',
  },
};
