/**
 * Every editor action by name: the keyboard shortcuts, the shortcut overlay and the
 * command palette all read this one list.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { compiledOf, exportBlockers, type EditorStore } from '../store/editor-store';
import { saveDocument } from '../document/save';
import { downloadText } from './download';
import { tidyLayout } from './tidy';

export interface ActionContext {
  store: EditorStore;
  flow: ReactFlowInstance;
  openFile(): void;
  showShortcuts(): void;
  showCommands(): void;
  showShare(): void;
  showVersions(): void;
}

export interface Action {
  id: string;
  title: string;
  /** Shown in the overlay, e.g. "Ctrl+Z". */
  keys?: string;
  run(ctx: ActionContext): void | Promise<void>;
}

export async function copyToClipboard(store: EditorStore): Promise<boolean> {
  const text = store.getState().copySelection();
  if (!text) return false;
  await navigator.clipboard.writeText(text);
  return true;
}

export function download(store: EditorStore, format: 'json' | 'yaml'): void {
  const s = store.getState();
  const blockers = exportBlockers(s);
  if (blockers.length) return void s.showNotice({ kind: 'error', message: `Export blocked: ${blockers[0]}` });
  // Not blocked: the compiler is in (a module, see ../store/derive-spec) and the spec compiled.
  const spec = compiledOf(s)?.spec;
  const compiler = s.compiler;
  if (!spec || typeof compiler !== 'object') return;
  // An imported pipeline with a Kubernetes platform spec: YAML only, as KFP writes it.
  const refusal = format === 'json' ? compiler.jsonRefusal(s.doc) : undefined;
  if (refusal) return void s.showNotice({ kind: 'error', message: `JSON cannot be written: ${refusal}. Download YAML instead.` });
  const text = format === 'yaml' ? compiler.withPlatformSpec(compiler.specText(spec, 'yaml'), s.doc) : compiler.specText(spec, 'json');
  downloadText(`${s.doc.name || 'pipeline'}.${format}`, text, format === 'json' ? 'application/json' : 'application/yaml');
  s.exported(format);
}

export async function tidyUp(store: EditorStore, flow: ReactFlowInstance): Promise<void> {
  const sizes = new Map<string, { width: number; height: number }>();
  for (const t of store.getState().doc.tasks) {
    const m = flow.getInternalNode(t.id)?.measured;
    if (m?.width && m.height) sizes.set(t.id, { width: m.width, height: m.height });
  }
  const doc = store.getState().doc;
  const positions = await tidyLayout(doc, sizes);
  // Groups wrap what they hold after a tidy-up (their own rectangles are dropped).
  const groups = Object.fromEntries((doc.groups ?? []).map((g) => [g.id, { position: undefined, size: undefined }]));
  store.getState().arrange({ tasks: positions, groups: groups as never });
  requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, duration: 200 }));
}

export const ACTIONS: Action[] = [
  { id: 'undo', title: 'Undo', keys: 'Ctrl+Z', run: ({ store }) => store.getState().undo() },
  { id: 'redo', title: 'Redo', keys: 'Ctrl+Shift+Z / Ctrl+Y', run: ({ store }) => store.getState().redo() },
  { id: 'select-all', title: 'Select all tasks', keys: 'Ctrl+A', run: ({ store }) => store.getState().selectAll() },
  { id: 'copy', title: 'Copy selected tasks', keys: 'Ctrl+C', run: ({ store }) => void copyToClipboard(store) },
  {
    id: 'cut',
    title: 'Cut selected tasks',
    keys: 'Ctrl+X',
    run: async ({ store }) => {
      if (await copyToClipboard(store)) store.getState().deleteSelection();
    },
  },
  {
    id: 'paste',
    title: 'Paste tasks',
    keys: 'Ctrl+V',
    run: async ({ store }) => void store.getState().pasteText(await navigator.clipboard.readText()),
  },
  { id: 'duplicate', title: 'Duplicate selected tasks', keys: 'Ctrl+D', run: ({ store }) => store.getState().duplicateSelection() },
  { id: 'delete', title: 'Delete selected tasks', keys: 'Delete / Backspace', run: ({ store }) => store.getState().deleteSelection() },
  { id: 'deselect', title: 'Clear selection (show pipeline settings)', keys: 'Escape', run: ({ store }) => store.getState().select(null) },
  { id: 'tidy', title: 'Tidy up (automatic layout)', keys: 'Shift+L', run: ({ store, flow }) => tidyUp(store, flow) },
  { id: 'fit', title: 'Fit view', keys: 'Shift+1', run: ({ flow }) => void flow.fitView({ maxZoom: 1, duration: 200 }) },
  { id: 'zoom-in', title: 'Zoom in', keys: '+', run: ({ flow }) => void flow.zoomIn() },
  { id: 'zoom-out', title: 'Zoom out', keys: '-', run: ({ flow }) => void flow.zoomOut() },
  { id: 'download-json', title: 'Download JSON', run: ({ store }) => download(store, 'json') },
  { id: 'download-yaml', title: 'Download YAML', run: ({ store }) => download(store, 'yaml') },
  {
    id: 'save-file',
    title: 'Save document as file',
    keys: 'Ctrl+S',
    run: ({ store }) => {
      const doc = store.getState().doc;
      downloadText(`${doc.name || 'pipeline'}.pipeline-canvas.json`, saveDocument(doc), 'application/json');
    },
  },
  { id: 'open-file', title: 'Open document file…', keys: 'Ctrl+O', run: ({ openFile }) => openFile() },
  { id: 'share', title: 'Share link and pictures (SVG, PNG)', run: ({ showShare }) => showShare() },
  { id: 'versions', title: 'Versions: save, restore, compare', run: ({ showVersions }) => showVersions() },
  { id: 'library', title: 'Back to your pipelines', run: ({ store }) => store.getState().closeDocument() },
  { id: 'commands', title: 'Command palette', keys: 'Ctrl+K', run: ({ showCommands }) => showCommands() },
  { id: 'shortcuts', title: 'Keyboard shortcuts', keys: '?', run: ({ showShortcuts }) => showShortcuts() },
];

export const actionById = (id: string) => ACTIONS.find((a) => a.id === id)!;
