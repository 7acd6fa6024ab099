import type { CatalogEntry, Port } from './types';

const byName = (a: Port, b: Port) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Inputs of a component: artifacts and parameters, sorted by name. */
export function inputPorts(entry: CatalogEntry): Port[] {
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

/** Outputs of a component: artifacts and parameters, sorted by name. */
export function outputPorts(entry: CatalogEntry): Port[] {
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
  return inputPorts(entry).find((p) => p.name === name);
}

export function findOutput(entry: CatalogEntry, name: string): Port | undefined {
  return outputPorts(entry).find((p) => p.name === name);
}

/** Required inputs: not optional and without a default. */
export function isRequired(port: Port): boolean {
  return !port.optional && !port.hasDefault;
}
