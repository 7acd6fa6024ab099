import type { ArtifactTypeSchema, JsonObject, JsonValue, ParameterType } from '../spec/pipeline-spec';

/**
 * The current version of the saved document format. Version 2 added control-flow groups,
 * embedded components, pipeline outputs, task resources/env, the importer and the new
 * bindings (loop items, fan-in, templates, one-of). Version 1 documents load unchanged.
 */
export const DOCUMENT_VERSION = 2;
export const DOCUMENT_FORMAT = 'pipeline-canvas';

export interface Position {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** An output of a task: `{task: <task id>, output: <output name>}`. */
export interface TaskOutputRef {
  task: string;
  output: string;
}

/**
 * A value that is only known at run time: a pipeline parameter, an output of a task, or
 * the item of an enclosing ParallelFor (`loopItem` = the loop group's id; `field` picks one
 * key of a dict item, KFP's `item.field`).
 */
export type Source = { parameter: string } | TaskOutputRef | { loopItem: string; field?: string };

/** A piece of a template: literal text or a run-time value spliced in (an f-string). */
export type TemplatePart = string | Source;

/**
 * Where a task input gets its value from.
 * - `{constant}`: a literal (runtime placeholders such as `{{$.pipeline_job_name}}` are
 *   plain string constants, see `catalog/runtime-placeholders.ts`);
 * - `{parameter}`: a pipeline parameter (or an artifact input of the pipeline, see
 *   `PipelineDocument.artifactInputs`);
 * - `{task, output}`: an output of another task; with `collected: true` it is
 *   `dsl.Collected(...)`: the outputs of a task inside a ParallelFor, fanned in as a list;
 * - `{loopItem, field?}`: the item of an enclosing loop group (or one of its dict keys);
 * - `{template}`: a string made of text and run-time values (`f'gs://{bucket}/x'`);
 * - `{oneOf}`: `dsl.OneOf(...)`: the output of whichever branch of an If/Elif/Else ran.
 */
export type Binding =
  | { constant: JsonValue }
  | { parameter: string }
  | (TaskOutputRef & { collected?: true })
  | ({ loopItem: string; field?: string } & NoWire)
  | ({ template: TemplatePart[] } & NoWire)
  | ({ oneOf: TaskOutputRef[] } & NoWire);

/**
 * The version-2 bindings state that they are no single wire (`task` and `output` are
 * absent), so code written for the three version-1 bindings (constant, parameter, else a
 * wire) keeps type-checking; tell them apart with the `is…` guards below.
 */
type NoWire = { task?: undefined; output?: undefined };

export interface PipelineParameter {
  name: string;
  type: ParameterType;
  /** Present when the parameter has a default (it is then optional at run time). */
  default?: JsonValue;
  /** Optional without a default (Python `x: Optional[int] = None`); implied by `default`. */
  optional?: true;
  /** Text of `root.inputDefinitions` (KFP takes it from the pipeline's docstring). */
  description?: string;
}

/**
 * An artifact the pipeline takes as input (`def pipeline(model: Input[Model])`, or a
 * component compiled on its own): `root.inputDefinitions.artifacts`. Tasks read it with a
 * `{parameter: name}` binding, like a parameter.
 */
export interface PipelineArtifactInput {
  name: string;
  artifactType: ArtifactTypeSchema;
  /** `Input[List[Artifact]]`. */
  isList?: true;
  optional?: true;
  description?: string;
}

/**
 * The input and output descriptions a catalog component had in an imported file (KFP copies
 * them from the component's docstring), by input or output name. When a document has them
 * for a component, the compiled spec carries exactly these instead of the catalog's own
 * help texts; names left out get no description.
 */
export interface ComponentDescriptions {
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

/**
 * A part of an imported spec that the document cannot express (a quirk of an older KFP
 * release, a field this version does not model), kept as it was: after compiling, the value
 * is written at `path` (keys from the top of the PipelineSpec), or, without `value`, what
 * the compiler wrote there is removed. A part whose parent no longer exists is skipped.
 */
export interface KeptPart {
  path: string[];
  value?: JsonValue;
}

/**
 * Compute settings of a container task (`.set_cpu_request('2')`, `.set_memory_limit('16G')`,
 * `.set_accelerator_type('NVIDIA_TESLA_T4')`, `.set_accelerator_limit(1)`), as KFP takes
 * them: CPU as a number or millicores (`'500m'`), memory as a number with an optional unit
 * (`E, Ei, P, Pi, T, Ti, G, Gi, M, Mi, K, Ki`). An accelerator type without a count means 1.
 */
export interface TaskResources {
  cpuRequest?: string;
  cpuLimit?: string;
  memoryRequest?: string;
  memoryLimit?: string;
  acceleratorType?: string;
  acceleratorCount?: number;
}

/** KFP's accepted spellings of CPU and memory (`_validate_cpu_request_limit`, `_validate_memory_request_limit`). */
export const CPU_PATTERN = /^([0-9]*[.])?[0-9]+m?$/;
export const MEMORY_PATTERN = /^[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki){0,1}$/;

export interface EnvVar {
  name: string;
  value: string;
}

/**
 * The settings of a `dsl.importer(...)` task (component `kfp.importer`). The artifact URI is
 * the task's `uri` input (a constant or a run-time value); the task has one output,
 * `artifact`, of `artifactType`.
 */
export interface ImporterSettings {
  artifactType: ArtifactTypeSchema;
  /** `reimport=True`: import again even if the URI was imported before. */
  reimport?: boolean;
  /** Properties of the imported artifact (constant JSON). */
  metadata?: JsonObject;
  /** `download_to_workspace=True` (KFP workspaces). */
  downloadToWorkspace?: boolean;
}

export interface Task {
  /** Stable internal id (`t1`, `t2`, …); never shown in the spec. */
  id: string;
  /**
   * The component: a catalog id (`v1.dataset.ImageDatasetCreateOp`, `kfp.importer`) or the
   * id of a component embedded in the document (`doc.components`).
   */
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
  /** The control-flow group the task sits in (`doc.groups` id); absent = top level. */
  group?: string;
  /** CPU, memory and accelerator settings (container tasks only). */
  resources?: TaskResources;
  /** Environment variables in the order they were set (container tasks only). */
  env?: EnvVar[];
  /** Settings of an importer task (component `kfp.importer`); required there, absent elsewhere. */
  importer?: ImporterSettings;
  /** `.ignore_upstream_failure()`: run once upstream tasks finish, even when they failed. */
  ignoreUpstreamFailure?: boolean;
}

// ---------------------------------------------------------------- control flow

export type ConditionOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * One side of a comparison: a run-time value or a literal. A number literal is a Python
 * int when whole and a float otherwise; `type: 'NUMBER_DOUBLE'` makes a whole number a
 * float (`1.0`).
 */
export type Operand = Source | { constant: string | number | boolean; type?: 'NUMBER_INTEGER' | 'NUMBER_DOUBLE' };

/** `left <operator> right`, e.g. `{parameter: 'deploy_mode'} == {constant: 'dedicated'}`. */
export interface Condition {
  left: Operand;
  operator: ConditionOperator;
  right: Operand;
}

/** What a ParallelFor iterates over. */
export type LoopItems =
  /** A LIST pipeline parameter. */
  | { parameter: string }
  /** A LIST output (or artifact-list output) of a task outside the loop. */
  | TaskOutputRef
  /** The item (or one field of the dict item) of an enclosing loop: a nested loop. */
  | { loopItem: string; field?: string }
  /** A static list written in the pipeline (`dsl.ParallelFor([...])`). */
  | { constant: JsonValue[] };

interface GroupBase {
  /** Stable internal id (`g1`, `g2`, …). */
  id: string;
  /** The enclosing group's id; absent = top level. */
  parent?: string;
  /** `name=` of the DSL context manager; becomes the group task's `taskInfo.name`. */
  displayName?: string;
  /** Canvas frame (the compiler ignores it). */
  position?: Position;
  size?: Size;
}

/**
 * `dsl.If` / `dsl.Condition` (standalone: `condition` required), or one branch of an
 * If/Elif/Else chain when its parent is a `branches` group: the first branch is the If, the
 * following ones with a condition are Elifs, and a last one without a condition is the Else.
 */
export interface ConditionGroup extends GroupBase {
  kind: 'condition';
  condition?: Condition;
}

/** An If/Elif/Else chain: holds only `condition` groups, in order (at least two). */
export interface BranchesGroup extends GroupBase {
  kind: 'branches';
}

/** `dsl.ParallelFor(items, parallelism=…)`. */
export interface LoopGroup extends GroupBase {
  kind: 'loop';
  items: LoopItems;
  /** At most this many iterations at once; absent or 0 = no limit. */
  parallelism?: number;
  /**
   * Type of one item when the items come from a parameter or task output (KFP reads it from
   * `List[int]`, `List[Dict[str, str]]`, …); STRING when absent, as KFP does for plain `list`.
   * Static lists take the type of their first element.
   */
  itemType?: ParameterType;
}

/**
 * `dsl.ExitHandler(exit_task, name=…)`: the exit task (a top-level task, not inside the
 * group) runs after everything in the group, whether it succeeded or failed. Only at top level.
 */
export interface ExitHandlerGroup extends GroupBase {
  kind: 'exitHandler';
  exitTask: string;
}

export type Group = ConditionGroup | BranchesGroup | LoopGroup | ExitHandlerGroup;
export type GroupKind = Group['kind'];

// ---------------------------------------------------------------- embedded components

/**
 * The type of a component input or output: a parameter type or an artifact type.
 * `TASK_FINAL_STATUS` (inputs only) is `dsl.PipelineTaskFinalStatus`: filled in by KFP for
 * the exit task of an exit handler (or a task that ignores upstream failure).
 */
export type IoType = ParameterType | 'TASK_FINAL_STATUS' | ArtifactTypeSchema;

export interface ComponentInputDef {
  name: string;
  type: IoType;
  /** Parameter inputs only; makes the input optional. */
  default?: JsonValue;
  /** Optional without a default (`Optional[...] = None`, or an optional artifact). */
  optional?: boolean;
  /** Artifact inputs only: `Input[List[Artifact]]`. */
  isList?: boolean;
  description?: string;
}

export interface ComponentOutputDef {
  name: string;
  type: IoType;
  /** Artifact outputs only: `Output[List[Artifact]]`. */
  isList?: boolean;
  description?: string;
}

/**
 * One command-line element of a container component: literal text, or a KFP placeholder
 * that the backend fills in (written out as KFP's `{{$...}}` strings and Concat/IfPresent
 * JSON). `outputPath` is an output file for a parameter output and `.path` for an artifact.
 */
export type CommandLineItem =
  | string
  | { inputValue: string }
  | { inputPath: string }
  | { inputUri: string }
  | { inputMetadata: string; key?: string }
  | { outputPath: string }
  | { outputUri: string }
  | { outputMetadata: string; key?: string }
  | { executorInput: true }
  | { concat: CommandLineItem[] }
  | { ifPresent: { input: string; then: CommandLineItem | CommandLineItem[]; else?: CommandLineItem | CommandLineItem[] } };

/** A custom container component made in the app (`@dsl.container_component`). */
export interface ContainerComponentDef {
  kind: 'container';
  /** Component name; the base of task keys (`Write greeting` → `write-greeting`). */
  name: string;
  description?: string;
  inputs: ComponentInputDef[];
  outputs: ComponentOutputDef[];
  image: string;
  command: CommandLineItem[];
  args: CommandLineItem[];
}

/**
 * A component kept exactly as it arrived in a compiled spec (Python-function components,
 * unknown executors, nested pipelines), compiled back unchanged: `spec` is its ComponentSpec
 * without `executorLabel`. A single-step component has `executor`; a graph component
 * (a pipeline used as a component) has `spec.dag` plus the `components` and `executors`
 * its DAG refers to (names as in its own compiled file).
 */
export interface VerbatimComponentDef {
  kind: 'verbatim';
  name: string;
  spec: JsonObject;
  executor?: JsonObject;
  components?: Record<string, JsonObject>;
  executors?: Record<string, JsonObject>;
}

export type EmbeddedComponent = ContainerComponentDef | VerbatimComponentDef;

// ---------------------------------------------------------------- the document

/** A value the pipeline returns: `root.outputDefinitions` + `root.dag.outputs`. */
export interface PipelineOutput {
  /** Output name; `Output` for a pipeline that returns a single value. */
  name: string;
  source: (TaskOutputRef & { collected?: true }) | { oneOf: TaskOutputRef[] };
  /** Text of `root.outputDefinitions` (from the pipeline's docstring). */
  description?: string;
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
  /** The engine the pipeline is meant for (the editor's engine check); not compiled. */
  target?: 'vertex' | 'kfp';
  parameters: PipelineParameter[];
  /** In creation order: the order decides the `-2`, `-3` suffixes of task keys. */
  tasks: Task[];
  /**
   * Control-flow groups. Nesting comes from `parent`; siblings keep the order of this list,
   * which (with nesting) decides KFP's `condition-N` / `for-loop-N` numbering. Absent = none.
   */
  groups?: Group[];
  /** Components carried by the document itself, by id (tasks refer to them by that id). */
  components?: Record<string, EmbeddedComponent>;
  /** Pipeline outputs, in order. Absent = none. */
  outputs?: PipelineOutput[];
  /** Artifact inputs of the pipeline, in order. Absent = none. */
  artifactInputs?: PipelineArtifactInput[];
  /** Input/output descriptions of catalog components as an imported file had them, by component id. */
  descriptions?: Record<string, ComponentDescriptions>;
  /**
   * The Kubernetes PlatformSpec of an imported file (its second YAML document: secrets,
   * volumes, pod metadata), kept as it was and written after the spec on export.
   */
  platformSpec?: JsonObject;
  /** Parts of an imported spec written back as they were (see `KeptPart`). Absent = none. */
  kept?: KeptPart[];
}

export function isConstant(b: Binding): b is { constant: JsonValue } {
  return 'constant' in b;
}
export function isParameterRef(b: Binding | Source): b is { parameter: string } {
  return 'parameter' in b;
}
/** A wire from a task output (direct or `collected`). */
export function isTaskOutput(b: Binding | Source | LoopItems): b is TaskOutputRef & { collected?: true } {
  return 'task' in b && typeof b.task === 'string';
}
export function isLoopItemRef(b: Binding | Source | LoopItems): b is { loopItem: string; field?: string } {
  return 'loopItem' in b;
}
export function isTemplate(b: Binding): b is { template: TemplatePart[] } {
  return 'template' in b;
}
export function isOneOf(b: Binding | PipelineOutput['source']): b is { oneOf: TaskOutputRef[] } {
  return 'oneOf' in b;
}
export function isArtifactType(t: IoType): t is ArtifactTypeSchema {
  return typeof t === 'object';
}

/** Task ids a binding reads from (wires), in order. */
export function bindingTasks(b: Binding): string[] {
  if (isTaskOutput(b)) return [b.task];
  if (isOneOf(b)) return b.oneOf.map((o) => o.task);
  if (isTemplate(b)) return b.template.flatMap((p) => (typeof p !== 'string' && isTaskOutput(p) ? [p.task] : []));
  return [];
}
