/**
 * The trigger conditions KFP writes for `dsl.If` / `dsl.Condition` groups (CEL, see
 * `compiler/group-spec.ts`), read back: comparisons joined by ` && `, each possibly negated
 * `!(…)` (the earlier branches of an If/Elif/Else), with operands that are group inputs
 * (`inputs.parameter_values['pipelinechannel--x']`, maybe cast with `int(…)`/`double(…)` or
 * quoted) or literals.
 */
import type { ConditionOperator, Operand, Source } from '../document/types';

export interface ParsedComparison {
  negated: boolean;
  left: ParsedOperand;
  operator: ConditionOperator;
  right: ParsedOperand;
}

/** An operand: a group input by name, or a literal. */
export type ParsedOperand = { input: string } | { constant: string | number | boolean; type?: 'NUMBER_DOUBLE' };

/** Splits at ` && ` outside quotes and parentheses. */
function splitConjunction(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && text.startsWith(' && ', i)) {
      parts.push(text.slice(start, i));
      start = i + 4;
      i += 3;
    }
  }
  if (quoted || depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

const CHANNEL = /^inputs\.parameter_values\['([^']+)'\]$/;

function operand(token: string): ParsedOperand | undefined {
  let t = token;
  const cast = /^(int|double)\((.*)\)$/.exec(t);
  if (cast) t = cast[2];
  const channel = CHANNEL.exec(t);
  if (channel) return { input: channel[1] };
  if (cast && cast[1] === 'double' && /^-?\d+$/.test(t)) return { constant: Number(t) };
  if (cast) return undefined;
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) {
    const inner = t.slice(1, -1);
    // A non-string operand compared with a string is quoted whole.
    const quotedChannel = CHANNEL.exec(inner) ?? /^(?:int|double)\(inputs\.parameter_values\['([^']+)'\]\)$/.exec(inner);
    if (quotedChannel) return { input: quotedChannel[1] };
    return { constant: inner };
  }
  if (t === 'true' || t === 'false') return { constant: t === 'true' };
  if (/^-?\d+$/.test(t)) return { constant: Number(t) };
  if (/^-?(\d+\.\d*|\d*\.\d+)(e[-+]?\d+)?$|^-?\d+e[-+]?\d+$/.test(t)) {
    const n = Number(t);
    return Number.isInteger(n) ? { constant: n, type: 'NUMBER_DOUBLE' } : { constant: n };
  }
  return undefined;
}

const OPERATORS: ConditionOperator[] = ['==', '!=', '<=', '>=', '<', '>'];

/** One comparison `left op right`, where either side may be a quoted literal with spaces. */
function comparison(text: string): ParsedComparison | undefined {
  let t = text;
  let negated = false;
  if (t.startsWith('!(') && t.endsWith(')')) {
    negated = true;
    t = t.slice(2, -1);
  }
  // Find ` op ` outside quotes.
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "'") quoted = !quoted;
    if (quoted || t[i] !== ' ') continue;
    for (const op of OPERATORS) {
      if (!t.startsWith(` ${op} `, i)) continue;
      const left = operand(t.slice(0, i));
      const right = operand(t.slice(i + op.length + 2));
      if (left && right) return { negated, left, operator: op, right };
    }
  }
  return undefined;
}

/** The comparisons of a condition text, or undefined when it is not in KFP's form. */
export function parseCondition(text: string): ParsedComparison[] | undefined {
  const parts = splitConjunction(text);
  if (!parts) return undefined;
  const out: ParsedComparison[] = [];
  for (const p of parts) {
    const c = comparison(p);
    if (!c) return undefined;
    out.push(c);
  }
  return out;
}

/** A parsed operand as a document operand, resolving group inputs with `resolve`. */
export function toOperand(o: ParsedOperand, resolve: (input: string) => Source | undefined): Operand | undefined {
  if ('input' in o) return resolve(o.input);
  return o.type ? { constant: o.constant, type: o.type } : { constant: o.constant };
}
