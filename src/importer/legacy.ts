/**
 * Older forms of a compiled pipeline, turned into the current PipelineSpec (schemaVersion
 * 2.1.0) before import:
 *
 * - the job JSON KFP 1.8's `kfp.v2.compiler` writes: `{pipelineSpec, runtimeConfig}` with a
 *   schemaVersion 2.0.0 spec, parameter types INT / DOUBLE / STRING (`type`), constants as
 *   `runtimeValue.constantValue.{stringValue|intValue|doubleValue}`, pipeline defaults in
 *   `runtimeConfig.parameters` and the pipeline root in `runtimeConfig.gcsOutputDirectory`,
 *   group inputs named `pipelineparam--…` and conditions on `.string_value` / `.int_value`;
 * - a PipelineJob request body (`{pipelineSpec: <2.1.0 spec>, runtimeConfig, …}`);
 * - KFP 2's JSON with a platform spec: `{pipeline_spec, platform_spec}`.
 */
import type { JsonObject, JsonValue } from '../spec/pipeline-spec';
import { isObject } from './json-utils';
import { describe, refuse } from './refusal';

export interface Unwrapped {
  spec: JsonValue;
  platform?: JsonValue;
  notices: string[];
}

const TYPE_NAMES: Record<string, string> = { INT: 'NUMBER_INTEGER', DOUBLE: 'NUMBER_DOUBLE', STRING: 'STRING' };

/** `{stringValue|intValue|doubleValue}` (proto3 JSON writes int64 as text) → a JSON value. */
function primitiveValue(v: JsonValue | undefined, path: string): JsonValue {
  if (!isObject(v)) return refuse(path, `must be an object like {"stringValue": …}, not ${describe(v)}`);
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (v.intValue !== undefined) {
    const n = typeof v.intValue === 'string' ? Number(v.intValue) : v.intValue;
    if (typeof n !== 'number' || !Number.isFinite(n)) refuse(`${path}.intValue`, `must be a whole number, not ${describe(v.intValue)}`);
    return n;
  }
  if (v.doubleValue !== undefined) {
    if (typeof v.doubleValue !== 'number') refuse(`${path}.doubleValue`, `must be a number, not ${describe(v.doubleValue)}`);
    return v.doubleValue;
  }
  return refuse(path, 'has none of stringValue, intValue or doubleValue');
}

const renameChannel = (s: string) => s.replace(/pipelineparam--/g, 'pipelinechannel--');

/** A KFP 1.8 condition in the CEL KFP 2 writes. */
function convertCondition(text: string): string {
  return renameChannel(text)
    .replace(/inputs\.parameters\[('[^']*')\]\.int_value/g, 'int(inputs.parameter_values[$1])')
    .replace(/inputs\.parameters\[('[^']*')\]\.(?:string_value|double_value|bool_value)/g, 'inputs.parameter_values[$1]');
}

/**
 * Deep copy with the 2.0.0 → 2.1.0 changes applied (executors are copied as they are).
 * `inDefs`: inside an inputDefinitions/outputDefinitions, where `type` is a parameter type.
 */
function convertNode(value: JsonValue, path: string, parentKey: string | undefined, inDefs = false): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => convertNode(v, `${path}[${i}]`, undefined, inDefs));
  if (typeof value === 'string') return parentKey === 'condition' ? convertCondition(value) : renameChannel(value);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const nameMap = parentKey === 'parameters' || parentKey === 'artifacts';
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (nameMap) {
      // Input and output names: `pipelineparam--x` became `pipelinechannel--x`.
      out[renameChannel(key)] = convertNode(v, at, '#name', inDefs);
      continue;
    }
    if (inDefs && parentKey === '#name' && key === 'type' && typeof v === 'string' && v in TYPE_NAMES) {
      out.parameterType = TYPE_NAMES[v];
      continue;
    }
    if (key === 'constantValue' && parentKey === 'runtimeValue') {
      const constant = primitiveValue(v, at);
      // An f-string's placeholders name the injected inputs, which were renamed.
      out.constant = typeof constant === 'string' ? renameChannel(constant) : constant;
      continue;
    }
    if (key === 'runtimeValue' || key === 'constant') {
      out[key] = key === 'constant' ? structuredClone(v) : convertNode(v, at, key, inDefs);
      continue;
    }
    out[key] = convertNode(v, at, key, inDefs || key === 'inputDefinitions' || key === 'outputDefinitions');
  }
  return out;
}

/** A schemaVersion 2.0.0 spec (and its runtimeConfig) in the current form. */
function convertLegacySpec(spec: JsonObject, runtimeConfig: JsonObject | undefined): JsonObject {
  const { deploymentSpec, ...rest } = spec;
  const out = convertNode(rest, 'pipelineSpec', undefined) as JsonObject;
  if (deploymentSpec !== undefined) {
    // Executors are kept, except an importer's constant URI, which changed its spelling.
    const copy = structuredClone(deploymentSpec);
    for (const e of Object.values(((copy as JsonObject)?.executors ?? {}) as JsonObject)) {
      const uri = isObject(e) && isObject(e.importer) && isObject(e.importer.artifactUri) ? e.importer.artifactUri : undefined;
      if (uri && uri.constantValue !== undefined) {
        uri.constant = primitiveValue(uri.constantValue, 'pipelineSpec.deploymentSpec…importer.artifactUri.constantValue');
        delete uri.constantValue;
      }
    }
    out.deploymentSpec = copy;
  }
  out.schemaVersion = '2.1.0';
  const root = out.root as JsonObject | undefined;
  const params = isObject(root) && isObject(root.inputDefinitions) && isObject(root.inputDefinitions.parameters) ? root.inputDefinitions.parameters : undefined;
  const defaults = runtimeConfig?.parameterValues ?? runtimeConfig?.parameters;
  if (params && isObject(defaults))
    for (const [name, v] of Object.entries(defaults)) {
      const p = params[name];
      if (!isObject(p)) continue;
      p.defaultValue = runtimeConfig?.parameterValues !== undefined ? v : primitiveValue(v, `runtimeConfig.parameters.${name}`);
      p.isOptional = true;
    }
  const root_ = runtimeConfig?.gcsOutputDirectory;
  if (typeof root_ === 'string' && root_ !== '' && out.defaultPipelineRoot === undefined) out.defaultPipelineRoot = root_;
  return out;
}

/** Recognises the wrapped and older forms; returns the spec to check and import. */
export function unwrapSpec(value: JsonValue, platform: JsonValue | undefined): Unwrapped {
  if (!isObject(value)) return { spec: value, platform, notices: [] };
  if (value.pipeline_spec !== undefined && value.schemaVersion === undefined) {
    // KFP 2 writes this JSON when the pipeline has a platform spec.
    return { spec: value.pipeline_spec, platform: value.platform_spec ?? platform, notices: [] };
  }
  if (value.pipelineSpec === undefined || value.schemaVersion !== undefined) {
    if (isObject(value) && value.schemaVersion === '2.0.0') return legacy(value, undefined, 'The file');
    return { spec: value, platform, notices: [] };
  }
  const inner = value.pipelineSpec;
  if (!isObject(inner)) return refuse('pipelineSpec', `must be an object, not ${describe(inner)}`);
  const runtimeConfig = value.runtimeConfig === undefined ? undefined : value.runtimeConfig;
  if (runtimeConfig !== undefined && !isObject(runtimeConfig)) refuse('runtimeConfig', `must be an object, not ${describe(runtimeConfig)}`);
  if (inner.schemaVersion === '2.0.0') return legacy(inner, runtimeConfig as JsonObject | undefined, 'The job file');
  return {
    spec: inner,
    platform,
    notices: ['The file is a pipeline job request; its pipelineSpec was imported, and its run settings (runtimeConfig and the like) were left out.'],
  };
}

function legacy(spec: JsonObject, runtimeConfig: JsonObject | undefined, what: string): Unwrapped {
  return {
    spec: convertLegacySpec(spec, runtimeConfig),
    notices: [
      `${what} was written by KFP 1.8 (kfp.v2.compiler, PipelineSpec schemaVersion 2.0.0) and was converted to the current form (schemaVersion 2.1.0): parameter types INT/DOUBLE/STRING became NUMBER_INTEGER/NUMBER_DOUBLE/STRING, constants and the run's parameter values became constants and defaults${runtimeConfig?.gcsOutputDirectory ? ', and gcsOutputDirectory became the pipeline root' : ''}. Exporting writes the KFP 2 form.`,
    ],
  };
}
