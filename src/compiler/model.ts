/**
 * The first step of compiling: the document as the object graph the KFP DSL builds when a
 * pipeline function runs (`kfp.dsl.Pipeline`): tasks with their arguments as values or
 * channels, and the tree of control-flow groups with their conditions, loop arguments and
 * exit tasks. Everything after this works on this model, following KFP's compiler.
 */
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import type { CatalogEntry } from '../catalog/types';
import {
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Condition,
  type Group,
  type Operand,
  type PipelineDocument,
  type Source,
  type Task,
  type TaskOutputRef,
} from '../document/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { Channel, Collected, LoopArgument, OneOf, type ChannelType } from './channels';
import { CompileError } from './errors';
import { groupChildren, numberGroups, oneOfName, taskKeysOf } from './names';

export { taskKeysOf } from './names';

export type GroupType = 'pipeline' | 'condition' | 'condition-branches' | 'for-loop' | 'exit-handler';

export type OperandValue = Channel | { value: string | number | boolean; type: ParameterType };

export interface ConditionOp {
  operator: string;
  left: OperandValue;
  right: OperandValue;
  negate: boolean;
}

/** A task argument: a literal, a channel, or a string with channels spliced in. */
export type TaskInput = { constant: JsonValue } | { channel: Channel } | { template: Array<string | Channel> };

export interface PTask {
  /** The task key (KFP's task name). */
  name: string;
  doc: Task;
  entry: CatalogEntry;
  /** Arguments by input name, in input-name order. */
  inputs: Array<[string, TaskInput]>;
  /** Every channel the task reads (KFP's `channel_inputs`). */
  channelInputs: Channel[];
  /** Task keys of `.after(...)`. */
  after: string[];
  parent?: PGroup;
  isExitTask: boolean;
}

export interface PGroup {
  type: GroupType;
  name: string;
  displayName?: string;
  groups: PGroup[];
  tasks: PTask[];
  parent?: PGroup;
  /** Condition groups: the comparisons joined by `&&` (earlier branches negated). */
  conditions: ConditionOp[];
  loop?: { argument: LoopArgument; itemsIsChannel: boolean; parallelism: number };
  exitTask?: PTask;
  /** Condition-branches groups: how many OneOf outputs were drawn. */
  oneOfCount: number;
}

export interface PipelineModel {
  name: string;
  /** Every task by key, in creation order (exit tasks included). */
  tasks: Map<string, PTask>;
  taskById: Map<string, PTask>;
  root: PGroup;
  /** Pipeline parameters as channels. */
  parameters: Map<string, Channel>;
  /** Pipeline outputs in order. */
  outputs: Array<[string, Channel]>;
}

/** The root group's name: never a task or group name. */
export const ROOT_GROUP = '\u0000root';

const GROUP_TYPE: Record<Group['kind'], GroupType> = {
  condition: 'condition',
  branches: 'condition-branches',
  loop: 'for-loop',
  exitHandler: 'exit-handler',
};


function channelTypeOf(entry: CatalogEntry, output: string): ChannelType | undefined {
  const artifact = entry.outputDefinitions?.artifacts?.[output];
  if (artifact) return { artifactType: artifact.artifactType, isArtifactList: artifact.isArtifactList === true };
  const parameter = entry.outputDefinitions?.parameters?.[output];
  if (parameter) return { parameterType: parameter.parameterType };
  return undefined;
}

export function buildModel(doc: PipelineDocument, catalog: Catalog): PipelineModel {
  const entries = new Map<string, CatalogEntry>();
  for (const t of doc.tasks) {
    const entry = taskEntry(doc, catalog, t);
    if (!entry) throw new CompileError(`Task ${t.id} uses the unknown component "${t.component}".`);
    entries.set(t.id, entry);
  }
  const keys = taskKeysOf(doc, catalog);
  const docTasks = new Map(doc.tasks.map((t) => [t.id, t]));
  const keyOf = (id: string, what: string) => {
    const key = keys.get(id);
    if (key === undefined) throw new CompileError(`${what} refers to the task "${id}", which does not exist.`);
    return key;
  };

  const parameters = new Map<string, Channel>();
  for (const p of doc.parameters) parameters.set(p.name, new Channel(p.name, { parameterType: p.type }));
  for (const a of doc.artifactInputs ?? [])
    parameters.set(a.name, new Channel(a.name, { artifactType: a.artifactType, isArtifactList: a.isList === true }));

  const outputChannels = new Map<string, Channel>();
  const outputChannel = (ref: TaskOutputRef, what: string): Channel => {
    const id = `${ref.task}\u0000${ref.output}`;
    let c = outputChannels.get(id);
    if (!c) {
      const key = keyOf(ref.task, what);
      const type = channelTypeOf(entries.get(ref.task)!, ref.output);
      if (!type) throw new CompileError(`${what} reads ${ref.output}, which ${key} does not produce.`);
      outputChannels.set(id, (c = new Channel(ref.output, type, key)));
    }
    return c;
  };
  const parameterChannel = (name: string, what: string): Channel => {
    const c = parameters.get(name);
    if (!c) throw new CompileError(`${what} uses the parameter "${name}", which does not exist.`);
    return c;
  };

  // Groups, parents first (loop arguments of outer loops exist before inner loops use them).
  const { names, rawItemCodes } = numberGroups(doc);
  const root: PGroup = { type: 'pipeline', name: ROOT_GROUP, groups: [], tasks: [], conditions: [], oneOfCount: 0 };
  const groupsById = new Map<string, PGroup>();
  const loopArgs = new Map<string, LoopArgument>();
  const children = groupChildren(doc.groups ?? []);

  const loopItemChannel = (ref: { loopItem: string; field?: string }, what: string): Channel => {
    const arg = loopArgs.get(ref.loopItem);
    if (!arg) throw new CompileError(`${what} uses the item of a loop that does not enclose it.`);
    return ref.field === undefined ? arg : arg.subvar(ref.field);
  };
  const sourceChannel = (s: Source, what: string): Channel =>
    isParameterRef(s) ? parameterChannel(s.parameter, what) : isLoopItemRef(s) ? loopItemChannel(s, what) : outputChannel(s, what);

  const operand = (o: Operand, what: string): OperandValue => {
    if (!('constant' in o)) return sourceChannel(o, what);
    const v = o.constant;
    const type: ParameterType =
      typeof v === 'string' ? 'STRING' : typeof v === 'boolean' ? 'BOOLEAN' : o.type ?? (Number.isInteger(v) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE');
    return { value: v, type };
  };
  const conditionOp = (c: Condition, what: string, negate = false): ConditionOp => ({
    operator: c.operator,
    left: operand(c.left, what),
    right: operand(c.right, what),
    negate,
  });

  const buildGroup = (g: Group, parent: PGroup): PGroup => {
    const name = names.get(g.id);
    if (name === undefined) throw new CompileError(`Group ${g.id} is not reachable from the top level of the pipeline.`);
    const what = `Group ${name}`;
    const group: PGroup = { type: GROUP_TYPE[g.kind], name, groups: [], tasks: [], parent, conditions: [], oneOfCount: 0 };
    if (g.displayName && g.kind !== 'branches') group.displayName = g.displayName;
    groupsById.set(g.id, group);
    parent.groups.push(group);
    if (g.kind === 'condition' && parent.type !== 'condition-branches') {
      if (!g.condition) throw new CompileError(`${what} has no condition.`);
      group.conditions = [conditionOp(g.condition, what)];
    } else if (g.kind === 'loop') {
      let argument: LoopArgument;
      if ('constant' in g.items) {
        if (!Array.isArray(g.items.constant) || g.items.constant.length === 0)
          throw new CompileError(`${what} loops over an empty list.`);
        argument = LoopArgument.fromRaw(g.items.constant, rawItemCodes.get(g.id)!);
      } else argument = LoopArgument.fromChannel(sourceChannel(g.items, what), g.itemType ?? 'STRING');
      loopArgs.set(g.id, argument);
      group.loop = { argument, itemsIsChannel: !argument.isWithItems, parallelism: g.parallelism ?? 0 };
    } else if (g.kind === 'branches') {
      // dsl.If / dsl.Elif / dsl.Else: each branch runs when the earlier ones did not.
      const negated: ConditionOp[] = [];
      for (const b of children.get(g.id) ?? []) {
        if (b.kind !== 'condition') continue;
        const branch = buildGroup(b, group);
        if (b.condition) {
          branch.conditions = [...negated.map((op) => ({ ...op })), conditionOp(b.condition, `Group ${branch.name}`)];
          negated.push(conditionOp(b.condition, `Group ${branch.name}`, true));
        } else branch.conditions = negated.map((op) => ({ ...op }));
      }
      return group;
    }
    for (const child of children.get(g.id) ?? []) buildGroup(child, group);
    return group;
  };
  for (const g of children.get('') ?? []) buildGroup(g, root);

  // Tasks, in creation order.
  const exitTaskIds = new Set((doc.groups ?? []).flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  const tasks = new Map<string, PTask>();
  const taskById = new Map<string, PTask>();
  const oneOfs = new Map<string, OneOf>();
  const oneOfChannel = (refs: TaskOutputRef[], what: string): OneOf => {
    const id = refs.map((r) => `${r.task}\u0000${r.output}`).join('\u0001');
    let c = oneOfs.get(id);
    if (c) return c;
    const channels = refs.map((r) => outputChannel(r, what));
    const branches = branchesGroupOf(doc, docTasks.get(refs[0]?.task ?? '')?.group);
    const group = branches !== undefined ? groupsById.get(branches) : undefined;
    if (!group || channels.length === 0) throw new CompileError(`${what} uses dsl.OneOf over tasks that are not in the branches of an If/Elif/Else.`);
    oneOfs.set(id, (c = new OneOf(oneOfName(group.name, ++group.oneOfCount), channels, group.name)));
    return c;
  };

  for (const t of doc.tasks) {
    const name = keys.get(t.id)!;
    const what = `Task ${name}`;
    const inputs: Array<[string, TaskInput]> = [];
    for (const input of Object.keys(t.inputs).sort()) {
      const b = t.inputs[input];
      const at = `Input ${input} of task ${name}`;
      if ('constant' in b) inputs.push([input, { constant: b.constant }]);
      else if (isTemplate(b))
        inputs.push([input, { template: b.template.map((p) => (typeof p === 'string' ? p : sourceChannel(p, at))) }]);
      else if (isOneOf(b)) inputs.push([input, { channel: oneOfChannel(b.oneOf, at) }]);
      else if (isTaskOutput(b)) {
        const c = outputChannel(b, at);
        inputs.push([input, { channel: b.collected ? new Collected(c) : c }]);
      } else if (isLoopItemRef(b)) inputs.push([input, { channel: loopItemChannel(b, at) }]);
      else inputs.push([input, { channel: parameterChannel(b.parameter, at) }]);
    }
    const direct: Channel[] = [];
    const spliced = new Map<string, Channel>();
    for (const [, v] of inputs) {
      if ('channel' in v) direct.push(v.channel);
      else if ('template' in v) for (const p of v.template) if (typeof p !== 'string') spliced.set(p.pattern, p);
    }
    const task: PTask = {
      name,
      doc: t,
      entry: entries.get(t.id)!,
      inputs,
      channelInputs: [...direct, ...spliced.values()],
      after: t.after.map((a) => keyOf(a, `${what} runs after a task that`)),
      isExitTask: exitTaskIds.has(t.id),
    };
    tasks.set(name, task);
    taskById.set(t.id, task);
    if (task.isExitTask) continue;
    const parent = t.group === undefined ? root : groupsById.get(t.group);
    if (!parent) throw new CompileError(`${what} sits in the group "${t.group}", which does not exist.`);
    task.parent = parent;
    parent.tasks.push(task);
  }

  for (const g of doc.groups ?? []) {
    if (g.kind !== 'exitHandler') continue;
    const exit = taskById.get(g.exitTask);
    if (!exit) throw new CompileError(`The exit handler ${names.get(g.id)} has no exit task.`);
    groupsById.get(g.id)!.exitTask = exit;
  }

  const outputs: Array<[string, Channel]> = [];
  for (const o of doc.outputs ?? []) {
    const what = `Pipeline output ${o.name}`;
    const s = o.source;
    if (isOneOf(s)) outputs.push([o.name, oneOfChannel(s.oneOf, what)]);
    else {
      const c = outputChannel(s, what);
      outputs.push([o.name, s.collected ? new Collected(c) : c]);
    }
  }

  return { name: doc.name, tasks, taskById, root, parameters, outputs };
}

/** The branches group (If/Elif/Else chain) whose branch holds a group, if any. */
function branchesGroupOf(doc: PipelineDocument, groupId: string | undefined): string | undefined {
  const byId = new Map((doc.groups ?? []).map((g) => [g.id, g]));
  let g = groupId !== undefined ? byId.get(groupId) : undefined;
  const seen = new Set<string>();
  while (g && !seen.has(g.id)) {
    seen.add(g.id);
    const parent = g.parent !== undefined ? byId.get(g.parent) : undefined;
    if (g.kind === 'condition' && parent?.kind === 'branches') return parent.id;
    g = parent;
  }
  return undefined;
}
