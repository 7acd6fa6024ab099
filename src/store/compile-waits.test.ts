import { describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/catalog';
import { gcpcStartEntries, loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { derive } from './derive';
import * as deriveSpec from './derive-spec';
import { compiledOf, compileWaitsFor, createEditorStore, exportBlockers } from './editor-store';

/** A store as the app has it on its first screen: the catalog without its executors and help texts, no compiler. */
function firstScreenStore() {
  const store = createEditorStore({ screen: 'editor' });
  store.getState().addCatalogEntries(gcpcStartEntries(), 'loading');
  return store;
}

describe('what only compiling needs, arriving after the canvas is usable', () => {
  it('holds exports back with a clear reason, then gives the same spec as compiling with the complete catalog', async () => {
    const store = firstScreenStore();
    expect(store.getState().catalogReady).toBe(true);
    // No task yet: only the compiler is waited for.
    expect(compileWaitsFor(store.getState())).toEqual(['The compiler is still loading.']);
    store.getState().addComponent('v1.endpoint.EndpointCreateOp', { x: 0, y: 0 });
    const id = store.getState().selection[0];
    store.getState().setInput(id, 'display_name', { constant: 'serving' });
    // Resources are allowed on a GCPC task before its executor is in, as after.
    store.getState().setTaskResources(id, { cpuLimit: '2', memoryLimit: '4G' });
    const diagnosticsBefore = derive(store.getState().doc, store.getState().catalog).diagnostics;
    expect(diagnosticsBefore.filter((d) => d.severity === 'error')).toEqual([]);
    expect(exportBlockers(store.getState())).toEqual(['The component definitions (executors and help texts) are still loading.', 'The compiler is still loading.']);
    expect(compiledOf(store.getState())).toBeUndefined();

    // The compiler first: still waiting for the definitions, never compiling without them.
    store.getState().setCompiler(deriveSpec);
    expect(exportBlockers(store.getState())).toEqual(['The component definitions (executors and help texts) are still loading.']);
    expect(compiledOf(store.getState())).toBeUndefined();
    // Other entries added meanwhile leave the pending state alone.
    store.getState().addCatalogEntries([]);
    expect(store.getState().catalogPending).toBe('loading');

    const complete = await loadAllGcpc();
    store.getState().addCatalogEntries(complete, null);
    const s = store.getState();
    expect(s.catalogPending).toBeNull();
    expect(exportBlockers(s)).toEqual([]);
    expect(derive(s.doc, s.catalog).diagnostics).toEqual(diagnosticsBefore);
    const spec = compiledOf(s)!.spec!;
    // The same bytes as compiling the document with the complete catalog directly (the CLI's way).
    const direct = compile(s.doc, createCatalog(complete));
    expect(deriveSpec.specText(spec, 'json')).toBe(toJson(direct));
    expect(deriveSpec.specText(spec, 'yaml')).toBe(toYaml(direct));
    expect(spec.deploymentSpec.executors['exec-endpoint-create'].container!.resources).toMatchObject({ resourceCpuLimit: '2', resourceMemoryLimit: '4G' });
    expect(spec.components!['comp-endpoint-create'].inputDefinitions!.parameters!.display_name.description).toBe(
      s.catalog.get('v1.endpoint.EndpointCreateOp')!.help.display_name,
    );
    // Memoised: the same compiled object while nothing changes.
    expect(compiledOf(store.getState())).toBe(compiledOf(s));
  });

  it('says why export stays blocked when a part could not be loaded', () => {
    const store = firstScreenStore();
    store.getState().addComponent('v1.endpoint.EndpointCreateOp', { x: 0, y: 0 });
    store.getState().addCatalogEntries([], 'failed');
    store.getState().setCompiler('failed');
    expect(compileWaitsFor(store.getState())).toEqual([
      'The component definitions (executors and help texts) could not be loaded; reload the page to export.',
      'The compiler could not be loaded; reload the page to export.',
    ]);
    // A document whose tasks all have their executors does not wait for the catalog.
    store.getState().removeTasks(store.getState().doc.tasks.map((t) => t.id));
    store.getState().addImporterTask({ x: 0, y: 0 });
    store.getState().setCompiler(deriveSpec);
    expect(compileWaitsFor(store.getState())).toEqual([]);
  });

  it('refuses to compile an entry whose executor is not in', () => {
    const store = firstScreenStore();
    store.getState().addComponent('v1.endpoint.EndpointCreateOp', { x: 0, y: 0 });
    const { doc, catalog } = store.getState();
    expect(deriveSpec.compiled(doc, catalog).compileError).toMatch(/v1\.endpoint\.EndpointCreateOp: its executor is not loaded yet/);
  });
});
