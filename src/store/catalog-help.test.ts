import { describe, expect, it } from 'vitest';
import { gcpcEntriesWithoutHelp, loadAllGcpc } from '../catalog/gcpc/load';
import { derive } from './derive';
import { createEditorStore, exportBlockers } from './editor-store';

describe('help texts arriving after the catalog', () => {
  it('hold exports back until the complete entries replace the first ones', async () => {
    const store = createEditorStore({ screen: 'editor' });
    store.getState().addCatalogEntries(gcpcEntriesWithoutHelp(), true);
    expect(store.getState().catalogReady).toBe(true);
    expect(exportBlockers(store.getState()).join()).not.toMatch(/help texts/); // nothing to describe yet
    store.getState().addComponent('v1.endpoint.ModelDeployOp', { x: 0, y: 0 });
    expect(exportBlockers(store.getState()).join()).toMatch(/help texts .* still loading/);
    const before = derive(store.getState().doc, store.getState().catalog).spec!;
    expect(before.components!['comp-model-deploy'].inputDefinitions!.artifacts!.model.description).toBeUndefined();

    // Other entries added meanwhile leave the flag alone.
    store.getState().addCatalogEntries([]);
    expect(store.getState().catalogHelpPending).toBe(true);

    store.getState().addCatalogEntries(await loadAllGcpc(), false);
    const s = store.getState();
    expect(s.catalogHelpPending).toBe(false);
    expect(s.catalog.get('v1.endpoint.ModelDeployOp')!.help.model).toBeTruthy();
    expect(exportBlockers(s).join()).not.toMatch(/help texts/);
    const after = derive(s.doc, s.catalog).spec!;
    expect(after.components!['comp-model-deploy'].inputDefinitions!.artifacts!.model.description).toBe(s.catalog.get('v1.endpoint.ModelDeployOp')!.help.model);
  });
});
