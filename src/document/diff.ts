/**
 * Semantic difference between two versions of a pipeline: tasks, inputs, wires,
 * parameters and settings added, removed or changed. Node positions are ignored.
 * Tasks are matched by their stable id, which copies of one pipeline share.
 */
import type { JsonValue } from '../spec/pipeline-spec';
import { isConstant, isParameterRef, isTaskOutput, type Binding, type PipelineDocument, type Task } from './types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  kind: ChangeKind;
  what: 'task' | 'input' | 'wire' | 'parameter' | 'setting';
  /** Task id in the newer document (or the older one for removed tasks). */
  taskId?: string;
  message: string;
}

const show = (v: JsonValue | undefined) => (v === undefined ? 'unset' : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function describeBinding(b: Binding | undefined, name: (id: string) => string): string {
  if (!b) return 'not set';
  if (isConstant(b)) return show(b.constant);
  if (isParameterRef(b)) return `parameter ${b.parameter}`;
  if (isTaskOutput(b)) return `${name(b.task)}.${b.output}${b.collected ? ' (collected)' : ''}`;
  return JSON.stringify(b);
}

function taskChanges(a: Task, b: Task, name: (id: string) => string, out: Change[]) {
  const t = name(b.id);
  const add = (what: Change['what'], kind: ChangeKind, message: string) => out.push({ kind, what, taskId: b.id, message });
  if (a.component !== b.component) add('task', 'changed', `${t}: component ${a.component} → ${b.component}`);
  if ((a.displayName ?? '') !== (b.displayName ?? '')) add('setting', 'changed', `${t}: display name ${show(a.displayName)} → ${show(b.displayName)}`);
  if (a.caching !== b.caching) add('setting', 'changed', `${t}: caching ${a.caching ? 'on' : 'off'} → ${b.caching ? 'on' : 'off'}`);
  if (a.retries !== b.retries || !same(a.retryBackoff, b.retryBackoff))
    add('setting', 'changed', `${t}: retry ${show(a.retries)} → ${show(b.retries)}`);
  if ((a.group ?? '') !== (b.group ?? '')) add('setting', 'changed', `${t}: group ${a.group ?? 'top level'} → ${b.group ?? 'top level'}`);
  for (const key of ['resources', 'env', 'importer', 'ignoreUpstreamFailure'] as const)
    if (!same(a[key], b[key])) add('setting', 'changed', `${t}: ${key} ${show(a[key] as JsonValue)} → ${show(b[key] as JsonValue)}`);
  for (const up of b.after) if (!a.after.includes(up)) add('wire', 'added', `${t} now runs after ${name(up)}`);
  for (const up of a.after) if (!b.after.includes(up)) add('wire', 'removed', `${t} no longer runs after ${name(up)}`);
  for (const input of [...new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)])].sort()) {
    const x = a.inputs[input];
    const y = b.inputs[input];
    if (same(x, y)) continue;
    const wire = (x && isTaskOutput(x)) || (y && isTaskOutput(y));
    const kind: ChangeKind = !x ? 'added' : !y ? 'removed' : 'changed';
    add(wire ? 'wire' : 'input', kind, `${t}.${input}: ${describeBinding(x, name)} → ${describeBinding(y, name)}`);
  }
}

export function diffDocuments(
  older: PipelineDocument,
  newer: PipelineDocument,
  taskName: (id: string) => string = (id) => id,
): Change[] {
  const out: Change[] = [];
  for (const key of ['name', 'displayName', 'description', 'pipelineRoot'] as const)
    if ((older[key] ?? '') !== (newer[key] ?? ''))
      out.push({ kind: 'changed', what: 'setting', message: `pipeline ${key}: ${show(older[key])} → ${show(newer[key])}` });

  const oldParams = new Map(older.parameters.map((p) => [p.name, p]));
  const newParams = new Map(newer.parameters.map((p) => [p.name, p]));
  for (const [n, p] of newParams) {
    const q = oldParams.get(n);
    if (!q) out.push({ kind: 'added', what: 'parameter', message: `parameter ${n} (${p.type}${p.default !== undefined ? `, default ${show(p.default)}` : ''})` });
    else if (q.type !== p.type || !same(q.default, p.default))
      out.push({ kind: 'changed', what: 'parameter', message: `parameter ${n}: ${q.type} ${show(q.default)} → ${p.type} ${show(p.default)}` });
  }
  for (const n of oldParams.keys()) if (!newParams.has(n)) out.push({ kind: 'removed', what: 'parameter', message: `parameter ${n}` });

  const oldTasks = new Map(older.tasks.map((t) => [t.id, t]));
  const newTasks = new Map(newer.tasks.map((t) => [t.id, t]));
  for (const t of newer.tasks) {
    const before = oldTasks.get(t.id);
    if (!before) out.push({ kind: 'added', what: 'task', taskId: t.id, message: `task ${taskName(t.id)} (${t.component})` });
    else taskChanges(before, t, taskName, out);
  }
  for (const t of older.tasks)
    if (!newTasks.has(t.id)) out.push({ kind: 'removed', what: 'task', taskId: t.id, message: `task ${taskName(t.id)} (${t.component})` });

  // Version-2 parts: groups by id, components by id, outputs by name.
  const byKey = <T>(list: readonly T[] | undefined, key: (x: T) => string) => new Map((list ?? []).map((x) => [key(x), x]));
  const compare = <T>(label: string, a: Map<string, T>, b: Map<string, T>) => {
    for (const [k, v] of b) {
      if (!a.has(k)) out.push({ kind: 'added', what: 'setting', message: `${label} ${k}` });
      else if (!same(a.get(k), v)) out.push({ kind: 'changed', what: 'setting', message: `${label} ${k} changed` });
    }
    for (const k of a.keys()) if (!b.has(k)) out.push({ kind: 'removed', what: 'setting', message: `${label} ${k}` });
  };
  compare('group', byKey(older.groups, (g) => g.id), byKey(newer.groups, (g) => g.id));
  compare('component', new Map(Object.entries(older.components ?? {})), new Map(Object.entries(newer.components ?? {})));
  compare('pipeline output', byKey(older.outputs, (o) => o.name), byKey(newer.outputs, (o) => o.name));
  return out;
}
