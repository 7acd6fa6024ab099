/**
 * TypeScript types of the KFP PipelineSpec IR, schemaVersion 2.1.0
 * (`api/v2alpha1/pipeline_spec.proto`), in the JSON form the KFP compiler writes.
 * Only types and tiny helpers live here.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const SCHEMA_VERSION = '2.1.0';

/**
 * KFP's sanitising (`maybe_rename_for_k8s`) of component and pipeline names into task keys
 * and `pipelineInfo.name`: lower-case, runs outside [-0-9a-z] become '-', runs of '-'
 * collapse to one, trim '-'. (Re-exported by compiler/names.ts, where the naming rules live;
 * here so that the document layer can use it too.)
 */
export function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-0-9a-z]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const PARAMETER_TYPES = [
  'STRING',
  'NUMBER_INTEGER',
  'NUMBER_DOUBLE',
  'BOOLEAN',
  'STRUCT',
  'LIST',
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export function isParameterType(value: unknown): value is ParameterType {
  return typeof value === 'string' && (PARAMETER_TYPES as readonly string[]).includes(value);
}

export interface ArtifactTypeSchema {
  schemaTitle: string;
  schemaVersion: string;
}

export interface ParameterSpec {
  parameterType: ParameterType;
  defaultValue?: JsonValue;
  isOptional?: boolean;
  description?: string;
}

export interface ArtifactSpec {
  artifactType: ArtifactTypeSchema;
  isArtifactList?: boolean;
  isOptional?: boolean;
  description?: string;
}

export interface InputsSpec {
  parameters?: Record<string, ParameterSpec>;
  artifacts?: Record<string, ArtifactSpec>;
}

export interface OutputParameterSpec {
  parameterType: ParameterType;
  description?: string;
}

export interface OutputArtifactSpec {
  artifactType: ArtifactTypeSchema;
  isArtifactList?: boolean;
  description?: string;
}

export interface OutputsSpec {
  parameters?: Record<string, OutputParameterSpec>;
  artifacts?: Record<string, OutputArtifactSpec>;
}

export interface ComponentSpec {
  executorLabel?: string;
  dag?: DagSpec;
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
}

export interface TaskInputParameterSpec {
  componentInputParameter?: string;
  taskOutputParameter?: { producerTask: string; outputParameterKey: string };
  runtimeValue?: { constant: JsonValue };
  taskFinalStatus?: { producerTask: string };
  parameterExpressionSelector?: string;
}

export interface TaskInputArtifactSpec {
  componentInputArtifact?: string;
  taskOutputArtifact?: { producerTask: string; outputArtifactKey: string };
}

export interface PipelineTaskSpec {
  taskInfo: { name: string };
  componentRef: { name: string };
  inputs?: {
    parameters?: Record<string, TaskInputParameterSpec>;
    artifacts?: Record<string, TaskInputArtifactSpec>;
  };
  dependentTasks?: string[];
  cachingOptions?: { enableCache?: boolean };
  retryPolicy?: {
    maxRetryCount?: number;
    backoffDuration?: string;
    backoffFactor?: number;
    backoffMaxDuration?: string;
  };
  triggerPolicy?: { condition?: string; strategy?: string };
  [key: string]: unknown;
}

export interface DagSpec {
  tasks: Record<string, PipelineTaskSpec>;
  outputs?: JsonObject;
}

export interface ContainerSpec {
  image: string;
  command?: string[];
  args?: string[];
  [key: string]: unknown;
}

export interface ExecutorSpec {
  container?: ContainerSpec;
  importer?: JsonObject;
  [key: string]: unknown;
}

export interface PipelineSpec {
  components: Record<string, ComponentSpec>;
  deploymentSpec: { executors: Record<string, ExecutorSpec> };
  pipelineInfo: { name: string; displayName?: string; description?: string };
  root: ComponentSpec & { dag: DagSpec };
  schemaVersion: string;
  sdkVersion: string;
  defaultPipelineRoot?: string;
}

/** Keys whose numbers are proto int32/int64 fields: written without a decimal point. */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set(['maxRetryCount', 'parallelismLimit']);

/**
 * The type KFP gives a static loop's items: the Python type of the first one. Here, not in
 * the compiler's channels, because the validator needs it on every edit.
 */
export function rawItemType(first: JsonValue | undefined): ParameterType {
  if (typeof first === 'string') return 'STRING';
  if (typeof first === 'boolean') return 'BOOLEAN';
  if (typeof first === 'number') return Number.isInteger(first) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
  if (Array.isArray(first)) return 'LIST';
  return 'STRUCT';
}
