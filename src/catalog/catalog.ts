import type { CatalogEntry } from './types';

/** An immutable set of catalog entries with lookup by id. */
export interface Catalog {
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  get(id: string): CatalogEntry | undefined;
}

export function createCatalog(entries: Iterable<CatalogEntry> = []): Catalog {
  const map = new Map<string, CatalogEntry>();
  for (const e of entries) map.set(e.id, e);
  return { entries: map, get: (id) => map.get(id) };
}

/** A new catalog with `more` added (later entries win). */
export function withEntries(catalog: Catalog, more: Iterable<CatalogEntry>): Catalog {
  return createCatalog([...catalog.entries.values(), ...more]);
}

/** The GCPC module an id belongs to: `v1.automl.training_job.X` → `automl.training_job`. */
export function moduleOfId(id: string): string {
  return id.split('.').slice(1, -1).join('.');
}
