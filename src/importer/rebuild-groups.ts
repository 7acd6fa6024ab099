/**
 * The control-flow groups of a spec as document groups: which DAG tasks are groups, their
 * conditions (If, Elif, Else), loop items, exit tasks, and their order.
 */
import type { Condition, Group, LoopItems } from '../document/types';
import { isParameterType, type JsonObject, type JsonValue } from '../spec/pipeline-spec';
import { parseCondition, toOperand, type ParsedComparison } from './conditions';
import { isObject } from './json-utils';
import { ALL_DONE, obj, type RebuildState } from './rebuild-state';
import { resolveInput, type GroupRec, type Scope } from './resolve-channels';

export const GROUP_KEY = /^(condition-branches|condition|for-loop|exit-handler)-(\d+)$/;
const KIND: Record<string, Group['kind']> = {
  condition: 'condition',
  'condition-branches': 'branches',
  'for-loop': 'loop',
  'exit-handler': 'exitHandler',
};

/** Is the task `key` of `scope` a control-flow group (named, shaped and run like one)? Which kind? */
export function groupKind(components: Record<string, JsonObject>, key: string, task: JsonObject, scope: Scope): Group['kind'] | undefined {
  const m = GROUP_KEY.exec(key);
  if (!m) return undefined;
  const ref = String(obj(task.componentRef).name);
  const comp = components[ref];
  if (!comp || !isObject(comp.dag) || comp.executorLabel !== undefined || !ref.startsWith(`comp-${key}`)) return undefined;
  const kind = KIND[m[1]];
  const trigger = obj(task.triggerPolicy);
  const loop = task.parameterIterator !== undefined || task.artifactIterator !== undefined;
  switch (kind) {
    case 'loop':
      return loop ? kind : undefined;
    case 'condition':
      return !loop && (typeof trigger.condition === 'string' || scope.group?.kind === 'branches') ? kind : undefined;
    case 'branches':
      return !loop && trigger.condition === undefined ? kind : undefined;
    case 'exitHandler':
      return !loop && !scope.group && trigger.condition === undefined ? kind : undefined;
  }
}

function condition(s: RebuildState, g: GroupRec, c: ParsedComparison): Condition | undefined {
  const resolve = (input: string) => {
    const r = resolveInput(s, g.scope, input);
    return r && 'source' in r ? r.source : undefined;
  };
  const left = toOperand(c.left, resolve);
  const right = toOperand(c.right, resolve);
  return left && right ? { left, operator: c.operator, right } : undefined;
}

/** A condition this version cannot read: a placeholder, the kept parts hold the real one. */
const UNREADABLE: Condition = { left: { constant: 'unreadable' }, operator: '==', right: { constant: 'unreadable' } };

function conditionGroup(s: RebuildState, g: GroupRec, base: Omit<Group, 'kind'>): Group {
  const text = obj(g.spec.triggerPolicy).condition;
  const ops = typeof text === 'string' ? parseCondition(text) : undefined;
  let mine: ParsedComparison | undefined;
  if (g.parent.group?.kind === 'branches') {
    // Branch k of an If/Elif/Else: the negations of the k earlier branches, then its own test
    // (none for the Else).
    const index = [...s.groups.values()]
      .filter((x) => x.parent === g.parent && x.kind === 'condition')
      .sort((a, b) => a.number - b.number)
      .indexOf(g);
    if (ops && ops.length === index + 1 && !ops[index].negated) mine = ops[index];
    else if (ops && ops.length === index) return { ...base, kind: 'condition' };
  } else if (ops && ops.length === 1 && !ops[0].negated) mine = ops[0];
  return { ...base, kind: 'condition', condition: (mine && condition(s, g, mine)) ?? UNREADABLE };
}

function loopGroup(s: RebuildState, g: GroupRec, base: Omit<Group, 'kind'>): Group {
  const items = obj(obj(g.spec.parameterIterator ?? g.spec.artifactIterator).items);
  let loopItems: LoopItems | undefined;
  if (typeof items.raw === 'string') {
    try {
      const list = JSON.parse(items.raw) as JsonValue;
      if (Array.isArray(list) && list.length > 0) loopItems = { constant: list };
    } catch {
      // not JSON: kept
    }
  } else {
    const name = items.inputParameter ?? items.inputArtifact;
    const r = typeof name === 'string' ? resolveInput(s, g.scope, name) : undefined;
    if (r && 'source' in r) loopItems = r.source;
  }
  const loop: Group = { ...base, kind: 'loop', items: loopItems ?? { constant: ['unreadable'] } };
  const limit = Number(obj(g.spec.iteratorPolicy).parallelismLimit ?? 0);
  if (Number.isInteger(limit) && limit > 0) loop.parallelism = limit;
  if (g.itemInput !== undefined && g.spec.parameterIterator !== undefined && !('constant' in loop.items)) {
    const type = obj(obj(obj(g.scope.comp.inputDefinitions).parameters)[g.itemInput]).parameterType;
    if (isParameterType(type) && type !== 'STRING') loop.itemType = type;
  }
  return loop;
}

export function buildGroup(s: RebuildState, g: GroupRec): Group {
  const base: { id: string; parent?: string; displayName?: string } = { id: g.id };
  if (g.parent.group) base.parent = g.parent.group.id;
  const shown = obj(g.spec.taskInfo).name;
  if (typeof shown === 'string' && shown !== g.key && g.kind !== 'branches') base.displayName = shown;
  switch (g.kind) {
    case 'branches':
      return { ...base, kind: 'branches' };
    case 'condition':
      return conditionGroup(s, g, base);
    case 'loop':
      return loopGroup(s, g, base);
    case 'exitHandler': {
      const exit = [...s.tasks.values()].find((t) => t.scope === g.parent && s.exitTasks.get(t.key) === g);
      return { ...base, kind: 'exitHandler', exitTask: exit?.id ?? '' };
    }
  }
}

/** The exit task of each exit handler: the top-level task that runs after it whatever happened. */
export function findExitTasks(s: RebuildState): void {
  for (const g of s.groups.values()) {
    if (g.kind !== 'exitHandler') continue;
    const exit = [...s.tasks.values()].find((t) => {
      const deps = t.spec.dependentTasks;
      return (
        t.scope === s.root &&
        !s.exitTasks.has(t.key) &&
        Array.isArray(deps) &&
        deps.length === 1 &&
        deps[0] === g.key &&
        obj(t.spec.triggerPolicy).strategy === ALL_DONE
      );
    });
    if (exit) s.exitTasks.set(exit.key, g);
  }
}

/** The groups depth-first, siblings by the number in their names (KFP's numbering order). */
export function orderedGroups(s: RebuildState): Group[] {
  const out: Group[] = [];
  const visit = (scope: Scope) => {
    const children = [...s.groups.values()].filter((g) => g.parent === scope).sort((a, b) => a.number - b.number);
    for (const g of children) {
      out.push(s.docGroups.get(g.key)!);
      visit(g.scope);
    }
  };
  visit(s.root);
  return out;
}
