/**
 * Which component a task runs, in one place: a component embedded in the document wins,
 * then the catalog, then the KFP built-ins (so a document with an importer compiles with a
 * GCPC-only catalog). An importer task's entry carries the task's artifact type.
 */
import type { EmbeddedComponent, PipelineDocument, Task } from '../document/types';
import { createCatalog, type Catalog } from './catalog';
import { importerEntryFor, IMPORTER_ID, KFP_BUILTINS } from './builtins';
import { embeddedEntry } from './embedded';
import type { CatalogEntry } from './types';

const entryCache = new WeakMap<EmbeddedComponent, Map<string, CatalogEntry>>();
const BUILTINS = new Map(KFP_BUILTINS.map((e) => [e.id, e]));

/** The entry of a component id as seen from a document. */
export function resolveComponent(doc: Pick<PipelineDocument, 'components'>, catalog: Catalog, id: string): CatalogEntry | undefined {
  const def = doc.components && Object.prototype.hasOwnProperty.call(doc.components, id) ? doc.components[id] : undefined;
  if (def) {
    let byId = entryCache.get(def);
    if (!byId) entryCache.set(def, (byId = new Map()));
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = embeddedEntry(id, def)));
    return entry;
  }
  return catalog.get(id) ?? BUILTINS.get(id);
}

/** The entry of the component a task runs (an importer's output typed by its settings). */
export function taskEntry(doc: Pick<PipelineDocument, 'components'>, catalog: Catalog, task: Task): CatalogEntry | undefined {
  if (task.component === IMPORTER_ID && !doc.components?.[IMPORTER_ID]) return importerEntryFor(task.importer);
  return resolveComponent(doc, catalog, task.component);
}

/** The catalog as a document sees it: its embedded components and the KFP built-ins added. */
export function documentCatalog(doc: Pick<PipelineDocument, 'components'>, catalog: Catalog): Catalog {
  const extra = [...KFP_BUILTINS.filter((e) => !catalog.get(e.id))];
  for (const id of Object.keys(doc.components ?? {})) extra.push(resolveComponent(doc, catalog, id)!);
  if (extra.length === 0) return catalog;
  return createCatalog([...catalog.entries.values(), ...extra]);
}
