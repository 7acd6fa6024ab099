/**
 * Writes a PipelineSpec the way the KFP compiler does: sorted keys, every number that is
 * a protobuf Value written as a float (`8000.0`), int32 fields (`maxRetryCount`) as integers.
 * JSON: indent 2, ASCII-only (\uXXXX escapes), no trailing newline.
 * YAML: a `# PIPELINE DEFINITION` header, then one block-style document.
 */
import { INTEGER_FIELDS, type PipelineSpec } from '../spec/pipeline-spec';
import { compareCodePoints, pythonFloat } from '../spec/python-json';
import { pipelineHeader } from './header';

const compareKeys = compareCodePoints;

/**
 * Fields (`parent.key`) that hold a protobuf Value/Struct, i.e. user data: every number under
 * them is a float, even under a key spelled like an int32 proto field (`maxRetryCount`).
 * The parent is part of the rule because task keys and input names (`constant`, `metadata`)
 * are chosen by users.
 */
const VALUE_FIELDS: ReadonlySet<string> = new Set(['runtimeValue.constant', 'artifactUri.constant', 'importer.metadata']);
const isValueField = (parent: string | undefined, key: string) =>
  key === 'defaultValue' || VALUE_FIELDS.has(`${parent}.${key}`);

export { pythonFloat };

function numberText(n: number, key: string | undefined, yaml: boolean, inValue = false): string {
  if (!inValue && key !== undefined && INTEGER_FIELDS.has(key) && Number.isInteger(n)) return String(n);
  const text = pythonFloat(n);
  if (!yaml) return text;
  // PyYAML style: an exponent needs a dot in the mantissa to read back as a float.
  if (/e/.test(text) && !/\./.test(text.split('e')[0])) return text.replace('e', '.0e');
  return text;
}

function asciiJsonString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON exactly as KFP writes it (`json.dumps(indent=2, sort_keys=True)`). */
export function toJson(value: unknown): string {
  const out: string[] = [];
  const write = (v: unknown, indent: string, key: string | undefined, inValue: boolean) => {
    if (v === null || v === undefined) out.push('null');
    else if (typeof v === 'string') out.push(asciiJsonString(v));
    else if (typeof v === 'number') out.push(numberText(v, key, false, inValue));
    else if (typeof v === 'boolean') out.push(v ? 'true' : 'false');
    else if (Array.isArray(v)) {
      if (v.length === 0) return void out.push('[]');
      const inner = indent + '  ';
      out.push('[\n');
      v.forEach((item, i) => {
        out.push(inner);
        write(item, inner, undefined, inValue);
        out.push(i < v.length - 1 ? ',\n' : '\n');
      });
      out.push(indent, ']');
    } else {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort(compareKeys);
      if (keys.length === 0) return void out.push('{}');
      const inner = indent + '  ';
      out.push('{\n');
      keys.forEach((k, i) => {
        out.push(inner, asciiJsonString(k), ': ');
        write(obj[k], inner, k, inValue || isValueField(key, k));
        out.push(i < keys.length - 1 ? ',\n' : '\n');
      });
      out.push(indent, '}');
    }
  };
  write(value, '', undefined, false);
  return out.join('');
}

// ---------------------------------------------------------------- YAML

/** Strings a YAML 1.1 or 1.2 parser could read as something other than a string. */
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<)$/;
const NUMBER_LIKE =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?0[xXoObB][0-9a-fA-F_]*$|^[-+]?[0-9][0-9_]*(?::[0-9_]+)+(?:\.[0-9_]*)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
const SAFE_PLAIN = /^[A-Za-z0-9_./$(][A-Za-z0-9 _./$@()\-+=,'"]*$/;

function yamlString(s: string): string {
  if (
    s.length > 0 &&
    SAFE_PLAIN.test(s) &&
    !s.endsWith(' ') &&
    !RESERVED.test(s) &&
    !NUMBER_LIKE.test(s) &&
    !/ #|: /.test(s) &&
    !s.startsWith('...') // a document end marker at the start of a line
  )
    return s;
  return yamlQuoted(s);
}

/** A double-quoted YAML scalar: JSON escapes, non-ASCII as \\xXX, \\uXXXX or \\UXXXXXXXX. */
function yamlQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0xff)) out += `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (cp > 0xffff) out += `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
    else if (cp > 0xff) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** YAML for plain data (maps, lists, strings, numbers, booleans, null), block style, sorted keys. */
export function toYamlBody(value: unknown): string {
  const out: string[] = [];
  const scalar = (v: unknown, key: string | undefined, inValue: boolean): string | undefined => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return yamlString(v);
    if (typeof v === 'number') return numberText(v, key, true, inValue);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
    const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
    return keys.length === 0 ? '{}' : undefined;
  };
  const writeMap = (obj: Record<string, unknown>, indent: string, inValue: boolean, parent?: string) => {
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(compareKeys);
    for (const k of keys) {
      const v = obj[k];
      const valueBelow = inValue || isValueField(parent, k);
      const s = scalar(v, k, inValue);
      const keyText = yamlString(k);
      // An implicit key may be at most 1024 characters long; longer ones need `? key`.
      if (keyText.length > 1000) out.push(indent, '? ', keyText, '\n', indent, ':');
      else out.push(indent, keyText, ':');
      if (s !== undefined) out.push(' ', s, '\n');
      else if (Array.isArray(v)) {
        out.push('\n');
        writeList(v, indent, valueBelow);
      } else {
        out.push('\n');
        writeMap(v as Record<string, unknown>, indent + '  ', valueBelow, k);
      }
    }
  };
  const writeList = (list: unknown[], indent: string, inValue: boolean) => {
    for (const item of list) {
      const s = scalar(item, undefined, inValue);
      if (s !== undefined) out.push(indent, '- ', s, '\n');
      else if (Array.isArray(item)) {
        out.push(indent, '-\n');
        writeList(item, indent + '  ', inValue);
      } else {
        out.push(indent, '-\n');
        writeMap(item as Record<string, unknown>, indent + '  ', inValue);
      }
    }
  };
  const top = scalar(value, undefined, false);
  if (top !== undefined) return top + '\n';
  if (Array.isArray(value)) writeList(value, '', false);
  else writeMap(value as Record<string, unknown>, '', false);
  return out.join('');
}

/** The YAML file KFP writes: comment header plus the spec. */
export function toYaml(spec: PipelineSpec): string {
  return pipelineHeader(spec) + toYamlBody(spec);
}
