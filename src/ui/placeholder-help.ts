/**
 * Short explanations of the `{{$…}}` placeholders found in compiled specs, in our own words.
 * The engine replaces each placeholder when the task runs.
 */
const RUNTIME: Record<string, string> = {
  '{{$}}': 'The whole executor input as JSON: every input value and artifact and where to write outputs. Components parse it themselves.',
  '{{$.pipeline_job_name}}': 'The name the engine gave this run of the pipeline.',
  '{{$.pipeline_job_resource_name}}': 'The full resource name of this pipeline run (projects/…/pipelineJobs/…).',
  '{{$.pipeline_job_uuid}}': 'A unique id of this pipeline run.',
  '{{$.pipeline_task_name}}': 'The name of the task inside the run.',
  '{{$.pipeline_task_uuid}}': 'A unique id of this task in this run.',
  '{{$.pipeline_job_create_time_utc}}': 'When the run was created (UTC).',
  '{{$.pipeline_job_schedule_time_utc}}': 'When a scheduled run was due (UTC).',
  '{{$.pipeline_root}}': 'The pipeline root of this run: the Cloud Storage folder where artifacts are written.',
  '{{$.pipeline_google_cloud_project_id}}': 'The Google Cloud project the run belongs to (Vertex AI).',
  '{{$.pipeline_google_cloud_location}}': 'The region the run executes in (Vertex AI).',
  '{{$.pipeline_service_account}}': 'The service account the run uses (Vertex AI).',
};

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}$/, (m) => `The value of input parameter “${m[1]}”, as text.`],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.uri\}\}$/, (m) => `Where input artifact “${m[1]}” is stored (its URI).`],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.path\}\}$/, (m) => `A local file path inside the container where input artifact “${m[1]}” can be read.`],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.metadata\['([^']+)'\]\}\}$/, (m) => `Metadata field “${m[2]}” of input artifact “${m[1]}” (for Vertex resources, e.g. their resource name).`],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.metadata\}\}$/, (m) => `All metadata of input artifact “${m[1]}”, as JSON.`],
  [/^\{\{\$\.outputs\.parameters\['([^']+)'\]\.output_file\}\}$/, (m) => `The file the container writes output parameter “${m[1]}” to; the engine reads it after the step.`],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.uri\}\}$/, (m) => `Where output artifact “${m[1]}” must be written (its URI).`],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.path\}\}$/, (m) => `A local file path inside the container to write output artifact “${m[1]}” to.`],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.metadata\}\}$/, (m) => `Metadata the step records on output artifact “${m[1]}”.`],
  [/^\{\{\$\.inputs\.parameters\['pipelinechannel--([^']+)'\]\}\}$/, (m) => `A value that enters this group from outside: ${m[1]}.`],
];

export function explainPlaceholder(text: string): string | undefined {
  if (RUNTIME[text]) return RUNTIME[text];
  for (const [re, f] of PATTERNS) {
    const m = re.exec(text);
    if (m) return f(m);
  }
  if (text.startsWith('{{$')) return 'A placeholder the engine fills in when the task runs.';
  return undefined;
}

/** Every placeholder in a line with its column range (1-based, end exclusive). */
export function placeholdersInLine(line: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const re = /\{\{\$[^{}]*\}\}/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index + 1, end: m.index + 1 + m[0].length });
  return out;
}
