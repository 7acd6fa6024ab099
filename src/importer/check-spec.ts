/**
 * Strict checks of a parsed PipelineSpec (schemaVersion 2.1.0) before anything is built from
 * it: known fields have the right types, every reference (componentRef, executorLabel,
 * producerTask, producerSubtask, dependentTasks) names something that exists, and neither
 * the tasks of a DAG nor components nesting each other form a cycle. Unknown fields are
 * allowed (they are kept). Each refusal names the place as a spec path
 * (`root.dag.tasks["model-deploy"].componentRef.name`).
 */
import { SCHEMA_VERSION, type JsonObject, type JsonValue } from '../spec/pipeline-spec';
import { isObject } from './json-utils';
import { childPath as child } from './parse-text';
import { describe, refuse } from './refusal';

const PARAMETER_TYPES = new Set(['STRING', 'NUMBER_INTEGER', 'NUMBER_DOUBLE', 'BOOLEAN', 'STRUCT', 'LIST', 'TASK_FINAL_STATUS']);

function obj(value: JsonValue | undefined, path: string, what = 'an object'): JsonObject {
  if (!isObject(value)) refuse(path, `must be ${what}, not ${describe(value)}`);
  return value;
}
function optObj(o: JsonObject, key: string, path: string): JsonObject | undefined {
  return o[key] === undefined ? undefined : obj(o[key], child(path, key));
}
function str(value: JsonValue | undefined, path: string): string {
  if (typeof value !== 'string') refuse(path, `must be text, not ${describe(value)}`);
  return value;
}
function optStr(o: JsonObject, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : str(o[key], child(path, key));
}
function optBool(o: JsonObject, key: string, path: string): void {
  if (o[key] !== undefined && typeof o[key] !== 'boolean') refuse(child(path, key), `must be true or false, not ${describe(o[key])}`);
}
function optNumber(o: JsonObject, key: string, path: string): void {
  const v = o[key];
  if (v === undefined) return;
  // proto3 JSON writes int64 fields as strings.
  if (typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v))) return;
  refuse(child(path, key), `must be a number, not ${describe(v)}`);
}
function list(value: JsonValue | undefined, path: string): JsonValue[] {
  if (!Array.isArray(value)) refuse(path, `must be a list, not ${describe(value)}`);
  return value;
}

function checkInterface(comp: JsonObject, path: string): void {
  const inputs = optObj(comp, 'inputDefinitions', path);
  const outputs = optObj(comp, 'outputDefinitions', path);
  for (const [defs, at] of [
    [inputs, child(path, 'inputDefinitions')],
    [outputs, child(path, 'outputDefinitions')],
  ] as const) {
    if (!defs) continue;
    const parameters = optObj(defs, 'parameters', at);
    for (const [name, p] of Object.entries(parameters ?? {})) {
      const pp = child(child(at, 'parameters'), name);
      const spec = obj(p, pp);
      const type = spec.parameterType;
      if (typeof type !== 'string' || !PARAMETER_TYPES.has(type))
        refuse(child(pp, 'parameterType'), `must be one of ${[...PARAMETER_TYPES].join(', ')}, not ${describe(type)}`);
      optBool(spec, 'isOptional', pp);
      optStr(spec, 'description', pp);
    }
    const artifacts = optObj(defs, 'artifacts', at);
    for (const [name, a] of Object.entries(artifacts ?? {})) {
      const ap = child(child(at, 'artifacts'), name);
      const spec = obj(a, ap);
      const type = obj(spec.artifactType, child(ap, 'artifactType'));
      str(type.schemaTitle, child(child(ap, 'artifactType'), 'schemaTitle'));
      optStr(type, 'schemaVersion', child(ap, 'artifactType'));
      optBool(spec, 'isOptional', ap);
      optBool(spec, 'isArtifactList', ap);
      optStr(spec, 'description', ap);
    }
  }
}

function checkProducer(ref: JsonValue | undefined, path: string, tasks: JsonObject, key: 'producerTask' | 'producerSubtask', outputKey: string): void {
  const r = obj(ref, path);
  const producer = str(r[key], child(path, key));
  if (!(producer in tasks)) refuse(child(path, key), `names the task "${producer}", which does not exist in this DAG`);
  str(r[outputKey], child(path, outputKey));
}

function checkTaskInputs(inputs: JsonObject, path: string, tasks: JsonObject): void {
  for (const [name, v] of Object.entries(optObj(inputs, 'parameters', path) ?? {})) {
    const at = child(child(path, 'parameters'), name);
    const spec = obj(v, at);
    optStr(spec, 'componentInputParameter', at);
    optStr(spec, 'parameterExpressionSelector', at);
    if (spec.taskOutputParameter !== undefined) checkProducer(spec.taskOutputParameter, child(at, 'taskOutputParameter'), tasks, 'producerTask', 'outputParameterKey');
    if (spec.runtimeValue !== undefined && !('constant' in obj(spec.runtimeValue, child(at, 'runtimeValue'))))
      refuse(child(at, 'runtimeValue'), 'has no "constant"');
    if (spec.taskFinalStatus !== undefined) {
      const fs = obj(spec.taskFinalStatus, child(at, 'taskFinalStatus'));
      const producer = str(fs.producerTask, child(child(at, 'taskFinalStatus'), 'producerTask'));
      if (!(producer in tasks)) refuse(child(child(at, 'taskFinalStatus'), 'producerTask'), `names the task "${producer}", which does not exist in this DAG`);
    }
  }
  for (const [name, v] of Object.entries(optObj(inputs, 'artifacts', path) ?? {})) {
    const at = child(child(path, 'artifacts'), name);
    const spec = obj(v, at);
    optStr(spec, 'componentInputArtifact', at);
    if (spec.taskOutputArtifact !== undefined) checkProducer(spec.taskOutputArtifact, child(at, 'taskOutputArtifact'), tasks, 'producerTask', 'outputArtifactKey');
  }
}

function checkTask(task: JsonObject, path: string, tasks: JsonObject, components: JsonObject): string[] {
  const ref = obj(task.componentRef, child(path, 'componentRef'));
  const name = str(ref.name, child(child(path, 'componentRef'), 'name'));
  if (!Object.prototype.hasOwnProperty.call(components, name))
    refuse(child(child(path, 'componentRef'), 'name'), `names the component "${name}", which the spec's components do not have`);
  const info = obj(task.taskInfo, child(path, 'taskInfo'));
  str(info.name, child(child(path, 'taskInfo'), 'name'));
  const deps: string[] = [];
  if (task.dependentTasks !== undefined)
    list(task.dependentTasks, child(path, 'dependentTasks')).forEach((d, i) => {
      const at = `${child(path, 'dependentTasks')}[${i}]`;
      const dep = str(d, at);
      if (!(dep in tasks)) refuse(at, `names the task "${dep}", which does not exist in this DAG`);
      deps.push(dep);
    });
  const inputs = optObj(task, 'inputs', path);
  if (inputs) {
    checkTaskInputs(inputs, child(path, 'inputs'), tasks);
    for (const group of ['parameters', 'artifacts'] as const)
      for (const v of Object.values((inputs[group] ?? {}) as JsonObject)) {
        const spec = v as JsonObject;
        const producer = ((spec.taskOutputParameter ?? spec.taskOutputArtifact) as JsonObject | undefined)?.producerTask;
        if (typeof producer === 'string') deps.push(producer);
      }
  }
  const caching = optObj(task, 'cachingOptions', path);
  if (caching) optBool(caching, 'enableCache', child(path, 'cachingOptions'));
  const retry = optObj(task, 'retryPolicy', path);
  if (retry) {
    const at = child(path, 'retryPolicy');
    optNumber(retry, 'maxRetryCount', at);
    optNumber(retry, 'backoffFactor', at);
    optStr(retry, 'backoffDuration', at);
    optStr(retry, 'backoffMaxDuration', at);
  }
  const trigger = optObj(task, 'triggerPolicy', path);
  if (trigger) {
    optStr(trigger, 'condition', child(path, 'triggerPolicy'));
    optStr(trigger, 'strategy', child(path, 'triggerPolicy'));
  }
  for (const key of ['parameterIterator', 'artifactIterator'] as const) {
    const it = optObj(task, key, path);
    if (!it) continue;
    const at = child(path, key);
    str(it.itemInput, child(at, 'itemInput'));
    const items = obj(it.items, child(at, 'items'));
    for (const k of ['inputParameter', 'inputArtifact', 'raw']) optStr(items, k, child(at, 'items'));
  }
  const policy = optObj(task, 'iteratorPolicy', path);
  if (policy) optNumber(policy, 'parallelismLimit', child(path, 'iteratorPolicy'));
  return deps;
}

function checkDagOutputs(outputs: JsonObject, path: string, tasks: JsonObject): void {
  for (const [name, v] of Object.entries(optObj(outputs, 'parameters', path) ?? {})) {
    const at = child(child(path, 'parameters'), name);
    const spec = obj(v, at);
    if (spec.valueFromParameter !== undefined)
      checkProducer(spec.valueFromParameter, child(at, 'valueFromParameter'), tasks, 'producerSubtask', 'outputParameterKey');
    if (spec.valueFromOneof !== undefined) {
      const oneOf = obj(spec.valueFromOneof, child(at, 'valueFromOneof'));
      list(oneOf.parameterSelectors, child(child(at, 'valueFromOneof'), 'parameterSelectors')).forEach((s, i) =>
        checkProducer(s, `${child(child(at, 'valueFromOneof'), 'parameterSelectors')}[${i}]`, tasks, 'producerSubtask', 'outputParameterKey'),
      );
    }
  }
  for (const [name, v] of Object.entries(optObj(outputs, 'artifacts', path) ?? {})) {
    const at = child(child(path, 'artifacts'), name);
    const spec = obj(v, at);
    list(spec.artifactSelectors, child(at, 'artifactSelectors')).forEach((s, i) =>
      checkProducer(s, `${child(at, 'artifactSelectors')}[${i}]`, tasks, 'producerSubtask', 'outputArtifactKey'),
    );
  }
}

/** A dependency cycle among the tasks of one DAG, as task keys, or undefined. */
function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    // Iterative depth-first search (DAGs may hold thousands of tasks).
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    const path: string[] = [start];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const ups = edges.get(top.node) ?? [];
      if (top.next < ups.length) {
        const up = ups[top.next++];
        const s = state.get(up);
        if (s === 1) return [...path.slice(path.indexOf(up)), up];
        if (s === undefined && edges.has(up)) {
          state.set(up, 1);
          stack.push({ node: up, next: 0 });
          path.push(up);
        }
      } else {
        state.set(top.node, 2);
        stack.pop();
        path.pop();
      }
    }
  }
  return undefined;
}

function checkDag(comp: JsonObject, path: string, components: JsonObject): string[] {
  const dag = obj(comp.dag, child(path, 'dag'));
  const tasks = obj(dag.tasks ?? {}, child(child(path, 'dag'), 'tasks'));
  const edges = new Map<string, string[]>();
  const refs: string[] = [];
  for (const [key, t] of Object.entries(tasks)) {
    const at = child(child(child(path, 'dag'), 'tasks'), key);
    const task = obj(t, at);
    edges.set(key, checkTask(task, at, tasks, components));
    refs.push((task.componentRef as JsonObject).name as string);
  }
  const outputs = optObj(dag, 'outputs', child(path, 'dag'));
  if (outputs) checkDagOutputs(outputs, child(child(path, 'dag'), 'outputs'), tasks);
  const cycle = findCycle(edges);
  if (cycle) refuse(child(child(path, 'dag'), 'tasks'), `has a dependency cycle: ${cycle.join(' → ')}`);
  return refs;
}

/** Checks a PipelineSpec; refuses with the first problem found. */
export function checkPipelineSpec(value: JsonValue): JsonObject {
  if (!isObject(value)) refuse('', `is not a compiled KFP pipeline: it holds ${describe(value)} instead of an object`);
  const spec = value;
  if (spec.schemaVersion === undefined)
    refuse(
      '',
      Object.keys(spec).some((k) => k === 'components' || k === 'root' || k === 'deploymentSpec')
        ? 'has no "schemaVersion" (KFP writes it near the end of the file: is the file cut short?)'
        : 'is not a compiled KFP pipeline: it has no "schemaVersion"',
    );
  const version = spec.schemaVersion;
  if (version !== SCHEMA_VERSION)
    refuse(
      'schemaVersion',
      `is ${describe(version)}, but this version of Pipeline Canvas reads PipelineSpec schemaVersion ${SCHEMA_VERSION} (KFP 2) and 2.0.0 (the job JSON of KFP 1.8)`,
    );
  const info = obj(spec.pipelineInfo, 'pipelineInfo');
  str(info.name, 'pipelineInfo.name');
  optStr(info, 'displayName', 'pipelineInfo');
  optStr(info, 'description', 'pipelineInfo');
  optStr(spec, 'defaultPipelineRoot', '');
  optStr(spec, 'sdkVersion', '');
  const components = spec.components === undefined ? {} : obj(spec.components, 'components');
  const deployment = spec.deploymentSpec === undefined ? {} : obj(spec.deploymentSpec, 'deploymentSpec');
  const executors = deployment.executors === undefined ? {} : obj(deployment.executors, 'deploymentSpec.executors');
  for (const [name, e] of Object.entries(executors)) obj(e, child('deploymentSpec.executors', name));

  const root = obj(spec.root, 'root');
  if (root.dag === undefined) refuse('root', 'has no "dag"');
  checkInterface(root, 'root');
  const uses = new Map<string, string[]>();
  uses.set('', checkDag(root, 'root', components));
  for (const [name, c] of Object.entries(components)) {
    const at = child('components', name);
    const comp = obj(c, at);
    checkInterface(comp, at);
    const label = optStr(comp, 'executorLabel', at);
    if (label !== undefined && !Object.prototype.hasOwnProperty.call(executors, label))
      refuse(child(at, 'executorLabel'), `names the executor "${label}", which deploymentSpec.executors does not have`);
    if (comp.dag !== undefined) uses.set(name, checkDag(comp, at, components));
    else if (label === undefined) refuse(at, 'has neither an "executorLabel" nor a "dag"');
  }
  // Components whose DAGs use each other in a circle would never end.
  const cycle = findCycle(new Map([...uses].filter(([k]) => k !== '')));
  if (cycle) refuse('components', `use each other in a circle: ${cycle.join(' → ')}`);
  return spec;
}
