/**
 * Control-flow checks: the group tree, conditions, loops, exit handlers, pipeline outputs,
 * and KFP's rules for values that cross group boundaries (`compiler_utils.get_dependencies`,
 * `validate_parallel_for_fan_in_consumption_legal`, `dsl.OneOf`), plus cycles through groups.
 */
import { findOutput } from '../catalog/ports';
import { IMPORTER_ID } from '../catalog/builtins';
import type { Port } from '../catalog/types';
import { LOOP_FIELD_PATTERN, PARAMETER_NAME_PATTERN } from '../compiler/names';
import {
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Group,
  type LoopGroup,
  type Operand,
  type Source,
  type Task,
  type TaskOutputRef,
} from '../document/types';
import { rawItemType, type ParameterType } from '../spec/pipeline-spec';
import { groupChain, groupLabel, isExitTask, taskChain, taskLabel, type Context } from './context';
import { checkCycles } from './cycles';

export { isExitTask } from './context';

/** The type a source has where it is read; `relaxed` = a loop item KFP lets into any input. */
export type SourceType =
  | { kind: 'parameter'; type: ParameterType; relaxed?: boolean }
  | { kind: 'artifact'; type: string; schemaVersion?: string; isList?: boolean };

export type Resolved = { ok: true; type: SourceType; producer?: string } | { ok: false; reason: string };

const portType = (port: Port): SourceType =>
  port.kind === 'parameter'
    ? { kind: 'parameter', type: port.type as ParameterType }
    : { kind: 'artifact', type: port.type, schemaVersion: port.schemaVersion, isList: port.isList === true };

/** A task output as a source. */
export function resolveOutput(ctx: Context, ref: TaskOutputRef): Resolved {
  if (!ctx.tasks.has(ref.task)) return { ok: false, reason: 'reads from a task that does not exist' };
  const entry = ctx.entries.get(ref.task);
  if (!entry) return { ok: true, type: { kind: 'parameter', type: 'STRING', relaxed: true }, producer: ref.task };
  const port = findOutput(entry, ref.output);
  if (!port) return { ok: false, reason: `reads ${ref.output}, which ${taskLabel(ctx, ref.task)} does not produce` };
  return { ok: true, type: portType(port), producer: ref.task };
}

/** The type of one item of a loop group. */
function loopItemType(ctx: Context, loop: LoopGroup): SourceType {
  if ('constant' in loop.items) return { kind: 'parameter', type: rawItemType(loop.items.constant[0]) };
  if (isTaskOutput(loop.items)) {
    const r = resolveOutput(ctx, loop.items);
    if (r.ok && r.type.kind === 'artifact') return { ...r.type, isList: false };
  }
  const type = loop.itemType ?? 'STRING';
  return { kind: 'parameter', type, relaxed: type === 'STRING' };
}

/**
 * A run-time value read inside `chain` (the groups around the reader, top level first):
 * a parameter anywhere, a task output anywhere (the crossing rules come separately), a loop
 * item only inside its loop.
 */
export function resolveSource(ctx: Context, source: Source, chain: readonly string[]): Resolved {
  if (isParameterRef(source)) {
    const p = ctx.doc.parameters.find((x) => x.name === source.parameter);
    if (p) return { ok: true, type: { kind: 'parameter', type: p.type } };
    const a = ctx.doc.artifactInputs?.find((x) => x.name === source.parameter);
    if (a)
      return { ok: true, type: { kind: 'artifact', type: a.artifactType.schemaTitle, schemaVersion: a.artifactType.schemaVersion, isList: a.isList === true } };
    return { ok: false, reason: `uses the parameter "${source.parameter}", which does not exist` };
  }
  if (!isLoopItemRef(source)) return resolveOutput(ctx, source);
  const loop = ctx.groups.get(source.loopItem);
  if (!loop || loop.kind !== 'loop') return { ok: false, reason: 'uses the item of a loop that does not exist' };
  if (!chain.includes(loop.id)) return { ok: false, reason: `uses the item of ${groupLabel(ctx, loop.id)}, which does not enclose it` };
  if (source.field !== undefined) return { ok: true, type: { kind: 'parameter', type: 'STRING', relaxed: true } };
  return { ok: true, type: loopItemType(ctx, loop) };
}

/** Does a source fit an input port? KFP's `verify_type_compatibility`. Returns a reason when not. */
export function checkSourceType(from: SourceType, to: Port, what: string): string | undefined {
  if (from.kind === 'parameter' && from.relaxed && to.kind === 'parameter') return undefined;
  if (from.kind !== to.kind)
    return from.kind === 'artifact' ? `${what} is an artifact but ${to.name} takes a ${to.type} value` : `${what} is a value but ${to.name} takes an artifact`;
  if (from.kind === 'parameter') return from.type === to.type ? undefined : `${what} is ${from.type} but ${to.name} takes ${to.type}`;
  if ((from.isList === true) !== (to.isList === true))
    return from.isList ? `${what} is a list of artifacts but ${to.name} takes one` : `${what} is one artifact but ${to.name} takes a list`;
  if (from.type === 'system.Artifact' || to.type === 'system.Artifact') return undefined;
  if (from.type !== to.type) return `${what} is a ${from.type} but ${to.name} takes a ${to.type}`;
  const major = (v?: string) => (v ?? '0').split('.')[0];
  if (major(from.schemaVersion) !== major(to.schemaVersion))
    return `${from.type} ${from.schemaVersion} and ${to.schemaVersion} are different major versions`;
  return undefined;
}

// ---------------------------------------------------------------- crossing group boundaries

const KIND_LABEL: Record<Group['kind'], string> = {
  condition: 'a condition',
  branches: 'an If/Elif/Else',
  loop: 'a ParallelFor',
  exitHandler: 'an exit handler',
};

/** The producer's groups that the reader is not in, outermost first. */
function uncommonProducerGroups(ctx: Context, producer: Task, readerChain: readonly string[]): string[] {
  const p = taskChain(ctx, producer);
  let common = 0;
  while (common < p.length && common < readerChain.length && p[common] === readerChain[common]) common++;
  return p.slice(common);
}

/**
 * May a reader inside `readerChain` read (or run after) `producer`? KFP refuses reading from
 * inside a condition or exit handler the reader is not in, and data from inside a loop the
 * reader is not in unless it is fanned in with Collected (`.after` a loop task is allowed).
 * Returns the reason when not.
 */
export function crossingProblem(ctx: Context, producerId: string, readerChain: readonly string[], how: 'data' | 'after' | 'collected'): string | undefined {
  const producer = ctx.tasks.get(producerId);
  if (!producer) return undefined;
  if (isExitTask(ctx, producerId)) return `${taskLabel(ctx, producerId)} is the exit task of an exit handler; nothing can read it or run after it`;
  const uncommon = uncommonProducerGroups(ctx, producer, readerChain);
  const first = uncommon.length > 0 ? ctx.groups.get(uncommon[0]) : undefined;
  const name = taskLabel(ctx, producerId);
  if (how === 'collected') {
    if (!first) return `${name} is not inside a ParallelFor that leaves this task out, so there is nothing to collect`;
    if (first.kind !== 'loop')
      return `${name} sits in a ParallelFor inside ${KIND_LABEL[first.kind]} (${groupLabel(ctx, first.id)}) that this task is not in; move the task into it too`;
    return undefined;
  }
  if (!first) return undefined;
  if (first.kind === 'loop')
    return how === 'data'
      ? `${name} runs once per item of ${groupLabel(ctx, first.id)}; read it from outside the loop only through a fan-in (Collected)`
      : undefined;
  return `${name} sits inside ${KIND_LABEL[first.kind]} (${groupLabel(ctx, first.id)}) that this task is not in${first.kind === 'branches' ? '; use a one-of to read the branch that ran' : ''}`;
}


/** The If/Elif/Else chain a task sits in directly (task → branch → chain), if any. */
function branchOf(ctx: Context, taskId: string): { branch: string; branches: string } | undefined {
  const t = ctx.tasks.get(taskId);
  const branch = t?.group !== undefined ? ctx.groups.get(t.group) : undefined;
  const parent = branch?.parent !== undefined ? ctx.groups.get(branch.parent) : undefined;
  if (branch?.kind === 'condition' && parent?.kind === 'branches') return { branch: branch.id, branches: parent.id };
  return undefined;
}

/** `dsl.OneOf(...)`: one output per branch of the same If/Elif/Else chain, which ends with an Else. */
export function oneOfProblem(ctx: Context, refs: readonly TaskOutputRef[], readerChain: readonly string[]): string | undefined {
  if (refs.length === 0) return 'a one-of needs at least one task output';
  let branches: string | undefined;
  const seenBranches = new Set<string>();
  let first: SourceType | undefined;
  for (const ref of refs) {
    const r = resolveOutput(ctx, ref);
    if (!r.ok) return r.reason;
    const where = branchOf(ctx, ref.task);
    if (!where) return `${taskLabel(ctx, ref.task)} is not directly inside a branch of an If/Elif/Else`;
    if (branches !== undefined && where.branches !== branches) return 'the outputs of a one-of must come from the branches of one If/Elif/Else';
    branches = where.branches;
    if (seenBranches.has(where.branch)) return `two outputs of the one-of come from the same branch (${groupLabel(ctx, where.branch)})`;
    seenBranches.add(where.branch);
    if (first && (first.kind !== r.type.kind || first.type !== r.type.type)) return 'the outputs of a one-of must all have the same type';
    first ??= r.type;
  }
  const kids = (ctx.doc.groups ?? []).filter((g) => g.parent === branches);
  const last = kids[kids.length - 1];
  if (!last || last.kind !== 'condition' || last.condition) return 'a one-of needs an Else branch, so that one output is always there';
  if (readerChain.includes(branches!)) return 'a one-of is read after the If/Elif/Else, not inside it';
  return undefined;
}

// ---------------------------------------------------------------- the checks

function checkStructure(ctx: Context): void {
  for (const g of ctx.doc.groups ?? []) {
    const at = { groupId: g.id };
    if (g.parent !== undefined && !ctx.groups.has(g.parent)) ctx.error('UNKNOWN_GROUP', `${groupLabel(ctx, g.id)} sits in a group that does not exist.`, at);
    else if (g.parent !== undefined && groupChain(ctx, g.parent).includes(g.id))
      ctx.error('GROUP_CYCLE', `${groupLabel(ctx, g.id)} is inside itself (its parents go round in a circle).`, at);
  }
  for (const t of ctx.doc.tasks)
    if (t.group !== undefined && !ctx.groups.has(t.group))
      ctx.error('UNKNOWN_GROUP', `${taskLabel(ctx, t.id)} sits in a group that does not exist.`, { taskId: t.id });

  for (const g of ctx.doc.groups ?? []) {
    const at = { groupId: g.id };
    const parent = g.parent !== undefined ? ctx.groups.get(g.parent) : undefined;
    if (g.kind === 'branches') {
      const kids = (ctx.doc.groups ?? []).filter((x) => x.parent === g.id);
      if (kids.some((k) => k.kind !== 'condition'))
        ctx.error('BAD_BRANCHES', `${groupLabel(ctx, g.id)} may only hold If/Elif/Else branches.`, at);
      else if (kids.length < 2)
        ctx.error('BAD_BRANCHES', `${groupLabel(ctx, g.id)} needs an If and at least one Elif or Else; a lone If is a plain condition.`, at);
      else {
        kids.forEach((k, i) => {
          if (k.kind === 'condition' && !k.condition && i < kids.length - 1)
            ctx.error('BAD_BRANCHES', `${groupLabel(ctx, k.id)} has no condition, so it is an Else; only the last branch can be the Else.`, { groupId: k.id });
        });
      }
      if (ctx.doc.tasks.some((t) => t.group === g.id))
        ctx.error('BAD_BRANCHES', `Tasks go into a branch of ${groupLabel(ctx, g.id)}, not into the If/Elif/Else itself.`, at);
      if (g.displayName) ctx.warn('BAD_BRANCHES', `An If/Elif/Else has no name of its own in KFP; the name of ${groupLabel(ctx, g.id)} is not used.`, at);
    }
    if (g.kind === 'condition' && parent?.kind !== 'branches' && !g.condition)
      ctx.error('CONDITION_MISSING', `${groupLabel(ctx, g.id)} has no condition to test.`, at);
    if (g.kind === 'exitHandler') {
      if (g.parent !== undefined)
        ctx.error('EXIT_HANDLER_NOT_TOP_LEVEL', `${groupLabel(ctx, g.id)}: an exit handler can only be at the top level of the pipeline.`, at);
      checkExitTask(ctx, g);
    }
    if (g.kind === 'loop') checkLoop(ctx, g);
    if (g.kind === 'condition' && g.condition) checkCondition(ctx, g);
  }
}

function checkExitTask(ctx: Context, g: Extract<Group, { kind: 'exitHandler' }>): void {
  const at = { groupId: g.id, taskId: g.exitTask };
  const task = ctx.tasks.get(g.exitTask);
  const label = groupLabel(ctx, g.id);
  if (!task) return ctx.error('EXIT_TASK_NOT_CAPABLE', `${label} has no exit task (it was removed).`, { groupId: g.id });
  const name = taskLabel(ctx, task.id);
  const entry = ctx.entries.get(task.id);
  if (task.component === IMPORTER_ID || entry?.kind === 'importer')
    ctx.error('EXIT_TASK_NOT_CAPABLE', `${name} cannot be the exit task of ${label}: an importer cannot run as an exit task.`, at);
  if (task.group !== undefined)
    ctx.error('EXIT_TASK_NOT_CAPABLE', `${name} is the exit task of ${label}, so it must sit at the top level, outside every group.`, at);
  if ((ctx.doc.groups ?? []).some((o) => o !== g && o.kind === 'exitHandler' && o.exitTask === task.id))
    ctx.error('EXIT_TASK_NOT_CAPABLE', `${name} is the exit task of two exit handlers; each needs its own.`, at);
  const readsTasks = Object.values(task.inputs).some((b) => isTaskOutput(b) || isOneOf(b) || (isTemplate(b) && b.template.some((p) => typeof p !== 'string' && isTaskOutput(p))));
  if (task.after.length > 0 || readsTasks)
    ctx.error('EXIT_TASK_NOT_CAPABLE', `${name} is the exit task of ${label}, so it cannot depend on other tasks (no wires from task outputs, no run-after).`, at);
  for (const t of ctx.doc.tasks) {
    if (t.id === task.id) continue;
    const reads = Object.values(t.inputs).some((b) => (isTaskOutput(b) && b.task === task.id) || (isOneOf(b) && b.oneOf.some((r) => r.task === task.id)));
    if (reads || t.after.includes(task.id))
      ctx.error('EXIT_TASK_NOT_CAPABLE', `${taskLabel(ctx, t.id)} reads or runs after ${name}, the exit task of ${label}; nothing can.`, { taskId: t.id });
  }
}

function checkLoop(ctx: Context, g: LoopGroup): void {
  const at = { groupId: g.id };
  const label = groupLabel(ctx, g.id);
  if (g.parallelism !== undefined && !(Number.isInteger(g.parallelism) && g.parallelism >= 0))
    ctx.error('BAD_PARALLELISM', `${label}: parallelism must be a whole number of 0 or more (0 = no limit), not ${g.parallelism}.`, at);
  const items = g.items;
  if ('constant' in items) {
    if (!Array.isArray(items.constant)) ctx.error('LOOP_NOT_LIST', `${label} loops over a constant that is not a list.`, at);
    else if (items.constant.length === 0) ctx.error('LOOP_NOT_LIST', `${label} loops over an empty list; KFP refuses it.`, at);
    return;
  }
  const chain = groupChain(ctx, g.parent);
  const r = resolveSource(ctx, items, chain);
  if (!r.ok) {
    const code = isLoopItemRef(items)
      ? 'LOOP_ITEM_OUTSIDE_LOOP'
      : isTaskOutput(items)
        ? ctx.tasks.has(items.task)
          ? 'UNKNOWN_OUTPUT'
          : 'UNKNOWN_TASK'
        : 'UNKNOWN_PARAMETER';
    return ctx.error(code, `${label} ${r.reason}.`, at);
  }
  if (isLoopItemRef(items)) checkLoopField(ctx, items, at, label);
  if (r.type.kind === 'artifact') {
    if (!r.type.isList) ctx.error('LOOP_NOT_LIST', `${label} loops over an artifact that is not a list of artifacts.`, at);
  } else if (isLoopItemRef(items) && items.field !== undefined) {
    // A field of a dict item: KFP cannot know its type; a list is expected at run time.
  } else if (r.type.type !== 'LIST' && !(r.type.relaxed && isLoopItemRef(items)))
    ctx.error('LOOP_NOT_LIST', `${label} loops over a ${r.type.type} value; a ParallelFor needs a list.`, at);
  if (isTaskOutput(items)) {
    const why = crossingProblem(ctx, items.task, [...chain, g.id], 'data');
    if (why) ctx.error('ILLEGAL_CROSS_GROUP', `${label}: ${why}.`, at);
  }
}

/** A loop item field used somewhere: KFP needs a Python identifier, and `name` crashes its compiler. */
export function checkLoopField(ctx: Context, ref: { loopItem: string; field?: string }, at: Parameters<Context['error']>[2], where: string): void {
  if (ref.field === undefined) return;
  if (!LOOP_FIELD_PATTERN.test(ref.field))
    ctx.error('BAD_LOOP_FIELD', `${where}: the item field "${ref.field}" must be a Python identifier (letters, digits, _).`, at);
  else if (ref.field === 'name')
    ctx.error('BAD_LOOP_FIELD', `${where}: an item field called "name" clashes with KFP's own attribute and the KFP compiler fails on it; rename the key.`, at);
  const loop = ctx.groups.get(ref.loopItem);
  if (loop?.kind === 'loop' && 'constant' in loop.items && Array.isArray(loop.items.constant)) {
    const first = loop.items.constant[0];
    if (first === null || typeof first !== 'object' || Array.isArray(first))
      ctx.error('BAD_LOOP_FIELD', `${where}: the items of ${groupLabel(ctx, loop.id)} are not dicts, so they have no field "${ref.field}".`, at);
    else if (!(ref.field in first)) ctx.warn('BAD_LOOP_FIELD', `${where}: the items of ${groupLabel(ctx, loop.id)} have no key "${ref.field}".`, at);
  }
}

function operandType(ctx: Context, o: Operand, chain: readonly string[]): Resolved {
  if ('constant' in o) {
    const v = o.constant;
    const type: ParameterType =
      typeof v === 'string' ? 'STRING' : typeof v === 'boolean' ? 'BOOLEAN' : o.type ?? (Number.isInteger(v) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE');
    return { ok: true, type: { kind: 'parameter', type } };
  }
  return resolveSource(ctx, o, chain);
}

function checkCondition(ctx: Context, g: Extract<Group, { kind: 'condition' }>): void {
  const at = { groupId: g.id };
  const label = groupLabel(ctx, g.id);
  const cond = g.condition!;
  const chain = groupChain(ctx, g.id);
  if ('constant' in cond.left && 'constant' in cond.right)
    return ctx.error('CONDITION_REFERS_TO_NOTHING', `${label} compares two constants; at least one side must be a pipeline parameter, a task output or a loop item.`, at);
  const types: ParameterType[] = [];
  for (const side of [cond.left, cond.right]) {
    const r = operandType(ctx, side, chain);
    if (!r.ok) return ctx.error('CONDITION_REFERS_TO_NOTHING', `${label}: the condition ${r.reason}.`, at);
    if (r.type.kind === 'artifact') return ctx.error('CONDITION_TYPE', `${label}: a condition compares values, not artifacts.`, at);
    if (r.type.type === 'STRUCT' || r.type.type === 'LIST')
      return ctx.error('CONDITION_TYPE', `${label}: a condition can only compare text, numbers and booleans, not ${r.type.type}.`, at);
    types.push(r.type.type);
    if (!('constant' in side) && isTaskOutput(side)) {
      const why = crossingProblem(ctx, side.task, chain, 'data');
      if (why) ctx.error('ILLEGAL_CROSS_GROUP', `${label}: ${why}.`, at);
    }
    if (!('constant' in side) && isLoopItemRef(side)) checkLoopField(ctx, side, at, label);
  }
  const [a, b] = types;
  if (a !== b && !types.includes('STRING')) {
    const numeric = (t: ParameterType) => t === 'NUMBER_INTEGER' || t === 'NUMBER_DOUBLE';
    const boolWithRuntimeNumber =
      types.includes('BOOLEAN') && [cond.left, cond.right].some((s, i) => !('constant' in s) && numeric(types[i]));
    if (boolWithRuntimeNumber || !(numeric(a) || a === 'BOOLEAN') || !(numeric(b) || b === 'BOOLEAN'))
      ctx.error('CONDITION_TYPE', `${label}: cannot compare ${a} with ${b}.`, at);
  }
}

function checkOutputs(ctx: Context): void {
  for (const o of ctx.doc.outputs ?? []) {
    const at = { output: o.name };
    if (!PARAMETER_NAME_PATTERN.test(o.name))
      ctx.error('BAD_PIPELINE_OUTPUT', `Pipeline output "${o.name}" must be a Python identifier (letters, digits, _).`, at);
    const s = o.source;
    if (isOneOf(s)) {
      const why = oneOfProblem(ctx, s.oneOf, []);
      if (why) ctx.error('BAD_PIPELINE_OUTPUT', `Pipeline output ${o.name}: ${why}.`, at);
      else {
        const where = branchOf(ctx, s.oneOf[0].task);
        const branches = where && ctx.groups.get(where.branches);
        if (branches?.parent !== undefined)
          ctx.error('BAD_PIPELINE_OUTPUT', `Pipeline output ${o.name}: a one-of can only be returned from an If/Elif/Else at the top level.`, at);
      }
      continue;
    }
    const r = resolveOutput(ctx, s);
    if (!r.ok) {
      ctx.error('BAD_PIPELINE_OUTPUT', `Pipeline output ${o.name} ${r.reason}.`, at);
      continue;
    }
    if (isExitTask(ctx, s.task)) ctx.error('BAD_PIPELINE_OUTPUT', `Pipeline output ${o.name} comes from an exit task, which the pipeline cannot return.`, at);
    const producer = ctx.tasks.get(s.task)!;
    if (s.collected) {
      if (!taskChain(ctx, producer).some((id) => ctx.groups.get(id)?.kind === 'loop'))
        ctx.error('BAD_PIPELINE_OUTPUT', `Pipeline output ${o.name} collects ${taskLabel(ctx, s.task)}, which is not inside a ParallelFor.`, at);
    } else if (producer.group !== undefined)
      ctx.error(
        'BAD_PIPELINE_OUTPUT',
        `Pipeline output ${o.name} comes from ${taskLabel(ctx, s.task)} inside ${groupLabel(ctx, producer.group)}; outputs come from top-level tasks (or a fan-in / one-of).`,
        at,
      );
  }
}

export function checkFlow(ctx: Context): void {
  checkStructure(ctx);
  checkOutputs(ctx);
  checkCycles(ctx);
}

