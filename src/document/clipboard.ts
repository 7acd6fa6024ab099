/**
 * Copy and paste of tasks as data. A clipboard payload is an ordinary saved document
 * holding the copied tasks (with the wires between them) and the parameters they use, so
 * pasting goes through the same loading boundary as any file.
 */
import { nextTaskId } from './operations';
import { isParameterRef, isTaskOutput, type Binding, type PipelineDocument, type Position, type Task } from './types';

/** The selected tasks as a document of their own: inner wires kept, wires from outside dropped. */
export function extractTasks(doc: PipelineDocument, ids: readonly string[]): PipelineDocument {
  const keep = new Set(ids);
  const tasks = doc.tasks.filter((t) => keep.has(t.id)).map((t) => dropOutside(t, keep));
  const used = new Set<string>();
  for (const t of tasks) for (const b of Object.values(t.inputs)) if (isParameterRef(b)) used.add(b.parameter);
  return { ...doc, parameters: doc.parameters.filter((p) => used.has(p.name)), tasks };
}

function dropOutside(t: Task, keep: ReadonlySet<string>): Task {
  const inputs: Record<string, Binding> = {};
  for (const [k, b] of Object.entries(t.inputs)) if (!isTaskOutput(b) || keep.has(b.task)) inputs[k] = b;
  return { ...t, inputs, after: t.after.filter((a) => keep.has(a)) };
}

/**
 * Adds the tasks of `clip` to `doc` under fresh ids, moved by `offset`. Parameters the
 * tasks use are added when `doc` lacks them; one of the same name is reused.
 */
export function pasteTasks(
  doc: PipelineDocument,
  clip: PipelineDocument,
  offset: Position,
): { doc: PipelineDocument; ids: string[] } {
  const idMap = new Map<string, string>();
  let probe: PipelineDocument = doc;
  for (const t of clip.tasks) {
    const id = nextTaskId(probe);
    idMap.set(t.id, id);
    probe = { ...probe, tasks: [...probe.tasks, { ...t, id }] };
  }
  const tasks = clip.tasks.map((t) => {
    const inputs: Record<string, Binding> = {};
    for (const [k, b] of Object.entries(t.inputs)) {
      if (isTaskOutput(b)) {
        const from = idMap.get(b.task);
        if (from) inputs[k] = { task: from, output: b.output };
      } else inputs[k] = b;
    }
    return {
      ...t,
      id: idMap.get(t.id)!,
      inputs,
      after: t.after.map((a) => idMap.get(a)).filter((a): a is string => !!a),
      position: { x: t.position.x + offset.x, y: t.position.y + offset.y },
    };
  });
  const have = new Set(doc.parameters.map((p) => p.name));
  const parameters = [...doc.parameters, ...clip.parameters.filter((p) => !have.has(p.name))];
  return { doc: { ...doc, parameters, tasks: [...doc.tasks, ...tasks] }, ids: tasks.map((t) => t.id) };
}
