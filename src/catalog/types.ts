import type { ExecutorSpec, InputsSpec, OutputsSpec, ParameterType } from '../spec/pipeline-spec';

/**
 * One component the user can place on the canvas. The same entry feeds the palette,
 * the inspector, the validator and the compiler.
 */
export interface CatalogEntry {
  /** GCPC export path without the package prefix, e.g. `v1.endpoint.ModelDeployOp`. */
  id: string;
  /** The component's own name (`model-deploy`): the base of task keys and `comp-`/`exec-` names. */
  name: string;
  /** Palette group, e.g. `endpoint` or `automl.training_job`. */
  module: string;
  /** How KFP defines it; YAML components lose their input descriptions inside a pipeline. */
  kind: 'container' | 'yaml' | 'python';
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
  executor: ExecutorSpec;
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

export interface ComponentDocs {
  title: string;
  summary: string;
  help?: Record<string, string>;
}
