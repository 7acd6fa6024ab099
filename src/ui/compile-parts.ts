/**
 * What only compiling needs, loaded after the canvas is usable (see ./after-usable): the
 * complete GCPC catalog entries (their executors and help texts, one chunk) and the compiler
 * with its serializer (../store/derive-spec, another). The first screen lists the entries
 * without them (`gcpcStartEntries`); until both are in, exporting is blocked and says why
 * (`compileWaitsFor` in the store). A part that fails to load is reported with a notice, left
 * 'failed' in the store (exporting says so), and tried again on the next call.
 */
import type { EditorStore } from '../store/editor-store';

const loading = new WeakMap<EditorStore, { catalog?: Promise<void>; compiler?: Promise<void> }>();

function partsOf(store: EditorStore) {
  let parts = loading.get(store);
  if (!parts) loading.set(store, (parts = {}));
  return parts;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads the complete GCPC entries into the store (once; again after a failure). */
export function loadCompleteCatalog(store: EditorStore): Promise<void> {
  const parts = partsOf(store);
  return (parts.catalog ??= import('../catalog/gcpc/load')
    .then((m) => m.loadAllGcpc())
    .then(
      (entries) => store.getState().addCatalogEntries(entries, null),
      (e) => {
        parts.catalog = undefined;
        store.getState().addCatalogEntries([], 'failed');
        store.getState().showNotice({
          kind: 'error',
          message: `The component definitions (executors and help texts) could not be loaded, so the pipeline cannot be exported or imported; reload the page to try again: ${message(e)}`,
        });
      },
    ));
}

/** Loads the compiler into the store (once; again after a failure). */
export function loadCompiler(store: EditorStore): Promise<void> {
  const parts = partsOf(store);
  return (parts.compiler ??= import('../store/derive-spec').then(
    (m) => store.getState().setCompiler(m),
    (e) => {
      parts.compiler = undefined;
      store.getState().setCompiler('failed');
      store.getState().showNotice({ kind: 'error', message: `The compiler could not be loaded, so the pipeline cannot be exported; reload the page to try again: ${message(e)}` });
    },
  ));
}

/** Requests everything only compiling needs (the app calls it once the canvas is usable). */
export function loadCompileParts(store: EditorStore): Promise<void> {
  return Promise.all([loadCompleteCatalog(store), loadCompiler(store)]).then(() => undefined);
}
