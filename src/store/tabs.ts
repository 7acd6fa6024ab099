/**
 * Several tabs, one pipeline: the tab that holds the pipeline's Web Lock edits it; any
 * other tab opening it is read-only and follows every save (BroadcastChannel), until the
 * person chooses "Edit here", which hands the lock over. Nothing is overwritten silently.
 */
import type { Autosave } from './autosave';
import type { EditorStore } from './editor-store';
import type { Library } from './library';

type Message = { type: 'saved'; id: string } | { type: 'takeover'; id: string };

export interface TabCoordinator {
  /** Tell other tabs a save happened (called by autosave). */
  saved(id: string): void;
  /** Make this tab the editing one. */
  takeOver(): Promise<void>;
  stop(): void;
}

export function coordinateTabs(store: EditorStore, library: Library, getAutosave: () => Autosave | undefined): TabCoordinator {
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('pipeline-canvas') : undefined;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  let release: (() => void) | undefined;
  let held: string | null = null;

  const lockName = (id: string) => `pipeline-canvas:${id}`;
  const releaseLock = () => {
    release?.();
    release = undefined;
    held = null;
  };
  /** Tries (or waits) to hold the lock of `id`; true when held. */
  const acquire = (id: string, wait: boolean): Promise<boolean> => {
    if (!locks) return Promise.resolve(true);
    return new Promise((resolve) => {
      void locks.request(lockName(id), { ifAvailable: !wait }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        held = id;
        resolve(true);
        return new Promise<void>((r) => (release = r));
      });
    });
  };
  const reloadFromLibrary = async (id: string) => {
    const r = await library.read(id);
    if (r.ok && store.getState().libraryId === id) store.getState().syncDocument(r.doc);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.libraryId === prev.libraryId) return;
    if (held && held !== s.libraryId) releaseLock();
    const id = s.libraryId;
    if (!id) return;
    void acquire(id, false).then((ok) => {
      if (store.getState().libraryId === id && !ok) store.getState().setReadOnly(true);
    });
  });

  if (channel)
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      const { libraryId, readOnly } = store.getState();
      if (!m || m.id !== libraryId) return;
      if (m.type === 'saved' && readOnly) void reloadFromLibrary(m.id);
      if (m.type === 'takeover' && !readOnly) {
        void (async () => {
          await getAutosave()?.flush();
          releaseLock();
          store.getState().setReadOnly(true);
        })();
      }
    };

  return {
    saved: (id) => channel?.postMessage({ type: 'saved', id } satisfies Message),
    takeOver: async () => {
      const id = store.getState().libraryId;
      if (!id) return;
      channel?.postMessage({ type: 'takeover', id } satisfies Message);
      const ok = await acquire(id, true);
      if (!ok || store.getState().libraryId !== id) return;
      await reloadFromLibrary(id);
      store.getState().setReadOnly(false);
    },
    stop: () => {
      unsubscribe();
      releaseLock();
      channel?.close();
    },
  };
}
