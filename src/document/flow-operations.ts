/**
 * Pure operations on the version-2 parts of a document: control-flow groups, pipeline
 * outputs, embedded components and container/importer settings of tasks.
 * (document, args) → document; inputs are never mutated.
 */
import { sanitizeName } from '../spec/pipeline-spec';
import { dissolveGroup, withGroup, withList } from './operations';
import type {
  EmbeddedComponent,
  EnvVar,
  Group,
  ImporterSettings,
  PipelineDocument,
  PipelineOutput,
  Position,
  Task,
  TaskResources,
} from './types';

export type NewGroup = Group extends infer G ? (G extends Group ? Omit<G, 'id'> : never) : never;

/** The next free group id (`g<n>`), derived from the document. */
export function nextGroupId(doc: PipelineDocument): string {
  let max = 0n;
  for (const g of doc.groups ?? []) {
    const m = /^g(\d+)$/.exec(g.id);
    if (m && BigInt(m[1]) > max) max = BigInt(m[1]);
  }
  return `g${max + 1n}`;
}

export function findGroup(doc: PipelineDocument, id: string): Group | undefined {
  return doc.groups?.find((g) => g.id === id);
}

/**
 * Adds a group (after its siblings: the order decides KFP's numbering) and moves the given
 * tasks into it.
 */
export function addGroup(doc: PipelineDocument, group: NewGroup, taskIds: readonly string[] = []): { doc: PipelineDocument; id: string } {
  const id = nextGroupId(doc);
  const g = { ...group, id } as Group;
  let next = withList(doc, 'groups', [...(doc.groups ?? []), g]);
  if (taskIds.length > 0) next = setTaskGroup(next, taskIds, id);
  return { doc: next, id };
}

/** Changes fields of a group (not its id or kind); `undefined` values clear optional fields. */
export function updateGroup(doc: PipelineDocument, id: string, patch: Partial<Omit<Group, 'id' | 'kind'>>): PipelineDocument {
  if (!findGroup(doc, id)) return doc;
  const groups = doc.groups!.map((g) => {
    if (g.id !== id) return g;
    const next: Record<string, unknown> = { ...g };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    return next as unknown as Group;
  });
  return { ...doc, groups };
}

/**
 * Removes a group: what it held (tasks, groups) moves to its parent, and inputs bound to
 * the item of a removed loop are unbound. To delete the contents too, remove the tasks
 * first (`removeTasks`).
 */
export function removeGroup(doc: PipelineDocument, id: string): PipelineDocument {
  const next = dissolveGroup(doc, id);
  // Bindings that read the removed loop's item are unbound.
  const tasks = next.tasks.map((t) => {
    const inputs = Object.entries(t.inputs).filter(([, b]) => !('loopItem' in b && b.loopItem === id));
    return inputs.length === Object.keys(t.inputs).length ? t : { ...t, inputs: Object.fromEntries(inputs) };
  });
  return { ...next, tasks };
}

/** Moves tasks into a group (or to the top level with `undefined`). */
export function setTaskGroup(doc: PipelineDocument, taskIds: readonly string[], group: string | undefined): PipelineDocument {
  const ids = new Set(taskIds);
  let changed = false;
  const tasks = doc.tasks.map((t) => {
    if (!ids.has(t.id) || t.group === group) return t;
    changed = true;
    return withGroup(t, group);
  });
  return changed ? { ...doc, tasks } : doc;
}

/** Moves a group under another one (or to the top level). */
export function setGroupParent(doc: PipelineDocument, id: string, parent: string | undefined): PipelineDocument {
  return updateGroup(doc, id, { parent });
}

/** Ids of the groups enclosing a task or group, innermost first. */
export function enclosingGroups(doc: PipelineDocument, start: string | undefined): string[] {
  const byId = new Map((doc.groups ?? []).map((g) => [g.id, g]));
  const out: string[] = [];
  let id = start;
  while (id !== undefined && byId.has(id) && !out.includes(id)) {
    out.push(id);
    id = byId.get(id)!.parent;
  }
  return out;
}

// ---------------------------------------------------------------- pipeline outputs

export function setOutputs(doc: PipelineDocument, outputs: PipelineOutput[]): PipelineDocument {
  return withList(doc, 'outputs', outputs);
}

/** Adds or replaces (by name) a pipeline output. */
export function setOutput(doc: PipelineDocument, output: PipelineOutput): PipelineDocument {
  const list = doc.outputs ?? [];
  const i = list.findIndex((o) => o.name === output.name);
  return setOutputs(doc, i < 0 ? [...list, output] : list.map((o, j) => (j === i ? output : o)));
}

export function removeOutput(doc: PipelineDocument, name: string): PipelineDocument {
  return setOutputs(doc, (doc.outputs ?? []).filter((o) => o.name !== name));
}

// ---------------------------------------------------------------- task settings

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

function setOptional<K extends 'resources' | 'env' | 'importer' | 'ignoreUpstreamFailure'>(t: Task, key: K, value: Task[K] | undefined): Task {
  const next = { ...t };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Sets CPU, memory and accelerator settings; empty fields are dropped, nothing left clears them. */
export function setTaskResources(doc: PipelineDocument, taskId: string, resources: TaskResources | undefined): PipelineDocument {
  const clean = Object.fromEntries(Object.entries(resources ?? {}).filter(([, v]) => v !== undefined && v !== '')) as TaskResources;
  return mapTask(doc, taskId, (t) => setOptional(t, 'resources', Object.keys(clean).length > 0 ? clean : undefined));
}

export function setTaskEnv(doc: PipelineDocument, taskId: string, env: EnvVar[]): PipelineDocument {
  return mapTask(doc, taskId, (t) => setOptional(t, 'env', env.length > 0 ? env.map((e) => ({ ...e })) : undefined));
}

export function setImporterSettings(doc: PipelineDocument, taskId: string, importer: ImporterSettings): PipelineDocument {
  return mapTask(doc, taskId, (t) => setOptional(t, 'importer', importer));
}

export function setIgnoreUpstreamFailure(doc: PipelineDocument, taskId: string, on: boolean): PipelineDocument {
  return mapTask(doc, taskId, (t) => setOptional(t, 'ignoreUpstreamFailure', on ? true : undefined));
}

/** Adds a `dsl.importer` task: the URI is its `uri` input. */
export function addImporter(
  doc: PipelineDocument,
  position: Position,
  importer: ImporterSettings,
  uri: Task['inputs'][string] = { constant: '' },
): { doc: PipelineDocument; id: string } {
  let max = 0n;
  for (const t of doc.tasks) {
    const m = /^t(\d+)$/.exec(t.id);
    if (m && BigInt(m[1]) > max) max = BigInt(m[1]);
  }
  const id = `t${max + 1n}`;
  const task: Task = { id, component: 'kfp.importer', caching: true, after: [], inputs: { uri }, position, importer };
  return { doc: { ...doc, tasks: [...doc.tasks, task] }, id };
}

// ---------------------------------------------------------------- embedded components

/** A free id for an embedded component: `custom.<name>`, `custom.<name>-2`, … */
export function freeComponentId(doc: PipelineDocument, name: string): string {
  const base = `custom.${sanitizeName(name) || 'component'}`;
  const used = doc.components ?? {};
  if (!(base in used)) return base;
  for (let i = 2; ; i++) if (!(`${base}-${i}` in used)) return `${base}-${i}`;
}

export function addComponent(doc: PipelineDocument, def: EmbeddedComponent, id = freeComponentId(doc, def.name)): { doc: PipelineDocument; id: string } {
  return { doc: { ...doc, components: { ...(doc.components ?? {}), [id]: def } }, id };
}

export function updateComponent(doc: PipelineDocument, id: string, def: EmbeddedComponent): PipelineDocument {
  if (!doc.components?.[id]) return doc;
  return { ...doc, components: { ...doc.components, [id]: def } };
}

/** Removes an embedded component; tasks that use it stay, for the validator to point at. */
export function removeComponent(doc: PipelineDocument, id: string): PipelineDocument {
  if (!doc.components?.[id]) return doc;
  const { [id]: _gone, ...rest } = doc.components;
  const next = { ...doc };
  if (Object.keys(rest).length > 0) next.components = rest;
  else delete next.components;
  return next;
}
