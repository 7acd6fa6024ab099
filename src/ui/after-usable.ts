/**
 * Start-up in two steps. What the first screen needs is in the entry chunk and the catalog
 * chunk; what it does not need (the help texts of the catalog, panels and dialogs that are not
 * on the first screen) is requested once the canvas is usable, so it never competes with it
 * for the network or the main thread, and is usually in before anyone asks for it.
 */
import type { EditorState, EditorStore } from '../store/editor-store';

const usable = (s: EditorState) => s.screen === 'editor' && s.catalogReady;

/** Calls `cb` in an idle period (or after `timeout` ms), right away when there are no idle callbacks. */
function whenIdle(cb: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(cb, { timeout });
  else setTimeout(cb, 0);
}

/**
 * Runs `task` once, after the canvas is usable: the editor is shown with the catalog in, a frame
 * showing it has been produced, and the main thread is idle.
 */
export function whenCanvasUsable(store: EditorStore, task: () => void): void {
  const start = () => {
    if (typeof requestAnimationFrame !== 'function') return whenIdle(task, 1000);
    // A task after the frame's rendering steps: the frame that shows the canvas is out.
    requestAnimationFrame(() => setTimeout(() => whenIdle(task, 1000), 0));
  };
  if (usable(store.getState())) return start();
  const unsubscribe = store.subscribe((s) => {
    if (!usable(s)) return;
    unsubscribe();
    start();
  });
}
