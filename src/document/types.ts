import type { JsonValue, ParameterType } from '../spec/pipeline-spec';

/** The current version of the saved document format. */
export const DOCUMENT_VERSION = 1;
export const DOCUMENT_FORMAT = 'pipeline-canvas';

export interface Position {
  x: number;
  y: number;
}

/** Where a task input gets its value from. */
export type Binding =
  | { constant: JsonValue }
  | { parameter: string }
  | { task: string; output: string };

export interface PipelineParameter {
  name: string;
  type: ParameterType;
  /** Present when the parameter has a default (it is then optional at run time). */
  default?: JsonValue;
}

export interface Task {
  /** Stable internal id (`t1`, `t2`, …); never shown in the spec. */
  id: string;
  /** Catalog id, e.g. `v1.dataset.ImageDatasetCreateOp`. */
  component: string;
  displayName?: string;
  /** KFP caches by default; false writes `cachingOptions: {}`. */
  caching: boolean;
  /** `.set_retry(num_retries=k)`; absent when no retry policy is set. */
  retries?: number;
  /**
   * The rest of `.set_retry(...)`, only meaningful with `retries`: wait before the first
   * retry and the longest wait, in seconds (KFP writes `0s` and `3600s` when unset), and
   * the factor the wait grows by (2.0 when unset).
   */
  retryBackoff?: { duration?: number; factor?: number; maxDuration?: number };
  /** Ids of tasks this one must run after (`.after(...)`). */
  after: string[];
  /** Bound inputs by input name; unbound optional inputs are absent. */
  inputs: Record<string, Binding>;
  position: Position;
}

export interface PipelineDocument {
  format: typeof DOCUMENT_FORMAT;
  version: typeof DOCUMENT_VERSION;
  /** `pipelineInfo.name`. */
  name: string;
  displayName?: string;
  description?: string;
  /** `defaultPipelineRoot`. */
  pipelineRoot?: string;
  parameters: PipelineParameter[];
  /** In creation order: the order decides the `-2`, `-3` suffixes of task keys. */
  tasks: Task[];
}

export function isConstant(b: Binding): b is { constant: JsonValue } {
  return 'constant' in b;
}
export function isParameterRef(b: Binding): b is { parameter: string } {
  return 'parameter' in b;
}
export function isTaskOutput(b: Binding): b is { task: string; output: string } {
  return 'task' in b;
}
