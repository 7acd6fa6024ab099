/**
 * Running a compiled pipeline on the engines: the Vertex AI REST request (with a curl
 * line), the Python `aiplatform.PipelineJob(...).submit()` snippet, and the Kubeflow
 * Pipelines `kfp.Client(...).create_run_from_pipeline_package(...)` snippet.
 */
import type { JsonValue, PipelineSpec, PipelineTaskSpec } from '../spec/pipeline-spec';
import { pyLiteral, pyString } from './python-literal';

export interface RunSettings {
  displayName: string;
  project: string;
  location: string;
  /** gs:// folder for this run's artifacts (runtimeConfig.gcsOutputDirectory). */
  gcsOutputDirectory: string;
  serviceAccount?: string;
  labels?: Record<string, string>;
  /** true/false forces caching on or off for every task; undefined keeps the spec's choice. */
  enableCaching?: boolean;
  /** Values for the pipeline's parameters (those left out use their defaults). */
  parameterValues: Record<string, JsonValue>;
}

export interface VertexRequest {
  method: 'POST';
  url: string;
  body: {
    displayName: string;
    pipelineSpec: PipelineSpec;
    runtimeConfig: { gcsOutputDirectory: string; parameterValues: Record<string, JsonValue> };
    serviceAccount?: string;
    labels?: Record<string, string>;
  };
}

/** Every task of the spec (root and sub-DAGs) with caching forced on or off, as PipelineJob(enable_caching=…) does. */
export function withCaching(spec: PipelineSpec, enable: boolean): PipelineSpec {
  const copy = structuredClone(spec);
  const fix = (tasks: Record<string, PipelineTaskSpec> | undefined) => {
    for (const t of Object.values(tasks ?? {})) if (t.cachingOptions) t.cachingOptions = enable ? { enableCache: true } : {};
  };
  fix(copy.root.dag.tasks);
  for (const c of Object.values(copy.components)) fix(c.dag?.tasks);
  return copy;
}

export function vertexRequest(spec: PipelineSpec, s: RunSettings): VertexRequest {
  const body: VertexRequest['body'] = {
    displayName: s.displayName,
    pipelineSpec: s.enableCaching === undefined ? spec : withCaching(spec, s.enableCaching),
    runtimeConfig: { gcsOutputDirectory: s.gcsOutputDirectory, parameterValues: s.parameterValues },
  };
  if (s.serviceAccount) body.serviceAccount = s.serviceAccount;
  if (s.labels && Object.keys(s.labels).length) body.labels = s.labels;
  return {
    method: 'POST',
    url: `https://${s.location}-aiplatform.googleapis.com/v1/projects/${encodeURIComponent(s.project)}/locations/${encodeURIComponent(s.location)}/pipelineJobs`,
    body,
  };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl line that sends the request saved as `request.json`. */
export function curlCommand(req: VertexRequest, bodyFile = 'request.json'): string {
  return [
    `curl -X POST \\`,
    `  -H "Authorization: Bearer $(gcloud auth print-access-token)" \\`,
    `  -H "Content-Type: application/json; charset=utf-8" \\`,
    `  -d @${bodyFile} \\`,
    `  ${shellQuote(req.url)}`,
  ].join('\n');
}

function pyParams(values: Record<string, JsonValue>, types: Record<string, string>, indent: string): string {
  const entries = Object.entries(values);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}    ${pyString(k)}: ${pyLiteral(v, types[k] === 'NUMBER_DOUBLE', indent + '    ')},`).join('\n')}\n${indent}}`;
}

const paramTypes = (spec: PipelineSpec) =>
  Object.fromEntries(Object.entries(spec.root.inputDefinitions?.parameters ?? {}).map(([k, p]) => [k, p.parameterType]));

/** Python for Vertex AI: `aiplatform.PipelineJob(...).submit()`. */
export function vertexPython(spec: PipelineSpec, s: RunSettings, templatePath = 'pipeline.json'): string {
  const lines = [
    'from google.cloud import aiplatform',
    '',
    `aiplatform.init(project=${pyString(s.project)}, location=${pyString(s.location)})`,
    '',
    'job = aiplatform.PipelineJob(',
    `    display_name=${pyString(s.displayName)},`,
    `    template_path=${pyString(templatePath)},`,
    `    pipeline_root=${pyString(s.gcsOutputDirectory)},`,
    `    parameter_values=${pyParams(s.parameterValues, paramTypes(spec), '    ')},`,
  ];
  if (s.enableCaching !== undefined) lines.push(`    enable_caching=${s.enableCaching ? 'True' : 'False'},`);
  if (s.labels && Object.keys(s.labels).length) lines.push(`    labels=${pyLiteral(s.labels, false, '    ')},`);
  lines.push(')', s.serviceAccount ? `job.submit(service_account=${pyString(s.serviceAccount)})` : 'job.submit()', '');
  return lines.join('\n');
}

/** Python for a Kubeflow Pipelines cluster: `kfp.Client(host).create_run_from_pipeline_package(...)`. */
export function kfpPython(spec: PipelineSpec, s: RunSettings, host = 'http://localhost:8080', packagePath = 'pipeline.yaml'): string {
  const lines = [
    'import kfp',
    '',
    `client = kfp.Client(host=${pyString(host)})`,
    'run = client.create_run_from_pipeline_package(',
    `    ${pyString(packagePath)},`,
    `    arguments=${pyParams(s.parameterValues, paramTypes(spec), '    ')},`,
    `    run_name=${pyString(s.displayName)},`,
    `    pipeline_root=${pyString(s.gcsOutputDirectory)},`,
  ];
  if (s.enableCaching !== undefined) lines.push(`    enable_caching=${s.enableCaching ? 'True' : 'False'},`);
  if (s.serviceAccount) lines.push(`    service_account=${pyString(s.serviceAccount)},`);
  lines.push(')', '');
  return lines.join('\n');
}
