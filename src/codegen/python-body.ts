/**
 * The body of the generated pipeline function: task calls with keyword arguments, their
 * options (`.set_display_name`, `.set_retry`, `.after`, `.set_cpu_limit`, …), and the
 * control-flow blocks (`dsl.If`/`Elif`/`Else`, `dsl.Condition`, `dsl.ParallelFor`,
 * `dsl.ExitHandler`), in the order `python-order.ts` decides.
 */
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import {
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Binding,
  type Condition,
  type Group,
  type Operand,
  type Source,
  type Task,
  type TaskOutputRef,
} from '../document/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { pyList } from './python-components';
import { isImporter, type PyContext } from './python-context';
import { pyFStringText, pyLiteral, pyNumber, pyString } from './python-literal';
import { isIdentifier } from './python-names';
import type { PyItem } from './python-order';

/** `dsl.PIPELINE_*_PLACEHOLDER` constants, by the string they stand for. */
const KFP_PLACEHOLDER_CONSTANTS: Readonly<Record<string, string>> = {
  '{{$.pipeline_job_name}}': 'PIPELINE_JOB_NAME_PLACEHOLDER',
  '{{$.pipeline_job_resource_name}}': 'PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER',
  '{{$.pipeline_job_uuid}}': 'PIPELINE_JOB_ID_PLACEHOLDER',
  '{{$.pipeline_task_name}}': 'PIPELINE_TASK_NAME_PLACEHOLDER',
  '{{$.pipeline_task_uuid}}': 'PIPELINE_TASK_ID_PLACEHOLDER',
  '{{$.pipeline_job_create_time_utc}}': 'PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER',
  '{{$.pipeline_job_schedule_time_utc}}': 'PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER',
  '{{$.pipeline_root}}': 'PIPELINE_ROOT_PLACEHOLDER',
};
// Every KFP runtime placeholder the app offers has its DSL constant.
for (const p of RUNTIME_PLACEHOLDERS)
  if (p.origin === 'kfp' && !KFP_PLACEHOLDER_CONSTANTS[p.value]) throw new Error(`No DSL constant for ${p.value}.`);

const MIRRORED: Record<Condition['operator'], Condition['operator']> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

// ---------------------------------------------------------------- values

/** A task output: `task.output` when the component has one output, else `task.outputs["x"]`. */
export function outputExpr(ctx: PyContext, ref: TaskOutputRef, quote: 'double' | 'single' = 'double'): string {
  const v = ctx.taskVar.get(ref.task) ?? `task_${ref.task}`;
  const task = ctx.doc.tasks.find((t) => t.id === ref.task);
  const entry = ctx.entries.get(ref.task);
  const outputs = task && isImporter(ctx.doc, task) ? ['artifact'] : [
    ...Object.keys(entry?.outputDefinitions?.parameters ?? {}),
    ...Object.keys(entry?.outputDefinitions?.artifacts ?? {}),
  ];
  if (outputs.length === 1 && outputs[0] === ref.output) return `${v}.output`;
  const key = quote === 'single' && !/['\\\n]/.test(ref.output) ? `'${ref.output}'` : pyString(ref.output);
  return `${v}.outputs[${key}]`;
}

function loopItemExpr(ctx: PyContext, ref: { loopItem: string; field?: string }): string {
  const v = ctx.loopVar.get(ref.loopItem) ?? 'item';
  if (ref.field === undefined) return v;
  return isIdentifier(ref.field) ? `${v}.${ref.field}` : `getattr(${v}, ${pyString(ref.field)})`;
}

export function sourceExpr(ctx: PyContext, s: Source, quote: 'double' | 'single' = 'double'): string {
  if (isParameterRef(s)) return s.parameter;
  if (isLoopItemRef(s)) return loopItemExpr(ctx, s);
  return outputExpr(ctx, s, quote);
}

function constantExpr(ctx: PyContext, v: JsonValue, type: ParameterType | undefined, indent: string): string {
  if (typeof v === 'string' && KFP_PLACEHOLDER_CONSTANTS[v]) return `${ctx.dsl}.${KFP_PLACEHOLDER_CONSTANTS[v]}`;
  return pyLiteral(v, type === 'NUMBER_DOUBLE', indent);
}

/** A binding as a Python expression; `type` is the input's parameter type (floats for NUMBER_DOUBLE). */
export function bindingExpr(ctx: PyContext, b: Binding, type: ParameterType | undefined, indent: string): string {
  if ('constant' in b) return constantExpr(ctx, b.constant, type, indent);
  if (isTemplate(b))
    return `f"${b.template.map((part) => (typeof part === 'string' ? pyFStringText(part) : `{${sourceExpr(ctx, part, 'single')}}`)).join('')}"`;
  if (isOneOf(b)) return pyList(`${ctx.dsl}.OneOf(`, b.oneOf.map((r) => outputExpr(ctx, r)), ')', indent);
  if (isTaskOutput(b)) return b.collected ? `${ctx.dsl}.Collected(${outputExpr(ctx, b)})` : outputExpr(ctx, b);
  if (isLoopItemRef(b)) return loopItemExpr(ctx, b);
  return b.parameter;
}

function operandExpr(ctx: PyContext, o: Operand): string {
  if (!('constant' in o)) return sourceExpr(ctx, o);
  const v = o.constant;
  if (typeof v === 'number') return pyNumber(v, o.type === 'NUMBER_DOUBLE');
  return pyLiteral(v);
}

/**
 * `left op right`. KFP builds the condition from the run-time value's comparison operator,
 * so `"x" == param` is `param == "x"` to it: a literal on the left is written on the right,
 * with the operator mirrored, which is how KFP would read it anyway.
 */
export function conditionExpr(ctx: PyContext, c: Condition): string {
  const literalLeft = 'constant' in c.left && !('constant' in c.right);
  const [left, op, right] = literalLeft ? [c.right, MIRRORED[c.operator], c.left] : [c.left, c.operator, c.right];
  return `${operandExpr(ctx, left)} ${op} ${operandExpr(ctx, right)}`;
}

// ---------------------------------------------------------------- tasks

function inputType(ctx: PyContext, t: Task, input: string): ParameterType | undefined {
  return ctx.entries.get(t.id)?.inputDefinitions?.parameters?.[input]?.parameterType;
}

function callArguments(ctx: PyContext, t: Task, indent: string): string[] {
  const inner = indent + '    ';
  if (isImporter(ctx.doc, t)) {
    const s = t.importer;
    const type = s?.artifactType ?? { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' };
    const uri = t.inputs.uri;
    const args = [
      `artifact_uri=${uri ? bindingExpr(ctx, uri, 'STRING', inner) : '""'}`,
      `artifact_class=${ctx.imports.artifactClass(type)}`,
      `reimport=${s?.reimport ? 'True' : 'False'}`,
    ];
    if (s?.metadata && Object.keys(s.metadata).length > 0) args.push(`metadata=${pyLiteral(s.metadata, false, inner)}`);
    if (s?.downloadToWorkspace) args.push('download_to_workspace=True');
    return args;
  }
  const args: string[] = [];
  const odd: string[] = [];
  for (const [name, b] of Object.entries(t.inputs)) {
    const value = bindingExpr(ctx, b, inputType(ctx, t, name), inner);
    if (isIdentifier(name)) args.push(`${name}=${value}`);
    else odd.push(`${pyString(name)}: ${value}`);
  }
  if (odd.length > 0) args.push(`**{${odd.join(', ')}}`);
  return args;
}

function optionCalls(ctx: PyContext, t: Task): string[] {
  const v = ctx.taskVar.get(t.id);
  if (!v) return [];
  const out: string[] = [];
  if (t.displayName) out.push(`set_display_name(${pyString(t.displayName)})`);
  if (!t.caching) out.push('set_caching_options(False)');
  if (t.retries !== undefined) {
    const args = [`num_retries=${t.retries}`];
    const b = t.retryBackoff ?? {};
    if (b.duration !== undefined) args.push(`backoff_duration="${b.duration}s"`);
    if (b.factor !== undefined) args.push(`backoff_factor=${pyNumber(b.factor, true)}`);
    if (b.maxDuration !== undefined) args.push(`backoff_max_duration="${b.maxDuration}s"`);
    out.push(`set_retry(${args.join(', ')})`);
  }
  const after = t.after.map((id) => ctx.taskVar.get(id) ?? `task_${id}`);
  if (after.length > 0) out.push(`after(${after.join(', ')})`);
  const r = t.resources ?? {};
  if (r.cpuRequest !== undefined) out.push(`set_cpu_request(${pyString(r.cpuRequest)})`);
  if (r.cpuLimit !== undefined) out.push(`set_cpu_limit(${pyString(r.cpuLimit)})`);
  if (r.memoryRequest !== undefined) out.push(`set_memory_request(${pyString(r.memoryRequest)})`);
  if (r.memoryLimit !== undefined) out.push(`set_memory_limit(${pyString(r.memoryLimit)})`);
  if (r.acceleratorType !== undefined) out.push(`set_accelerator_type(${pyString(r.acceleratorType)})`);
  if (r.acceleratorCount !== undefined) out.push(`set_accelerator_limit(${r.acceleratorCount})`);
  for (const e of t.env ?? []) out.push(`set_env_variable(name=${pyString(e.name)}, value=${pyString(e.value)})`);
  if (t.ignoreUpstreamFailure) out.push('ignore_upstream_failure()');
  return out.map((call) => `${v}.${call}`);
}

function taskLines(ctx: PyContext, t: Task, indent: string): string[] {
  const v = ctx.taskVar.get(t.id);
  const open = `${v ? `${v} = ` : ''}${ctx.callee.get(t.id)}(`;
  const call = pyList(open, callArguments(ctx, t, indent), ')', indent);
  return [call, ...optionCalls(ctx, t)].map((line) => indent + line);
}

// ---------------------------------------------------------------- groups

const nameArg = (g: Group) => (g.displayName ? [`name=${pyString(g.displayName)}`] : []);

function withLines(ctx: PyContext, head: string, body: PyItem[], indent: string): string[] {
  const lines = bodyLines(ctx, body, indent + '    ');
  return [indent + head, ...(lines.length > 0 ? lines : [`${indent}    pass`])];
}

function groupLines(ctx: PyContext, item: Exclude<PyItem, { kind: 'task' }>, indent: string): string[] {
  const dsl = ctx.dsl;
  if (item.kind === 'branches') {
    return item.branches.flatMap(({ group, body }, i) => {
      const c = group.kind === 'condition' ? group.condition : undefined;
      const head =
        i === 0
          ? pyList(`with ${dsl}.If(`, [c ? conditionExpr(ctx, c) : 'True', ...nameArg(group)], '):', indent)
          : c
            ? pyList(`with ${dsl}.Elif(`, [conditionExpr(ctx, c), ...nameArg(group)], '):', indent)
            : pyList(`with ${dsl}.Else(`, nameArg(group), '):', indent);
      return withLines(ctx, head, body, indent);
    });
  }
  const g = item.group;
  if (g.kind === 'condition') {
    const fn = ctx.options.legacyCondition ? 'Condition' : 'If';
    const head = pyList(`with ${dsl}.${fn}(`, [g.condition ? conditionExpr(ctx, g.condition) : 'True', ...nameArg(g)], '):', indent);
    return withLines(ctx, head, item.body, indent);
  }
  if (g.kind === 'loop') {
    const items = g.items;
    const inner = indent + '    ';
    const itemsExpr =
      'constant' in items
        ? pyLiteral(items.constant, false, inner)
        : isParameterRef(items)
          ? items.parameter
          : isLoopItemRef(items)
            ? loopItemExpr(ctx, items)
            : outputExpr(ctx, items);
    const args = [itemsExpr, ...(g.parallelism ? [`parallelism=${g.parallelism}`] : []), ...nameArg(g)];
    const head = pyList(`with ${dsl}.ParallelFor(`, args, `) as ${ctx.loopVar.get(g.id)}:`, indent);
    return withLines(ctx, head, item.body, indent);
  }
  if (g.kind === 'exitHandler') {
    const exit = ctx.taskVar.get(g.exitTask) ?? `task_${g.exitTask}`;
    const head = pyList(`with ${dsl}.ExitHandler(`, [exit, ...nameArg(g)], '):', indent);
    return withLines(ctx, head, item.body, indent);
  }
  // A branches group without a chain item (cannot happen: statementTree makes them `branches`).
  return withLines(ctx, `with ${dsl}.If(True):`, item.body, indent);
}

export function bodyLines(ctx: PyContext, items: PyItem[], indent: string): string[] {
  return items.flatMap((item) => (item.kind === 'task' ? taskLines(ctx, item.task, indent) : groupLines(ctx, item, indent)));
}
