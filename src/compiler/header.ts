/**
 * The `# PIPELINE DEFINITION` comment header KFP puts above the YAML document:
 * name, description, and the pipeline's inputs and outputs with Python-style defaults.
 */
import type { JsonValue, ParameterType, PipelineSpec } from '../spec/pipeline-spec';
import { pythonFloat } from './serialize';

const PYTHON_TYPE: Record<ParameterType, string> = {
  STRING: 'str',
  NUMBER_INTEGER: 'int',
  NUMBER_DOUBLE: 'float',
  BOOLEAN: 'bool',
  STRUCT: 'dict',
  LIST: 'list',
};

/** Python's repr() of a str. */
function pythonStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a value that went through a protobuf Value (numbers are floats). */
export function pythonRepr(v: JsonValue): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return pythonStr(v);
  if (typeof v === 'number') return pythonFloat(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${pythonStr(k)}: ${pythonRepr(x)}`)
    .join(', ')}}`;
}

export function pipelineHeader(spec: PipelineSpec): string {
  const lines = ['# PIPELINE DEFINITION', `# Name: ${spec.pipelineInfo.name}`];
  const description = spec.pipelineInfo.description;
  if (description) lines.push(`# Description: ${description.split('\n').join('\n#              ')}`);

  const inputs: string[] = [];
  for (const [name, p] of Object.entries(spec.root.inputDefinitions?.parameters ?? {})) {
    const dflt = p.defaultValue !== undefined ? ` [Default: ${pythonRepr(p.defaultValue)}]` : '';
    inputs.push(`${name}: ${PYTHON_TYPE[p.parameterType]}${dflt}`);
  }
  for (const [name, a] of Object.entries(spec.root.inputDefinitions?.artifacts ?? {}))
    inputs.push(`${name}: ${a.artifactType.schemaTitle}`);
  const outputs: string[] = [];
  for (const [name, p] of Object.entries(spec.root.outputDefinitions?.parameters ?? {}))
    outputs.push(`${name}: ${PYTHON_TYPE[p.parameterType]}`);
  for (const [name, a] of Object.entries(spec.root.outputDefinitions?.artifacts ?? {}))
    outputs.push(`${name}: ${a.artifactType.schemaTitle}`);

  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`# ${title}:`);
    for (const item of items.sort()) lines.push(`#    ${item}`);
  };
  section('Inputs', inputs);
  section('Outputs', outputs);
  return lines.join('\n') + '\n';
}
