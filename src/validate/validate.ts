/**
 * document → diagnostics. Each diagnostic has a stable code, a message in plain words,
 * and where it points (task and input, parameter, group, pipeline output or component).
 * Errors block export: they are the cases the KFP compiler itself refuses (or would write
 * a pipeline that cannot run). Control-flow rules live in `flow.ts`, component and task
 * settings in `components.ts`.
 */
import type { Catalog } from '../catalog/catalog';
import { findInput, findOutput, inputPorts, isRequired } from '../catalog/ports';
import { taskEntry } from '../catalog/resolve';
import type { Port } from '../catalog/types';
import { PARAMETER_NAME_PATTERN, PIPELINE_NAME_PATTERN } from '../compiler/names';
import {
  bindingTasks,
  isConstant,
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Binding,
  type PipelineDocument,
  type Task,
} from '../document/types';
import type { ParameterType } from '../spec/pipeline-spec';
import { checkComponents } from './components';
import { checkConstant } from './constants';
import { firstCycle } from './cycles';
import { createContext, taskChain, taskLabel, type Context, type Diagnostic } from './context';
import { checkFlow, checkLoopField, checkSourceType, crossingProblem, isExitTask, oneOfProblem, resolveOutput, resolveSource } from './flow';

export { checkConstant } from './constants';
export type { Diagnostic, DiagnosticCode } from './context';

/** Can an output of type `from` feed an input of type `to`? Returns a reason when not. */
export function checkWire(from: Port, to: Port): string | undefined {
  if (from.kind !== to.kind)
    return from.kind === 'artifact'
      ? `${from.name} is an artifact (${from.type}) but ${to.name} takes a ${to.type} value`
      : `${from.name} is a ${from.type} value but ${to.name} takes an artifact (${to.type})`;
  if (from.kind === 'parameter') {
    return from.type === to.type ? undefined : `${from.name} is ${from.type} but ${to.name} takes ${to.type}`;
  }
  if (from.type === 'system.Artifact' || to.type === 'system.Artifact') return undefined;
  if (from.type !== to.type) return `${from.name} is a ${from.type} but ${to.name} takes a ${to.type}`;
  const major = (v?: string) => (v ?? '0').split('.')[0];
  if (major(from.schemaVersion) !== major(to.schemaVersion))
    return `${from.type} ${from.schemaVersion} and ${to.schemaVersion} are different major versions`;
  return undefined;
}


/** The name of the input KFP fills with the final status of the exit handler's group. */
const isFinalStatusPort = (port: Port) => (port.type as string) === 'TASK_FINAL_STATUS';

function checkParameters(ctx: Context): Map<string, ParameterType> {
  const params = new Map<string, ParameterType>();
  for (const p of ctx.doc.parameters) {
    if (!PARAMETER_NAME_PATTERN.test(p.name))
      ctx.error('BAD_PARAMETER_NAME', `Parameter name "${p.name}" must start with a letter or _ and use only letters, digits and _.`, {
        parameter: p.name,
      });
    else if (params.has(p.name)) ctx.error('DUPLICATE_PARAMETER', `There are two parameters named "${p.name}".`, { parameter: p.name });
    params.set(p.name, p.type);
    if (p.default !== undefined) {
      const why = checkConstant(p.type, p.default);
      if (why) ctx.error('BAD_PARAMETER_DEFAULT', `Default of parameter "${p.name}" ${why}.`, { parameter: p.name });
    }
  }
  return params;
}

/** One input binding of a task against the input's port. */
function checkBinding(ctx: Context, t: Task, name: string, binding: Binding, port: Port): void {
  const key = taskLabel(ctx, t.id);
  const at = { taskId: t.id, input: name };
  const chain = taskChain(ctx, t);
  if (isConstant(binding)) {
    if (port.kind === 'artifact') ctx.error('BAD_CONSTANT', `${key}: ${name} takes an artifact; wire it from an upstream output.`, at);
    else {
      const why = checkConstant(port.type as ParameterType, binding.constant);
      if (why) ctx.error('BAD_CONSTANT', `${key}: ${name} ${why}.`, at);
    }
    return;
  }
  if (isParameterRef(binding)) {
    const type = ctx.doc.parameters.find((p) => p.name === binding.parameter)?.type;
    if (type === undefined && ctx.doc.artifactInputs?.some((a) => a.name === binding.parameter)) {
      // An artifact input of the pipeline.
      const r = resolveSource(ctx, binding, chain);
      const why = r.ok ? checkSourceType(r.type, port, `the pipeline input ${binding.parameter}`) : undefined;
      if (why) ctx.error('PARAMETER_TYPE_MISMATCH', `${key}: ${why}.`, at);
      return;
    }
    if (type === undefined)
      ctx.error('UNKNOWN_PARAMETER', `${key}: ${name} uses the parameter "${binding.parameter}", which does not exist.`, at);
    else if (port.kind === 'artifact') ctx.error('PARAMETER_TYPE_MISMATCH', `${key}: ${name} takes an artifact, not a parameter.`, at);
    else if (type !== port.type)
      ctx.error('PARAMETER_TYPE_MISMATCH', `${key}: ${name} takes ${port.type} but parameter "${binding.parameter}" is ${type}.`, at);
    return;
  }
  if (isTaskOutput(binding)) {
    if (!ctx.tasks.has(binding.task)) return ctx.error('UNKNOWN_TASK', `${key}: ${name} reads from a task that does not exist.`, at);
    const producer = ctx.entries.get(binding.task);
    if (!producer) return;
    const output = findOutput(producer, binding.output);
    if (!output)
      return ctx.error('UNKNOWN_OUTPUT', `${key}: ${name} reads ${binding.output}, which ${taskLabel(ctx, binding.task)} does not produce.`, at);
    if (binding.collected) {
      const why = crossingProblem(ctx, binding.task, chain, 'collected');
      if (why) return ctx.error('BAD_COLLECTED', `${key}: ${name} collects ${binding.output}, but ${why}.`, at);
      const list = output.kind === 'parameter' ? { kind: 'parameter' as const, type: 'LIST' as const } : { kind: 'artifact' as const, type: output.type, schemaVersion: output.schemaVersion, isList: true };
      const whyType = checkSourceType(list, port, `the collected ${binding.output}`);
      if (whyType) ctx.error('OUTPUT_TYPE_MISMATCH', `${key}: ${whyType}.`, at);
      return;
    }
    const why = checkWire(output, port);
    if (why) ctx.error('OUTPUT_TYPE_MISMATCH', `${key}: ${why}.`, at);
    const cross = crossingProblem(ctx, binding.task, chain, 'data');
    if (cross) ctx.error('ILLEGAL_CROSS_GROUP', `${key}: ${name} cannot read it: ${cross}.`, at);
    return;
  }
  if (isLoopItemRef(binding)) {
    const r = resolveSource(ctx, binding, chain);
    if (!r.ok) return ctx.error('LOOP_ITEM_OUTSIDE_LOOP', `${key}: ${name} ${r.reason}.`, at);
    checkLoopField(ctx, binding, at, `${key}: ${name}`);
    const why = checkSourceType(r.type, port, 'the loop item');
    if (why) ctx.error('OUTPUT_TYPE_MISMATCH', `${key}: ${why}.`, at);
    return;
  }
  if (isTemplate(binding)) {
    if (port.kind !== 'parameter' || port.type !== 'STRING')
      ctx.error('BAD_TEMPLATE', `${key}: ${name} takes ${port.kind === 'artifact' ? 'an artifact' : port.type}; a template makes text.`, at);
    for (const part of binding.template) {
      if (typeof part === 'string') continue;
      const r = resolveSource(ctx, part, chain);
      if (!r.ok) {
        ctx.error('BAD_TEMPLATE', `${key}: the template in ${name} ${r.reason}.`, at);
        continue;
      }
      if (r.type.kind === 'artifact') ctx.error('BAD_TEMPLATE', `${key}: the template in ${name} cannot splice in an artifact.`, at);
      if (isTaskOutput(part)) {
        const cross = crossingProblem(ctx, part.task, chain, 'data');
        if (cross) ctx.error('ILLEGAL_CROSS_GROUP', `${key}: ${name} cannot read it: ${cross}.`, at);
      }
      if (isLoopItemRef(part)) checkLoopField(ctx, part, at, `${key}: ${name}`);
    }
    return;
  }
  if (isOneOf(binding)) {
    const why = oneOfProblem(ctx, binding.oneOf, chain);
    if (why) return ctx.error('BAD_ONE_OF', `${key}: ${name}: ${why}.`, at);
    const r = resolveOutput(ctx, binding.oneOf[0]);
    if (r.ok) {
      const whyType = checkSourceType(r.type, port, 'the one-of');
      if (whyType) ctx.error('OUTPUT_TYPE_MISMATCH', `${key}: ${whyType}.`, at);
    }
  }
}

function checkTasks(ctx: Context): void {
  for (const t of ctx.doc.tasks) {
    const entry = ctx.entries.get(t.id);
    if (!entry) {
      ctx.error('UNKNOWN_COMPONENT', `Task ${t.id} uses a component that is not in the catalog: ${t.component}.`, { taskId: t.id });
      continue;
    }
    const key = taskLabel(ctx, t.id);
    const exit = isExitTask(ctx, t.id);
    for (const port of inputPorts(entry)) {
      if (isFinalStatusPort(port)) {
        if (!exit && !t.ignoreUpstreamFailure)
          ctx.error('EXIT_TASK_ONLY', `${key} reads the final status of a run (PipelineTaskFinalStatus), so it can only run as the exit task of an exit handler.`, { taskId: t.id });
        if (port.name in t.inputs)
          ctx.error('EXIT_TASK_ONLY', `${key}: ${port.name} is filled in by KFP with the final status; it cannot be set.`, { taskId: t.id, input: port.name });
        continue;
      }
      if (isRequired(port) && !(port.name in t.inputs))
        ctx.error('MISSING_REQUIRED_INPUT', `${key}: required input ${port.name} has no value.`, { taskId: t.id, input: port.name });
    }
    for (const [name, binding] of Object.entries(t.inputs)) {
      const port = findInput(entry, name);
      if (!port) {
        ctx.error('UNKNOWN_INPUT', `${key}: ${entry.name} has no input named ${name}.`, { taskId: t.id, input: name });
        continue;
      }
      if (isFinalStatusPort(port)) continue;
      checkBinding(ctx, t, name, binding, port);
    }
    for (const a of t.after) {
      const why = crossingProblem(ctx, a, taskChain(ctx, t), 'after');
      if (why) ctx.error('ILLEGAL_CROSS_GROUP', `${key} cannot run after it: ${why}.`, { taskId: t.id });
    }
    if (t.ignoreUpstreamFailure) checkIgnoreUpstreamFailure(ctx, t);
    const why = checkRetry(t);
    if (why) ctx.error('BAD_RETRY', `${key}: ${why}.`, { taskId: t.id });
  }
}

/**
 * `.ignore_upstream_failure()`: inputs fed by upstream tasks need a default (the upstream
 * may fail); with a PipelineTaskFinalStatus input there must be exactly one upstream task.
 */
function checkIgnoreUpstreamFailure(ctx: Context, t: Task): void {
  const entry = ctx.entries.get(t.id)!;
  const key = taskLabel(ctx, t.id);
  for (const [name, b] of Object.entries(t.inputs)) {
    const port = findInput(entry, name);
    if (port && bindingTasks(b).length > 0 && !port.optional && !port.hasDefault)
      ctx.error('BAD_IGNORE_UPSTREAM', `${key} ignores upstream failures, so ${name}, fed by an upstream task, needs a default value.`, { taskId: t.id, input: name });
  }
  if (inputPorts(entry).some(isFinalStatusPort)) {
    const upstream = new Set([...t.after, ...Object.values(t.inputs).flatMap(bindingTasks)]);
    const sameScope = [...upstream].filter((id) => ctx.tasks.get(id)?.group === t.group);
    if (upstream.size !== 1 || sameScope.length !== 1)
      ctx.error(
        'BAD_IGNORE_UPSTREAM',
        `${key} reads the final status of its upstream task, so it needs exactly one upstream task in the same group (it has ${upstream.size}).`,
        { taskId: t.id },
      );
  }
}

export function validate(doc: PipelineDocument, catalog: Catalog): Diagnostic[] {
  const ctx = createContext(doc, catalog);
  if (!PIPELINE_NAME_PATTERN.test(doc.name))
    ctx.error(
      'BAD_PIPELINE_NAME',
      doc.name
        ? `Pipeline name "${doc.name}" must use lower-case letters, digits and hyphens, start with a letter or digit, and be at most 128 characters.`
        : 'The pipeline needs a name.',
    );
  checkParameters(ctx);
  if (doc.tasks.length === 0) ctx.error('NO_TASKS', 'The pipeline has no tasks; add a component from the palette.');
  checkTasks(ctx);
  checkComponents(ctx);
  checkFlow(ctx);
  return ctx.out;
}

const BACKOFF_LABELS = {
  duration: 'the wait before the first retry',
  factor: 'the backoff factor',
  maxDuration: 'the longest wait between retries',
} as const;

/**
 * Is the retry policy of a task one KFP's `set_retry` can write? The count is a whole number
 * from 0 to 2147483647 (int32); waits are whole seconds of 0 or more (KFP parses `'60s'` with
 * `int()`, so `1.5s` is refused); the factor is a number above 0. Returns a reason when not.
 */
export function checkRetry(task: Pick<Task, 'retries' | 'retryBackoff'>): string | undefined {
  const r: unknown = task.retries;
  if (r !== undefined && (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r > 2147483647))
    return `the number of retries must be a whole number from 0 to 2147483647, not ${shown(r)}`;
  const backoff: unknown = task.retryBackoff;
  if (backoff === undefined) return undefined;
  if (typeof backoff !== 'object' || backoff === null || Array.isArray(backoff)) return 'the retry backoff settings are not readable';
  for (const key of Object.keys(BACKOFF_LABELS) as Array<keyof typeof BACKOFF_LABELS>) {
    const v: unknown = (backoff as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const what = BACKOFF_LABELS[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${what} must be a number, not ${shown(v)}`;
    if (key === 'factor') {
      if (v <= 0) return `${what} must be above 0, not ${shown(v)}`;
    } else if (v < 0) return `${what} must be 0 or more seconds, not ${shown(v)}`;
    else if (!Number.isSafeInteger(v)) return `${what} must be a whole number of seconds, not ${shown(v)} (KFP writes durations like 60s)`;
  }
  return undefined;
}

const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? 'an object' : String(v));

/** Upstream task ids of every task (data wires and `after`). */
export function upstreamOf(doc: PipelineDocument): Map<string, Set<string>> {
  const ups = new Map<string, Set<string>>();
  for (const t of doc.tasks) {
    const set = new Set(t.after);
    for (const b of Object.values(t.inputs)) for (const id of bindingTasks(b)) set.add(id);
    ups.set(t.id, set);
  }
  return ups;
}

/** A dependency cycle as a list of task ids, or undefined. */
export function findCycle(doc: PipelineDocument): string[] | undefined {
  const ups = upstreamOf(doc);
  return firstCycle(
    doc.tasks.map((t) => t.id),
    (id) => [...(ups.get(id) ?? [])].filter((up) => ups.has(up)),
  );
}

/** Would wiring `from.output` into `to.input` create a cycle? */
export function wouldCycle(doc: PipelineDocument, fromTask: string, toTask: string): boolean {
  if (fromTask === toTask) return true;
  const ups = upstreamOf(doc);
  const seen = new Set<string>();
  const todo = [fromTask];
  while (todo.length) {
    const id = todo.pop()!;
    if (id === toTask) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const u of ups.get(id) ?? []) todo.push(u);
  }
  return false;
}

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

/**
 * May the output `output` of task `fromTask` be wired into input `input` of `toTask`?
 * The reason, when refused, is one sentence a person can act on.
 */
export function checkConnection(
  doc: PipelineDocument,
  catalog: Catalog,
  fromTask: string,
  output: string,
  toTask: string,
  input: string,
): ConnectionCheck {
  const from = doc.tasks.find((t) => t.id === fromTask);
  const to = doc.tasks.find((t) => t.id === toTask);
  if (!from || !to) return { ok: false, reason: 'That task no longer exists.' };
  if (fromTask === toTask) return { ok: false, reason: 'A task cannot feed its own input.' };
  const fromEntry = taskEntry(doc, catalog, from);
  const toEntry = taskEntry(doc, catalog, to);
  const outPort = fromEntry && findOutput(fromEntry, output);
  const inPort = toEntry && findInput(toEntry, input);
  if (!outPort || !inPort) return { ok: false, reason: 'Unknown input or output.' };
  if (isFinalStatusPort(inPort))
    return { ok: false, reason: 'pipeline_task_final_status is filled in by an exit handler, not by a wire.' };
  const why = checkWire(outPort, inPort);
  if (why) return { ok: false, reason: `Cannot connect: ${why}.` };
  if (wouldCycle(doc, fromTask, toTask))
    return { ok: false, reason: 'Cannot connect: this wire would make the tasks depend on each other in a circle.' };
  return { ok: true };
}
