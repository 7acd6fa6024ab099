import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { EditorStore } from '../store/editor-store';
import { actionById, type ActionContext } from './actions';
import { looksLikeSpec, openPipelineFile, openPipelineText } from './open-file';

export const OPEN_FILE_INPUT_ID = 'open-document-input';
export const openFileDialog = () => document.getElementById(OPEN_FILE_INPUT_ID)?.click();

const inField = (t: EventTarget | null) =>
  t instanceof HTMLElement && !!t.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');

/** Keyboard shortcuts and clipboard events of the editor (not while typing in a field). */
export function useGlobalKeys(store: EditorStore, setDialog: (d: 'commands' | 'shortcuts' | 'share' | 'versions' | null) => void): void {
  const flow = useReactFlow();
  useEffect(() => {
    const ctx: ActionContext = {
      store,
      flow,
      openFile: openFileDialog,
      showShortcuts: () => setDialog('shortcuts'),
      showCommands: () => setDialog('commands'),
      showShare: () => setDialog('share'),
      showVersions: () => setDialog('versions'),
    };
    const run = (id: string, e: Event) => {
      e.preventDefault();
      void actionById(id).run(ctx);
    };
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('.dialog-backdrop')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'k') return run('commands', e);
      if (mod && key === 's') return run('save-file', e);
      if (mod && key === 'o') return run('open-file', e);
      if (inField(e.target)) return;
      if (mod && key === 'z') return run(e.shiftKey ? 'redo' : 'undo', e);
      if (mod && key === 'y') return run('redo', e);
      if (mod && key === 'a') return run('select-all', e);
      if (mod && key === 'd') return run('duplicate', e);
      if (!mod && e.key === '?') return run('shortcuts', e);
      if (!mod && e.shiftKey && key === 'l') return run('tidy', e);
      if (!mod && e.shiftKey && e.code === 'Digit1') return run('fit', e);
      if (e.key === 'Escape') return run('deselect', e);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (inField(e.target) || document.querySelector('.dialog-backdrop')) return;
      const text = store.getState().copySelection();
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut') store.getState().deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (inField(e.target) || document.querySelector('.dialog-backdrop')) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      // A whole compiled spec opens as a pipeline; anything else is pasted as tasks.
      if (looksLikeSpec(text)) void openPipelineText(store, text, 'the pasted text');
      else void store.getState().pasteText(text);
    };
    // A file dropped anywhere on the app opens (components from the palette are not files).
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDropFile = (e: DragEvent) => {
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      e.preventDefault();
      void openPipelineFile(store, file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDropFile);
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDropFile);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, flow, setDialog]);
}
