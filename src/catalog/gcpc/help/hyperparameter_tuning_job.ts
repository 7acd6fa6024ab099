// Help texts of the inputs and outputs of the hyperparameter_tuning_job components, in our own words (see ../help-texts.ts).
export const help: Record<string, Record<string, string>> = {
  'v1.hyperparameter_tuning_job.HyperparameterTuningJobRunOp': {
    project: 'Google Cloud project that runs the job.',
    location: 'Region where the trials run.',
    display_name: 'Name of the tuning job in the console.',
    worker_pool_specs: 'Machines and container for each trial, written as for a custom training job.',
    study_spec_metrics: 'Metric(s) your code reports and whether each should be maximized or minimized.',
    study_spec_parameters: 'Hyperparameters to search, each with its range or list of values.',
    max_trial_count: 'How many trials to run in all.',
    parallel_trial_count: 'How many trials run at the same time.',
    max_failed_trial_count: 'Failed trials allowed before the job gives up; 0 lets Vertex AI decide.',
    study_spec_algorithm: 'Search method: leave unspecified for Bayesian optimisation, or GRID_SEARCH / RANDOM_SEARCH.',
    study_spec_measurement_selection_type: 'Judge each trial by its best (BEST_MEASUREMENT) or last (LAST_MEASUREMENT) report.',
    base_output_directory: 'Cloud Storage folder where each trial writes its outputs.',
    service_account: 'Service account the trials run as.',
    network: 'VPC network to peer with, so trials can reach private resources.',
    encryption_spec_key_name: 'Cloud KMS key that encrypts the job and its outputs.',
    gcp_resources: 'Reference to the tuning job, for tracking and cancellation.',
  },
};
