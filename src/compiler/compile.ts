/**
 * document + catalog → PipelineSpec, following the KFP 2.15.2 compiler step by step
 * (`pipeline_spec_builder.create_pipeline_spec`): build the pipeline model, work out what
 * crosses group boundaries and who depends on whom, then emit every group's DAG, the exit
 * handlers and the pipeline outputs. The output is deterministic.
 */
import type { Catalog } from '../catalog/catalog';
import { isImporterTask } from '../catalog/builtins';
import type { PipelineDocument } from '../document/types';
import {
  SCHEMA_VERSION,
  type ComponentSpec,
  type ExecutorSpec,
  type JsonObject,
  type ParameterSpec,
  type PipelineSpec,
  type PipelineTaskSpec,
} from '../spec/pipeline-spec';
import { Channel, Collected, isArtifactChannelType, isLoopChannel, OneOf } from './channels';
import { CompileError } from './errors';
import { mergeGraph } from './graph';
import { dependencies, groupTree, inputsForAllGroups, outputsForAllGroups, type GroupTree } from './group-io';
import { addDagOutput, addOneOfDagOutput, conditionChannels, groupComponentSpec, groupTaskSpec } from './group-spec';
import { buildModel, taskKeysOf, type PGroup, type PipelineModel, type PTask } from './model';
import { componentName, executorName, makeNameUnique } from './names';
import { constantUri, importerExecutor } from './importer';
import { applyKept } from './kept';
import { buildTaskSpec, componentSpecOf, containerExecutor, dagInputsOf, setFinalStatus } from './task-spec';

export { CompileError } from './errors';
export { componentSpecOf, executorOf, MAX_BACKOFF_SECONDS, retryPolicy } from './task-spec';

/** What the exported spec says in `sdkVersion`: the KFP release whose output we reproduce. */
export const SDK_VERSION = 'kfp-2.15.2';

/** Task keys (task id → DAG task key) in creation order, exactly as the KFP compiler names them. */
export function taskKeys(doc: PipelineDocument, catalog: Catalog): Map<string, string> {
  return taskKeysOf(doc, catalog);
}

interface Emitter {
  model: PipelineModel;
  tree: GroupTree;
  components: Record<string, ComponentSpec>;
  executors: Record<string, ExecutorSpec>;
  root: PipelineSpec['root'];
  /** Group name → its component spec (the root under the root group's name). */
  groupSpecs: Map<string, ComponentSpec>;
}

const isTask = (x: PTask | PGroup): x is PTask => 'doc' in x;

/** The component spec and executor of a task; graph components are merged in. */
function emitTaskComponent(e: Emitter, task: PTask): ComponentSpec {
  const built: ComponentSpec = { ...componentSpecOf(task.entry), executorLabel: executorName(task.name) };
  if (task.entry.kind === 'graph' && task.entry.graph) return mergeGraph(task.entry.graph, e.components, e.executors);
  const label = makeNameUnique(built.executorLabel!, { has: (n) => n in e.executors });
  built.executorLabel = label;
  e.executors[label] =
    isImporterTask(task.doc) || task.entry.kind === 'importer'
      ? importerExecutor(task.doc.importer, constantUri(task))
      : containerExecutor(task);
  return built;
}

/** Loop inputs: what the body needs, less static-loop items of inner loops, plus the iterator. */
function loopChannels(e: Emitter, group: PGroup, channels: Channel[]): Channel[] {
  const out: Channel[] = [];
  for (const channel of channels) {
    if (isLoopChannel(channel) && channel.isWithItems) {
      const chain = [...(e.tree.groupParents.get(group.name) ?? [])].reverse();
      const fromHereOrAbove = chain.some((name) => {
        const loop = e.tree.loops.get(name);
        return loop !== undefined && loop.loop!.argument.name.includes(channel.name);
      });
      if (!fromHereOrAbove) continue;
    }
    out.push(channel);
  }
  const { argument, itemsIsChannel } = group.loop!;
  if (itemsIsChannel) out.push(argument.items as Channel);
  out.push(argument);
  return out;
}

function addDagOutputs(spec: ComponentSpec, outputs: Map<string, Channel>, oneOf: boolean): void {
  if (outputs.size === 0) return;
  const dag = spec.dag!;
  const dagOutputs = (dag.outputs ?? {}) as { artifacts?: Record<string, JsonObject>; parameters?: Record<string, JsonObject> };
  for (const [name, channel] of outputs) {
    if (oneOf && channel instanceof OneOf) addOneOfDagOutput(dagOutputs, name, channel.channels);
    else addDagOutput(dagOutputs, name, channel);
  }
  dag.outputs = dagOutputs as JsonObject;
}

/** KFP's `modify_task_for_ignore_upstream_failure`. */
function ignoreUpstreamFailure(task: PTask, spec: PipelineTaskSpec): void {
  if (!task.doc.ignoreUpstreamFailure) return;
  spec.triggerPolicy = { ...spec.triggerPolicy, strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' };
  const deps = spec.dependentTasks ?? [];
  const hasFinalStatus = Object.values(task.entry.inputDefinitions?.parameters ?? {}).some(
    (p) => (p.parameterType as string) === 'TASK_FINAL_STATUS',
  );
  if (!hasFinalStatus) return;
  if (deps.length !== 1)
    throw new CompileError(
      `Tasks that use '.ignore_upstream_failure()' and 'PipelineTaskFinalStatus' must have exactly one dependent upstream task. Got ${deps.length} for task ${task.name}.`,
    );
  setFinalStatus(spec, task.entry, deps[0]);
}

/** KFP's `build_spec_by_group` for one group: the tasks of its DAG and their components. */
function emitGroup(e: Emitter, group: PGroup, inputs: ReturnType<typeof inputsForAllGroups>, outputs: ReturnType<typeof outputsForAllGroups>, deps: Map<string, Set<string>>): void {
  const groupSpec = e.groupSpecs.get(group.name)!;
  groupSpec.dag ??= { tasks: {} };
  const parentInputs = dagInputsOf(groupSpec);
  const subgroups: Array<PTask | PGroup> = [...group.groups, ...group.tasks];
  const inDag = new Set(subgroups.map((s) => s.name));
  const parentIsRoot = group === e.model.root;

  for (const sub of subgroups) {
    const subInputs = inputs.get(sub.name)?.channels() ?? [];
    const subOutputs = outputs.get(sub.name) ?? new Map<string, Channel>();
    let taskSpec: PipelineTaskSpec;
    let compSpec: ComponentSpec;
    if (isTask(sub)) {
      taskSpec = buildTaskSpec(sub, parentInputs, inDag);
      compSpec = emitTaskComponent(e, sub);
    } else {
      let channels = subInputs;
      if (sub.type === 'for-loop') channels = loopChannels(e, sub, subInputs);
      else if (sub.type === 'condition') channels = [...subInputs, ...conditionChannels(sub)];
      compSpec = groupComponentSpec(channels, sub.type === 'exit-handler' ? new Map() : subOutputs);
      taskSpec = groupTaskSpec(sub, channels, inDag, parentIsRoot);
      compSpec.dag = { tasks: {} };
      if (sub.type !== 'exit-handler') addDagOutputs(compSpec, subOutputs, sub.type === 'condition-branches');
      e.groupSpecs.set(sub.name, compSpec);
    }
    const subDeps = deps.get(sub.name);
    if (subDeps && subDeps.size > 0) taskSpec.dependentTasks = [...subDeps].sort();
    if (isTask(sub)) ignoreUpstreamFailure(sub, taskSpec);
    const compName = makeNameUnique(componentName(sub.name), { has: (n) => n in e.components });
    taskSpec.componentRef = { name: compName };
    e.components[compName] = compSpec;
    groupSpec.dag.tasks[sub.name] = taskSpec;
  }
}

/** KFP's `build_exit_handler_groups_recursively`: exit tasks run at the root after their group. */
function emitExitHandlers(e: Emitter, group: PGroup): void {
  for (const g of group.groups) {
    if (g.type === 'exit-handler') {
      if (group !== e.model.root)
        throw new CompileError(`ExitHandler can only be used within the outermost scope of a pipeline function definition. Found ${g.name} inside ${group.name}.`);
      const exit = g.exitTask!;
      const spec = buildTaskSpec(exit, dagInputsOf(e.root), new Set());
      spec.dependentTasks = [g.name];
      spec.triggerPolicy = { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' };
      setFinalStatus(spec, exit.entry, g.name);
      if (exit.entry.kind === 'importer' || isImporterTask(exit.doc))
        throw new CompileError(`Exit task ${exit.name} must be a container component or a pipeline, not an importer.`);
      const compSpec = emitTaskComponent(e, exit);
      const compName = makeNameUnique(spec.componentRef.name, { has: (n) => n in e.components });
      spec.componentRef = { name: compName };
      e.components[compName] = compSpec;
      e.root.dag.tasks[exit.name] = spec;
    }
    emitExitHandlers(e, g);
  }
}

function outputSpec(channel: Channel): JsonObject {
  if (isArtifactChannelType(channel.type)) {
    const spec: JsonObject = { artifactType: { ...channel.type.artifactType } };
    if (channel.type.isArtifactList) spec.isArtifactList = true;
    return spec;
  }
  return { parameterType: channel.type.parameterType };
}

function rootSpec(doc: PipelineDocument, model: PipelineModel): PipelineSpec['root'] {
  const root: PipelineSpec['root'] = { dag: { tasks: {} } };
  const inputs: NonNullable<PipelineSpec['root']['inputDefinitions']> = {};
  if (doc.parameters.length > 0) {
    const parameters: Record<string, ParameterSpec> = {};
    for (const p of doc.parameters) {
      const spec: ParameterSpec = { parameterType: p.type };
      if (p.default !== undefined) spec.defaultValue = p.default;
      if (p.default !== undefined || p.optional) spec.isOptional = true;
      if (p.description) spec.description = p.description;
      parameters[p.name] = spec;
    }
    inputs.parameters = parameters;
  }
  if (doc.artifactInputs?.length) {
    const artifacts: NonNullable<typeof inputs.artifacts> = {};
    for (const a of doc.artifactInputs) {
      const spec: NonNullable<typeof inputs.artifacts>[string] = {
        artifactType: { schemaTitle: a.artifactType.schemaTitle, schemaVersion: a.artifactType.schemaVersion },
      };
      if (a.isList) spec.isArtifactList = true;
      if (a.optional) spec.isOptional = true;
      if (a.description) spec.description = a.description;
      artifacts[a.name] = spec;
    }
    inputs.artifacts = artifacts;
  }
  if (inputs.parameters || inputs.artifacts) root.inputDefinitions = inputs;
  if (model.outputs.length > 0) {
    const descriptions = new Map((doc.outputs ?? []).map((o) => [o.name, o.description]));
    const outputs: { artifacts?: JsonObject; parameters?: JsonObject } = {};
    for (const [name, channel] of model.outputs) {
      const group = channel.isArtifact ? 'artifacts' : 'parameters';
      const spec = outputSpec(channel);
      const description = descriptions.get(name);
      if (description) spec.description = description;
      (outputs[group] ??= {})[name] = spec;
    }
    root.outputDefinitions = outputs as PipelineSpec['root']['outputDefinitions'];
  }
  return root;
}

/** KFP's `validate_pipeline_outputs_dict`: plain outputs come from top-level tasks only. */
function checkOutputs(model: PipelineModel): void {
  for (const [name, channel] of model.outputs) {
    if (channel instanceof Collected || channel instanceof OneOf) continue;
    const task = channel.taskName ? model.tasks.get(channel.taskName) : undefined;
    if (task && task.parent !== model.root)
      throw new CompileError(
        `Pipeline outputs may only be returned from the top level of the pipeline function scope. Output ${name} comes from ${task.name}, inside ${task.parent?.name}.`,
      );
  }
}

/** Compiles a document to the PipelineSpec the KFP 2.15.2 compiler writes for the same pipeline. */
export function compile(doc: PipelineDocument, catalog: Catalog): PipelineSpec {
  const model = buildModel(doc, catalog);
  checkOutputs(model);
  const root = rootSpec(doc, model);
  const tree = groupTree(model);
  const inputs = inputsForAllGroups(model, tree);
  const outputs = outputsForAllGroups(model, tree);
  const deps = dependencies(model, tree);

  const e: Emitter = {
    model,
    tree,
    components: {},
    executors: {},
    root,
    groupSpecs: new Map([[model.root.name, root]]),
  };
  for (const group of tree.all) emitGroup(e, group, inputs, outputs, deps);
  emitExitHandlers(e, model.root);

  if (model.outputs.length > 0) {
    const dagOutputs = (root.dag.outputs ?? {}) as { artifacts?: Record<string, JsonObject>; parameters?: Record<string, JsonObject> };
    for (const [name, channel] of model.outputs) addDagOutput(dagOutputs, name, channel);
    root.dag.outputs = dagOutputs as JsonObject;
  }

  const pipelineInfo: PipelineSpec['pipelineInfo'] = { name: doc.name };
  if (doc.description) pipelineInfo.description = doc.description;
  if (doc.displayName) pipelineInfo.displayName = doc.displayName;

  const spec: PipelineSpec = {
    components: e.components,
    deploymentSpec: { executors: e.executors },
    pipelineInfo,
    root,
    schemaVersion: SCHEMA_VERSION,
    sdkVersion: SDK_VERSION,
  };
  if (doc.pipelineRoot) spec.defaultPipelineRoot = doc.pipelineRoot;
  return doc.kept?.length ? applyKept(spec, doc.kept) : spec;
}
