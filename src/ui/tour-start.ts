import type { EditorStore } from '../store/editor-store';

const KEY = 'pipeline-canvas:tour-offered';

export function wasTourOffered(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function markTourOffered(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Private mode: the invitation simply shows again next time.
  }
}

/** A new blank pipeline with the tour at its first step. */
export function startTour(store: EditorStore): void {
  store.getState().startBlank();
  store.getState().setTour(0);
}
