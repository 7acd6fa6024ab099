import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.automl.forecasting.ProphetTrainerOp': {
    title: 'Prophet forecasting trainer',
    summary:
      'Fits a Prophet model to every time series in a BigQuery table, trying a few settings per series on Dataflow and keeping the best. Usually one stage of the Prophet forecasting pipeline.',
    help: {
      project: 'Google Cloud project that runs the training.',
      location: 'Region where the training and its Dataflow workers run.',
      root_dir: 'Cloud Storage folder where the step keeps its working files.',
      source_bigquery_uri: 'BigQuery table with the prepared history, e.g. bq://project.dataset.table.',
      target_column: 'Column with the value to forecast.',
      time_column: 'Column with the date or time of each row.',
      time_series_identifier_column: 'Column naming the series a row belongs to.',
      forecast_horizon: 'How many time steps ahead to predict.',
      data_granularity_unit: 'Time unit between rows: minute, hour, day, week, month or year.',
      predefined_split_column: 'Column whose value (TRAIN, VALIDATE or TEST) puts each row in a split.',
      window_column: 'Boolean column; only rows where it is true are used to build forecast windows.',
      optimization_objective: 'Error the search tries to minimise, e.g. rmse, mae or mape.',
      max_num_trials: 'How many settings to try for each time series.',
      dataflow_machine_type: 'Machine type of the Dataflow workers.',
      dataflow_max_num_workers: 'Most Dataflow workers the job may scale up to.',
      dataflow_disk_size_gb: 'Disk size of each Dataflow worker, in GB.',
      dataflow_service_account: 'Service account the Dataflow workers run as.',
      dataflow_subnetwork: 'Subnetwork for the Dataflow workers, when using a private VPC.',
      dataflow_use_public_ips: 'Turn off to keep the Dataflow workers on private addresses only.',
      encryption_spec_key_name: 'Cloud KMS key that encrypts the outputs.',
      evaluated_examples_directory: 'Folder with the predictions made on held-out rows, for later evaluation.',
      unmanaged_container_model: 'The trained models, packaged for a model upload step.',
      gcp_resources: 'Reference to the cloud job this step ran, for tracking and cancellation.',
    },
  },
};
