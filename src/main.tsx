import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { recoverStash, startAutosave, type Autosave } from './store/autosave';
import { createEditorStore } from './store/editor-store';
import { createIdbLibrary, createMemoryLibrary } from './store/library';
import { whenCanvasUsable } from './ui/after-usable';
import { loadCompileParts } from './ui/compile-parts';
import { preloadEditorParts } from './ui/editor-parts';
import { coordinateTabs } from './store/tabs';
import { App } from './ui/app';
import { ServicesProvider } from './ui/services';
import { StoreProvider } from './ui/store-context';
import './ui/styles.css';
import './ui/perf.css';

const store = createEditorStore({ screen: 'loading' });
// The GCPC catalog is one chunk of its own, requested right away (in parallel with the first
// render) and needed only once the canvas shows the palette. What only compiling needs (the
// catalog's executors and help texts, the compiler), the spec view (Monaco, see
// ./ui/spec-view) and the UI that is not on the first screen are requested once the canvas is
// usable.
import('./catalog/gcpc/load').then(
  (m) => store.getState().addCatalogEntries(m.gcpcStartEntries(), 'loading'),
  (e) => store.getState().showNotice({ kind: 'error', message: `The component catalog could not be loaded: ${String(e)}` }),
);
whenCanvasUsable(store, () => {
  void loadCompileParts(store);
  preloadEditorParts();
});

const library = typeof indexedDB !== 'undefined' ? createIdbLibrary() : createMemoryLibrary();
let autosave: Autosave | undefined;
const tabs = coordinateTabs(store, library, () => autosave);
autosave = startAutosave(store, library, { onSaved: (id) => tabs.saved(id) });

// Every export keeps a version of what was exported.
store.subscribe((s, prev) => {
  if (!s.lastExport || s.lastExport === prev.lastExport || !s.libraryId) return;
  const { format, doc, at } = s.lastExport;
  void library.addVersion(s.libraryId, `Exported ${format.toUpperCase()} ${new Date(at).toLocaleString()}`, doc).catch(() => undefined);
});

// Reopen the pipeline that was open before the reload, exactly as it was.
void (async () => {
  // A share link opens its pipeline as a new one in this browser's library.
  const shared = location.hash.startsWith('#doc=') ? (await import('./ui/share-link')).documentFromFragment(location.hash) : undefined;
  if (shared) {
    history.replaceState(null, '', location.pathname + location.search);
    if (shared.ok) return store.getState().openDocument(shared.doc);
  }
  const sharedError = shared && !shared.ok ? shared.error : undefined;
  try {
    await recoverStash(library).catch(() => undefined);
    const id = await library.lastOpen();
    if (id) {
      const r = await library.read(id);
      if (r.ok) {
        autosave?.markSaved(r.doc);
        store.getState().openDocument(r.doc, id);
        if (sharedError) store.getState().showNotice({ kind: 'error', message: sharedError });
        return;
      }
      store.getState().showNotice({ kind: 'error', message: r.error });
    }
  } catch (e) {
    store.getState().showNotice({ kind: 'error', message: `The local library could not be read: ${String(e)}` });
  }
  store.setState({ screen: 'start' });
  if (sharedError) store.getState().showNotice({ kind: 'error', message: sharedError });
})();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <ServicesProvider services={{ library, takeOver: () => tabs.takeOver(), markSaved: (doc) => autosave?.markSaved(doc) }}>
        <App />
      </ServicesProvider>
    </StoreProvider>
  </StrictMode>,
);
