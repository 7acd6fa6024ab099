/**
 * The imports and module-level names of a generated KFP file: `kfp` modules, `typing`
 * names, GCPC components by module, GCPC artifact types, and artifact classes declared in
 * the file for types neither KFP nor GCPC defines. Names are taken from the file's
 * namespace, so a pipeline parameter called `dsl` makes the import `dsl as kfp_dsl`.
 */
import type { ArtifactTypeSchema, ParameterType } from '../spec/pipeline-spec';
import { isIdentifier, type PyNames } from './python-names';

/** KFP's own artifact classes (`kfp.dsl`), by schema title (all at schema version 0.0.1). */
const KFP_ARTIFACTS: Readonly<Record<string, string>> = {
  'system.Artifact': 'Artifact',
  'system.Dataset': 'Dataset',
  'system.Model': 'Model',
  'system.Metrics': 'Metrics',
  'system.ClassificationMetrics': 'ClassificationMetrics',
  'system.SlicedClassificationMetrics': 'SlicedClassificationMetrics',
  'system.HTML': 'HTML',
  'system.Markdown': 'Markdown',
};

/** The classes of `google_cloud_pipeline_components.types.artifact_types` (schema version 0.0.1). */
const GCPC_ARTIFACTS = new Set([
  'VertexModel',
  'VertexEndpoint',
  'VertexBatchPredictionJob',
  'VertexDataset',
  'BQMLModel',
  'BQTable',
  'UnmanagedContainerModel',
  'ClassificationMetrics',
  'RegressionMetrics',
  'ForecastingMetrics',
]);

export const GCPC_PACKAGE = 'google_cloud_pipeline_components';
const GCPC_TYPES_MODULE = `${GCPC_PACKAGE}.types.artifact_types`;

/** Python annotation of each parameter type (without `dsl.`-qualified status). */
const PY_TYPES: Record<ParameterType, string> = {
  STRING: 'str',
  NUMBER_INTEGER: 'int',
  NUMBER_DOUBLE: 'float',
  BOOLEAN: 'bool',
  STRUCT: 'dict',
  LIST: 'list',
};

export interface CustomArtifact {
  className: string;
  schemaTitle: string;
  schemaVersion: string;
}

export class PyImports {
  private readonly kfp = new Map<string, string>();
  private readonly typing = new Map<string, string>();
  /** GCPC module (`v1.endpoint`) → class → local name. */
  private readonly gcpc = new Map<string, Map<string, string>>();
  private readonly gcpcTypes = new Map<string, string>();
  private readonly custom = new Map<string, CustomArtifact>();

  constructor(private readonly names: PyNames) {}

  /** The local name for `key` of one import kind: `wanted` when free, else a free name from `fallback`. */
  private local(existing: Map<string, string>, key: string, wanted: string, fallback: string): string {
    const known = existing.get(key);
    if (known) return known;
    let name = wanted;
    if (this.names.has(wanted)) name = this.names.take(fallback);
    else this.names.fix(wanted);
    existing.set(key, name);
    return name;
  }

  /** `from kfp import <module>`: the local name of `dsl`, `compiler` or `components`. */
  kfpModule(module: 'dsl' | 'compiler' | 'components'): string {
    return this.local(this.kfp, module, module, `kfp_${module}`);
  }

  typingName(name: 'List' | 'NamedTuple' | 'Optional'): string {
    return this.local(this.typing, name, name, `typing_${name}`);
  }

  /** A GCPC component class, e.g. module `endpoint`, class `ModelDeployOp`. */
  gcpcComponent(module: string, cls: string): string {
    let byClass = this.gcpc.get(module);
    if (!byClass) this.gcpc.set(module, (byClass = new Map()));
    return this.local(byClass, cls, cls, `${cls}_`);
  }

  /** The Python class of an artifact type (`dsl.Dataset`, `VertexModel`, or a class declared in the file). */
  artifactClass(type: ArtifactTypeSchema): string {
    const kfpName = KFP_ARTIFACTS[type.schemaTitle];
    if (kfpName && type.schemaVersion === '0.0.1') return `${this.kfpModule('dsl')}.${kfpName}`;
    const google = /^google\.(\w+)$/.exec(type.schemaTitle)?.[1];
    if (google && GCPC_ARTIFACTS.has(google) && type.schemaVersion === '0.0.1')
      return this.local(this.gcpcTypes, google, google, `${google}Type`);
    const key = `${type.schemaTitle}@${type.schemaVersion}`;
    const known = this.custom.get(key);
    if (known) return known.className;
    const base = type.schemaTitle.split('.').pop() ?? 'Artifact';
    const className = this.names.take(isIdentifier(base) && /^[A-Z]/.test(base) ? `${base}Artifact` : 'CustomArtifact');
    this.custom.set(key, { className, schemaTitle: type.schemaTitle, schemaVersion: type.schemaVersion });
    return className;
  }

  /** The annotation of a parameter type (`str`, `dsl.PipelineTaskFinalStatus`, …). */
  parameterType(type: ParameterType | 'TASK_FINAL_STATUS'): string {
    if (type === 'TASK_FINAL_STATUS') return `${this.kfpModule('dsl')}.PipelineTaskFinalStatus`;
    return PY_TYPES[type] ?? 'str';
  }

  /** Artifact classes declared in the file (`class XArtifact(dsl.Artifact)`). */
  customArtifacts(): CustomArtifact[] {
    return [...this.custom.values()];
  }

  get usesGcpc(): boolean {
    return this.gcpc.size > 0 || this.gcpcTypes.size > 0;
  }

  /** The import block, grouped as isort would: standard library, then kfp, then GCPC. */
  lines(): string[] {
    const alias = (name: string, local: string) => (name === local ? name : `${name} as ${local}`);
    const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, l]) => alias(n, l));
    const out: string[] = [];
    if (this.typing.size > 0) out.push(`from typing import ${sorted(this.typing).join(', ')}`, '');
    out.push(`from kfp import ${sorted(this.kfp).join(', ')}`);
    const gcpc: string[] = [];
    if (this.gcpcTypes.size > 0) gcpc.push(fromImport(GCPC_TYPES_MODULE, sorted(this.gcpcTypes)));
    for (const module of [...this.gcpc.keys()].sort())
      gcpc.push(fromImport(`${GCPC_PACKAGE}.v1.${module}`, sorted(this.gcpc.get(module)!)));
    if (gcpc.length > 0) out.push(...gcpc);
    return out;
  }
}

/** `from m import a, b`, wrapped in parentheses when the line gets long. */
function fromImport(module: string, names: string[]): string {
  const line = `from ${module} import ${names.join(', ')}`;
  if (line.length <= 88) return line;
  return `from ${module} import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`;
}
