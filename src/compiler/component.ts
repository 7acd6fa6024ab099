/**
 * One catalog component compiled on its own, as `Compiler().compile(pipeline_func=<component>)`
 * writes it (KFP's `ComponentSpec.to_pipeline_spec`): a pipeline named after the component
 * whose root has the component's interface, one task wired from same-named root inputs, and
 * every output surfaced through `root.dag.outputs`.
 */
import type { CatalogEntry } from '../catalog/types';
import {
  SCHEMA_VERSION,
  type ComponentSpec,
  type InputsSpec,
  type JsonObject,
  type OutputsSpec,
  type PipelineSpec,
  type PipelineTaskSpec,
  type TaskInputArtifactSpec,
  type TaskInputParameterSpec,
} from '../spec/pipeline-spec';
import { executorOf, SDK_VERSION } from './compile';
import { componentName, executorName, sanitizeName } from './names';

/**
 * Interface definitions with our help texts as descriptions. Unlike inside a pipeline, a
 * component compiled alone keeps its descriptions even when it comes from YAML.
 */
function withHelp<T extends InputsSpec | OutputsSpec>(defs: T | undefined, entry: CatalogEntry): T | undefined {
  if (!defs) return undefined;
  const out: Record<string, Record<string, object>> = {};
  for (const group of ['artifacts', 'parameters'] as const) {
    const specs = defs[group] as Record<string, object> | undefined;
    if (!specs) continue;
    out[group] = {};
    for (const [name, spec] of Object.entries(specs)) {
      const help = entry.help[name];
      out[group][name] = help ? { ...spec, description: help } : { ...spec };
    }
  }
  return out as unknown as T;
}

/**
 * The key under which the root DAG surfaces an artifact output, and the output key it
 * selects. A quirk of the YAML components, which KFP compiles alone by copying the IR their
 * YAML file holds: in the three `v1.dataset.*DatasetImportDataOp` that IR names the
 * artifact output `output__dataset` in `dag.outputs` (it collides with the input `dataset`),
 * while `outputDefinitions` keeps `dataset`. The one colliding *parameter* output
 * (`gcp_resources` of WaitGcpResourcesOp, also YAML) is not renamed. No container or
 * Python component of the catalog has an output named like an input; KFP builds their
 * `dag.outputs` from the output names as they are.
 */
function dagArtifactKey(entry: CatalogEntry, name: string): string {
  const inputs = entry.inputDefinitions;
  const collides = !!inputs && (name in (inputs.artifacts ?? {}) || name in (inputs.parameters ?? {}));
  return entry.kind === 'yaml' && collides ? `output__${name}` : name;
}

/** Compiles one catalog component on its own, exactly as the KFP 2.15.2 compiler does. */
export function compileComponent(entry: CatalogEntry): PipelineSpec {
  const key = sanitizeName(entry.name);
  const inputDefinitions = withHelp(entry.inputDefinitions, entry);
  const outputDefinitions = withHelp(entry.outputDefinitions, entry);

  const component: ComponentSpec = { executorLabel: executorName(key) };
  if (inputDefinitions) component.inputDefinitions = inputDefinitions;
  if (outputDefinitions) component.outputDefinitions = outputDefinitions;

  const parameters: Record<string, TaskInputParameterSpec> = {};
  const artifacts: Record<string, TaskInputArtifactSpec> = {};
  for (const name of Object.keys(entry.inputDefinitions?.parameters ?? {})) parameters[name] = { componentInputParameter: name };
  for (const name of Object.keys(entry.inputDefinitions?.artifacts ?? {})) artifacts[name] = { componentInputArtifact: name };
  const task: PipelineTaskSpec = {
    cachingOptions: { enableCache: true },
    componentRef: { name: componentName(key) },
    taskInfo: { name: key },
  };
  const inputs: PipelineTaskSpec['inputs'] = {};
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (inputs.artifacts || inputs.parameters) task.inputs = inputs;

  const outputs: JsonObject = {};
  const outputArtifacts: JsonObject = {};
  for (const name of Object.keys(entry.outputDefinitions?.artifacts ?? {})) {
    const dagKey = dagArtifactKey(entry, name);
    outputArtifacts[dagKey] = { artifactSelectors: [{ outputArtifactKey: dagKey, producerSubtask: key }] };
  }
  const outputParameters: JsonObject = {};
  for (const name of Object.keys(entry.outputDefinitions?.parameters ?? {}))
    outputParameters[name] = { valueFromParameter: { outputParameterKey: name, producerSubtask: key } };
  if (Object.keys(outputArtifacts).length > 0) outputs.artifacts = outputArtifacts;
  if (Object.keys(outputParameters).length > 0) outputs.parameters = outputParameters;

  const root: PipelineSpec['root'] = { dag: { tasks: { [key]: task } } };
  if (Object.keys(outputs).length > 0) root.dag.outputs = outputs;
  // The root carries the same interface as the component (its own copy).
  if (inputDefinitions) root.inputDefinitions = structuredClone(inputDefinitions);
  if (outputDefinitions) root.outputDefinitions = structuredClone(outputDefinitions);

  return {
    components: { [componentName(key)]: component },
    deploymentSpec: { executors: { [executorName(key)]: executorOf(entry) } },
    // KFP writes no pipelineInfo.description for a bare component (the docstring only
    // reaches the YAML header comment).
    pipelineInfo: { name: entry.name },
    root,
    schemaVersion: SCHEMA_VERSION,
    sdkVersion: SDK_VERSION,
  };
}
