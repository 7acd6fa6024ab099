import type { VerbatimComponentDef } from '../document/types';
import type { EditorStore } from '../store/editor-store';
import { loadCompleteCatalog } from './compile-parts';

/**
 * Opens text as a pipeline (an app document or any compiled KFP spec), through the one
 * loading boundary. The importer (YAML parsers and all) is loaded only when needed. A compiled
 * spec waits for the complete catalog entries (their executors tell which components it uses;
 * see ./compile-parts). On a refusal the open pipeline stays exactly as it was and the message
 * says why.
 */
export async function openPipelineText(store: EditorStore, text: string, source: string): Promise<boolean> {
  const { openText, looksLikeAppDocument } = await import('../importer/open-text');
  if (!looksLikeAppDocument(text) && store.getState().catalogPending) {
    await loadCompleteCatalog(store);
    if (store.getState().catalogPending) {
      store.getState().showNotice({
        kind: 'error',
        message: `${source} was not opened: the component definitions could not be loaded, so its components cannot be recognised. Reload the page and open it again.`,
      });
      return false;
    }
  }
  const r = openText(text, source, store.getState().catalog);
  if (!r.ok) {
    store.getState().showNotice({ kind: 'error', message: r.error });
    return false;
  }
  // A saved document keeps its own layout; an imported spec is laid out with measured sizes.
  if (looksLikeAppDocument(text)) store.getState().openDocument(r.doc);
  else store.getState().openImported(r.doc);
  if (r.notices.length) store.getState().showNotice({ kind: 'info', message: r.notices.join(' ') });
  return true;
}

/** Reads a file the person chose or dropped, and opens it. */
export async function openPipelineFile(store: EditorStore, file: File): Promise<boolean> {
  const MAX = 50 * 1024 * 1024;
  if (file.size > MAX) {
    store.getState().showNotice({ kind: 'error', message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; files up to 50 MB can be opened.` });
    return false;
  }
  return openPipelineText(store, await file.text(), file.name);
}

/** Text that looks like a compiled pipeline spec rather than copied tasks. */
export function looksLikeSpec(text: string): boolean {
  return /^#\s*PIPELINE DEFINITION/m.test(text) || /["']?(deploymentSpec|pipelineSpec)["']?\s*:/.test(text);
}

/** Opens a nested pipeline (a graph component kept in the document) as a pipeline of its own. */
export async function openNested(store: EditorStore, def: VerbatimComponentDef): Promise<boolean> {
  const spec = {
    components: def.components ?? {},
    deploymentSpec: { executors: def.executors ?? {} },
    pipelineInfo: { name: def.name },
    root: def.spec,
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.15.2',
  };
  return openPipelineText(store, JSON.stringify(spec), `the nested pipeline ${def.name}`);
}
