/**
 * Autosave: every document change is written to the local library shortly after it
 * happens, by one writer (never two writes at once; the newest document wins). A failed
 * write (quota full, private mode) is shown and the work stays in memory.
 */
import { saveDocument } from '../document/save';
import type { PipelineDocument } from '../document/types';
import type { EditorStore } from './editor-store';
import type { Library } from './library';

export interface Autosave {
  /** Writes now if something is waiting; resolves when the library has it. */
  flush(): Promise<void>;
  /** Tells autosave this document is already in the library (just opened from it). */
  markSaved(doc: PipelineDocument): void;
  stop(): void;
}

const STASH_KEY = 'pipeline-canvas:unsaved';

/**
 * Moves a change stashed while the page unloaded into the library (through the loading
 * boundary, like any other document). Returns the id of the stashed pipeline, if any.
 */
export async function recoverStash(library: Library): Promise<string | undefined> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STASH_KEY);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const { id, text } = JSON.parse(raw) as { id: string; text: string };
    const r = (await import('../document/load')).loadDocument(text, 'the unsaved change');
    if (r.ok && typeof id === 'string') {
      await library.write(id, r.doc);
      await library.setLastOpen(id);
      localStorage.removeItem(STASH_KEY);
      return id;
    }
  } catch {
    // A broken stash is dropped below.
  }
  localStorage.removeItem(STASH_KEY);
  return undefined;
}

export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  const why =
    name === 'QuotaExceededError'
      ? 'the browser storage is full'
      : name === 'InvalidStateError' || name === 'SecurityError'
        ? 'this browser does not allow local storage here (private mode?)'
        : (e as Error)?.message || String(e);
  return `Could not save to this browser (${why}). Your work is still open here; use "Save document" to keep a copy.`;
}

export function startAutosave(
  store: EditorStore,
  library: Library,
  options: { delay?: number; onSaved?: (id: string) => void } = {},
): Autosave {
  const delay = options.delay ?? 250;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let dirty = false;
  let saved: PipelineDocument | undefined;

  const write = async (): Promise<void> => {
    while (dirty) {
      dirty = false;
      const { doc, libraryId, readOnly, screen } = store.getState();
      if (!libraryId || readOnly || screen !== 'editor') continue;
      store.getState().setSaveStatus({ state: 'saving' });
      try {
        await library.write(libraryId, doc);
        await library.setLastOpen(libraryId);
        saved = doc;
        store.getState().setSaveStatus({ state: 'saved' });
        options.onSaved?.(libraryId);
      } catch (e) {
        const message = describeStorageError(e);
        store.getState().setSaveStatus({ state: 'error', message });
        store.getState().showNotice({ kind: 'error', message });
      }
    }
  };
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!running) running = write().finally(() => (running = undefined));
    return running;
  };
  const schedule = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.screen === 'editor' && s.libraryId && s.libraryId !== prev.libraryId)
      void library.setLastOpen(s.libraryId).catch(() => undefined);
    if (s.screen === 'editor' && (s.doc !== prev.doc || s.libraryId !== prev.libraryId) && s.doc !== saved) schedule();
    if (s.screen !== 'editor' && prev.screen === 'editor') void library.setLastOpen(undefined).catch(() => undefined);
  });
  // IndexedDB writes are asynchronous and may not finish while the page unloads; a change
  // still waiting is stashed synchronously and picked up by recoverStash() on the next start.
  const onHide = () => {
    const { doc, libraryId, readOnly, screen } = store.getState();
    if (!libraryId || readOnly || screen !== 'editor' || doc === saved) return;
    try {
      localStorage.setItem(STASH_KEY, JSON.stringify({ id: libraryId, text: saveDocument(doc) }));
    } catch {
      // Storage full or unavailable: nothing more can be done while unloading.
    }
    void flush();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
  }
  return {
    flush: async () => {
      await flush();
      while (running || dirty) await flush();
    },
    markSaved: (doc) => {
      saved = doc;
    },
    stop: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', onHide);
        window.removeEventListener('beforeunload', onHide);
      }
    },
  };
}
