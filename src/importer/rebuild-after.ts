/**
 * `.after(...)` of the rebuilt tasks: the `dependentTasks` KFP wrote that the data flow
 * (bindings, conditions, loop items, exit handlers) does not explain. A dependency of a
 * group goes on the first task inside it: KFP lifts it back to the group.
 */
import { bindingTasks } from '../document/types';
import type { JsonObject } from '../spec/pipeline-spec';
import { inside, type RebuildState } from './rebuild-state';
import type { GroupRec, Scope, TaskRec } from './resolve-channels';

/** The item of `scope`'s DAG (a task or a group) that holds task `taskId`. */
function itemIn(s: RebuildState, scope: Scope, taskId: string): string | undefined {
  const rec = s.tasks.get(taskId.slice(2));
  if (!rec) return undefined;
  let cur: Scope = rec.scope;
  let item = rec.key;
  while (cur !== scope) {
    if (!cur.group) return undefined;
    item = cur.group.key;
    cur = cur.group.parent;
  }
  return item;
}

/** Task ids that what a DAG holds reads from (bindings, conditions, loop items), deep. */
function readsOf(s: RebuildState, scope: Scope): Set<string> {
  const into = new Set<string>();
  for (const rec of s.tasks.values()) {
    if (!inside(rec.scope, scope)) continue;
    for (const b of Object.values(s.docTasks.get(rec.key)!.inputs)) for (const id of bindingTasks(b)) into.add(id);
  }
  for (const g of s.groups.values()) {
    if (!inside(g.scope, scope)) continue;
    const doc = s.docGroups.get(g.key)!;
    if (doc.kind === 'condition' && doc.condition)
      for (const o of [doc.condition.left, doc.condition.right]) if ('task' in o && typeof o.task === 'string') into.add(o.task);
    if (doc.kind === 'loop' && 'task' in doc.items && typeof doc.items.task === 'string') into.add(doc.items.task);
  }
  return into;
}

/** The first task (in walk order) inside a group, deep. */
function firstTaskIn(s: RebuildState, g: GroupRec): TaskRec | undefined {
  let best: TaskRec | undefined;
  for (const rec of s.tasks.values()) if (inside(rec.scope, g.scope) && (!best || rec.walk < best.walk)) best = rec;
  return best;
}

/** May a task in `readerScope` run after `target`? KFP refuses reaching into a condition or exit handler. */
function afterAllowed(target: TaskRec, readerScope: Scope): boolean {
  for (let cur: Scope | undefined = target.scope; cur && !inside(readerScope, cur); cur = cur.group?.parent)
    if (cur.group && (cur.group.kind === 'condition' || cur.group.kind === 'exitHandler' || cur.group.kind === 'branches')) return false;
  return true;
}

export function addAfterEdges(s: RebuildState): void {
  const items: Array<{ key: string; spec: JsonObject; scope: Scope; reads: Set<string>; holder?: TaskRec; group?: GroupRec }> = [];
  for (const rec of s.tasks.values()) {
    const reads = new Set<string>();
    for (const b of Object.values(s.docTasks.get(rec.key)!.inputs)) for (const id of bindingTasks(b)) reads.add(id);
    items.push({ key: rec.key, spec: rec.spec, scope: rec.scope, reads, holder: rec });
  }
  for (const g of s.groups.values()) items.push({ key: g.key, spec: g.spec, scope: g.parent, reads: readsOf(s, g.scope), holder: firstTaskIn(s, g), group: g });
  for (const item of items) {
    const deps = item.spec.dependentTasks;
    if (!Array.isArray(deps) || !item.holder) continue;
    const implied = new Set<string>();
    for (const id of item.reads) {
      const it = itemIn(s, item.scope, id);
      if (it !== undefined) implied.add(it);
    }
    const exitOf = s.exitTasks.get(item.key);
    if (exitOf && !item.group) implied.add(exitOf.key);
    const task = s.docTasks.get(item.holder.key)!;
    for (const d of deps) {
      if (typeof d !== 'string' || implied.has(d) || d === item.key) continue;
      const group = s.groups.get(d);
      const target = s.tasks.get(d) ?? (group ? firstTaskIn(s, group) : undefined);
      if (!target || target === item.holder || !afterAllowed(target, item.holder.scope)) continue;
      if (!task.after.includes(target.id)) task.after.push(target.id);
    }
  }
}
