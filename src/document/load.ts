/**
 * The one loading boundary for saved documents. Every document that enters (file, URL,
 * local storage, CLI) goes through `loadDocument`, which parses, checks and normalises
 * it strictly and never throws: a refusal is one sentence naming the source, what is
 * wrong and where (`tasks[2].inputs.project`).
 *
 * Versions: a version-1 document (tasks, parameters, three kinds of binding) is read as it
 * is and becomes version 2; it may not use fields that version 1 did not have.
 *
 * Referential checks that the validator reports as diagnostics (unknown components,
 * parameters, groups or producer tasks of a binding) are left to the validator; the loader
 * only guarantees the shape that the rest of the code relies on.
 *
 * The checking helpers (`load-json.ts`) are re-exported for the other loader of pipeline
 * files, `neutral.ts` (the golden set's `*.pipeline.json`), which maps onto the same shape.
 */
import { isParameterType, PARAMETER_TYPES } from '../spec/pipeline-spec';
import { loadArtifactInput, loadComponent, loadDescriptions, loadEnv, loadImporter, loadKept, loadResources } from './load-components';
import { loadBinding, loadGroup, loadOutput } from './load-flow';
import {
  child,
  copyJson,
  describe,
  expectArray,
  expectBoolean,
  expectRecord,
  expectString,
  finiteNumber,
  guardedLoad,
  has,
  isRecord,
  item,
  onlyKeys,
  optionalString,
  parseJsonText,
  refuse,
  type JsonRecord,
  type LoadResult,
} from './load-json';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type Binding, type EmbeddedComponent, type PipelineDocument, type PipelineParameter, type Task } from './types';

export {
  child,
  describe,
  expectArray,
  expectRecord,
  expectString,
  guardedLoad,
  has,
  isRecord,
  item,
  MAX_DEPTH,
  MAX_DOCUMENT_BYTES,
  onlyKeys,
  parseJsonText,
  refuse,
  type JsonRecord,
  type LoadResult,
} from './load-json';
export { saveDocument } from './save';

const TASK_FIELDS_V1 = ['id', 'component', 'displayName', 'caching', 'retries', 'retryBackoff', 'after', 'inputs', 'position'];
const TASK_FIELDS = [...TASK_FIELDS_V1, 'group', 'resources', 'env', 'importer', 'ignoreUpstreamFailure'];
const ROOT_FIELDS_V1 = ['format', 'version', 'name', 'displayName', 'description', 'pipelineRoot', 'parameters', 'tasks'];
const ROOT_FIELDS = [...ROOT_FIELDS_V1, 'target', 'groups', 'components', 'outputs', 'artifactInputs', 'descriptions', 'platformSpec', 'kept'];

function loadParameter(value: unknown, path: string, version: number): PipelineParameter {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, version === 1 ? ['name', 'type', 'default'] : ['name', 'type', 'default', 'optional', 'description']);
  if (!has(obj, 'name')) refuse(path, 'has no "name"');
  const name = expectString(obj.name, child(path, 'name'), true);
  if (!has(obj, 'type')) refuse(path, 'has no "type"');
  if (!isParameterType(obj.type))
    refuse(child(path, 'type'), `must be one of ${PARAMETER_TYPES.join(', ')}, not ${describe(obj.type)}`);
  const param: PipelineParameter = { name, type: obj.type };
  if (has(obj, 'default')) param.default = copyJson(obj.default, child(path, 'default'), 3);
  if (has(obj, 'optional') && expectBoolean(obj.optional, child(path, 'optional')) && !has(obj, 'default')) param.optional = true;
  const description = optionalString(obj, 'description', path);
  if (description !== undefined) param.description = description;
  return param;
}

function loadTask(value: unknown, path: string, version: number): Task {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, version === 1 ? TASK_FIELDS_V1 : TASK_FIELDS);
  if (!has(obj, 'id')) refuse(path, 'has no "id"');
  const id = expectString(obj.id, child(path, 'id'), true);
  if (!has(obj, 'component')) refuse(path, 'has no "component"');
  const component = expectString(obj.component, child(path, 'component'), true);

  let caching = true;
  if (has(obj, 'caching')) {
    if (typeof obj.caching !== 'boolean') refuse(child(path, 'caching'), `must be true or false, not ${describe(obj.caching)}`);
    caching = obj.caching;
  }

  const after: string[] = [];
  if (has(obj, 'after'))
    expectArray(obj.after, child(path, 'after')).forEach((a, i) => {
      const dep = expectString(a, item(child(path, 'after'), i), true);
      if (!after.includes(dep)) after.push(dep);
    });

  const inputs: Record<string, Binding> = {};
  if (has(obj, 'inputs')) {
    const raw = expectRecord(obj.inputs, child(path, 'inputs'));
    for (const [name, b] of Object.entries(raw)) {
      if (name === '') refuse(child(path, 'inputs'), 'has an input with an empty name');
      inputs[name] = loadBinding(b, child(child(path, 'inputs'), name), version);
    }
  }

  let position = { x: 0, y: 0 };
  if (has(obj, 'position')) {
    const p = expectRecord(obj.position, child(path, 'position'));
    onlyKeys(p, child(path, 'position'), ['x', 'y']);
    for (const axis of ['x', 'y'] as const)
      if (!has(p, axis)) refuse(child(path, 'position'), `has no "${axis}"`);
    position = { x: finiteNumber(p.x, child(child(path, 'position'), 'x')), y: finiteNumber(p.y, child(child(path, 'position'), 'y')) };
  }

  const task: Task = { id, component, caching, after, inputs, position };
  const displayName = optionalString(obj, 'displayName', path);
  if (displayName !== undefined) task.displayName = displayName;
  if (has(obj, 'retries')) {
    const r = obj.retries;
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r > 2147483647)
      refuse(child(path, 'retries'), `must be a whole number from 0 to 2147483647, not ${describe(r)}`);
    task.retries = r;
  }
  if (has(obj, 'retryBackoff')) {
    const backoff = loadRetryBackoff(obj.retryBackoff, child(path, 'retryBackoff'));
    if (backoff) task.retryBackoff = backoff;
  }
  if (has(obj, 'group')) task.group = expectString(obj.group, child(path, 'group'), true);
  if (has(obj, 'resources')) {
    const resources = loadResources(obj.resources, child(path, 'resources'));
    if (resources) task.resources = resources;
  }
  if (has(obj, 'env')) {
    const env = loadEnv(obj.env, child(path, 'env'));
    if (env.length > 0) task.env = env;
  }
  if (has(obj, 'importer')) task.importer = loadImporter(obj.importer, child(path, 'importer'));
  if (has(obj, 'ignoreUpstreamFailure') && expectBoolean(obj.ignoreUpstreamFailure, child(path, 'ignoreUpstreamFailure')))
    task.ignoreUpstreamFailure = true;
  return task;
}

const BACKOFF_KEYS = ['duration', 'factor', 'maxDuration'] as const;

/**
 * `{duration?, factor?, maxDuration?}`: seconds, a factor above 0, seconds. Each must be a
 * finite number of 0 or more; an empty object means "not set" and is dropped.
 */
function loadRetryBackoff(value: unknown, path: string): Task['retryBackoff'] {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, BACKOFF_KEYS);
  const backoff: NonNullable<Task['retryBackoff']> = {};
  for (const key of BACKOFF_KEYS) {
    if (!has(obj, key)) continue;
    const at = child(path, key);
    const n = finiteNumber(obj[key], at);
    if (key === 'factor' && !(n > 0)) refuse(at, `must be a number above 0, not ${describe(n)}`);
    if (n < 0) refuse(at, `must be 0 or more seconds, not ${describe(n)}`);
    backoff[key] = n;
  }
  return Object.keys(backoff).length > 0 ? backoff : undefined;
}

export function loadRoot(value: unknown): PipelineDocument {
  if (!isRecord(value)) refuse('', `is not a Pipeline Canvas document: it holds ${describe(value)} instead of an object`);
  const obj = expectRecord(value, '');
  if (!has(obj, 'format')) refuse('', 'is not a Pipeline Canvas document: it has no "format" field');
  if (obj.format !== DOCUMENT_FORMAT)
    refuse('format', `is ${describe(obj.format)}, but a Pipeline Canvas document has "${DOCUMENT_FORMAT}"`);
  if (!has(obj, 'version')) refuse('', 'has no "version" field');
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    refuse('version', `must be a whole number of at least 1, not ${describe(version)}`);
  if (version > DOCUMENT_VERSION)
    refuse(
      '',
      `was saved by a newer Pipeline Canvas (document version ${version}); this version reads version ${DOCUMENT_VERSION} only, so please update`,
    );
  onlyKeys(obj, '', version === 1 ? ROOT_FIELDS_V1 : ROOT_FIELDS);

  if (!has(obj, 'name')) refuse('', 'has no "name" field');
  const doc: PipelineDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: expectString(obj.name, 'name'),
    parameters: [],
    tasks: [],
  };
  for (const key of ['displayName', 'description', 'pipelineRoot'] as const) {
    const v = optionalString(obj, key, '');
    if (v !== undefined) doc[key] = v;
  }
  if (has(obj, 'target')) {
    if (obj.target !== 'vertex' && obj.target !== 'kfp') refuse('target', `must be "vertex" or "kfp", not ${describe(obj.target)}`);
    doc.target = obj.target;
  }
  if (has(obj, 'parameters'))
    doc.parameters = expectArray(obj.parameters, 'parameters').map((p, i) => loadParameter(p, item('parameters', i), version));

  if (has(obj, 'tasks')) {
    const ids = new Map<string, number>();
    doc.tasks = expectArray(obj.tasks, 'tasks').map((t, i) => {
      const task = loadTask(t, item('tasks', i), version);
      const first = ids.get(task.id);
      if (first !== undefined) refuse(item('tasks', i), `has the id "${task.id}", which tasks[${first}] already uses`);
      ids.set(task.id, i);
      return task;
    });
    doc.tasks.forEach((t, i) =>
      t.after.forEach((dep, j) => {
        if (!ids.has(dep)) refuse(item(`${item('tasks', i)}.after`, j), `names the task "${dep}", which does not exist`);
      }),
    );
  }
  if (version > 1) loadVersion2(obj, doc);
  return doc;
}

/** The fields version 2 added: groups, embedded components, pipeline outputs. */
function loadVersion2(obj: JsonRecord, doc: PipelineDocument): void {
  if (has(obj, 'groups')) {
    const ids = new Map<string, number>();
    const groups = expectArray(obj.groups, 'groups').map((g, i) => {
      const group = loadGroup(g, item('groups', i));
      const first = ids.get(group.id);
      if (first !== undefined) refuse(item('groups', i), `has the id "${group.id}", which groups[${first}] already uses`);
      ids.set(group.id, i);
      return group;
    });
    if (groups.length > 0) doc.groups = groups;
  }
  if (has(obj, 'components')) {
    const map = expectRecord(obj.components, 'components');
    const components: Record<string, EmbeddedComponent> = {};
    for (const [id, c] of Object.entries(map)) {
      if (id === '') refuse('components', 'has a component with an empty id');
      components[id] = loadComponent(c, child('components', id));
    }
    if (Object.keys(components).length > 0) doc.components = components;
  }
  if (has(obj, 'outputs')) {
    const names = new Map<string, number>();
    const outputs = expectArray(obj.outputs, 'outputs').map((o, i) => {
      const output = loadOutput(o, item('outputs', i));
      const first = names.get(output.name);
      if (first !== undefined) refuse(item('outputs', i), `is named "${output.name}", like outputs[${first}]`);
      names.set(output.name, i);
      return output;
    });
    if (outputs.length > 0) doc.outputs = outputs;
  }
  if (has(obj, 'artifactInputs')) {
    const names = new Map<string, number>(doc.parameters.map((p, i) => [p.name, -1 - i]));
    const inputs = expectArray(obj.artifactInputs, 'artifactInputs').map((a, i) => {
      const input = loadArtifactInput(a, item('artifactInputs', i));
      const first = names.get(input.name);
      if (first !== undefined)
        refuse(item('artifactInputs', i), `is named "${input.name}", like ${first < 0 ? `parameters[${-1 - first}]` : `artifactInputs[${first}]`}`);
      names.set(input.name, i);
      return input;
    });
    if (inputs.length > 0) doc.artifactInputs = inputs;
  }
  if (has(obj, 'descriptions')) {
    const descriptions = loadDescriptions(obj.descriptions, 'descriptions');
    if (Object.keys(descriptions).length > 0) doc.descriptions = descriptions;
  }
  if (has(obj, 'platformSpec')) doc.platformSpec = copyJson(expectRecord(obj.platformSpec, 'platformSpec'), 'platformSpec', 0) as JsonRecord;
  if (has(obj, 'kept')) {
    const kept = loadKept(obj.kept, 'kept');
    if (kept.length > 0) doc.kept = kept;
  }
}

/** Parses, checks and normalises a saved document. Never throws. */
export function loadDocument(text: string, source = 'document'): LoadResult {
  return guardedLoad(text, source, (clean) => loadRoot(parseJsonText(clean)));
}
