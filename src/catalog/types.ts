import type { ExecutorSpec, InputsSpec, JsonObject, OutputsSpec, ParameterType } from '../spec/pipeline-spec';

/**
 * One component the user can place on the canvas. The same entry feeds the palette,
 * the inspector, the validator and the compiler.
 */
export interface CatalogEntry {
  /**
   * GCPC export path without the package prefix, e.g. `v1.endpoint.ModelDeployOp`; a KFP
   * built-in (`kfp.importer`); or the id of a component embedded in the document.
   */
  id: string;
  /** The component's own name (`model-deploy`): the base of task keys and `comp-`/`exec-` names. */
  name: string;
  /** Palette group, e.g. `endpoint` or `automl.training_job`. */
  module: string;
  /**
   * How KFP defines it; YAML components lose their input descriptions inside a pipeline.
   * `importer` is `dsl.importer` (its executor comes from the task's settings); `graph` is a
   * pipeline used as a component (see `graph`).
   */
  kind: 'container' | 'yaml' | 'python' | 'importer' | 'graph';
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
  /**
   * The executor (empty for `importer` and `graph`, whose executors come from elsewhere).
   * Absent only on the GCPC entries the app lists first (`gcpcStartEntries`), whose executors
   * arrive with their complete entries after the canvas is usable; every GCPC executor is a
   * container. Compiling, codegen and the importer's matching need it.
   */
  executor?: ExecutorSpec;
  /**
   * The ComponentSpec (without `executorLabel`) to write as it is, for components kept
   * verbatim from a compiled spec; when absent the compiler builds it from the definitions.
   */
  verbatim?: JsonObject;
  /**
   * A graph component: its root ComponentSpec (with `dag`) and the components and executors
   * its DAG refers to, named as in its own compiled file.
   */
  graph?: { root: JsonObject; components: Record<string, JsonObject>; executors: Record<string, JsonObject> };
  /** Human title shown on the palette and the node. */
  title: string;
  /** One or two sentences in our own words. */
  summary: string;
  /** Help for inputs and outputs, by name, in our own words. */
  help: Record<string, string>;
}

/** An input or output of a component, flattened for forms and handles. */
export interface Port {
  name: string;
  kind: 'parameter' | 'artifact';
  /** Parameter type, or the artifact's schemaTitle. */
  type: ParameterType | string;
  schemaVersion?: string;
  optional: boolean;
  hasDefault: boolean;
  defaultValue?: unknown;
  isList?: boolean;
}

/** A GCPC component's title and summary (its help texts are kept apart, see gcpc/details.ts). */
export interface ComponentDocs {
  title: string;
  summary: string;
}
