/**
 * Components carried by the document (`doc.components`) as catalog entries, so the
 * palette, inspector, validator and compiler read them like any other component; and the
 * helper that keeps a component arriving in a compiled spec verbatim.
 */
import {
  isArtifactType,
  type ComponentInputDef,
  type ContainerComponentDef,
  type EmbeddedComponent,
  type VerbatimComponentDef,
} from '../document/types';
import { sanitizeName, type ExecutorSpec, type InputsSpec, type JsonObject, type OutputsSpec } from '../spec/pipeline-spec';
import { commandLineString, outputKindsOf } from './command-line';
import type { CatalogEntry } from './types';

function inputSpec(input: ComponentInputDef): [group: 'parameters' | 'artifacts', spec: JsonObject] {
  const t = input.type;
  if (isArtifactType(t)) {
    const spec: JsonObject = { artifactType: { schemaTitle: t.schemaTitle, schemaVersion: t.schemaVersion } };
    if (input.isList) spec.isArtifactList = true;
    if (input.optional) spec.isOptional = true;
    return ['artifacts', spec];
  }
  // KFP: PipelineTaskFinalStatus is always optional; a default (or `= None`) makes a
  // parameter optional, and a None default is not written.
  const spec: JsonObject = { parameterType: t };
  if (t === 'TASK_FINAL_STATUS' || input.optional || input.default !== undefined) spec.isOptional = true;
  if (t !== 'TASK_FINAL_STATUS' && input.default !== undefined && input.default !== null) spec.defaultValue = input.default;
  return ['parameters', spec];
}

/** The interface of a container component definition in IR form. */
export function containerInterface(def: Pick<ContainerComponentDef, 'inputs' | 'outputs'>): {
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
} {
  const inputs: Record<string, Record<string, JsonObject>> = {};
  for (const input of def.inputs) {
    const [group, spec] = inputSpec(input);
    (inputs[group] ??= {})[input.name] = spec;
  }
  const outputs: Record<string, Record<string, JsonObject>> = {};
  for (const output of def.outputs) {
    const t = output.type;
    if (isArtifactType(t)) {
      const spec: JsonObject = { artifactType: { schemaTitle: t.schemaTitle, schemaVersion: t.schemaVersion } };
      if (output.isList) spec.isArtifactList = true;
      (outputs.artifacts ??= {})[output.name] = spec;
    } else (outputs.parameters ??= {})[output.name] = { parameterType: t };
  }
  const out: { inputDefinitions?: InputsSpec; outputDefinitions?: OutputsSpec } = {};
  if (Object.keys(inputs).length > 0) out.inputDefinitions = inputs as unknown as InputsSpec;
  if (Object.keys(outputs).length > 0) out.outputDefinitions = outputs as unknown as OutputsSpec;
  return out;
}

/** The executor of a container component definition (placeholders written out). */
export function containerExecutor(def: ContainerComponentDef): ExecutorSpec {
  const kinds = outputKindsOf(def);
  const container: { image: string; command?: string[]; args?: string[] } = { image: def.image };
  if (def.command.length > 0) container.command = def.command.map((c) => commandLineString(c, kinds));
  if (def.args.length > 0) container.args = def.args.map((c) => commandLineString(c, kinds));
  return { container };
}

function help(def: ContainerComponentDef): Record<string, string> {
  const out: Record<string, string> = {};
  for (const io of [...def.inputs, ...def.outputs]) if (io.description) out[io.name] = io.description;
  return out;
}

const isPythonExecutor = (executor: JsonObject | undefined) =>
  JSON.stringify(executor?.container ?? '').includes('kfp.dsl.executor_main');

/** The catalog entry of a component embedded in a document under `id`. */
export function embeddedEntry(id: string, def: EmbeddedComponent): CatalogEntry {
  const base = { id, name: def.name, module: 'document', title: def.name, help: {} as Record<string, string> };
  if (def.kind === 'container') {
    return {
      ...base,
      kind: 'container',
      ...containerInterface(def),
      executor: containerExecutor(def),
      summary: def.description ?? '',
      help: help(def),
    };
  }
  const spec = def.spec as { inputDefinitions?: InputsSpec; outputDefinitions?: OutputsSpec; dag?: unknown };
  const entry: CatalogEntry = {
    ...base,
    kind: spec.dag ? 'graph' : isPythonExecutor(def.executor) ? 'python' : 'container',
    executor: (def.executor ?? {}) as ExecutorSpec,
    summary: '',
  };
  if (spec.inputDefinitions) entry.inputDefinitions = spec.inputDefinitions;
  if (spec.outputDefinitions) entry.outputDefinitions = spec.outputDefinitions;
  if (spec.dag) entry.graph = { root: def.spec, components: def.components ?? {}, executors: def.executors ?? {} };
  else entry.verbatim = def.spec;
  return entry;
}

// ---------------------------------------------------------------- from compiled specs

type Json = JsonObject;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function withoutExecutorLabel(spec: Json): Json {
  const { executorLabel: _label, ...rest } = spec;
  return structuredClone(rest);
}

/**
 * Is this compiled spec one component compiled on its own (`Compiler().compile(component)`)?
 * Then its root DAG holds a single task named after the pipeline, running an executor, with
 * every root input passed straight through.
 */
function singleStep(spec: Json): { component: Json; executor: Json } | undefined {
  const root = spec.root as Json;
  const tasks = isObject(root?.dag) && isObject(root.dag.tasks) ? root.dag.tasks : {};
  const keys = Object.keys(tasks);
  const info = spec.pipelineInfo as Json | undefined;
  if (keys.length !== 1 || typeof info?.name !== 'string' || keys[0] !== sanitizeName(info.name)) return undefined;
  const task = tasks[keys[0]] as Json;
  const ref = (task.componentRef as Json | undefined)?.name;
  const component = typeof ref === 'string' ? ((spec.components as Json | undefined)?.[ref] as Json | undefined) : undefined;
  const label = component?.executorLabel;
  const executors = ((spec.deploymentSpec as Json | undefined)?.executors ?? {}) as Json;
  if (!component || typeof label !== 'string' || !isObject(executors[label])) return undefined;
  const inputs = (task.inputs ?? {}) as { parameters?: Json; artifacts?: Json };
  const passthrough = (group: Json | undefined, key: string) =>
    Object.entries(group ?? {}).every(([name, v]) => isObject(v) && v[key] === name);
  if (!passthrough(inputs.parameters, 'componentInputParameter') || !passthrough(inputs.artifacts, 'componentInputArtifact'))
    return undefined;
  return { component, executor: executors[label] as Json };
}

/**
 * Turns what the KFP compiler writes for one component (a compiled component YAML/JSON
 * file, parsed: `large/component.custom.tiny.json`, `components/*.json`) into a component
 * the document can embed, to be compiled back unchanged. A single-step component keeps its
 * ComponentSpec and executor; a graph component (a pipeline, e.g. the GCPC model evaluation
 * pipelines) keeps its root DAG with the components and executors it uses. `asGraph` forces
 * the graph reading for a pipeline that happens to look like a single component.
 */
export function componentFromCompiledSpec(spec: unknown, options: { asGraph?: boolean; name?: string } = {}): VerbatimComponentDef {
  if (!isObject(spec) || !isObject(spec.root) || !isObject(spec.pipelineInfo))
    throw new Error('This is not a compiled KFP pipeline spec: it has no root or pipelineInfo.');
  const name = options.name ?? String(spec.pipelineInfo.name);
  const single = options.asGraph ? undefined : singleStep(spec);
  if (single) return { kind: 'verbatim', name, spec: withoutExecutorLabel(single.component), executor: structuredClone(single.executor) };
  const { dag, inputDefinitions, outputDefinitions } = spec.root;
  const root: Json = { dag: structuredClone(dag) as Json };
  if (inputDefinitions !== undefined) root.inputDefinitions = structuredClone(inputDefinitions);
  if (outputDefinitions !== undefined) root.outputDefinitions = structuredClone(outputDefinitions);
  return {
    kind: 'verbatim',
    name,
    spec: root,
    components: structuredClone((spec.components ?? {}) as Record<string, Json>),
    executors: structuredClone(((spec.deploymentSpec as Json | undefined)?.executors ?? {}) as Record<string, Json>),
  };
}

/**
 * One component of a compiled pipeline kept verbatim: `comp-<x>` with its executor, or, when
 * it has a DAG (a nested pipeline), with every component and executor its DAG reaches.
 * `name` is the component's own name (the base of its task key).
 */
export function componentFromPipelineSpec(spec: unknown, componentName: string, name: string): VerbatimComponentDef {
  if (!isObject(spec) || !isObject(spec.components)) throw new Error('This is not a compiled KFP pipeline spec.');
  const components = spec.components as Record<string, Json>;
  const executors = ((spec.deploymentSpec as Json | undefined)?.executors ?? {}) as Record<string, Json>;
  const comp = components[componentName];
  if (!comp) throw new Error(`The spec has no component ${componentName}.`);
  if (!comp.dag) {
    const label = comp.executorLabel as string | undefined;
    const out: VerbatimComponentDef = { kind: 'verbatim', name, spec: withoutExecutorLabel(comp) };
    if (label && executors[label]) out.executor = structuredClone(executors[label]);
    return out;
  }
  const usedComponents: Record<string, Json> = {};
  const usedExecutors: Record<string, Json> = {};
  const visit = (c: Json) => {
    const tasks = ((c.dag as Json | undefined)?.tasks ?? {}) as Record<string, Json>;
    for (const task of Object.values(tasks)) {
      const ref = (task.componentRef as Json).name as string;
      if (ref in usedComponents || !components[ref]) continue;
      usedComponents[ref] = structuredClone(components[ref]);
      const label = components[ref].executorLabel as string | undefined;
      if (label && executors[label]) usedExecutors[label] = structuredClone(executors[label]);
      visit(components[ref]);
    }
  };
  visit(comp);
  return { kind: 'verbatim', name, spec: structuredClone(comp), components: usedComponents, executors: usedExecutors };
}
