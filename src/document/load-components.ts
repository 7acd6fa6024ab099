/**
 * Loading of the components a document carries (`doc.components`) and of the task settings
 * that come with them (resources, environment, importer). Shapes only.
 */
import { isParameterType, PARAMETER_TYPES, type ArtifactTypeSchema, type JsonObject } from '../spec/pipeline-spec';
import {
  child,
  copyJson,
  describe,
  expectArray,
  expectBoolean,
  expectRecord,
  expectString,
  expectWholeNumber,
  fieldsText,
  has,
  isRecord,
  item,
  onlyKeys,
  optionalString,
  refuse,
  shapeOf,
  type JsonRecord,
} from './load-json';
import type {
  CommandLineItem,
  ComponentDescriptions,
  ComponentInputDef,
  ComponentOutputDef,
  EmbeddedComponent,
  EnvVar,
  ImporterSettings,
  IoType,
  KeptPart,
  PipelineArtifactInput,
  TaskResources,
} from './types';

function loadArtifactType(value: unknown, path: string): ArtifactTypeSchema {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['schemaTitle', 'schemaVersion']);
  if (!has(obj, 'schemaTitle')) refuse(path, 'has no "schemaTitle"');
  if (!has(obj, 'schemaVersion')) refuse(path, 'has no "schemaVersion"');
  return {
    schemaTitle: expectString(obj.schemaTitle, child(path, 'schemaTitle'), true),
    schemaVersion: expectString(obj.schemaVersion, child(path, 'schemaVersion'), true),
  };
}

function loadIoType(value: unknown, path: string, input: boolean): IoType {
  if (isRecord(value)) return loadArtifactType(value, path);
  if (isParameterType(value)) return value;
  if (input && value === 'TASK_FINAL_STATUS') return value;
  return refuse(
    path,
    `must be one of ${PARAMETER_TYPES.join(', ')}${input ? ', TASK_FINAL_STATUS' : ''} or an artifact type {"schemaTitle", "schemaVersion"}, not ${describe(value)}`,
  );
}

function loadIo(value: unknown, path: string, input: true): ComponentInputDef;
function loadIo(value: unknown, path: string, input: false): ComponentOutputDef;
function loadIo(value: unknown, path: string, input: boolean): ComponentInputDef | ComponentOutputDef {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, input ? ['name', 'type', 'default', 'optional', 'isList', 'description'] : ['name', 'type', 'isList', 'description']);
  if (!has(obj, 'name')) refuse(path, 'has no "name"');
  if (!has(obj, 'type')) refuse(path, 'has no "type"');
  const io: ComponentInputDef = { name: expectString(obj.name, child(path, 'name'), true), type: loadIoType(obj.type, child(path, 'type'), input) };
  if (has(obj, 'default')) io.default = copyJson(obj.default, child(path, 'default'), 3);
  if (has(obj, 'optional')) io.optional = expectBoolean(obj.optional, child(path, 'optional'));
  if (has(obj, 'isList')) io.isList = expectBoolean(obj.isList, child(path, 'isList'));
  const description = optionalString(obj, 'description', path);
  if (description !== undefined) io.description = description;
  return io;
}

const PLACEHOLDER_KEYS: Record<string, string> = {
  inputValue: 'input',
  inputPath: 'input',
  inputUri: 'input',
  outputPath: 'output',
  outputUri: 'output',
};

function loadBranch(value: unknown, path: string, depth: number): CommandLineItem | CommandLineItem[] {
  return Array.isArray(value) ? value.map((v, i) => loadCommandLineItem(v, item(path, i), depth + 1)) : loadCommandLineItem(value, path, depth + 1);
}

/** One command-line element: text or a placeholder object. */
export function loadCommandLineItem(value: unknown, path: string, depth = 0): CommandLineItem {
  if (depth > 50) refuse(path, 'is nested too deeply');
  if (typeof value === 'string') return value;
  const obj = expectRecord(value, path, 'text or a placeholder object');
  const keys = shapeOf(obj);
  if (keys in PLACEHOLDER_KEYS) return { [keys]: expectString(obj[keys], child(path, keys), true) } as CommandLineItem;
  switch (keys) {
    case 'inputMetadata':
    case 'inputMetadata,key':
    case 'outputMetadata':
    case 'key,outputMetadata': {
      const which = keys.includes('input') ? 'inputMetadata' : 'outputMetadata';
      const out = { [which]: expectString(obj[which], child(path, which), true) } as { inputMetadata: string; key?: string };
      if (has(obj, 'key')) out.key = expectString(obj.key, child(path, 'key'), true);
      return out as CommandLineItem;
    }
    case 'executorInput':
      if (obj.executorInput !== true) refuse(child(path, 'executorInput'), 'must be true');
      return { executorInput: true };
    case 'concat':
      return { concat: expectArray(obj.concat, child(path, 'concat')).map((v, i) => loadCommandLineItem(v, item(child(path, 'concat'), i), depth + 1)) };
    case 'ifPresent': {
      const at = child(path, 'ifPresent');
      const ip = expectRecord(obj.ifPresent, at);
      onlyKeys(ip, at, ['input', 'then', 'else']);
      if (!has(ip, 'input')) refuse(at, 'has no "input"');
      if (!has(ip, 'then')) refuse(at, 'has no "then"');
      const out: { input: string; then: CommandLineItem | CommandLineItem[]; else?: CommandLineItem | CommandLineItem[] } = {
        input: expectString(ip.input, child(at, 'input'), true),
        then: loadBranch(ip.then, child(at, 'then'), depth),
      };
      if (has(ip, 'else')) out.else = loadBranch(ip.else, child(at, 'else'), depth);
      return { ifPresent: out };
    }
  }
  return refuse(
    path,
    `must be text or one placeholder (inputValue, inputPath, inputUri, inputMetadata, outputPath, outputUri, outputMetadata, executorInput, concat, ifPresent), but has ${fieldsText(keys)}`,
  );
}

function loadJsonObject(value: unknown, path: string): JsonObject {
  const obj = expectRecord(value, path);
  return copyJson(obj, path, 0) as JsonObject;
}

export function loadComponent(value: unknown, path: string): EmbeddedComponent {
  const obj = expectRecord(value, path);
  if (!has(obj, 'kind')) refuse(path, 'has no "kind"');
  if (!has(obj, 'name')) refuse(path, 'has no "name"');
  const name = expectString(obj.name, child(path, 'name'), true);
  if (obj.kind === 'container') {
    onlyKeys(obj, path, ['kind', 'name', 'description', 'inputs', 'outputs', 'image', 'command', 'args']);
    if (!has(obj, 'image')) refuse(path, 'has no "image"');
    const list = (key: string) => (has(obj, key) ? expectArray(obj[key], child(path, key)) : []);
    const def: EmbeddedComponent = {
      kind: 'container',
      name,
      inputs: list('inputs').map((v, i) => loadIo(v, item(child(path, 'inputs'), i), true)),
      outputs: list('outputs').map((v, i) => loadIo(v, item(child(path, 'outputs'), i), false)),
      image: expectString(obj.image, child(path, 'image')),
      command: list('command').map((v, i) => loadCommandLineItem(v, item(child(path, 'command'), i))),
      args: list('args').map((v, i) => loadCommandLineItem(v, item(child(path, 'args'), i))),
    };
    const description = optionalString(obj, 'description', path);
    if (description !== undefined) def.description = description;
    return def;
  }
  if (obj.kind === 'verbatim') {
    onlyKeys(obj, path, ['kind', 'name', 'spec', 'executor', 'components', 'executors']);
    if (!has(obj, 'spec')) refuse(path, 'has no "spec"');
    const def: EmbeddedComponent = { kind: 'verbatim', name, spec: loadJsonObject(obj.spec, child(path, 'spec')) };
    if (has(obj, 'executor')) def.executor = loadJsonObject(obj.executor, child(path, 'executor'));
    for (const key of ['components', 'executors'] as const)
      if (has(obj, key)) {
        const map = expectRecord(obj[key], child(path, key));
        def[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, loadJsonObject(v, child(child(path, key), k))]));
      }
    return def;
  }
  return refuse(child(path, 'kind'), `must be "container" or "verbatim", not ${describe(obj.kind)}`);
}

const RESOURCE_TEXT = ['cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit', 'acceleratorType'] as const;

export function loadResources(value: unknown, path: string): TaskResources | undefined {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, [...RESOURCE_TEXT, 'acceleratorCount']);
  const out: TaskResources = {};
  for (const key of RESOURCE_TEXT) if (has(obj, key)) out[key] = expectString(obj[key], child(path, key), true);
  if (has(obj, 'acceleratorCount')) out.acceleratorCount = expectWholeNumber(obj.acceleratorCount, child(path, 'acceleratorCount'));
  return Object.keys(out).length > 0 ? out : undefined;
}

export function loadEnv(value: unknown, path: string): EnvVar[] {
  return expectArray(value, path).map((v, i) => {
    const p = item(path, i);
    const obj: JsonRecord = expectRecord(v, p);
    onlyKeys(obj, p, ['name', 'value']);
    if (!has(obj, 'name')) refuse(p, 'has no "name"');
    return { name: expectString(obj.name, child(p, 'name'), true), value: has(obj, 'value') ? expectString(obj.value, child(p, 'value')) : '' };
  });
}

export function loadImporter(value: unknown, path: string): ImporterSettings {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['artifactType', 'reimport', 'metadata', 'downloadToWorkspace']);
  if (!has(obj, 'artifactType')) refuse(path, 'has no "artifactType"');
  const out: ImporterSettings = { artifactType: loadArtifactType(obj.artifactType, child(path, 'artifactType')) };
  if (has(obj, 'reimport')) out.reimport = expectBoolean(obj.reimport, child(path, 'reimport'));
  if (has(obj, 'metadata')) out.metadata = copyJson(expectRecord(obj.metadata, child(path, 'metadata')), child(path, 'metadata'), 5) as JsonObject;
  if (has(obj, 'downloadToWorkspace')) out.downloadToWorkspace = expectBoolean(obj.downloadToWorkspace, child(path, 'downloadToWorkspace'));
  return out;
}

/** An artifact input of the pipeline (`doc.artifactInputs[i]`). */
export function loadArtifactInput(value: unknown, path: string): PipelineArtifactInput {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['name', 'artifactType', 'isList', 'optional', 'description']);
  if (!has(obj, 'name')) refuse(path, 'has no "name"');
  if (!has(obj, 'artifactType')) refuse(path, 'has no "artifactType"');
  const input: PipelineArtifactInput = {
    name: expectString(obj.name, child(path, 'name'), true),
    artifactType: loadArtifactType(obj.artifactType, child(path, 'artifactType')),
  };
  if (has(obj, 'isList') && expectBoolean(obj.isList, child(path, 'isList'))) input.isList = true;
  if (has(obj, 'optional') && expectBoolean(obj.optional, child(path, 'optional'))) input.optional = true;
  const description = optionalString(obj, 'description', path);
  if (description !== undefined) input.description = description;
  return input;
}

function loadTextMap(value: unknown, path: string): Record<string, string> {
  const obj = expectRecord(value, path);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = expectString(v, child(path, k));
  return out;
}

/** `doc.descriptions`: component id → {inputs?, outputs?} of name → text. */
export function loadDescriptions(value: unknown, path: string): Record<string, ComponentDescriptions> {
  const obj = expectRecord(value, path);
  const out: Record<string, ComponentDescriptions> = {};
  for (const [id, d] of Object.entries(obj)) {
    const at = child(path, id);
    const rec = expectRecord(d, at);
    onlyKeys(rec, at, ['inputs', 'outputs']);
    const entry: ComponentDescriptions = {};
    if (has(rec, 'inputs')) entry.inputs = loadTextMap(rec.inputs, child(at, 'inputs'));
    if (has(rec, 'outputs')) entry.outputs = loadTextMap(rec.outputs, child(at, 'outputs'));
    out[id] = entry;
  }
  return out;
}

/** `doc.kept`: parts of an imported spec kept as they were. */
export function loadKept(value: unknown, path: string): KeptPart[] {
  return expectArray(value, path).map((v, i) => {
    const at = item(path, i);
    const obj = expectRecord(v, at);
    onlyKeys(obj, at, ['path', 'value']);
    if (!has(obj, 'path')) refuse(at, 'has no "path"');
    const keys = expectArray(obj.path, child(at, 'path')).map((k, j) => {
      const key = expectString(k, item(child(at, 'path'), j));
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') refuse(item(child(at, 'path'), j), `uses the forbidden key "${key}"`);
      return key;
    });
    if (keys.length === 0) refuse(child(at, 'path'), 'must name at least one key');
    const part: KeptPart = { path: keys };
    if (has(obj, 'value')) part.value = copyJson(obj.value, child(at, 'value'), 2);
    return part;
  });
}
