// Help texts of the inputs and outputs of the endpoint components, in our own words (see ../help-texts.ts).
export const help: Record<string, Record<string, string>> = {
  'v1.endpoint.EndpointCreateOp': {
    project: 'Google Cloud project that owns the endpoint.',
    location: 'Region of the endpoint.',
    display_name: 'Name of the endpoint in the console.',
    description: 'Free text describing the endpoint.',
    labels: 'Key/value labels attached to the endpoint.',
    network: 'Full name of a VPC network to peer the endpoint with (private endpoints).',
    encryption_spec_key_name: 'Cloud KMS key that encrypts the endpoint.',
    endpoint: 'The new endpoint, ready for a model deploy step.',
    gcp_resources: 'Reference to the cloud operation this step ran.',
  },
  'v1.endpoint.ModelDeployOp': {
    model: 'The model to serve.',
    endpoint: 'The endpoint that will serve the model.',
    deployed_model_display_name: 'Name of this deployment on the endpoint.',
    automatic_resources_min_replica_count: 'Fewest replicas kept running with automatically chosen machines.',
    automatic_resources_max_replica_count: 'Most replicas automatic scaling may start.',
    dedicated_resources_machine_type: 'Machine type for dedicated serving, e.g. n1-standard-4.',
    dedicated_resources_min_replica_count: 'Fewest dedicated replicas kept running.',
    dedicated_resources_max_replica_count: 'Most dedicated replicas scaling may start.',
    dedicated_resources_accelerator_type: 'GPU type attached to each dedicated replica.',
    dedicated_resources_accelerator_count: 'Number of GPUs per dedicated replica.',
    traffic_split: 'Share of traffic per deployed model id, e.g. {"0": 100} sends all traffic to this one.',
    service_account: 'Service account the serving container runs as.',
    gcp_resources: 'Reference to the cloud operation this step ran.',
  },
  'v1.endpoint.EndpointDeleteOp': {
    endpoint: 'The endpoint to remove.',
    gcp_resources: 'Reference to the cloud operation this step ran.',
  },
  'v1.endpoint.ModelUndeployOp': {
    model: 'The model to take off the endpoint.',
    endpoint: 'The endpoint the model is currently deployed to.',
    traffic_split: 'New traffic shares for the models that stay on the endpoint, e.g. {"1234": 100}.',
    gcp_resources: 'Reference to the cloud operation this step ran.',
  },
};
