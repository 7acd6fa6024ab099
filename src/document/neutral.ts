/**
 * The neutral pipeline description (`*.pipeline.json`, see the golden INDEX, section (e)):
 * a plain JSON record of what a KFP pipeline function does — parameters, then tasks in
 * creation order with their bindings and options. `loadNeutralPipeline` turns it into a
 * document, as strictly as `loadDocument` (it reuses its checks), and adds the one refusal
 * of KFP that depends on how the JSON text spells a number: `8000` is a Python int and
 * `8000.0` a float, and KFP refuses an int constant for a float input and a float constant
 * for an int input. `JSON.parse` loses that difference, so the text is read a second time
 * with the `yaml` parser (JSON is YAML), which keeps int literals apart as BigInt.
 *
 * Everything else KFP refuses (missing or unknown inputs, None, no tasks, the notification
 * email outside an exit handler, type mismatches) can be said in a document, so the
 * validator reports it.
 */
import { parse } from 'yaml';
import { sanitizeName, type InputsSpec } from '../spec/pipeline-spec';
import {
  child,
  describe,
  expectArray,
  expectRecord,
  expectString,
  guardedLoad,
  has,
  isRecord,
  item,
  loadRoot,
  onlyKeys,
  parseJsonText,
  refuse,
  type JsonRecord,
  type LoadResult,
} from './load';
import { bindingTasks, DOCUMENT_FORMAT, DOCUMENT_VERSION, type PipelineDocument } from './types';

/**
 * What the loader needs of a catalog: the declared inputs of a component. A `Catalog`
 * fits; the document layer does not import the catalog layer.
 */
export interface ComponentInterfaces {
  get(id: string): { name: string; inputDefinitions?: InputsSpec } | undefined;
}

const ROOT_FIELDS = ['name', 'description', 'displayName', 'pipelineRoot', 'parameters', 'tasks'] as const;
const TASK_FIELDS = ['id', 'component', 'displayName', 'caching', 'retries', 'after', 'inputs'] as const;

/** A top-level number literal of a constant, as the text spells it. */
interface NumberLiteral {
  task: number;
  input: string;
  kind: 'int' | 'float';
  value: number;
}

/** Does this parsed JSON look like a neutral description rather than a saved document? */
export function looksLikeNeutralPipeline(value: unknown): boolean {
  if (!isRecord(value) || has(value, 'format') || !Array.isArray(value.tasks)) return false;
  return value.tasks.every((t) => isRecord(t) && typeof t.component === 'string');
}

/** The text read again with int literals as BigInt (the JSON parser has checked the syntax). */
function parseKeepingInts(text: string): unknown {
  // Outside strings (valid JSON has no raw tab inside one) a tab is only white space, but
  // YAML refuses tabs as indentation.
  const yamlText = text.includes('\t') ? text.replace(/\t/g, ' ') : text;
  try {
    return parse(yamlText, { intAsBigInt: true, logLevel: 'error', maxAliasCount: 0 });
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    const at = line ? ` (at line ${line})` : '';
    // `JSON.parse` keeps the last of two equal keys; KFP's input never has them.
    if (/unique/i.test(String(e))) return refuse('', `uses the same key twice in one object${at}`);
    const why = e instanceof Error ? e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '') : String(e);
    return refuse('', `cannot be read as a pipeline description: ${why}${at}`);
  }
}

/** `null` stands for "not passed": the field is left out. */
function withoutNull(obj: JsonRecord, keys: readonly string[]): JsonRecord {
  const out: JsonRecord = {};
  for (const key of Object.keys(obj)) if (!(keys.includes(key) && obj[key] === null)) out[key] = obj[key];
  return out;
}

/**
 * Rewrites the neutral record into the saved-document shape that `loadRoot` checks, and
 * collects the number literals of constants for the int/float check.
 */
function toDocumentShape(value: unknown, literals: NumberLiteral[]): JsonRecord {
  if (!isRecord(value)) refuse('', `is not a pipeline description: it holds ${describe(value)} instead of an object`);
  const obj = expectRecord(value, '');
  onlyKeys(obj, '', ROOT_FIELDS);
  if (!has(obj, 'name')) refuse('', 'has no "name" field');
  if (!has(obj, 'tasks')) refuse('', 'has no "tasks" field');
  const name = expectString(obj.name, 'name');
  const root = withoutNull(obj, ['description', 'displayName', 'pipelineRoot']);

  const tasks = expectArray(obj.tasks, 'tasks').map((t, i) => {
    const path = item('tasks', i);
    const task = withoutNull(expectRecord(t, path), ['displayName', 'retries']);
    onlyKeys(task, path, TASK_FIELDS);
    // A retry count may be spelled 3 or 3.0 (KFP takes an integral float for the int32 field).
    if (typeof task.retries === 'bigint') task.retries = Number(task.retries);
    if (has(task, 'inputs') && isRecord(task.inputs)) {
      for (const [input, binding] of Object.entries(task.inputs)) {
        if (!isRecord(binding) || !has(binding, 'constant')) continue;
        const c: unknown = binding.constant;
        if (typeof c === 'bigint') literals.push({ task: i, input, kind: 'int', value: Number(c) });
        else if (typeof c === 'number') literals.push({ task: i, input, kind: 'float', value: c });
      }
    }
    return { ...task, position: { x: 0, y: 0 } };
  });

  return { ...root, format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, name: sanitizeName(name), tasks };
}

const pythonNumber = (n: number, kind: 'int' | 'float') =>
  kind === 'float' && Number.isInteger(n) && Math.abs(n) < 1e16 ? `${n}.0` : String(n);

/**
 * KFP's `verify_type_compatibility` for number constants: an int literal is NUMBER_INTEGER
 * and a float literal NUMBER_DOUBLE, and neither passes for the other.
 */
function checkNumberLiterals(doc: PipelineDocument, literals: NumberLiteral[], catalog: ComponentInterfaces): void {
  for (const lit of literals) {
    const entry = catalog.get(doc.tasks[lit.task].component);
    const type = entry?.inputDefinitions?.parameters?.[lit.input]?.parameterType;
    const path = child(child(item('tasks', lit.task), 'inputs'), lit.input);
    const shown = pythonNumber(lit.value, lit.kind);
    if (lit.kind === 'int' && type === 'NUMBER_DOUBLE')
      refuse(
        child(path, 'constant'),
        `is the int ${shown}, but input ${lit.input} of ${entry!.name} is a float (NUMBER_DOUBLE) and KFP refuses an int there; write ${lit.value}.0`,
      );
    if (lit.kind === 'float' && type === 'NUMBER_INTEGER')
      refuse(
        child(path, 'constant'),
        `is the float ${shown}, but input ${lit.input} of ${entry!.name} is an int (NUMBER_INTEGER) and KFP refuses a float there` +
          (Number.isInteger(lit.value) ? `; write ${lit.value}` : ''),
      );
  }
}

/**
 * Canvas positions for tasks that come without any: columns by dependency depth (data
 * wires and `after`), rows in creation order. Deterministic, and safe with cycles.
 */
function layout(doc: PipelineDocument): PipelineDocument {
  const depth = new Map<string, number>();
  const rows = new Map<number, number>();
  const tasks = doc.tasks.map((t) => {
    const ups = [...t.after, ...Object.values(t.inputs).flatMap(bindingTasks)];
    const d = Math.max(0, ...ups.map((u) => (depth.get(u) ?? -1) + 1));
    depth.set(t.id, d);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { ...t, position: { x: d * 360, y: row * 200 } };
  });
  return { ...doc, tasks };
}

/**
 * Loads a neutral pipeline description. Never throws; a refusal is one sentence naming
 * the source and the place (`tasks[1].inputs.training_fraction_split.constant`).
 */
export function loadNeutralPipeline(text: string, source: string, catalog: ComponentInterfaces): LoadResult {
  return guardedLoad(text, source, (clean) => {
    parseJsonText(clean); // JSON only, with the JSON parser's message for a syntax error
    const literals: NumberLiteral[] = [];
    const doc = loadRoot(toDocumentShape(parseKeepingInts(clean), literals));
    checkNumberLiterals(doc, literals, catalog);
    return layout(doc);
  });
}
