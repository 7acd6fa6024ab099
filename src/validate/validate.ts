/**
 * document → diagnostics. Each diagnostic has a stable code, a message in plain words,
 * and where it points (task and input, or parameter). Errors block export: they are the
 * cases the KFP compiler itself refuses.
 */
import type { Catalog } from '../catalog/catalog';
import { findInput, findOutput, inputPorts, isRequired } from '../catalog/ports';
import type { CatalogEntry, Port } from '../catalog/types';
import { isConstant, isParameterRef, type PipelineDocument, type Task } from '../document/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { PARAMETER_NAME_PATTERN, PIPELINE_NAME_PATTERN } from '../compiler/names';
import { taskKeys } from '../compiler/compile';

export type DiagnosticCode =
  | 'NO_TASKS'
  | 'BAD_PIPELINE_NAME'
  | 'BAD_PARAMETER_NAME'
  | 'DUPLICATE_PARAMETER'
  | 'BAD_PARAMETER_DEFAULT'
  | 'UNKNOWN_COMPONENT'
  | 'UNKNOWN_INPUT'
  | 'MISSING_REQUIRED_INPUT'
  | 'BAD_CONSTANT'
  | 'UNKNOWN_PARAMETER'
  | 'PARAMETER_TYPE_MISMATCH'
  | 'UNKNOWN_TASK'
  | 'UNKNOWN_OUTPUT'
  | 'OUTPUT_TYPE_MISMATCH'
  | 'CYCLE'
  | 'EXIT_TASK_ONLY'
  | 'BAD_RETRY';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  taskId?: string;
  input?: string;
  parameter?: string;
}

/** Does a constant fit a parameter type? Returns a reason when it does not. */
export function checkConstant(type: ParameterType, value: JsonValue): string | undefined {
  if (value === null) return 'None (null) is not a value KFP accepts';
  if (containsNull(value)) return 'null inside a list or dict is not a value KFP accepts';
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? undefined : 'expects text';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'expects a whole number';
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expects a number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : 'expects true or false';
    case 'STRUCT':
      return typeof value === 'object' && !Array.isArray(value) ? undefined : 'expects a JSON object';
    case 'LIST':
      return Array.isArray(value) ? undefined : 'expects a JSON list';
  }
}

function containsNull(v: JsonValue): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(containsNull);
  if (typeof v === 'object') return Object.values(v).some(containsNull);
  return false;
}

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

export function validate(doc: PipelineDocument, catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (code: DiagnosticCode, message: string, at: Partial<Diagnostic> = {}) =>
    out.push({ code, severity: 'error', message, ...at });

  if (!PIPELINE_NAME_PATTERN.test(doc.name))
    error(
      'BAD_PIPELINE_NAME',
      doc.name
        ? `Pipeline name "${doc.name}" must use lower-case letters, digits and hyphens, start with a letter or digit, and be at most 128 characters.`
        : 'The pipeline needs a name.',
    );

  const params = new Map<string, ParameterType>();
  for (const p of doc.parameters) {
    if (!PARAMETER_NAME_PATTERN.test(p.name))
      error('BAD_PARAMETER_NAME', `Parameter name "${p.name}" must start with a letter or _ and use only letters, digits and _.`, {
        parameter: p.name,
      });
    else if (params.has(p.name))
      error('DUPLICATE_PARAMETER', `There are two parameters named "${p.name}".`, { parameter: p.name });
    params.set(p.name, p.type);
    if (p.default !== undefined) {
      const why = checkConstant(p.type, p.default);
      if (why) error('BAD_PARAMETER_DEFAULT', `Default of parameter "${p.name}" ${why}.`, { parameter: p.name });
    }
  }

  if (doc.tasks.length === 0) error('NO_TASKS', 'The pipeline has no tasks; add a component from the palette.');

  const keys = taskKeys(doc, catalog);
  const entries = new Map<string, CatalogEntry>();
  for (const t of doc.tasks) {
    const entry = catalog.get(t.component);
    if (entry) entries.set(t.id, entry);
    else error('UNKNOWN_COMPONENT', `Task ${t.id} uses a component that is not in the catalog: ${t.component}.`, { taskId: t.id });
  }

  for (const t of doc.tasks) {
    const entry = entries.get(t.id);
    if (!entry) continue;
    const key = keys.get(t.id);
    const at = (input: string) => ({ taskId: t.id, input });
    for (const port of inputPorts(entry)) {
      if (port.name === 'pipeline_task_final_status') {
        error('EXIT_TASK_ONLY', `${key} can only run as the exit task of an exit handler.`, { taskId: t.id });
        continue;
      }
      if (isRequired(port) && !(port.name in t.inputs))
        error('MISSING_REQUIRED_INPUT', `${key}: required input ${port.name} has no value.`, at(port.name));
    }
    for (const [name, binding] of Object.entries(t.inputs)) {
      const port = findInput(entry, name);
      if (!port) {
        error('UNKNOWN_INPUT', `${key}: ${entry.name} has no input named ${name}.`, at(name));
        continue;
      }
      if (isConstant(binding)) {
        if (port.kind === 'artifact') error('BAD_CONSTANT', `${key}: ${name} takes an artifact; wire it from an upstream output.`, at(name));
        else {
          const why = checkConstant(port.type as ParameterType, binding.constant);
          if (why) error('BAD_CONSTANT', `${key}: ${name} ${why}.`, at(name));
        }
      } else if (isParameterRef(binding)) {
        const type = params.get(binding.parameter);
        if (type === undefined)
          error('UNKNOWN_PARAMETER', `${key}: ${name} uses the parameter "${binding.parameter}", which does not exist.`, at(name));
        else if (port.kind === 'artifact')
          error('PARAMETER_TYPE_MISMATCH', `${key}: ${name} takes an artifact, not a parameter.`, at(name));
        else if (type !== port.type)
          error('PARAMETER_TYPE_MISMATCH', `${key}: ${name} takes ${port.type} but parameter "${binding.parameter}" is ${type}.`, at(name));
      } else {
        const producer = entries.get(binding.task);
        if (!doc.tasks.some((x) => x.id === binding.task)) {
          error('UNKNOWN_TASK', `${key}: ${name} reads from a task that does not exist.`, at(name));
          continue;
        }
        if (!producer) continue;
        const output = findOutput(producer, binding.output);
        if (!output) {
          error('UNKNOWN_OUTPUT', `${key}: ${name} reads ${binding.output}, which ${keys.get(binding.task)} does not produce.`, at(name));
          continue;
        }
        const why = checkWire(output, port);
        if (why) error('OUTPUT_TYPE_MISMATCH', `${key}: ${why}.`, at(name));
      }
    }
  }

  for (const t of doc.tasks) {
    const why = checkRetry(t);
    if (why) error('BAD_RETRY', `${keys.get(t.id) ?? t.id}: ${why}.`, { taskId: t.id });
  }

  const cycle = findCycle(doc);
  if (cycle)
    error('CYCLE', `Tasks depend on each other in a circle: ${cycle.map((id) => keys.get(id) ?? id).join(' → ')}.`, {
      taskId: cycle[0],
    });
  return out;
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
    for (const b of Object.values(t.inputs)) if ('task' in b) set.add(b.task);
    ups.set(t.id, set);
  }
  return ups;
}

/** A dependency cycle as a list of task ids, or undefined. */
export function findCycle(doc: PipelineDocument): string[] | undefined {
  const ups = upstreamOf(doc);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 1);
    stack.push(id);
    for (const up of ups.get(id) ?? []) {
      if (!ups.has(up)) continue;
      const s = state.get(up);
      if (s === 1) return [...stack.slice(stack.indexOf(up)), up];
      if (s === undefined) {
        const found = visit(up);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const t of doc.tasks) {
    if (state.has(t.id)) continue;
    const found = visit(t.id);
    if (found) return found;
  }
  return undefined;
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
  const fromEntry = catalog.get(from.component);
  const toEntry = catalog.get(to.component);
  const outPort = fromEntry && findOutput(fromEntry, output);
  const inPort = toEntry && findInput(toEntry, input);
  if (!outPort || !inPort) return { ok: false, reason: 'Unknown input or output.' };
  if (inPort.name === 'pipeline_task_final_status')
    return { ok: false, reason: 'pipeline_task_final_status is filled in by an exit handler, not by a wire.' };
  const why = checkWire(outPort, inPort);
  if (why) return { ok: false, reason: `Cannot connect: ${why}.` };
  if (wouldCycle(doc, fromTask, toTask))
    return { ok: false, reason: 'Cannot connect: this wire would make the tasks depend on each other in a circle.' };
  return { ok: true };
}
