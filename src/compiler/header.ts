/**
 * The `# PIPELINE DEFINITION` comment header KFP puts above the YAML document:
 * name, description, and the pipeline's inputs and outputs with Python-style defaults.
 */
import type { JsonValue, ParameterType, PipelineSpec } from '../spec/pipeline-spec';
import { pythonFloat } from './serialize';

export const PYTHON_TYPE: Record<ParameterType, string> = {
  STRING: 'str',
  NUMBER_INTEGER: 'int',
  NUMBER_DOUBLE: 'float',
  BOOLEAN: 'bool',
  STRUCT: 'dict',
  LIST: 'list',
};

/** The Python type KFP prints; `TASK_FINAL_STATUS` is an input of exit-task components only. */
const pythonType = (t: string) =>
  (PYTHON_TYPE as Record<string, string>)[t] ?? (t === 'TASK_FINAL_STATUS' ? 'PipelineTaskFinalStatus' : t);

/** Characters Python's str.isprintable() rejects (the space aside): repr() escapes them. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** How repr() escapes one non-printable character. */
function pythonEscape(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  const cp = ch.codePointAt(0)!;
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** Python's repr() of a str. */
function pythonStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) out += pythonEscape(ch);
    else out += ch;
  }
  return out + quote;
}

/**
 * Characters a YAML comment line cannot hold: line breaks (YAML 1.1 and 1.2), other control
 * characters, lone surrogates and the non-characters U+FFFE/U+FFFF.
 */
const NOT_IN_COMMENT =
  /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A default as KFP prints it: `str()` of the value, and a top-level str as "'" + s + "'"
 * with no escaping at all. Characters a comment cannot hold are escaped the way repr()
 * would, so our file stays YAML (KFP's does not: probe str-default-newline).
 */
function headerDefault(v: JsonValue): string {
  return typeof v === 'string' ? `'${v.replace(NOT_IN_COMMENT, pythonEscape)}'` : pythonRepr(v);
}

/** Python's str.splitlines(). */
function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
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
  if (description) lines.push(`# Description: ${splitLines(description).join('\n#              ')}`);

  // [name, text] pairs; KFP sorts them by name only (so `a` comes before `a0`).
  const inputs: Array<[string, string]> = [];
  for (const [name, p] of Object.entries(spec.root.inputDefinitions?.parameters ?? {})) {
    const dflt = p.defaultValue !== undefined ? ` [Default: ${headerDefault(p.defaultValue)}]` : '';
    inputs.push([name, `${name}: ${pythonType(p.parameterType)}${dflt}`]);
  }
  for (const [name, a] of Object.entries(spec.root.inputDefinitions?.artifacts ?? {}))
    inputs.push([name, `${name}: ${a.artifactType.schemaTitle}`]);
  const outputs: Array<[string, string]> = [];
  for (const [name, p] of Object.entries(spec.root.outputDefinitions?.parameters ?? {}))
    outputs.push([name, `${name}: ${pythonType(p.parameterType)}`]);
  for (const [name, a] of Object.entries(spec.root.outputDefinitions?.artifacts ?? {}))
    outputs.push([name, `${name}: ${a.artifactType.schemaTitle}`]);

  const section = (title: string, items: Array<[string, string]>) => {
    if (items.length === 0) return;
    lines.push(`# ${title}:`);
    items.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, item] of items) lines.push(`#    ${item}`);
  };
  section('Inputs', inputs);
  section('Outputs', outputs);
  return lines.join('\n') + '\n';
}
