// Help texts of the inputs and outputs of the custom_job components, in our own words (see ../help-texts.ts).
export const help: Record<string, Record<string, string>> = {
  'v1.custom_job.CustomTrainingJobOp': {
    project: 'Google Cloud project that runs the job.',
    location: 'Region where the job runs; defaults to the region of the pipeline.',
    display_name: 'Name of the job in the console.',
    worker_pool_specs:
      'List of worker pools: machine type, replica count, GPUs and the container or Python package to run.',
    base_output_directory: 'Cloud Storage folder your code can write models and checkpoints to (given as AIP_MODEL_DIR and friends).',
    service_account: 'Service account the training code runs as.',
    network: 'VPC network to peer with, so the job can reach private resources.',
    reserved_ip_ranges: 'Named IP ranges in that network the job may use.',
    timeout: 'Longest the job may run, e.g. "3600s".',
    restart_job_on_worker_restart: 'Restart every worker whenever one of them restarts (useful for distributed training).',
    enable_web_access: 'Allow opening an interactive shell in the running containers, for debugging.',
    tensorboard: 'Vertex AI TensorBoard instance that receives the training logs.',
    strategy: 'How machines are obtained, e.g. STANDARD, or SPOT for cheaper capacity that can be reclaimed.',
    max_wait_duration: 'Longest to wait for machines to become free, e.g. "1800s".',
    persistent_resource_id: 'A persistent resource (kept-alive cluster) to run on instead of new machines.',
    labels: 'Key/value labels attached to the job.',
    encryption_spec_key_name: 'Cloud KMS key that encrypts the job and its outputs.',
    gcp_resources: 'Reference to the custom job, for tracking and cancellation.',
  },
};
