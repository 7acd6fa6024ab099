/**
 * Google Cloud Pipeline Components: interface data (generated from the KFP goldens by
 * scripts/generate-catalog.mjs) joined with descriptions in our own words (docs/).
 * Each module is its own lazily loaded chunk so start-up stays small.
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

const dataLoaders = import.meta.glob<RawModule>('./data/*.json', { import: 'default' });
const docLoaders = import.meta.glob<Record<string, ComponentDocs>>('./docs/*.ts', { import: 'docs' });

const fileOf = (path: string) => path.replace(/^.*\//, '').replace(/\.(json|ts)$/, '');

/** Every GCPC module that has catalog data, e.g. `dataset`, `automl.training_job`. */
export const GCPC_MODULES: readonly string[] = Object.keys(dataLoaders).map(fileOf).sort();

/** `ImageDatasetCreateOp` → `Image Dataset Create`. */
export function titleFromId(id: string): string {
  const cls = id.split('.').pop() ?? id;
  return cls
    .replace(/Op$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

const cache = new Map<string, Promise<CatalogEntry[]>>();

/** Loads one GCPC module's entries (cached). Unknown modules give an empty list. */
export function loadGcpcModule(module: string): Promise<CatalogEntry[]> {
  let pending = cache.get(module);
  if (!pending) {
    const data = dataLoaders[`./data/${module}.json`];
    const docs = docLoaders[`./docs/${module}.ts`];
    pending = data
      ? Promise.all([data(), docs ? docs() : Promise.resolve({} as Record<string, ComponentDocs>)]).then(
          ([raw, d]) =>
            raw.entries.map((e) => ({
              ...e,
              module,
              title: d[e.id]?.title ?? titleFromId(e.id),
              summary: d[e.id]?.summary ?? '',
              help: d[e.id]?.help ?? {},
            })),
        )
      : Promise.resolve([]);
    cache.set(module, pending);
  }
  return pending;
}

export async function loadAllGcpc(): Promise<CatalogEntry[]> {
  const all = await Promise.all(GCPC_MODULES.map(loadGcpcModule));
  return all.flat();
}
