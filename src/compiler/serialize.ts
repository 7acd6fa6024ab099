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
/** VALUE_FIELDS by parent: `parent` → keys. */
const VALUE_KEYS = new Map<string, Set<string>>();
for (const f of VALUE_FIELDS) {
  const [parent, key] = f.split('.');
  if (!VALUE_KEYS.has(parent)) VALUE_KEYS.set(parent, new Set());
  VALUE_KEYS.get(parent)!.add(key);
}
const isValueField = (parent: string | undefined, key: string) =>
  key === 'defaultValue' || (parent !== undefined && VALUE_KEYS.get(parent)?.has(key) === true);

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

/** The keys of `obj` whose value is not undefined, in Python's order. */
function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  let defined = keys;
  for (let i = 0; i < keys.length; i++)
    if (obj[keys[i]] === undefined) {
      defined = keys.filter((k) => obj[k] !== undefined);
      break;
    }
  return defined.length > 1 ? defined.sort(compareKeys) : defined;
}

function hasDefinedMember(obj: Record<string, unknown>): boolean {
  for (const k in obj) if (Object.prototype.hasOwnProperty.call(obj, k) && obj[k] !== undefined) return true;
  return false;
}

/** Memo of one call's string → text conversions (keys and short values repeat a lot). */
function memo(convert: (s: string) => string): (s: string) => string {
  const texts = new Map<string, string>();
  return (s) => {
    if (s.length > 64) return convert(s);
    let t = texts.get(s);
    if (t === undefined) texts.set(s, (t = convert(s)));
    return t;
  };
}

/** The text of a value written on one line (strings through `str`), or undefined for a non-empty list or object. */
function scalarWriter(str: (s: string) => string, yaml: boolean): (v: unknown, key: string | undefined, inValue: boolean) => string | undefined {
  return (v, key, inValue) => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return str(v);
    if (typeof v === 'number') return numberText(v, key, yaml, inValue);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
    return hasDefinedMember(v as Record<string, unknown>) ? undefined : '{}';
  };
}


/**
 * Subtrees shared by identity: a catalog entry's executor and interface objects are shared by
 * every task of that component, so each is written once per call (and per context: indent,
 * Value-ness, the parent key when it matters) and its text copied after that. An object met
 * once costs one Set lookup. The memo lives for one call, so a value mutated between calls is
 * always written afresh.
 */
interface SharedTexts {
  seen: Set<object>;
  texts: Map<object, Map<string, string>>;
}
const sharedTexts = (): SharedTexts => ({ seen: new Set(), texts: new Map() });
const FIRST_SIGHT = -1;

const COPIED = -2;
const contextOf = (indent: number, inValue: boolean, parent: string | undefined) =>
  `${indent}|${inValue ? 1 : 0}|${parent !== undefined && VALUE_KEYS.has(parent) ? parent : ''}`;

/**
 * Before writing `obj`: COPIED when its text was already pushed onto `out`; FIRST_SIGHT when it
 * is to be written and not remembered; otherwise the index of `out` where its text will start
 * (call `rememberShared` after writing it).
 */
function startShared(sh: SharedTexts, out: string[], obj: object, indent: number, inValue: boolean, parent: string | undefined): number {
  if (!sh.seen.has(obj)) {
    sh.seen.add(obj);
    return FIRST_SIGHT;
  }
  const hit = sh.texts.get(obj)?.get(contextOf(indent, inValue, parent));
  if (hit === undefined) return out.length;
  out.push(hit);
  return COPIED;
}

function rememberShared(sh: SharedTexts, out: string[], obj: object, start: number, indent: number, inValue: boolean, parent: string | undefined) {
  const text = out.splice(start).join('');
  out.push(text);
  let bySig = sh.texts.get(obj);
  if (!bySig) sh.texts.set(obj, (bySig = new Map()));
  bySig.set(contextOf(indent, inValue, parent), text);
}

/**
 * Texts of objects kept from one call to the next (see `toJson`'s `keep`), by object and
 * context. Only for objects that are never mutated once written: the compiled specs the
 * editor derives (../store/derive-spec), whose unchanged parts keep their identity from one
 * edit to the next.
 */
export type KeptTexts = WeakMap<object, Map<string, string>>;

/** Objects this deep (the spec's sections, their entries, DAG tasks) keep their text between calls. */
const KEEP_DEPTH = 4;
/**
 * ... unless their text is longer than this: a large object (a section of a big spec) holds
 * the entry that changed, so its text would be written again anyway, and keeping it would
 * hold another copy of most of the spec's text.
 */
const KEEP_MAX = 64 * 1024;

/** Keeps the text of `obj`, the pieces of `out` from `start` on, joined into one (unless it is too long). */
function keepWritten(keep: KeptTexts, out: string[], start: number, obj: object, context: string) {
  let length = 0;
  for (let i = start; i < out.length && length <= KEEP_MAX; i++) length += out[i].length;
  if (length > KEEP_MAX) return;
  const text = out.splice(start).join('');
  out.push(text);
  let bySig = keep.get(obj);
  if (!bySig) keep.set(obj, (bySig = new Map()));
  bySig.set(context, text);
}

/**
 * JSON exactly as KFP writes it (`json.dumps(indent=2, sort_keys=True)`). With `keep`, the
 * texts of the top levels' objects are remembered there and reused by later calls for the
 * same objects: writing a spec again after a small edit writes only what changed.
 */
export function toJson(value: unknown, keep?: KeptTexts): string {
  const out: string[] = [];
  const shared = sharedTexts();
  const str = memo(asciiJsonString);
  const scalar = scalarWriter(str, false);
  // Lines are pushed whole where they can be: fewer, longer pieces join faster.
  const writeBlock = (v: object, indent: string, key: string | undefined, inValue: boolean): void => {
    const inner = indent + '  ';
    if (Array.isArray(v)) {
      out.push('[\n');
      for (let i = 0; i < v.length; i++) {
        const end = i < v.length - 1 ? ',\n' : '\n';
        const s = scalar(v[i], undefined, inValue);
        if (s !== undefined) out.push(inner + s + end);
        else {
          out.push(inner);
          writeBlock(v[i] as object, inner, undefined, inValue);
          out.push(end);
        }
      }
      out.push(indent + ']');
      return;
    }
    const obj = v as Record<string, unknown>;
    const depth = indent.length / 2;
    const keeping = keep !== undefined && depth > 0 && depth <= KEEP_DEPTH;
    const context = keeping ? contextOf(indent.length, inValue, key) : '';
    const kept = keeping ? keep.get(obj)?.get(context) : undefined;
    if (kept !== undefined) return void out.push(kept);
    const start = keeping ? out.length : startShared(shared, out, obj, indent.length, inValue, key);
    if (start === COPIED) return;
    const keys = sortedKeys(obj);
    out.push('{\n');
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const end = i < keys.length - 1 ? ',\n' : '\n';
      const valueBelow = inValue || isValueField(key, k);
      const head = inner + str(k) + ': ';
      const s = scalar(obj[k], k, valueBelow);
      if (s !== undefined) out.push(head + s + end);
      else {
        out.push(head);
        writeBlock(obj[k] as object, inner, k, valueBelow);
        out.push(end);
      }
    }
    out.push(indent + '}');
    if (keeping) keepWritten(keep, out, start, obj, context);
    else if (start >= 0) rememberShared(shared, out, obj, start, indent.length, inValue, key);
  };
  const top = scalar(value, undefined, false);
  if (top !== undefined) return top;
  writeBlock(value as object, '', undefined, false);
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

/**
 * YAML for plain data (maps, lists, strings, numbers, booleans, null), block style, sorted
 * keys. `keep` as for `toJson`.
 */
export function toYamlBody(value: unknown, keep?: KeptTexts): string {
  const out: string[] = [];
  // Lines are pushed whole: fewer, longer pieces join faster.
  const str = memo(yamlString);
  const scalar = scalarWriter(str, true);
  // Subtrees shared by identity (a catalog entry's executor and interface) are written once.
  const shared = sharedTexts();
  const writeMap = (obj: Record<string, unknown>, indent: string, inValue: boolean, parent?: string, depth = 0) => {
    const keeping = keep !== undefined && depth > 0 && depth <= KEEP_DEPTH;
    const context = keeping ? contextOf(indent.length, inValue, parent) : '';
    const kept = keeping ? keep.get(obj)?.get(context) : undefined;
    if (kept !== undefined) return void out.push(kept);
    const start = keeping ? out.length : startShared(shared, out, obj, indent.length, inValue, parent);
    if (start === COPIED) return;
    for (const k of sortedKeys(obj)) {
      const v = obj[k];
      const valueBelow = inValue || isValueField(parent, k);
      const s = scalar(v, k, inValue);
      const keyText = str(k);
      // An implicit key may be at most 1024 characters long; longer ones need `? key`.
      const head = keyText.length > 1000 ? indent + '? ' + keyText + '\n' + indent + ':' : indent + keyText + ':';
      if (s !== undefined) out.push(head + ' ' + s + '\n');
      else if (Array.isArray(v)) {
        out.push(head + '\n');
        writeList(v, indent, valueBelow);
      } else {
        out.push(head + '\n');
        writeMap(v as Record<string, unknown>, indent + '  ', valueBelow, k, depth + 1);
      }
    }
    if (keeping) keepWritten(keep, out, start, obj, context);
    else if (start >= 0) rememberShared(shared, out, obj, start, indent.length, inValue, parent);
  };
  const writeList = (list: unknown[], indent: string, inValue: boolean) => {
    for (const item of list) {
      const s = scalar(item, undefined, inValue);
      if (s !== undefined) out.push(indent + '- ' + s + '\n');
      else if (Array.isArray(item)) {
        out.push(indent + '-\n');
        writeList(item, indent + '  ', inValue);
      } else {
        out.push(indent + '-\n');
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

/** The YAML file KFP writes: comment header plus the spec. `keep` as for `toJson`. */
export function toYaml(spec: PipelineSpec, keep?: KeptTexts): string {
  return pipelineHeader(spec) + toYamlBody(spec, keep);
}
