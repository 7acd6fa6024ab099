/**
 * Pure operations on the pipeline document: (document, args) → document.
 * They never mutate their input; unchanged parts are shared.
 */
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import {
  bindingTasks,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  isOneOf,
  isParameterRef,
  isTemplate,
  type Binding,
  type Group,
  type PipelineDocument,
  type PipelineParameter,
  type Position,
  type Task,
} from './types';

export function createDocument(name = 'my-pipeline'): PipelineDocument {
  return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, name, parameters: [], tasks: [] };
}

/** The next free task id (`t<n>`), derived from the document, never from a global counter. */
export function nextTaskId(doc: PipelineDocument): string {
  // BigInt: ids from loaded files may hold more digits than a double keeps exactly.
  let max = 0n;
  for (const t of doc.tasks) {
    const m = /^t(\d+)$/.exec(t.id);
    if (m && BigInt(m[1]) > max) max = BigInt(m[1]);
  }
  return `t${max + 1n}`;
}

export function findTask(doc: PipelineDocument, id: string): Task | undefined {
  return doc.tasks.find((t) => t.id === id);
}

function mapTask(doc: PipelineDocument, id: string, fn: (t: Task) => Task): PipelineDocument {
  let changed = false;
  const tasks = doc.tasks.map((t) => {
    if (t.id !== id) return t;
    const next = fn(t);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? { ...doc, tasks } : doc;
}

export function addTask(
  doc: PipelineDocument,
  component: string,
  position: Position,
  inputs: Record<string, Binding> = {},
): { doc: PipelineDocument; id: string } {
  const id = nextTaskId(doc);
  const task: Task = { id, component, caching: true, after: [], inputs, position };
  return { doc: { ...doc, tasks: [...doc.tasks, task] }, id };
}

/**
 * Removes tasks and every binding, `after` and pipeline output that reads them. An exit
 * handler whose exit task goes is dissolved (its contents move to its parent). Conditions
 * and loops that read a removed task keep it, for the validator to point at.
 */
export function removeTasks(doc: PipelineDocument, ids: readonly string[]): PipelineDocument {
  const gone = new Set(ids);
  if (!doc.tasks.some((t) => gone.has(t.id))) return doc;
  const readsGone = (b: Binding) => bindingTasks(b).some((id) => gone.has(id));
  const tasks = doc.tasks
    .filter((t) => !gone.has(t.id))
    .map((t) => {
      const inputs = Object.entries(t.inputs).filter(([, b]) => !readsGone(b));
      const after = t.after.filter((a) => !gone.has(a));
      if (inputs.length === Object.keys(t.inputs).length && after.length === t.after.length) return t;
      return { ...t, inputs: Object.fromEntries(inputs), after };
    });
  let next: PipelineDocument = { ...doc, tasks };
  if (doc.outputs?.some((o) => (isOneOf(o.source) ? o.source.oneOf.some((r) => gone.has(r.task)) : gone.has(o.source.task)))) {
    const outputs = doc.outputs.filter((o) => !(isOneOf(o.source) ? o.source.oneOf.some((r) => gone.has(r.task)) : gone.has(o.source.task)));
    next = withList(next, 'outputs', outputs);
  }
  for (const g of doc.groups ?? []) if (g.kind === 'exitHandler' && gone.has(g.exitTask)) next = dissolveGroup(next, g.id);
  return next;
}

/** Sets an optional list of the document, leaving it out when empty. */
export function withList<K extends 'groups' | 'outputs'>(doc: PipelineDocument, key: K, list: NonNullable<PipelineDocument[K]>): PipelineDocument {
  const next = { ...doc };
  if (list.length > 0) next[key] = list;
  else delete next[key];
  return next;
}

/** Removes a group and moves what it held (tasks, groups) to its parent. */
export function dissolveGroup(doc: PipelineDocument, id: string): PipelineDocument {
  const group = doc.groups?.find((g) => g.id === id);
  if (!group) return doc;
  const parent = group.parent;
  const groups = doc.groups!.filter((g) => g.id !== id).map((g) => (g.parent === id ? withParent(g, parent) : g));
  const tasks = doc.tasks.map((t) => (t.group === id ? withGroup(t, parent) : t));
  return withList({ ...doc, tasks }, 'groups', groups);
}

function withParent<G extends Group>(g: G, parent: string | undefined): G {
  const next = { ...g };
  if (parent === undefined) delete next.parent;
  else next.parent = parent;
  return next;
}

export function withGroup(t: Task, group: string | undefined): Task {
  const next = { ...t };
  if (group === undefined) delete next.group;
  else next.group = group;
  return next;
}

export function moveTask(doc: PipelineDocument, id: string, position: Position): PipelineDocument {
  return mapTask(doc, id, (t) =>
    t.position.x === position.x && t.position.y === position.y ? t : { ...t, position },
  );
}

/** Binds an input (or unbinds it when `binding` is undefined). */
export function setInput(
  doc: PipelineDocument,
  taskId: string,
  input: string,
  binding: Binding | undefined,
): PipelineDocument {
  return mapTask(doc, taskId, (t) => {
    if (binding === undefined) {
      if (!(input in t.inputs)) return t;
      const { [input]: _removed, ...rest } = t.inputs;
      return { ...t, inputs: rest };
    }
    return { ...t, inputs: { ...t.inputs, [input]: binding } };
  });
}

export interface TaskOptions {
  displayName?: string;
  caching?: boolean;
  retries?: number;
}

/** Sets task options; `undefined` values in the patch clear an option. */
export function setTaskOptions(doc: PipelineDocument, taskId: string, patch: TaskOptions): PipelineDocument {
  return mapTask(doc, taskId, (t) => {
    const next: Task = { ...t };
    if ('displayName' in patch) {
      if (patch.displayName) next.displayName = patch.displayName;
      else delete next.displayName;
    }
    if ('caching' in patch && patch.caching !== undefined) next.caching = patch.caching;
    if ('retries' in patch) {
      if (patch.retries === undefined) delete next.retries;
      else next.retries = patch.retries;
    }
    return next;
  });
}

/** Sets or clears (`undefined`, or all fields unset) the retry backoff of a task. */
export function setRetryBackoff(doc: PipelineDocument, taskId: string, backoff: Task['retryBackoff']): PipelineDocument {
  return mapTask(doc, taskId, (t) => {
    const clean = Object.fromEntries(Object.entries(backoff ?? {}).filter(([, v]) => v !== undefined));
    const next: Task = { ...t };
    if (Object.keys(clean).length === 0) delete next.retryBackoff;
    else next.retryBackoff = clean;
    return next;
  });
}

export function setAfter(doc: PipelineDocument, taskId: string, after: string[]): PipelineDocument {
  return mapTask(doc, taskId, (t) => ({ ...t, after: [...new Set(after)].filter((a) => a !== taskId) }));
}

export interface PipelineInfoPatch {
  name?: string;
  displayName?: string;
  description?: string;
  pipelineRoot?: string;
}

/** Sets pipeline-level fields; empty strings clear the optional ones. */
export function setPipelineInfo(doc: PipelineDocument, patch: PipelineInfoPatch): PipelineDocument {
  const next: PipelineDocument = { ...doc };
  if (patch.name !== undefined) next.name = patch.name;
  for (const key of ['displayName', 'description', 'pipelineRoot'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (value) next[key] = value;
    else delete next[key];
  }
  return next;
}

/** A parameter name that is not used yet: `param`, `param_2`, … */
export function freeParameterName(doc: PipelineDocument, base = 'param'): string {
  const used = new Set(doc.parameters.map((p) => p.name));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function addParameter(doc: PipelineDocument, param: PipelineParameter): PipelineDocument {
  return { ...doc, parameters: [...doc.parameters, param] };
}

function rebindParameters(
  doc: PipelineDocument,
  fn: (name: string) => string | undefined,
): PipelineDocument {
  let changed = false;
  const tasks = doc.tasks.map((t) => {
    let taskChanged = false;
    const inputs: Record<string, Binding> = {};
    for (const [k, b] of Object.entries(t.inputs)) {
      if (isTemplate(b) && b.template.some((p) => typeof p !== 'string' && isParameterRef(p))) {
        const parts = b.template.map((p) => (typeof p !== 'string' && isParameterRef(p) ? fn(p.parameter) : p));
        if (parts.some((p) => p === undefined)) {
          taskChanged = true; // a spliced parameter is gone: the input is unbound, like a direct one
          continue;
        }
        const template = b.template.map((p, i) => (typeof p !== 'string' && isParameterRef(p) ? { parameter: parts[i] as string } : p));
        if (template.some((p, i) => typeof p !== 'string' && isParameterRef(p) && p.parameter !== (b.template[i] as { parameter: string }).parameter)) {
          taskChanged = true;
          inputs[k] = { template };
          continue;
        }
      }
      if (isParameterRef(b)) {
        const next = fn(b.parameter);
        if (next === undefined) {
          taskChanged = true;
          continue;
        }
        if (next !== b.parameter) {
          taskChanged = true;
          inputs[k] = { parameter: next };
          continue;
        }
      }
      inputs[k] = b;
    }
    if (!taskChanged) return t;
    changed = true;
    return { ...t, inputs };
  });
  const next = changed ? { ...doc, tasks } : doc;
  return rebindGroupParameters(next, fn);
}

/** Conditions and loops that read a renamed parameter follow it; a removed one stays, for the validator. */
function rebindGroupParameters(doc: PipelineDocument, fn: (name: string) => string | undefined): PipelineDocument {
  if (!doc.groups) return doc;
  const rename = <T>(o: T): T => {
    if (o && typeof o === 'object' && 'parameter' in o) {
      const to = fn((o as { parameter: string }).parameter);
      if (to !== undefined && to !== (o as { parameter: string }).parameter) return { ...o, parameter: to };
    }
    return o;
  };
  let changed = false;
  const groups = doc.groups.map((g): Group => {
    if (g.kind === 'condition' && g.condition) {
      const condition = { ...g.condition, left: rename(g.condition.left), right: rename(g.condition.right) };
      if (condition.left !== g.condition.left || condition.right !== g.condition.right) {
        changed = true;
        return { ...g, condition };
      }
    }
    if (g.kind === 'loop') {
      const items = rename(g.items);
      if (items !== g.items) {
        changed = true;
        return { ...g, items };
      }
    }
    return g;
  });
  return changed ? { ...doc, groups } : doc;
}

/** Renames a parameter and every binding that uses it. */
export function renameParameter(doc: PipelineDocument, from: string, to: string): PipelineDocument {
  if (from === to) return doc;
  const parameters = doc.parameters.map((p) => (p.name === from ? { ...p, name: to } : p));
  return rebindParameters({ ...doc, parameters }, (n) => (n === from ? to : n));
}

/** Changes a parameter's type or default (`default: undefined` removes the default). */
export function updateParameter(
  doc: PipelineDocument,
  name: string,
  patch: { type?: ParameterType; default?: JsonValue | undefined; optional?: boolean },
): PipelineDocument {
  const parameters = doc.parameters.map((p) => {
    if (p.name !== name) return p;
    const next: PipelineParameter = { ...p };
    if (patch.type !== undefined) next.type = patch.type;
    if ('default' in patch) {
      if (patch.default === undefined) delete next.default;
      else next.default = patch.default;
    }
    if ('optional' in patch) {
      if (patch.optional) next.optional = true;
      else delete next.optional;
    }
    if (next.default !== undefined) delete next.optional;
    return next;
  });
  return { ...doc, parameters };
}

/** Removes a parameter and unbinds every input that used it. */
export function removeParameter(doc: PipelineDocument, name: string): PipelineDocument {
  const parameters = doc.parameters.filter((p) => p.name !== name);
  return rebindParameters({ ...doc, parameters }, (n) => (n === name ? undefined : n));
}

/** Inputs that use a pipeline parameter: `[taskId, inputName]` pairs. */
export function parameterUses(doc: PipelineDocument, name: string): Array<[string, string]> {
  const uses: Array<[string, string]> = [];
  for (const t of doc.tasks)
    for (const [k, b] of Object.entries(t.inputs))
      if (
        (isParameterRef(b) && b.parameter === name) ||
        (isTemplate(b) && b.template.some((p) => typeof p !== 'string' && isParameterRef(p) && p.parameter === name))
      )
        uses.push([t.id, k]);
  return uses;
}
