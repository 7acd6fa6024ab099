/**
 * Which component a task runs, in one place: a component embedded in the document wins,
 * then the catalog, then the KFP built-ins (so a document with an importer compiles with a
 * GCPC-only catalog). An importer task's entry carries the task's artifact type.
 */
import type { ComponentDescriptions, EmbeddedComponent, PipelineDocument, Task } from '../document/types';
import type { JsonObject } from '../spec/pipeline-spec';
import { createCatalog, type Catalog } from './catalog';
import { importerEntryFor, IMPORTER_ID, KFP_BUILTINS } from './builtins';
import { embeddedEntry } from './embedded';
import type { CatalogEntry } from './types';

const entryCache = new WeakMap<EmbeddedComponent, Map<string, CatalogEntry>>();
const describedCache = new WeakMap<ComponentDescriptions, WeakMap<CatalogEntry, CatalogEntry>>();
const BUILTINS = new Map(KFP_BUILTINS.map((e) => [e.id, e]));

type DocParts = Pick<PipelineDocument, 'components' | 'descriptions'>;

/** Interface definitions with exactly the given descriptions (none for names left out). */
function describedDefs(defs: object | undefined, texts: Record<string, string> | undefined): JsonObject | undefined {
  if (!defs) return undefined;
  const out: JsonObject = {};
  for (const [group, specs] of Object.entries(defs as Record<string, Record<string, JsonObject>>)) {
    const copy: JsonObject = {};
    for (const [name, spec] of Object.entries(specs)) {
      const { description: _ours, ...rest } = spec;
      const text = texts && Object.prototype.hasOwnProperty.call(texts, name) ? texts[name] : undefined;
      copy[name] = text !== undefined ? { ...rest, description: text } : rest;
    }
    out[group] = copy;
  }
  return out;
}

/**
 * A catalog entry whose compiled component spec carries the descriptions a document holds
 * for it (`doc.descriptions`, from an imported file) instead of the catalog's help texts.
 */
function withDescriptions(doc: DocParts, id: string, entry: CatalogEntry): CatalogEntry {
  const texts = doc.descriptions && Object.prototype.hasOwnProperty.call(doc.descriptions, id) ? doc.descriptions[id] : undefined;
  if (!texts) return entry;
  let byEntry = describedCache.get(texts);
  if (!byEntry) describedCache.set(texts, (byEntry = new WeakMap()));
  let described = byEntry.get(entry);
  if (!described) {
    const verbatim: JsonObject = {};
    const inputs = describedDefs(entry.inputDefinitions, texts.inputs);
    const outputs = describedDefs(entry.outputDefinitions, texts.outputs);
    if (inputs) verbatim.inputDefinitions = inputs;
    if (outputs) verbatim.outputDefinitions = outputs;
    byEntry.set(entry, (described = { ...entry, verbatim }));
  }
  return described;
}

/** The entry of a component id as seen from a document. */
export function resolveComponent(doc: DocParts, catalog: Catalog, id: string): CatalogEntry | undefined {
  const def = doc.components && Object.prototype.hasOwnProperty.call(doc.components, id) ? doc.components[id] : undefined;
  if (def) {
    let byId = entryCache.get(def);
    if (!byId) entryCache.set(def, (byId = new Map()));
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = embeddedEntry(id, def)));
    return entry;
  }
  const entry = catalog.get(id) ?? BUILTINS.get(id);
  return entry && withDescriptions(doc, id, entry);
}

/** The entry of the component a task runs (an importer's output typed by its settings). */
export function taskEntry(doc: DocParts, catalog: Catalog, task: Task): CatalogEntry | undefined {
  if (task.component === IMPORTER_ID && !doc.components?.[IMPORTER_ID]) return withDescriptions(doc, IMPORTER_ID, importerEntryFor(task.importer));
  return resolveComponent(doc, catalog, task.component);
}

/** The catalog as a document sees it: its embedded components and the KFP built-ins added. */
export function documentCatalog(doc: DocParts, catalog: Catalog): Catalog {
  const extra = [...KFP_BUILTINS.filter((e) => !catalog.get(e.id))];
  for (const id of Object.keys(doc.components ?? {})) extra.push(resolveComponent(doc, catalog, id)!);
  if (extra.length === 0) return catalog;
  return createCatalog([...catalog.entries.values(), ...extra]);
}
