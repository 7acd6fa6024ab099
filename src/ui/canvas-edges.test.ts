import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { taskKeys } from '../compiler/compile';
import { removeTasks, setAfter, setInput } from '../document/operations';
import type { PipelineDocument } from '../document/types';
import { seedDocument } from '../examples/seed';
import { cachedEdges, emptyEdgeCache, type EdgeCache } from './canvas-edges';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});
const edgesOf = (doc: PipelineDocument, cache: EdgeCache = emptyEdgeCache()) => cachedEdges(doc, catalog, taskKeys(doc, catalog), cache);

describe('cachedEdges', () => {
  it('draws a wire per task output binding, coloured by type, with a tip', () => {
    const { list } = edgesOf(seedDocument());
    expect(list.map((e) => `${e.source}.${e.sourceHandle} → ${e.target}.${e.targetHandle}`)).toHaveLength(3);
    const model = list.find((e) => e.targetHandle === 'in:model')!;
    expect(model.sourceHandle).toBe('out:model');
    expect((model.data as { tip: string }).tip).toMatch(/^automl-image-training-job\.model → model-deploy\.model: google\.VertexModel — /);
  });

  it('keeps the same array when the wiring did not change (typing a value)', () => {
    const doc = seedDocument();
    const first = edgesOf(doc);
    const typed = setInput(doc, doc.tasks[0].id, 'display_name', { constant: 'flowers-2' });
    const second = edgesOf(typed, first);
    expect(second.list).toBe(first.list);
  });

  it('keeps unchanged wires as the same objects when one is added or removed', () => {
    const doc = seedDocument();
    const first = edgesOf(doc);
    const [dataset, training, endpoint] = doc.tasks.map((t) => t.id);
    const more = setAfter(doc, endpoint, [training]);
    const second = edgesOf(more, first);
    expect(second.list).not.toBe(first.list);
    expect(second.list).toHaveLength(4);
    for (const e of first.list) expect(second.list).toContain(e);
    const fewer = edgesOf(removeTasks(more, [dataset]), second);
    expect(fewer.list).toHaveLength(3);
    for (const e of fewer.list) expect(second.list).toContain(e);
  });
});
