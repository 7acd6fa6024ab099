import type { Catalog } from '../catalog/catalog';

export const entryTitle = (catalog: Catalog, id: string) => catalog.get(id)?.title ?? id.split('.').pop() ?? id;
