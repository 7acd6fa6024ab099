/**
 * Google Cloud Pipeline Components: interface data (generated from the KFP goldens by
 * scripts/generate-catalog.mjs) joined with descriptions in our own words (docs/).
 * Every module's data and docs are bundled into this module, so the app gets the whole
 * catalog with one request: it imports this module lazily (src/main.tsx), which makes it one
 * chunk of its own, requested as soon as the entry runs (not 32 small chunks, a request
 * waterfall that kept the palette empty).
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
          help: d[e.id]?.help ?? {},
        }))
      : [];
    cache.set(module, entries);
  }
  return entries;
}

/** One GCPC module's entries (cached). Unknown modules give an empty list. */
export function loadGcpcModule(module: string): Promise<CatalogEntry[]> {
  return Promise.resolve(gcpcModule(module));
}

export async function loadAllGcpc(): Promise<CatalogEntry[]> {
  return GCPC_MODULES.flatMap(gcpcModule);
}
