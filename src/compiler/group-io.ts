/**
 * Which values cross which group boundaries, and who depends on whom: KFP's
 * `compiler_utils` (`get_inputs_for_all_groups`, `get_outputs_for_all_groups`,
 * `get_dependencies`) over the pipeline model, with the same rules and refusals.
 */
import { Channel, Collected, isLoopChannel, LoopArgument, LoopArgumentVariable, OneOf } from './channels';
import { CompileError } from './errors';
import type { PGroup, PipelineModel, PTask } from './model';
import { channelInputName } from './names';

export interface GroupTree {
  /** Every group, parents first (depth-first, children in order), the root first. */
  all: PGroup[];
  byName: Map<string, PGroup>;
  /** Ancestor names of each task, from the root to the task itself. */
  taskParents: Map<string, string[]>;
  /** Ancestor names of each group, from the root to the group itself. */
  groupParents: Map<string, string[]>;
  loops: Map<string, PGroup>;
  /** Channels of the conditions around each task. */
  conditionChannels: Map<string, Channel[]>;
}

export function groupTree(model: PipelineModel): GroupTree {
  const all: PGroup[] = [];
  const taskParents = new Map<string, string[]>();
  const groupParents = new Map<string, string[]>();
  const conditionChannels = new Map<string, Channel[]>();
  const visit = (group: PGroup, path: string[], conditions: Channel[]) => {
    all.push(group);
    let inScope = conditions;
    if (group.type === 'condition') {
      inScope = [...conditions];
      for (const op of group.conditions)
        for (const operand of [op.left, op.right]) if (operand instanceof Channel) inScope.push(operand);
    }
    for (const task of group.tasks) {
      taskParents.set(task.name, [...path, task.name]);
      conditionChannels.set(task.name, dedupe(inScope));
    }
    for (const child of group.groups) {
      const childPath = [...path, child.name];
      groupParents.set(child.name, childPath);
      visit(child, childPath, inScope);
    }
  };
  visit(model.root, [model.root.name], []);
  const byName = new Map(all.map((g) => [g.name, g]));
  const loops = new Map(all.filter((g) => g.type === 'for-loop').map((g) => [g.name, g]));
  return { all, byName, taskParents, groupParents, loops, conditionChannels };
}

function dedupe(channels: Channel[]): Channel[] {
  const seen = new Map<string, Channel>();
  for (const c of channels) if (!seen.has(c.pattern)) seen.set(c.pattern, c);
  return [...seen.values()];
}

/** A set of channels with their producer, deduplicated like KFP's set of tuples. */
export class ChannelSet {
  private readonly items = new Map<string, Channel>();
  add(channel: Channel, producer: string | undefined): void {
    const key = `${channel.pattern}\u0000${producer ?? ''}`;
    if (!this.items.has(key)) this.items.set(key, channel);
  }
  channels(): Channel[] {
    return [...this.items.values()];
  }
}

/** The task or group a channel's `taskName` names (KFP's `channel.task`). */
function producerOf(model: PipelineModel, tree: GroupTree, channel: Channel): PTask | PGroup | undefined {
  if (!channel.taskName) return undefined;
  return model.tasks.get(channel.taskName) ?? tree.byName.get(channel.taskName);
}

/** KFP's `_get_uncommon_ancestors`: the ancestor chains below the deepest common group. */
export function uncommonAncestors(tree: GroupTree, name1: string, name2: string): [string[], string[]] {
  const chain = (name: string) => {
    const c = tree.taskParents.get(name) ?? tree.groupParents.get(name);
    if (!c) throw new CompileError(`${name} does not exist.`);
    return c;
  };
  const a = chain(name1);
  const b = chain(name2);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(common), b.slice(common)];
}

function parentChain(item: Channel): Channel[] {
  // A loop item pulls in what it iterates over, up to the channel the outer DAG has.
  const chain: Channel[] = [];
  let c: Channel | unknown = item;
  while (c instanceof LoopArgument || c instanceof LoopArgumentVariable) {
    chain.push(c);
    c = c instanceof LoopArgumentVariable ? c.loopArgument : c.items;
  }
  if (c instanceof Channel) chain.push(c);
  return chain;
}

/** KFP's `get_inputs_for_all_groups`: the channels each group must receive as inputs. */
export function inputsForAllGroups(model: PipelineModel, tree: GroupTree): Map<string, ChannelSet> {
  const inputs = new Map<string, ChannelSet>();
  const add = (group: string, channel: Channel, producer: string | undefined) => {
    let set = inputs.get(group);
    if (!set) inputs.set(group, (set = new ChannelSet()));
    set.add(channel, producer);
  };
  for (const task of model.tasks.values()) {
    const conditions = tree.conditionChannels.get(task.name) ?? [];
    for (const channel of [...task.channelInputs, ...conditions]) {
      const toAdd = parentChain(channel);
      const producer = producerOf(model, tree, channel);
      if (producer) {
        const [upstream, downstream] = uncommonAncestors(tree, producer.name, task.name);
        for (let i = 0; i < downstream.length; i++) {
          const group = downstream[i];
          add(group, toAdd[toAdd.length - 1], i === 0 ? upstream[0] : undefined);
          const loop = tree.loops.get(group);
          if (loop && loop.loop!.argument.fullName.includes(toAdd[toAdd.length - 1].fullName)) {
            toAdd.pop();
            if (toAdd.length === 0) break;
          }
        }
      } else {
        if (task.isExitTask) continue;
        const parents = tree.taskParents.get(task.name) ?? [];
        if (isLoopChannel(channel) && channel.isWithItems) {
          // A static loop's item appears in the middle of the DAG: go bottom-up.
          for (const group of [...parents].reverse()) {
            add(group, toAdd[0], undefined);
            const loop = tree.loops.get(group);
            if (loop && loop.loop!.argument.fullName.includes(toAdd[0].fullName)) {
              toAdd.shift();
              if (toAdd.length === 0) break;
            }
          }
        } else {
          for (const group of parents) {
            add(group, toAdd[toAdd.length - 1], undefined);
            const loop = tree.loops.get(group);
            if (loop && loop.loop!.argument.fullName.includes(toAdd[toAdd.length - 1].fullName)) {
              toAdd.pop();
              if (toAdd.length === 0) break;
            }
          }
        }
      }
    }
  }
  return inputs;
}

/** The list channel a group surfaces for a `dsl.Collected` (KFP's `make_new_channel_for_collected_outputs`). */
function collectedOutput(name: string, start: Channel, taskName: string): Channel {
  if (start.isArtifact) {
    const t = start.type as { artifactType: { schemaTitle: string; schemaVersion: string } };
    return new Channel(name, { artifactType: t.artifactType, isArtifactList: true }, taskName);
  }
  return new Channel(name, { parameterType: 'LIST' }, taskName);
}

const ILLEGAL_CROSS_DAG = 'Illegal task dependency across DSL context managers.';

function checkFanIn(consumer: string, upstream: string[], tree: GroupTree): void {
  const producer = upstream[upstream.length - 1];
  if (upstream.slice(0, -1).every((g) => tree.byName.get(g)?.type !== 'for-loop'))
    throw new CompileError(
      `dsl.Collected can only be used to fan-in outputs produced by a task within a dsl.ParallelFor context to a task outside of the dsl.ParallelFor context. Producer task ${producer} is either not in a dsl.ParallelFor context or is only in a dsl.ParallelFor that also contains consumer task ${consumer}.`,
    );
  const outer = tree.byName.get(upstream[0]);
  if (outer && (outer.type === 'condition' || outer.type === 'exit-handler'))
    throw new CompileError(
      `${ILLEGAL_CROSS_DAG} When using dsl.Collected to fan-in outputs from a task within a dsl.ParallelFor context, the dsl.ParallelFor context manager cannot be nested within a ${outer.type === 'condition' ? 'dsl.Condition' : 'dsl.ExitHandler'} context manager unless the consumer task is too. Task ${consumer} consumes from ${producer}.`,
    );
}

export type GroupOutputs = Map<string, Map<string, Channel>>;

/**
 * KFP's `get_outputs_for_all_groups`: the outputs each group surfaces for `dsl.Collected`
 * and `dsl.OneOf`, re-pointing those channels at the groups that surface them.
 */
export function outputsForAllGroups(model: PipelineModel, tree: GroupTree): GroupOutputs {
  const outputs: GroupOutputs = new Map();
  const put = (group: string, name: string, channel: Channel) => {
    let m = outputs.get(group);
    if (!m) outputs.set(group, (m = new Map()));
    m.set(name, channel);
  };
  const children = (group: string) => {
    const g = tree.byName.get(group);
    return new Set([...(g?.groups ?? []).map((x) => x.name), ...(g?.tasks ?? []).map((x) => x.name)]);
  };
  const processed = new Set<OneOf>();

  const surfaceOneOf = (oneOf: OneOf, consumer: string | undefined) => {
    oneOf.channels = oneOf.channels.map((c) => c.copy());
    for (const inner of oneOf.channels) {
      const producer = inner.taskName!;
      const upstream = consumer ? uncommonAncestors(tree, producer, consumer)[0] : (tree.taskParents.get(producer) ?? []).slice(1);
      const surfaced = channelInputName(inner.fullName);
      for (const up of [...upstream].reverse()) {
        if (up === producer) continue;
        if (up === oneOf.branchesName) {
          put(up, oneOf.name, oneOf);
          break;
        }
        put(up, surfaced, inner.copy());
        inner.name = surfaced;
        inner.taskName = up;
      }
    }
    processed.add(oneOf);
  };

  for (const task of model.tasks.values()) {
    for (const channel of task.channelInputs) {
      if (channel instanceof Collected) {
        const producer = model.tasks.get(channel.taskName!);
        if (!producer) continue;
        const [upstream, downstream] = uncommonAncestors(tree, producer.name, task.name);
        checkFanIn(task.name, upstream, tree);
        const surfaced = channelInputName(channel.fullName);
        const parentConsumer = downstream[0];
        const ups = [...upstream];
        let producerName = ups.pop()!;
        for (const up of ups.reverse()) {
          put(up, surfaced, collectedOutput(channel.name, channel.output, producerName));
          channel.name = surfaced;
          channel.taskName = up;
          producerName = up;
          const parents = tree.groupParents.get(up)!;
          if (children(parents[parents.length - 2]).has(parentConsumer)) break;
        }
      } else if (channel instanceof OneOf) {
        if (!processed.has(channel)) surfaceOneOf(channel, task.name);
      }
    }
  }

  for (let i = 0; i < model.outputs.length; i++) {
    const [name, channel] = model.outputs[i];
    if (channel instanceof Collected) {
      const surfaced = channelInputName(channel.fullName);
      const ups = (tree.taskParents.get(channel.taskName!) ?? []).slice(1);
      let producerName = ups.pop()!;
      let last = producerName;
      for (const up of ups.reverse()) {
        const surfacedChannel = collectedOutput(channel.name, channel.output, producerName);
        channel.name = surfaced;
        channel.taskName = up;
        producerName = up;
        last = up;
        put(up, surfaced, surfacedChannel);
      }
      model.outputs[i] = [name, collectedOutput(surfaced, channel.output, last)];
    } else if (channel instanceof OneOf && !processed.has(channel)) surfaceOneOf(channel, undefined);
  }
  return outputs;
}

/**
 * KFP's `get_dependencies`: for every task and group, the siblings it depends on (data
 * wires, conditions and `.after`), lifted to the first uncommon ancestors. Refuses a
 * dependency on a task inside a condition or exit handler from outside it, and data from
 * inside a loop unless it is fanned in with `dsl.Collected`.
 */
export function dependencies(model: PipelineModel, tree: GroupTree): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const task of model.tasks.values()) {
    if (task.isExitTask) continue;
    const upstream = new Map<string, PTask | PGroup>();
    for (const channel of [...task.channelInputs, ...(tree.conditionChannels.get(task.name) ?? [])]) {
      const p = producerOf(model, tree, channel);
      if (p) upstream.set(p.name, p);
    }
    for (const after of task.after) {
      const p = model.tasks.get(after);
      if (p) upstream.set(p.name, p);
    }
    for (const up of upstream.values()) {
      const [upNames, downNames] = uncommonAncestors(tree, up.name, task.name);
      const uncommonUp = upNames.filter((n) => n !== up.name);
      if (uncommonUp.length > 0) {
        const parent = tree.byName.get(uncommonUp[0]);
        if (parent && (parent.type === 'condition' || parent.type === 'exit-handler')) {
          const dsl = parent.type === 'condition' ? 'dsl.Condition' : 'dsl.ExitHandler';
          throw new CompileError(
            `${ILLEGAL_CROSS_DAG} A downstream task cannot depend on an upstream task within a ${dsl} context unless the downstream is within that context too. Found task ${task.name} which depends on upstream task ${up.name} within an uncommon ${dsl} context.`,
          );
        }
        if (parent?.type === 'for-loop') {
          const dataFrom = new Set(task.channelInputs.map((c) => c.taskName));
          if (dataFrom.has(up.name))
            throw new CompileError(
              `${ILLEGAL_CROSS_DAG} A downstream task cannot depend on an upstream task within a dsl.ParallelFor context unless the downstream is within that context too or the outputs are begin fanned-in to a list using dsl.Collected. Found task ${task.name} which depends on upstream task ${up.name} within an uncommon dsl.ParallelFor context.`,
            );
        }
      }
      let set = deps.get(downNames[0]);
      if (!set) deps.set(downNames[0], (set = new Set()));
      set.add(upNames[0]);
    }
  }
  return deps;
}
