import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.model.ModelUploadOp': {
    title: 'Model upload',
    summary:
      'Registers a model in the Vertex AI Model Registry from its files and serving container, so it can be deployed or used for batch prediction.',
  },
  'v1.model.ModelGetOp': {
    title: 'Model get',
    summary: 'Fetches a model that is already in the Vertex AI Model Registry, by name, so later steps can use it.',
  },
  'v1.model.ModelExportOp': {
    title: 'Model export',
    summary:
      'Copies a Vertex AI model out of the registry, as files in Cloud Storage or as a container image, in one of the formats the model supports.',
  },
  'v1.model.ModelDeleteOp': {
    title: 'Model delete',
    summary: 'Removes a model from the Vertex AI Model Registry. It must be undeployed from every endpoint first.',
  },
};
