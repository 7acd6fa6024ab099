/**
 * document + catalog → PipelineSpec. First analyse (task keys, dependencies), then emit.
 * The output is deterministic: the same document gives the same object.
 */
import type { Catalog } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/types';
import { isConstant, isParameterRef, type PipelineDocument, type Task } from '../document/types';
import {
  SCHEMA_VERSION,
  type ComponentSpec,
  type ExecutorSpec,
  type InputsSpec,
  type OutputsSpec,
  type ParameterSpec,
  type PipelineSpec,
  type PipelineTaskSpec,
  type TaskInputArtifactSpec,
  type TaskInputParameterSpec,
} from '../spec/pipeline-spec';
import { componentName, executorName, sanitizeName, uniqueKeys } from './names';

/** What the exported spec says in `sdkVersion`: the KFP release whose output we reproduce. */
export const SDK_VERSION = 'kfp-2.15.2';

export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}

export interface Analysis {
  /** Task id → DAG task key. */
  keys: Map<string, string>;
  entries: Map<string, CatalogEntry>;
}

/** Task keys in creation order, exactly as the KFP compiler names them. */
export function taskKeys(doc: PipelineDocument, catalog: Catalog): Map<string, string> {
  const names = doc.tasks.map((t) => sanitizeName(catalog.get(t.component)?.name ?? t.component));
  const keys = uniqueKeys(names);
  return new Map(doc.tasks.map((t, i) => [t.id, keys[i]]));
}

export function analyse(doc: PipelineDocument, catalog: Catalog): Analysis {
  const entries = new Map<string, CatalogEntry>();
  for (const t of doc.tasks) {
    const entry = catalog.get(t.component);
    if (!entry) throw new CompileError(`Task ${t.id} uses the unknown component "${t.component}".`);
    entries.set(t.id, entry);
  }
  return { keys: taskKeys(doc, catalog), entries };
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

/** The component entry a task of this catalog entry gets (without `executorLabel`). */
export function componentSpecOf(entry: CatalogEntry): ComponentSpec {
  const spec: ComponentSpec = {};
  const inputs = definitions(entry.inputDefinitions, entry);
  const outputs = definitions(entry.outputDefinitions, entry);
  if (inputs) spec.inputDefinitions = inputs;
  if (outputs) spec.outputDefinitions = outputs;
  return spec;
}

function emitTask(task: Task, key: string, entry: CatalogEntry, keys: Map<string, string>): PipelineTaskSpec {
  const parameters: Record<string, TaskInputParameterSpec> = {};
  const artifacts: Record<string, TaskInputArtifactSpec> = {};
  const dependencies = new Set<string>();
  const artifactInputs = entry.inputDefinitions?.artifacts ?? {};

  for (const name of Object.keys(task.inputs).sort()) {
    const binding = task.inputs[name];
    if (isConstant(binding)) {
      parameters[name] = { runtimeValue: { constant: binding.constant } };
    } else if (isParameterRef(binding)) {
      parameters[name] = { componentInputParameter: binding.parameter };
    } else {
      const producer = keys.get(binding.task);
      if (producer === undefined) throw new CompileError(`Input ${name} of task ${key} reads from a task that does not exist.`);
      dependencies.add(producer);
      if (name in artifactInputs)
        artifacts[name] = { taskOutputArtifact: { producerTask: producer, outputArtifactKey: binding.output } };
      else parameters[name] = { taskOutputParameter: { producerTask: producer, outputParameterKey: binding.output } };
    }
  }
  for (const id of task.after) {
    const k = keys.get(id);
    if (k !== undefined) dependencies.add(k);
  }

  const spec: PipelineTaskSpec = {
    cachingOptions: task.caching ? { enableCache: true } : {},
    componentRef: { name: componentName(key) },
    taskInfo: { name: task.displayName || key },
  };
  if (dependencies.size > 0) spec.dependentTasks = [...dependencies].sort();
  const inputs: PipelineTaskSpec['inputs'] = {};
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (inputs.artifacts || inputs.parameters) spec.inputs = inputs;
  if (task.retries !== undefined) spec.retryPolicy = retryPolicy(task.retries, task.retryBackoff);
  return spec;
}

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

/** Compiles a document to the PipelineSpec the KFP 2.15.2 compiler writes for the same pipeline. */
export function compile(doc: PipelineDocument, catalog: Catalog): PipelineSpec {
  const { keys, entries } = analyse(doc, catalog);
  const components: Record<string, ComponentSpec> = {};
  const executors: Record<string, ExecutorSpec> = {};
  const tasks: Record<string, PipelineTaskSpec> = {};
  const specCache = new Map<string, ComponentSpec>();

  for (const task of doc.tasks) {
    const key = keys.get(task.id)!;
    const entry = entries.get(task.id)!;
    let base = specCache.get(entry.id);
    if (!base) {
      base = componentSpecOf(entry);
      specCache.set(entry.id, base);
    }
    components[componentName(key)] = { executorLabel: executorName(key), ...base };
    executors[executorName(key)] = entry.executor;
    tasks[key] = emitTask(task, key, entry, keys);
  }

  const root: PipelineSpec['root'] = { dag: { tasks } };
  if (doc.parameters.length > 0) {
    const parameters: Record<string, ParameterSpec> = {};
    for (const p of doc.parameters) {
      const spec: ParameterSpec = { parameterType: p.type };
      if (p.default !== undefined) {
        spec.defaultValue = p.default;
        spec.isOptional = true;
      }
      parameters[p.name] = spec;
    }
    root.inputDefinitions = { parameters };
  }

  const pipelineInfo: PipelineSpec['pipelineInfo'] = { name: doc.name };
  if (doc.description) pipelineInfo.description = doc.description;
  if (doc.displayName) pipelineInfo.displayName = doc.displayName;

  const spec: PipelineSpec = {
    components,
    deploymentSpec: { executors },
    pipelineInfo,
    root,
    schemaVersion: SCHEMA_VERSION,
    sdkVersion: SDK_VERSION,
  };
  if (doc.pipelineRoot) spec.defaultPipelineRoot = doc.pipelineRoot;
  return spec;
}
