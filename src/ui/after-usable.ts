/**
 * Start-up in two steps. What the first screen needs is in the entry chunk and the catalog
 * chunk; what it does not need (the help texts of the catalog, panels and dialogs that are not
 * on the first screen) is requested once the canvas is usable, so it never competes with it
 * for the network or the main thread, and is usually in before anyone asks for it.
 */
import type { EditorState, EditorStore } from '../store/editor-store';

const usable = (s: EditorState) => s.screen === 'editor' && s.catalogReady;

/** Calls `cb` in an idle period (or after `timeout` ms); returns a function that cancels it. */
export function whenIdle(cb: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(cb, { timeout });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(cb, 1);
  return () => clearTimeout(h);
}

/** Resolves once a frame has been produced after now (rAF, then a task after the frame's rendering steps). */
export const afterPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

/**
 * Runs `task` once, after the canvas is usable: the editor is shown with the catalog in, a frame
 * showing it has been produced, and the main thread is idle.
 */
export function whenCanvasUsable(store: EditorStore, task: () => void): void {
  const start = () => void afterPaint().then(() => whenIdle(task, 1000));
  if (usable(store.getState())) return start();
  const unsubscribe = store.subscribe((s) => {
    if (!usable(s)) return;
    unsubscribe();
    start();
  });
}
