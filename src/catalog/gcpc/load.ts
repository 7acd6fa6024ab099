/**
 * Google Cloud Pipeline Components: interface data (generated from the KFP goldens by
 * scripts/generate-catalog.mjs) joined with descriptions in our own words: titles and
 * summaries (docs/) and the help texts of inputs and outputs (help/, via ./help-texts).
 * Every module's data and docs are bundled into this module, so the app gets the whole
 * palette with one request: it imports this module lazily (src/main.tsx), which makes it one
 * chunk of its own, requested as soon as the entry runs (not 32 small chunks, a request
 * waterfall that kept the palette empty). What only compiling needs, the help texts and the
 * executors (about half the bytes), is a chunk of its own that `loadAllGcpc` imports
 * (./details): the app lists `gcpcStartEntries()` first and adds the complete entries once
 * the canvas is usable (src/ui/compile-parts.ts).
 */
import type { InputsSpec, OutputsSpec } from '../../spec/pipeline-spec';
import type { CatalogEntry, ComponentDocs } from '../types';

interface RawEntry {
  id: string;
  name: string;
  kind: CatalogEntry['kind'];
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
}
interface RawModule {
  module: string;
  entries: RawEntry[];
}

const dataModules = import.meta.glob<RawModule>('./data/*.json', { import: 'default', eager: true });
const docModules = import.meta.glob<Record<string, ComponentDocs>>('./docs/*.ts', { import: 'docs', eager: true });

const fileOf = (path: string) => path.replace(/^.*\//, '').replace(/\.(json|ts)$/, '');

/** Every GCPC module that has catalog data, e.g. `dataset`, `automl.training_job`. */
export const GCPC_MODULES: readonly string[] = Object.keys(dataModules).map(fileOf).sort();

/** `ImageDatasetCreateOp` → `Image Dataset Create`. */
export function titleFromId(id: string): string {
  const cls = id.split('.').pop() ?? id;
  return cls
    .replace(/Op$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

const cache = new Map<string, CatalogEntry[]>();

/** One module's entries without their help texts (`help` is empty) and executors, cached. */
function gcpcModule(module: string): CatalogEntry[] {
  let entries = cache.get(module);
  if (!entries) {
    const raw = dataModules[`./data/${module}.json`];
    const d = docModules[`./docs/${module}.ts`] ?? {};
    entries = raw
      ? raw.entries.map((e) => ({
          ...e,
          module,
          title: d[e.id]?.title ?? titleFromId(e.id),
          summary: d[e.id]?.summary ?? '',
          help: {},
        }))
      : [];
    cache.set(module, entries);
  }
  return entries;
}

let complete: Promise<(module: string) => CatalogEntry[]> | undefined;

/** A function giving one module's complete entries (help texts, executors), once they are loaded. */
function completeModules(): Promise<(module: string) => CatalogEntry[]> {
  complete ??= import('./details').then(({ GCPC_HELP, GCPC_EXECUTORS }) => {
    const full = new Map<string, CatalogEntry[]>();
    return (module: string) => {
      let entries = full.get(module);
      if (!entries)
        full.set(module, (entries = gcpcModule(module).map((e) => ({ ...e, help: GCPC_HELP[e.id] ?? {}, executor: GCPC_EXECUTORS[e.id] }))));
      return entries;
    };
  });
  // A failed load is tried again on the next call.
  complete.catch(() => (complete = undefined));
  return complete;
}

/**
 * Every GCPC entry at once, without the help texts of inputs and outputs and without
 * executors: enough for the palette, the canvas, the inspector's forms and validation. Not
 * for compiling (the executors are the spec's, the help texts its descriptions):
 * `loadAllGcpc` gives the complete entries.
 */
export function gcpcStartEntries(): CatalogEntry[] {
  return GCPC_MODULES.flatMap(gcpcModule);
}

/** One GCPC module's complete entries (cached). Unknown modules give an empty list. */
export async function loadGcpcModule(module: string): Promise<CatalogEntry[]> {
  return (await completeModules())(module);
}

/** Every GCPC module's complete entries (cached). */
export async function loadAllGcpc(): Promise<CatalogEntry[]> {
  return GCPC_MODULES.flatMap(await completeModules());
}
