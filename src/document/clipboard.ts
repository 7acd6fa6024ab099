/**
 * Copy and paste of tasks as data. A clipboard payload is an ordinary saved document
 * holding the copied tasks (with the wires between them), the parameters they use and the
 * embedded components they run, so pasting goes through the same loading boundary as any
 * file. Copied tasks leave their control-flow groups: they are pasted at the top level,
 * without the inputs that read a loop's item (those only make sense inside the loop).
 */
import { nextTaskId } from './operations';
import {
  bindingTasks,
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Binding,
  type EmbeddedComponent,
  type PipelineDocument,
  type Position,
  type Task,
} from './types';

/** Does a binding only make sense inside a loop (it reads a loop item)? */
const readsLoopItem = (b: Binding) =>
  isLoopItemRef(b) || (isTemplate(b) && b.template.some((p) => typeof p !== 'string' && isLoopItemRef(p)));

/** The selected tasks as a document of their own: inner wires kept, wires from outside dropped. */
export function extractTasks(doc: PipelineDocument, ids: readonly string[]): PipelineDocument {
  const keep = new Set(ids);
  const tasks = doc.tasks.filter((t) => keep.has(t.id)).map((t) => dropOutside(t, keep));
  const used = new Set<string>();
  for (const t of tasks)
    for (const b of Object.values(t.inputs)) {
      if (isParameterRef(b)) used.add(b.parameter);
      if (isTemplate(b)) for (const p of b.template) if (typeof p !== 'string' && isParameterRef(p)) used.add(p.parameter);
    }
  const clip: PipelineDocument = { ...doc, parameters: doc.parameters.filter((p) => used.has(p.name)), tasks };
  delete clip.groups;
  delete clip.outputs;
  const components = Object.entries(doc.components ?? {}).filter(([id]) => tasks.some((t) => t.component === id));
  if (components.length > 0) clip.components = Object.fromEntries(components);
  else delete clip.components;
  return clip;
}

function dropOutside(t: Task, keep: ReadonlySet<string>): Task {
  const inputs: Record<string, Binding> = {};
  for (const [k, b] of Object.entries(t.inputs))
    if (bindingTasks(b).every((id) => keep.has(id)) && !readsLoopItem(b)) inputs[k] = b;
  const next: Task = { ...t, inputs, after: t.after.filter((a) => keep.has(a)) };
  delete next.group;
  return next;
}

/** Remaps the task ids a binding reads; undefined when one of them was not pasted. */
function remap(b: Binding, idMap: ReadonlyMap<string, string>): Binding | undefined {
  if (isTaskOutput(b)) {
    const task = idMap.get(b.task);
    return task === undefined ? undefined : { ...b, task };
  }
  if (isOneOf(b)) {
    const oneOf = b.oneOf.map((r) => ({ task: idMap.get(r.task), output: r.output }));
    return oneOf.every((r) => r.task !== undefined) ? { oneOf: oneOf as Array<{ task: string; output: string }> } : undefined;
  }
  if (isTemplate(b)) {
    if (b.template.some((p) => typeof p !== 'string' && isTaskOutput(p) && !idMap.has(p.task))) return undefined;
    return { template: b.template.map((p) => (typeof p !== 'string' && isTaskOutput(p) ? { ...p, task: idMap.get(p.task)! } : p)) };
  }
  return b;
}

/** A component id that is free in `doc`, or the same id when `doc` holds the very same component. */
function componentId(doc: PipelineDocument, id: string, def: EmbeddedComponent): string {
  const same = (d: EmbeddedComponent | undefined) => d !== undefined && JSON.stringify(d) === JSON.stringify(def);
  if (!doc.components?.[id] || same(doc.components[id])) return id;
  for (let i = 2; ; i++) {
    const candidate = `${id}-${i}`;
    if (!doc.components[candidate] || same(doc.components[candidate])) return candidate;
  }
}

/**
 * Adds the tasks of `clip` to `doc` under fresh ids, moved by `offset`, at the top level.
 * Parameters the tasks use are added when `doc` lacks them; one of the same name is reused.
 * Embedded components come along (renamed when `doc` has a different one under that id).
 */
export function pasteTasks(
  doc: PipelineDocument,
  clip: PipelineDocument,
  offset: Position,
): { doc: PipelineDocument; ids: string[] } {
  let target = doc;
  const componentMap = new Map<string, string>();
  for (const [id, def] of Object.entries(clip.components ?? {})) {
    const to = componentId(target, id, def);
    componentMap.set(id, to);
    if (!target.components?.[to]) target = { ...target, components: { ...(target.components ?? {}), [to]: def } };
  }
  const idMap = new Map<string, string>();
  let probe: PipelineDocument = target;
  for (const t of clip.tasks) {
    const id = nextTaskId(probe);
    idMap.set(t.id, id);
    probe = { ...probe, tasks: [...probe.tasks, { ...t, id }] };
  }
  const tasks = clip.tasks.map((t) => {
    const inputs: Record<string, Binding> = {};
    for (const [k, b] of Object.entries(t.inputs)) {
      const next = readsLoopItem(b) ? undefined : remap(b, idMap);
      if (next) inputs[k] = next;
    }
    const task: Task = {
      ...t,
      id: idMap.get(t.id)!,
      component: componentMap.get(t.component) ?? t.component,
      inputs,
      after: t.after.map((a) => idMap.get(a)).filter((a): a is string => !!a),
      position: { x: t.position.x + offset.x, y: t.position.y + offset.y },
    };
    delete task.group;
    return task;
  });
  const have = new Set(target.parameters.map((p) => p.name));
  const parameters = [...target.parameters, ...clip.parameters.filter((p) => !have.has(p.name))];
  return { doc: { ...target, parameters, tasks: [...target.tasks, ...tasks] }, ids: tasks.map((t) => t.id) };
}
