/**
 * What every edit needs derived from the document (diagnostics, task keys), memoised on the
 * identity of the document and catalog: computed once per edit, never stored. The compiled
 * spec and its texts are in ./derive-spec, which the app loads after the canvas is usable
 * (only exporting, the spec view and the dialogs that show the spec need them).
 */
import type { Catalog } from '../catalog/catalog';
import { taskKeysOf } from '../compiler/names';
import type { PipelineDocument, Task } from '../document/types';
import { findSecrets } from '../validate/secrets';
import { upstreamOf, validate, type Diagnostic } from '../validate/validate';

export interface Derived {
  keys: Map<string, string>;
  diagnostics: Diagnostic[];
}

let last: { doc: PipelineDocument; catalog: Catalog; derived: Derived } | undefined;

export function derive(doc: PipelineDocument, catalog: Catalog): Derived {
  if (last && last.doc === doc && last.catalog === catalog) return last.derived;
  const keys = taskKeysOf(doc, catalog);
  const diagnostics = [...validate(doc, catalog), ...findSecrets(doc, (id) => keys.get(id) ?? id)];
  const derived: Derived = { keys, diagnostics };
  last = { doc, catalog, derived };
  return derived;
}

const dependents = new WeakMap<PipelineDocument, Map<string, Set<string>>>();

/**
 * The tasks that depend on `taskId` through data wires or `after`, directly or not, and the
 * task itself: the tasks that must not feed it (`wouldCycle`), found with one walk instead of
 * one per candidate. Memoised per document, so every field of the inspector shares it.
 */
export function dependentsOf(doc: PipelineDocument, taskId: string): ReadonlySet<string> {
  let byTask = dependents.get(doc);
  if (!byTask) dependents.set(doc, (byTask = new Map()));
  let found = byTask.get(taskId);
  if (!found) {
    const downstream = new Map<string, string[]>();
    for (const [id, ups] of upstreamOf(doc))
      for (const up of ups) {
        const list = downstream.get(up);
        if (list) list.push(id);
        else downstream.set(up, [id]);
      }
    const seen = new Set([taskId]);
    const todo = [taskId];
    while (todo.length)
      for (const next of downstream.get(todo.pop()!) ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
    byTask.set(taskId, (found = seen));
  }
  return found;
}

const tasksById = new WeakMap<PipelineDocument, Map<string, Task>>();

/** A task of the document by id (the map is built once per document). */
export function taskById(doc: PipelineDocument, id: string): Task | undefined {
  let byId = tasksById.get(doc);
  if (!byId) tasksById.set(doc, (byId = new Map(doc.tasks.map((t) => [t.id, t]))));
  return byId.get(id);
}
