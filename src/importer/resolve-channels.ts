/**
 * Where a value read inside a DAG comes from. KFP passes values into control-flow groups as
 * generated inputs (`pipelinechannel--<param>`, `pipelinechannel--<task>-<output>`, loop
 * items, `…-subvar-<field>`), and out of them as group outputs (`dsl.Collected` through a
 * loop, `dsl.OneOf` through an If/Elif/Else). These functions follow such a chain back to
 * what the document says: a pipeline input, a task output, a loop item (with its field),
 * a fan-in, or a one-of.
 */
import type { Group, Source, TaskOutputRef } from '../document/types';
import type { JsonObject, JsonValue } from '../spec/pipeline-spec';
import { isObject } from './json-utils';

/** A DAG: the root's or a group's. */
export interface Scope {
  comp: JsonObject;
  tasks: Record<string, JsonObject>;
  group?: GroupRec;
}

export interface GroupRec {
  key: string;
  /** The number in the group's name (`condition-3` → 3). */
  number: number;
  kind: Group['kind'];
  /** The group's task spec in its parent's DAG. */
  spec: JsonObject;
  parent: Scope;
  scope: Scope;
  /** Loops: the input that holds the item. */
  itemInput?: string;
  id: string;
}

export interface TaskRec {
  key: string;
  spec: JsonObject;
  scope: Scope;
  id: string;
  /** Order of a depth-first walk over the DAGs (tasks sorted by key, groups by number). */
  walk: number;
}

export type Resolved = { source: Source } | { collected: TaskOutputRef } | { oneOf: TaskOutputRef[] };

export interface Lookup {
  tasks: Map<string, TaskRec>;
  groups: Map<string, GroupRec>;
  /** Names of the pipeline's own inputs (parameters and artifacts). */
  rootInputs: ReadonlySet<string>;
}

const MAX_CHAIN = 200;

/** `parseJson(string_value)["field"]` → `field`. */
export function selectorField(selector: JsonValue | undefined): string | undefined {
  if (typeof selector !== 'string') return undefined;
  return /^parseJson\(string_value\)\["([^"\\]+)"\]$/.exec(selector)?.[1];
}

const isTaskSource = (s: Source): s is TaskOutputRef => 'task' in s;

/** The value a DAG's input `name` holds. */
export function resolveInput(l: Lookup, scope: Scope, name: string, depth = 0): Resolved | undefined {
  if (depth > MAX_CHAIN) return undefined;
  const g = scope.group;
  if (!g) return l.rootInputs.has(name) ? { source: { parameter: name } } : undefined;
  if (g.kind === 'loop' && name === g.itemInput) return { source: { loopItem: g.id } };
  const inputs = isObject(g.spec.inputs) ? g.spec.inputs : {};
  const spec = (isObject(inputs.parameters) ? inputs.parameters[name] : undefined) ?? (isObject(inputs.artifacts) ? inputs.artifacts[name] : undefined);
  return isObject(spec) ? resolveSpec(l, g.parent, spec, depth + 1) : undefined;
}

/** The value of a task (or group task) input spec read in `scope`. */
export function resolveSpec(l: Lookup, scope: Scope, spec: JsonObject, depth = 0): Resolved | undefined {
  const keys = Object.keys(spec).length;
  if (typeof spec.componentInputParameter === 'string') {
    const r = resolveInput(l, scope, spec.componentInputParameter, depth);
    if (spec.parameterExpressionSelector === undefined) return keys === 1 ? r : undefined;
    const field = selectorField(spec.parameterExpressionSelector);
    if (field === undefined || keys !== 2 || !r || !('source' in r) || !('loopItem' in r.source) || r.source.field !== undefined) return undefined;
    return { source: { loopItem: r.source.loopItem, field } };
  }
  if (typeof spec.componentInputArtifact === 'string') return keys === 1 ? resolveInput(l, scope, spec.componentInputArtifact, depth) : undefined;
  const param = spec.taskOutputParameter;
  if (isObject(param) && keys === 1 && typeof param.producerTask === 'string' && typeof param.outputParameterKey === 'string')
    return resolveOutput(l, scope, param.producerTask, param.outputParameterKey, depth);
  const artifact = spec.taskOutputArtifact;
  if (isObject(artifact) && keys === 1 && typeof artifact.producerTask === 'string' && typeof artifact.outputArtifactKey === 'string')
    return resolveOutput(l, scope, artifact.producerTask, artifact.outputArtifactKey, depth);
  return undefined;
}

/**
 * The task output (or fan-in, or one-of) behind output `output` of task or group `producer`
 * of `scope`. A condition or exit handler passes an output out only as a branch of a one-of
 * (KFP 2 refuses anything else; older releases wrote it, and then it is not resolved).
 */
export function resolveOutput(l: Lookup, scope: Scope, producer: string, output: string, depth = 0, branch = false): Resolved | undefined {
  if (depth > MAX_CHAIN) return undefined;
  const task = l.tasks.get(producer);
  if (task && task.scope === scope) return { source: { task: task.id, output } };
  const g = l.groups.get(producer);
  if (!g || g.parent !== scope) return undefined;
  if ((g.kind === 'condition' && !branch) || g.kind === 'exitHandler') return undefined;
  const dag = g.scope.comp.dag as JsonObject;
  const outs = isObject(dag.outputs) ? dag.outputs : {};
  const p = isObject(outs.parameters) ? outs.parameters[output] : undefined;
  const a = isObject(outs.artifacts) ? outs.artifacts[output] : undefined;
  let selectors: Array<[string, string]> = [];
  let oneOf = false;
  if (isObject(p) && isObject(p.valueFromParameter) && Object.keys(p).length === 1) {
    const v = p.valueFromParameter;
    selectors = [[String(v.producerSubtask), String(v.outputParameterKey)]];
  } else if (isObject(p) && isObject(p.valueFromOneof) && Array.isArray(p.valueFromOneof.parameterSelectors) && Object.keys(p).length === 1) {
    oneOf = true;
    selectors = p.valueFromOneof.parameterSelectors.map((s) => [String((s as JsonObject).producerSubtask), String((s as JsonObject).outputParameterKey)]);
  } else if (isObject(a) && Array.isArray(a.artifactSelectors) && Object.keys(a).length === 1) {
    selectors = a.artifactSelectors.map((s) => [String((s as JsonObject).producerSubtask), String((s as JsonObject).outputArtifactKey)]);
    oneOf = g.kind === 'branches';
  } else return undefined;
  if (selectors.length === 0) return undefined;
  if (oneOf) {
    if (g.kind !== 'branches') return undefined;
    const refs: TaskOutputRef[] = [];
    for (const [sub, key] of selectors) {
      const r = resolveOutput(l, g.scope, sub, key, depth + 1, true);
      if (!r || !('source' in r) || !isTaskSource(r.source)) return undefined;
      refs.push({ task: r.source.task, output: r.source.output });
    }
    return { oneOf: refs };
  }
  if (selectors.length !== 1) return undefined;
  const inner = resolveOutput(l, g.scope, selectors[0][0], selectors[0][1], depth + 1, g.kind === 'branches');
  if (!inner) return undefined;
  if (g.kind === 'loop') {
    if ('collected' in inner) return inner;
    if ('source' in inner && isTaskSource(inner.source)) return { collected: { task: inner.source.task, output: inner.source.output } };
    return undefined;
  }
  return inner;
}
