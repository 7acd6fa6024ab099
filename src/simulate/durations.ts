/**
 * Rough durations of one attempt of a task, for estimating the wall time of a run. Our own
 * figures (order of magnitude, queueing and start-up included), not measurements: AutoML
 * training takes hours, endpoints, deployments and dataset imports take minutes, a small
 * container takes seconds. The first rule that matches a component id wins.
 */
import type { CatalogEntry } from '../catalog/types';
import type { Task } from '../document/types';

const MINUTE = 60;
const HOUR = 3600;

interface Rule {
  /** Matched against the component id (`v1.endpoint.ModelDeployOp`). */
  id: RegExp;
  seconds: number;
  what: string;
}

export const DURATION_RULES: readonly Rule[] = [
  { id: /^v1\.automl\.training_job\.AutoML(Image|Video|Text)/, seconds: 2 * HOUR, what: 'AutoML training' },
  { id: /^v1\.automl\.training_job\.AutoML(Tabular|Forecasting)/, seconds: 2 * HOUR, what: 'AutoML tabular training' },
  { id: /^v1\.automl\.tabular\.(Stage1Tuner|CvTrainer)/, seconds: HOUR, what: 'AutoML tabular tuning' },
  { id: /^v1\.automl\.tabular\.(Ensemble|Transform)/, seconds: 20 * MINUTE, what: 'AutoML tabular step' },
  { id: /^v1\.automl\.tabular\.StatsAndExampleGen/, seconds: 15 * MINUTE, what: 'statistics and example generation' },
  { id: /^v1\.automl\.tabular\./, seconds: 5 * MINUTE, what: 'AutoML tabular helper' },
  { id: /^v1\.automl\.forecasting\./, seconds: HOUR, what: 'forecasting training' },
  { id: /^v1\.hyperparameter_tuning_job\./, seconds: 2 * HOUR, what: 'hyperparameter tuning' },
  { id: /^v1\.custom_job\./, seconds: 30 * MINUTE, what: 'custom training job' },
  { id: /^v1\.batch_predict_job\./, seconds: 30 * MINUTE, what: 'batch prediction' },
  { id: /^v1\.wait_gcp_resources\./, seconds: 30 * MINUTE, what: 'waiting for a job' },
  { id: /^v1\.endpoint\.ModelDeployOp$/, seconds: 15 * MINUTE, what: 'model deployment' },
  { id: /^v1\.endpoint\.ModelUndeployOp$/, seconds: 5 * MINUTE, what: 'model undeployment' },
  { id: /^v1\.endpoint\./, seconds: 2 * MINUTE, what: 'endpoint create/delete' },
  { id: /^v1\.dataset\..*ImportDataOp$/, seconds: 15 * MINUTE, what: 'dataset import' },
  { id: /^v1\.dataset\..*CreateOp$/, seconds: 10 * MINUTE, what: 'dataset create' },
  { id: /^v1\.dataset\..*ExportDataOp$/, seconds: 5 * MINUTE, what: 'dataset export' },
  { id: /^v1\.dataset\./, seconds: 30, what: 'dataset lookup' },
  { id: /^v1\.model\.ModelUploadOp$/, seconds: 3 * MINUTE, what: 'model upload' },
  { id: /^v1\.model\.ModelExportOp$/, seconds: 5 * MINUTE, what: 'model export' },
  { id: /^v1\.model\./, seconds: 30, what: 'model lookup/delete' },
  { id: /^v1\.bigquery\.BigqueryCreateModelJobOp$/, seconds: 20 * MINUTE, what: 'BigQuery ML training' },
  { id: /^v1\.bigquery\./, seconds: 2 * MINUTE, what: 'BigQuery job' },
  { id: /^v1\.dataflow\./, seconds: 15 * MINUTE, what: 'Dataflow job' },
  { id: /^v1\.dataproc\./, seconds: 10 * MINUTE, what: 'Dataproc batch' },
  { id: /^v1\.model_evaluation\./, seconds: 20 * MINUTE, what: 'model evaluation' },
  { id: /^v1\.forecasting\./, seconds: 10 * MINUTE, what: 'forecasting data step' },
  { id: /^v1\.vertex_notification_email\./, seconds: 10, what: 'notification email' },
];

/** A cache hit: the backend looks the result up instead of running the task. */
export const CACHE_HIT_SECONDS = 2;

/** Seconds one attempt of the task takes, and what the figure stands for. */
export function estimateDuration(task: Task, entry: CatalogEntry | undefined): { seconds: number; basis: string } {
  for (const rule of DURATION_RULES) if (rule.id.test(task.component)) return { seconds: rule.seconds, basis: rule.what };
  switch (entry?.kind) {
    case 'importer':
      return { seconds: 5, basis: 'importer' };
    case 'python':
      return { seconds: 90, basis: 'Python component (installs packages first)' };
    case 'graph':
      return { seconds: 5 * MINUTE, basis: 'nested pipeline' };
    case 'container':
    case 'yaml':
      return { seconds: 30, basis: 'small container' };
    default:
      return { seconds: MINUTE, basis: 'unknown component' };
  }
}

/** `7260` → `2 h 1 min`; `75` → `1 min 15 s`; `8` → `8 s`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / HOUR);
  const m = Math.floor((s % HOUR) / MINUTE);
  const rest = s % MINUTE;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return rest > 0 ? `${m} min ${rest} s` : `${m} min`;
  return `${rest} s`;
}
