import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.endpoint.EndpointCreateOp': {
    title: 'Endpoint create',
    summary: 'Creates a Vertex AI endpoint: the address that serves online predictions once a model is deployed to it.',
  },
  'v1.endpoint.ModelDeployOp': {
    title: 'Model deploy',
    summary: 'Deploys a model to an endpoint so it answers online prediction requests, on automatic or dedicated machines.',
  },
  'v1.endpoint.EndpointDeleteOp': {
    title: 'Endpoint delete',
    summary:
      'Removes a Vertex AI endpoint. Undeploy every model from it first: an endpoint that still serves models cannot be deleted.',
  },
  'v1.endpoint.ModelUndeployOp': {
    title: 'Model undeploy',
    summary:
      'Takes a model off an endpoint so it stops serving and its machines are released. The model and the endpoint both stay.',
  },
};
