/**
 * The spec of one task: its `PipelineTaskSpec` in the DAG of its group (KFP's
 * `build_task_spec_for_task`), its component entry and its executor (container with the
 * task's resources, or importer).
 */
import type { CatalogEntry } from '../catalog/types';
import type { Task } from '../document/types';
import type {
  ComponentSpec,
  ContainerSpec,
  ExecutorSpec,
  InputsSpec,
  OutputsSpec,
  PipelineTaskSpec,
  TaskInputArtifactSpec,
  TaskInputParameterSpec,
} from '../spec/pipeline-spec';
import { Channel, LoopArgument, LoopArgumentVariable } from './channels';
import { CompileError } from './errors';
import type { PTask, TaskInput } from './model';
import { channelInputName, componentName, inputValuePlaceholder } from './names';
import { withTaskSettings } from './resources';

/** The input names of the component spec a DAG belongs to. */
export interface DagInputs {
  parameters: ReadonlySet<string>;
  artifacts: ReadonlySet<string>;
}

export const dagInputsOf = (spec: ComponentSpec): DagInputs => ({
  parameters: new Set(Object.keys(spec.inputDefinitions?.parameters ?? {})),
  artifacts: new Set(Object.keys(spec.inputDefinitions?.artifacts ?? {})),
});

/** KFP caps the longest wait between retries at one hour (`RetryPolicy.to_proto`). */
export const MAX_BACKOFF_SECONDS = 3600;

/**
 * KFP's `RetryPolicy.to_proto`: unset values become their defaults (`0s`, 2.0, `3600s`),
 * the longest wait is capped at 3600s, and a retry count of 0 is left out (proto3 default).
 * Durations are whole seconds in KFP (`set_retry(backoff_duration='60s')`); the validator
 * refuses fractions, which KFP cannot express.
 */
export function retryPolicy(retries: number, backoff: Task['retryBackoff'] = {}): NonNullable<PipelineTaskSpec['retryPolicy']> {
  const policy: NonNullable<PipelineTaskSpec['retryPolicy']> = {
    backoffDuration: `${backoff.duration ?? 0}s`,
    // Python's `backoff_factor or 2.0`: 0 (and unset) mean the default.
    backoffFactor: backoff.factor || 2,
    backoffMaxDuration: `${Math.min(backoff.maxDuration ?? MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS)}s`,
  };
  if (retries > 0) policy.maxRetryCount = retries;
  return policy;
}

/** How a DAG reads a channel that is not produced inside it (KFP's fallback to `pipelinechannel--`). */
function fromOutside(channel: Channel, names: ReadonlySet<string>): string {
  if (channel.taskName) return channelInputName(channel.fullName);
  return names.has(channel.fullName) ? channel.fullName : channelInputName(channel.fullName);
}

function parameterFrom(channel: Channel, parent: DagInputs, inDag: ReadonlySet<string>): TaskInputParameterSpec {
  if (channel.taskName && inDag.has(channel.taskName))
    return { taskOutputParameter: { producerTask: channel.taskName, outputParameterKey: channel.name } };
  return { componentInputParameter: fromOutside(channel, parent.parameters) };
}

function artifactFrom(channel: Channel, parent: DagInputs, inDag: ReadonlySet<string>): TaskInputArtifactSpec {
  if (channel.taskName && inDag.has(channel.taskName))
    return { taskOutputArtifact: { producerTask: channel.taskName, outputArtifactKey: channel.name } };
  return { componentInputArtifact: fromOutside(channel, parent.artifacts) };
}

/** KFP's `build_task_spec_for_task` (dependencies and the component name are added later). */
export function buildTaskSpec(task: PTask, parent: DagInputs, inDag: ReadonlySet<string>): PipelineTaskSpec {
  const t = task.doc;
  const parameters: Record<string, TaskInputParameterSpec> = {};
  const artifacts: Record<string, TaskInputArtifactSpec> = {};

  const bind = (input: string, value: TaskInput) => {
    if ('constant' in value) {
      parameters[input] = { runtimeValue: { constant: value.constant } };
      return;
    }
    if ('template' in value) {
      let text = '';
      for (const part of value.template) {
        if (typeof part === 'string') {
          text += part;
          continue;
        }
        const injected = channelInputName(part.fullName);
        text += inputValuePlaceholder(injected);
        parameters[injected] = parameterFrom(part, parent, inDag);
      }
      parameters[input] = { runtimeValue: { constant: text } };
      return;
    }
    const c = value.channel;
    if (c instanceof LoopArgument) {
      if (c.isArtifact) artifacts[input] = { componentInputArtifact: channelInputName(c.fullName) };
      else parameters[input] = { componentInputParameter: channelInputName(c.fullName) };
    } else if (c instanceof LoopArgumentVariable) {
      parameters[input] = {
        componentInputParameter: channelInputName(c.loopArgument.fullName),
        parameterExpressionSelector: `parseJson(string_value)["${c.subvarName}"]`,
      };
    } else if (c.isArtifact) artifacts[input] = artifactFrom(c, parent, inDag);
    else parameters[input] = parameterFrom(c, parent, inDag);
  };
  for (const [input, value] of task.inputs) bind(input, value);

  const spec: PipelineTaskSpec = {
    cachingOptions: t.caching ? { enableCache: true } : {},
    componentRef: { name: componentName(task.name) },
    taskInfo: { name: t.displayName || task.name },
  };
  const inputs: PipelineTaskSpec['inputs'] = {};
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (inputs.artifacts || inputs.parameters) spec.inputs = inputs;
  if (t.retries !== undefined) spec.retryPolicy = retryPolicy(t.retries, t.retryBackoff);
  return spec;
}

/** Names of the inputs of type PipelineTaskFinalStatus. */
export function finalStatusInputs(entry: CatalogEntry): string[] {
  return Object.entries(entry.inputDefinitions?.parameters ?? {})
    .filter(([, p]) => (p.parameterType as string) === 'TASK_FINAL_STATUS')
    .map(([name]) => name);
}

/** Sets the PipelineTaskFinalStatus inputs of a task to the status of `producer`. */
export function setFinalStatus(spec: PipelineTaskSpec, entry: CatalogEntry, producer: string): void {
  for (const name of finalStatusInputs(entry)) {
    spec.inputs ??= {};
    spec.inputs.parameters ??= {};
    spec.inputs.parameters[name] = { taskFinalStatus: { producerTask: producer } };
  }
}

/** Copies interface definitions, adding our help texts as descriptions (not for YAML components, like KFP). */
function definitions<T extends InputsSpec | OutputsSpec>(defs: T | undefined, entry: CatalogEntry): T | undefined {
  if (!defs) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const group of ['artifacts', 'parameters'] as const) {
    const specs = defs[group] as Record<string, object> | undefined;
    if (!specs) continue;
    out[group] = {};
    for (const [name, spec] of Object.entries(specs)) {
      const help = entry.kind === 'yaml' ? undefined : entry.help[name];
      out[group][name] = help ? { ...spec, description: help } : spec;
    }
  }
  return out as unknown as T;
}

const specCache = new WeakMap<CatalogEntry, ComponentSpec>();

/** The component entry a task of this catalog entry gets (without `executorLabel`). */
export function componentSpecOf(entry: CatalogEntry): ComponentSpec {
  let spec = specCache.get(entry);
  if (spec) return spec;
  if (entry.verbatim) spec = entry.verbatim as ComponentSpec;
  else {
    spec = {};
    const inputs = definitions(entry.inputDefinitions, entry);
    const outputs = definitions(entry.outputDefinitions, entry);
    if (inputs) spec.inputDefinitions = inputs;
    if (outputs) spec.outputDefinitions = outputs;
  }
  specCache.set(entry, spec);
  return spec;
}

/**
 * An entry's executor. The GCPC entries the app lists before their complete entries arrive
 * have none yet (the app does not compile until they are in); compiling with one is refused.
 */
export function executorOf(entry: CatalogEntry): ExecutorSpec {
  if (!entry.executor) throw new CompileError(`${entry.id}: its executor is not loaded yet (the complete component definitions are still loading).`);
  return entry.executor;
}

/** The executor of a container (or verbatim) task, with the task's settings applied. */
export function containerExecutor(task: PTask): ExecutorSpec {
  const executor = executorOf(task.entry);
  if (!executor.container || (!task.doc.resources && !task.doc.env?.length)) return executor;
  return { ...executor, container: withTaskSettings(executor.container as ContainerSpec, task.doc.resources, task.doc.env) };
}
