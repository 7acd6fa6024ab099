/**
 * Values the Vertex AI / KFP backend fills in when the pipeline runs, written as string
 * constants (`{constant: '{{$.pipeline_job_name}}'}`): KFP's `dsl.PIPELINE_*_PLACEHOLDER`
 * constants and the two GCPC ones. Explanations in our own words, for the UI to offer.
 */
export interface RuntimePlaceholder {
  /** The text to put into a string input. */
  value: string;
  /** Short label for menus. */
  label: string;
  /** One sentence on what the backend puts there. */
  explanation: string;
  /** Where it comes from: plain KFP, or Google Cloud Pipeline Components. */
  origin: 'kfp' | 'gcpc';
}

export const RUNTIME_PLACEHOLDERS: readonly RuntimePlaceholder[] = [
  {
    value: '{{$.pipeline_job_name}}',
    label: 'Run name',
    explanation: 'The name of this pipeline run, as the backend identifies it.',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_job_resource_name}}',
    label: 'Run resource name',
    explanation: 'The full resource name of this run (on Vertex AI: projects/…/locations/…/pipelineJobs/…).',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_job_uuid}}',
    label: 'Run ID',
    explanation: 'A unique identifier generated for this run.',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_task_name}}',
    label: 'Task name',
    explanation: 'The name of the task that receives the value, as shown in the run.',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_task_uuid}}',
    label: 'Task ID',
    explanation: 'A unique identifier of the task execution that receives the value.',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_job_create_time_utc}}',
    label: 'Run creation time',
    explanation: 'When this run was created, in UTC.',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_job_schedule_time_utc}}',
    label: 'Scheduled time',
    explanation: 'When a scheduled run was due to start, in UTC (empty for runs started by hand).',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_root}}',
    label: 'Pipeline root',
    explanation: 'The storage folder under which this run writes its artifacts.',
    origin: 'kfp',
  },
  {
    value: '{{$.pipeline_google_cloud_project_id}}',
    label: 'Google Cloud project',
    explanation: 'The ID of the Google Cloud project the run executes in.',
    origin: 'gcpc',
  },
  {
    value: '{{$.pipeline_google_cloud_location}}',
    label: 'Google Cloud region',
    explanation: 'The region the run executes in, such as us-central1.',
    origin: 'gcpc',
  },
];

/** The placeholder a whole string stands for, if it is one. */
export function runtimePlaceholder(value: string): RuntimePlaceholder | undefined {
  return RUNTIME_PLACEHOLDERS.find((p) => p.value === value);
}
