/**
 * Google Cloud Pipeline Components: interface data (generated from the KFP goldens by
 * scripts/generate-catalog.mjs) joined with descriptions in our own words: titles and
 * summaries (docs/) and the help texts of inputs and outputs (help/, via ./help-texts).
 * Every module's data and docs are bundled into this module, so the app gets the whole
 * palette with one request: it imports this module lazily (src/main.tsx), which makes it one
 * chunk of its own, requested as soon as the entry runs (not 32 small chunks, a request
 * waterfall that kept the palette empty). The help texts, about a third of the bytes, are a
 * chunk of their own that `loadAllGcpc` imports: the app lists `gcpcEntriesWithoutHelp()`
 * first and adds the complete entries once the canvas is usable.
 */
import type { ExecutorSpec, InputsSpec, OutputsSpec } from '../../spec/pipeline-spec';
import type { CatalogEntry, ComponentDocs } from '../types';

interface RawEntry {
  id: string;
  name: string;
  kind: CatalogEntry['kind'];
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
  executor: ExecutorSpec;
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

/** One module's entries without their help texts (`help` is empty), cached. */
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

/** A function giving one module's complete entries (with help texts), once they are loaded. */
function completeModules(): Promise<(module: string) => CatalogEntry[]> {
  return (complete ??= import('./help-texts').then(({ GCPC_HELP }) => {
    const full = new Map<string, CatalogEntry[]>();
    return (module: string) => {
      let entries = full.get(module);
      if (!entries) full.set(module, (entries = gcpcModule(module).map((e) => ({ ...e, help: GCPC_HELP[e.id] ?? {} }))));
      return entries;
    };
  }));
}

/**
 * Every GCPC entry at once, without the help texts of inputs and outputs: enough for the
 * palette, the canvas and validation. Not for compiling what is exported (the help texts are
 * the spec's descriptions): `loadAllGcpc` gives the complete entries.
 */
export function gcpcEntriesWithoutHelp(): CatalogEntry[] {
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
