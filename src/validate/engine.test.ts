import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { setInput } from '../document/operations';
import { seedDocument } from '../examples/seed';
import { engineWarnings } from './engine';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe('engine check', () => {
  it('on Kubeflow Pipelines, warns about Google Cloud components and Vertex-only placeholders', () => {
    let doc = seedDocument();
    doc = setInput(doc, doc.tasks[2].id, 'description', { constant: 'in {{$.pipeline_google_cloud_location}}' });
    const w = engineWarnings(doc, catalog, 'kfp', (id) => id);
    expect(w.filter((d) => d.code === ('ENGINE_GCPC_ON_KFP' as string))).toHaveLength(4);
    expect(w.some((d) => d.code === ('ENGINE_VERTEX_PLACEHOLDER' as string) && d.input === 'description')).toBe(true);
    expect(w.every((d) => d.severity === 'warning')).toBe(true);
  });
  it('on Vertex AI, warns about resource requests only', () => {
    const doc = seedDocument();
    expect(engineWarnings(doc, catalog, 'vertex', (id) => id)).toEqual([]);
    const withRequest = { ...doc, tasks: doc.tasks.map((t, i) => (i === 0 ? { ...t, resources: { cpuRequest: '2' } } : t)) };
    expect(engineWarnings(withRequest, catalog, 'vertex', (id) => id).map((d) => d.code)).toEqual(['ENGINE_REQUESTS_ON_VERTEX']);
  });
});
