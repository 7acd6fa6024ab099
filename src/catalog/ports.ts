import type { CatalogEntry, Port } from './types';

const byName = (a: Port, b: Port) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Ports are computed once per catalog entry object (entries are never mutated: an edited
 * embedded component is a new entry), so validation, the canvas and the inspector can ask for
 * them on every edit without rebuilding them; the lists are shared, hence read-only.
 */
interface EntryPorts {
  inputs: readonly Port[];
  outputs: readonly Port[];
  inputByName: Map<string, Port>;
  outputByName: Map<string, Port>;
}
const portCache = new WeakMap<CatalogEntry, EntryPorts>();

function portsOf(entry: CatalogEntry): EntryPorts {
  let ports = portCache.get(entry);
  if (!ports) {
    const inputs = buildInputPorts(entry);
    const outputs = buildOutputPorts(entry);
    ports = {
      inputs,
      outputs,
      inputByName: new Map(inputs.map((p) => [p.name, p])),
      outputByName: new Map(outputs.map((p) => [p.name, p])),
    };
    portCache.set(entry, ports);
  }
  return ports;
}

/** Inputs of a component: artifacts and parameters, sorted by name. */
export function inputPorts(entry: CatalogEntry): readonly Port[] {
  return portsOf(entry).inputs;
}

/** Outputs of a component: artifacts and parameters, sorted by name. */
export function outputPorts(entry: CatalogEntry): readonly Port[] {
  return portsOf(entry).outputs;
}

function buildInputPorts(entry: CatalogEntry): Port[] {
  const ports: Port[] = [];
  for (const [name, a] of Object.entries(entry.inputDefinitions?.artifacts ?? {}))
    ports.push({
      name,
      kind: 'artifact',
      type: a.artifactType.schemaTitle,
      schemaVersion: a.artifactType.schemaVersion,
      optional: a.isOptional === true,
      hasDefault: false,
      isList: a.isArtifactList,
    });
  for (const [name, p] of Object.entries(entry.inputDefinitions?.parameters ?? {}))
    ports.push({
      name,
      kind: 'parameter',
      type: p.parameterType,
      optional: p.isOptional === true,
      hasDefault: 'defaultValue' in p,
      defaultValue: p.defaultValue,
    });
  return ports.sort(byName);
}

function buildOutputPorts(entry: CatalogEntry): Port[] {
  const ports: Port[] = [];
  for (const [name, a] of Object.entries(entry.outputDefinitions?.artifacts ?? {}))
    ports.push({
      name,
      kind: 'artifact',
      type: a.artifactType.schemaTitle,
      schemaVersion: a.artifactType.schemaVersion,
      optional: false,
      hasDefault: false,
      isList: a.isArtifactList,
    });
  for (const [name, p] of Object.entries(entry.outputDefinitions?.parameters ?? {}))
    ports.push({ name, kind: 'parameter', type: p.parameterType, optional: false, hasDefault: false });
  return ports.sort(byName);
}

export function findInput(entry: CatalogEntry, name: string): Port | undefined {
  return portsOf(entry).inputByName.get(name);
}

export function findOutput(entry: CatalogEntry, name: string): Port | undefined {
  return portsOf(entry).outputByName.get(name);
}

/** Required inputs: not optional and without a default. */
export function isRequired(port: Port): boolean {
  return !port.optional && !port.hasDefault;
}
