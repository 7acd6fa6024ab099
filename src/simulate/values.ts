/**
 * The values a simulated run sees: pipeline parameters (given, else their defaults), task
 * outputs the caller supplies, and loop items; and the two decisions made from them, which
 * branch a condition takes and what a ParallelFor iterates over.
 *
 * Conditions follow the CEL KFP compiles them to (`compiler/group-spec.ts`): when the two
 * sides have different types, both are compared as strings if one is a string, as booleans
 * if one is a boolean (KFP turns a number literal `n` into `true` when `trunc(n) == 0` and
 * `false` otherwise, and we do the same), as doubles for an int and a float; an int
 * parameter is truncated (`int(...)`). Strings order by code point, `false < true`.
 */
import { isLoopItemRef, isParameterRef, type Condition, type LoopGroup, type Operand, type PipelineDocument } from '../document/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';

export type Value = { known: true; value: JsonValue; type: ParameterType } | { known: false; why: string };

export interface ValueContext {
  doc: PipelineDocument;
  parameterValues: Record<string, JsonValue>;
  /** A task output the caller gave, by task id and output name. */
  output(task: string, output: string): JsonValue | undefined;
  /** The declared type of a task output. */
  outputType(task: string, output: string): ParameterType | undefined;
  /** What each enclosing loop's item is in the current iteration (undefined = unknown). */
  loopValues: ReadonlyMap<string, JsonValue | undefined>;
  taskLabel(task: string): string;
}

function typeOfJson(v: JsonValue): ParameterType {
  if (typeof v === 'string') return 'STRING';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'number') return Number.isInteger(v) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
  return Array.isArray(v) ? 'LIST' : 'STRUCT';
}

/** The value of a parameter in this run: given, else its default (else unknown). */
export function parameterValue(ctx: ValueContext, name: string): Value {
  const p = ctx.doc.parameters.find((x) => x.name === name);
  const type = p?.type ?? 'STRING';
  if (Object.prototype.hasOwnProperty.call(ctx.parameterValues, name)) return { known: true, value: ctx.parameterValues[name], type };
  if (p?.default !== undefined) return { known: true, value: p.default, type };
  if (p?.optional) return { known: true, value: null, type };
  return { known: false, why: `no value was given for the parameter ${name}` };
}

function loopItemType(ctx: ValueContext, loopId: string, value: JsonValue | undefined): ParameterType {
  const g = ctx.doc.groups?.find((x) => x.id === loopId);
  if (g?.kind === 'loop' && g.itemType) return g.itemType;
  return value === undefined ? 'STRING' : typeOfJson(value);
}

export function operandValue(ctx: ValueContext, o: Operand): Value {
  if ('constant' in o) {
    const v = o.constant;
    const type: ParameterType = typeof v === 'number' ? (o.type ?? (Number.isInteger(v) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE')) : typeOfJson(v);
    return { known: true, value: v, type };
  }
  if (isParameterRef(o)) return parameterValue(ctx, o.parameter);
  if (isLoopItemRef(o)) {
    const item = ctx.loopValues.get(o.loopItem);
    if (item === undefined) return { known: false, why: 'the loop item is not known' };
    if (o.field === undefined) return { known: true, value: item, type: loopItemType(ctx, o.loopItem, item) };
    const field = item && typeof item === 'object' && !Array.isArray(item) ? item[o.field] : undefined;
    if (field === undefined) return { known: false, why: `the loop item has no field ${o.field}` };
    return { known: true, value: field, type: 'STRING' };
  }
  const value = ctx.output(o.task, o.output);
  if (value === undefined) return { known: false, why: `the output ${o.output} of ${ctx.taskLabel(o.task)} is not known` };
  return { known: true, value, type: ctx.outputType(o.task, o.output) ?? typeOfJson(value) };
}

/** Python's `str()` of a value, which is how KFP puts a non-string into a string comparison. */
function pythonStr(v: JsonValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function canonicalType(a: ParameterType, b: ParameterType): ParameterType {
  if (a === b) return a;
  if (a === 'STRING' || b === 'STRING') return 'STRING';
  if (a === 'BOOLEAN' || b === 'BOOLEAN') return 'BOOLEAN';
  return 'NUMBER_DOUBLE';
}

function asType(v: { value: JsonValue; type: ParameterType }, canonical: ParameterType): JsonValue {
  if (canonical === 'STRING') return pythonStr(v.value);
  if (canonical === 'BOOLEAN') return typeof v.value === 'number' ? Math.trunc(v.value) === 0 : Boolean(v.value);
  if (typeof v.value !== 'number') return Number(v.value);
  return v.type === 'NUMBER_INTEGER' ? Math.trunc(v.value) : v.value;
}

function compare(a: JsonValue, op: Condition['operator'], b: JsonValue): boolean {
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  if ((typeof x !== 'number' && typeof x !== 'string') || (typeof y !== 'number' && typeof y !== 'string')) return false;
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

function operandText(ctx: ValueContext, o: Operand, v: Value): string {
  const shown = v.known ? JSON.stringify(v.value) : '?';
  if ('constant' in o) return JSON.stringify(o.constant);
  if (isParameterRef(o)) return `${o.parameter} (${shown})`;
  if (isLoopItemRef(o)) return `${o.field === undefined ? 'item' : `item.${o.field}`} (${shown})`;
  return `${ctx.taskLabel(o.task)}.${o.output} (${shown})`;
}

/** Whether a condition holds in this run; `unknown` when a value it reads is not known. */
export function evaluateCondition(ctx: ValueContext, c: Condition): { result: 'true' | 'false' | 'unknown'; text: string; why?: string } {
  const left = operandValue(ctx, c.left);
  const right = operandValue(ctx, c.right);
  const text = `${operandText(ctx, c.left, left)} ${c.operator} ${operandText(ctx, c.right, right)}`;
  if (!left.known) return { result: 'unknown', text, why: left.why };
  if (!right.known) return { result: 'unknown', text, why: right.why };
  const canonical = canonicalType(left.type, right.type);
  return { result: compare(asType(left, canonical), c.operator, asType(right, canonical)) ? 'true' : 'false', text };
}

/** A list value, also when it arrives as JSON text (how KFP passes lists between tasks). */
function asList(v: JsonValue | undefined): JsonValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    try {
      const parsed = JSON.parse(v) as JsonValue;
      if (Array.isArray(parsed)) return parsed;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * What a ParallelFor iterates over in this run. Unknown items (an output not given, a
 * parameter without value) give one iteration with an unknown item, flagged `assumed`.
 */
export function loopItems(ctx: ValueContext, g: LoopGroup): { items: Array<JsonValue | undefined>; assumed: boolean; why?: string } {
  const unknown = (why: string) => ({ items: [undefined], assumed: true, why });
  const items = g.items;
  if ('constant' in items) return { items: items.constant, assumed: false };
  if (isParameterRef(items)) {
    const v = parameterValue(ctx, items.parameter);
    if (!v.known) return unknown(v.why);
    const list = asList(v.value);
    return list ? { items: list, assumed: false } : unknown(`the parameter ${items.parameter} is not a list`);
  }
  if (isLoopItemRef(items)) {
    const outer = ctx.loopValues.get(items.loopItem);
    const v = items.field === undefined ? outer : outer && typeof outer === 'object' && !Array.isArray(outer) ? outer[items.field] : undefined;
    const list = asList(v);
    return list ? { items: list, assumed: false } : unknown('the items of the outer loop are not known');
  }
  const list = asList(ctx.output(items.task, items.output));
  return list ? { items: list, assumed: false } : unknown(`the output ${items.output} of ${ctx.taskLabel(items.task)} is not known`);
}
