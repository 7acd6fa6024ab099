// Help texts of the inputs and outputs of the dataproc components, in our own words (see ../help-texts.ts).
// Settings shared by every Dataproc Serverless batch step.
const COMMON = {
  project: 'Google Cloud project that runs the batch.',
  location: 'Region where the batch runs.',
  batch_id: 'ID of the batch (4 to 63 lowercase letters, digits or hyphens); generated when empty.',
  labels: 'Key/value labels attached to the batch.',
  container_image: 'Your own image for the Spark runtime, e.g. with extra libraries baked in.',
  runtime_config_version: 'Dataproc Serverless runtime version; the default is used when empty.',
  runtime_config_properties: 'Spark properties, e.g. {"spark.executor.cores": "4"}.',
  service_account: 'Service account the batch runs as.',
  network_uri: 'VPC network for the batch; use this or subnetwork_uri.',
  subnetwork_uri: 'Subnetwork for the batch; use this or network_uri.',
  network_tags: 'Network tags, e.g. for firewall rules.',
  kms_key: 'Cloud KMS key that encrypts the batch data.',
  metastore_service: 'Dataproc Metastore service to use as the Hive metastore.',
  spark_history_dataproc_cluster: 'Dataproc cluster whose Spark history server records this batch.',
  autotuning_config: 'Settings for letting Dataproc tune Spark properties automatically.',
  cohort: 'Name shared by repeated runs of the same workload, so autotuning can learn from them.',
  gcp_resources: 'Reference to the Dataproc batch, for tracking and cancellation.',
};
const FILES = {
  file_uris: 'Extra files each executor can open from its current directory.',
  archive_uris: 'Archives (.zip, .tar, …) each executor gets unpacked next to it.',
  args: 'Arguments passed to the main program.',
};
const JARS = 'Extra jars your code depends on.';

export const help: Record<string, Record<string, string>> = {
  'v1.dataproc.DataprocPySparkBatchOp': {
    ...COMMON,
    ...FILES,
    main_python_file_uri: 'Cloud Storage path of the main .py file.',
    python_file_uris: 'Extra Python files to ship with it (.py, .zip, .egg).',
    jar_file_uris: JARS,
  },
  'v1.dataproc.DataprocSparkBatchOp': {
    ...COMMON,
    ...FILES,
    main_jar_file_uri: 'Cloud Storage path of the jar that holds the main class; use this or main_class.',
    main_class: 'Entry-point class to run; ship its jar through jar_file_uris.',
    jar_file_uris: JARS,
  },
  'v1.dataproc.DataprocSparkRBatchOp': {
    ...COMMON,
    ...FILES,
    main_r_file_uri: 'Cloud Storage path of the main .R file.',
  },
  'v1.dataproc.DataprocSparkSqlBatchOp': {
    ...COMMON,
    query_file_uri: 'Cloud Storage path of the file with the SQL statements.',
    query_variables: 'Values for variables used in the script, as name/value pairs.',
    jar_file_uris: JARS,
  },
};
