/**
 * The one editor store. The document is the only source of truth for the pipeline;
 * actions call pure document operations. UI-only state (selection, drafts of invalid
 * field text, notices) lives beside it. Compiled output is derived, never stored; the
 * compiler itself (./derive-spec) is loaded after the canvas is usable and kept here once in.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCatalog, withEntries, type Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import type { CatalogEntry } from '../catalog/types';
import * as ops from '../document/operations';
import { extractTasks, pasteTasks } from '../document/clipboard';
import { saveDocument } from '../document/save';
import type { Binding, EmbeddedComponent, PipelineDocument, PipelineOutput, Position, Task } from '../document/types';
import * as flow from '../document/flow-operations';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { checkConnection, wouldCycle } from '../validate/validate';
import { derive } from './derive';
import type { Compiled } from './derive-spec';
import * as hist from './history';
import type { History } from './history';

export interface Draft {
  text: string;
  error?: string;
}

export interface Notice {
  message: string;
  /** Screen position near the pointer, when the notice is about a gesture. */
  at?: { x: number; y: number };
  kind: 'error' | 'info';
}

export interface SaveStatus {
  state: 'idle' | 'saving' | 'saved' | 'error';
  message?: string;
}

/** The compiler and serializer (./derive-spec), a module the app loads after the canvas is usable. */
export type SpecCompiler = typeof import('./derive-spec');

export interface EditorState {
  screen: 'loading' | 'start' | 'editor';
  /** Id of the open pipeline in the local library. */
  libraryId: string | null;
  /** Another tab edits this pipeline: this one only shows it. */
  readOnly: boolean;
  saveStatus: SaveStatus;
  doc: PipelineDocument;
  catalog: Catalog;
  catalogReady: boolean;
  /**
   * Some catalog entries are in without what only compiling needs (the help texts of their
   * inputs and outputs, which are the spec's descriptions, and their executors): 'loading'
   * while their complete entries load, 'failed' when those could not be loaded. Compiling a
   * document that uses such an entry waits for them (see `compileWaitsFor`).
   */
  catalogPending: 'loading' | 'failed' | null;
  /** The compiler, once loaded (see ../ui/compile-parts); until then 'loading', or 'failed'. */
  compiler: SpecCompiler | 'loading' | 'failed';
  /** Selected task ids (the inspector shows the task when exactly one is selected). */
  selection: string[];
  /** The selected control-flow group, if any (shown in the inspector when no task is selected). */
  selectedGroup: string | null;
  /** Text of fields being edited, by field key; with `error` when it is not valid. */
  drafts: Record<string, Draft>;
  notice: Notice | null;
  specFormat: 'json' | 'yaml';
  /** Nodes whose every input is shown as a port. */
  expanded: Record<string, boolean>;
  /** Undo/redo: earlier and later documents. */
  history: History;
  /** Tasks marked on the canvas by a comparison with another version. */
  diffHighlight: Record<string, 'added' | 'changed'> | null;
  /** Task states of the simulated run being shown, by task id (null when none). */
  simulation: Record<string, string> | null;
  /** An opened (imported) pipeline waits for the canvas to measure its nodes and tidy it up once. */
  tidyOnOpen: boolean;
  /** The guided tour's open step, or null when no tour runs. */
  tour: number | null;
  /** The last export (the library keeps a version of each). */
  lastExport: { format: 'json' | 'yaml'; doc: PipelineDocument; at: number } | null;

  startBlank(name?: string): void;
  /** Opens a document; `libraryId` when it comes from the library, otherwise it gets a new one. */
  openDocument(doc: PipelineDocument, libraryId?: string): void;
  /** Back to the start screen (the library). */
  closeDocument(): void;
  setReadOnly(readOnly: boolean): void;
  /** Replaces the document with a newer copy of the same pipeline (from another tab); not an undo step. */
  syncDocument(doc: PipelineDocument): void;
  setSaveStatus(status: SaveStatus): void;
  setDiffHighlight(h: EditorState['diffHighlight']): void;
  setTour(step: number | null): void;
  /** Sets the engine the pipeline is meant for (saved with it; the engine check warns about differences). */
  setEngine(engine: 'vertex' | 'kfp'): void;
  setSimulation(states: Record<string, string> | null): void;
  /** Opens a document and asks the canvas to lay it out with measured sizes (not an undo step). */
  openImported(doc: PipelineDocument): void;
  /** Applies the first layout of an opened pipeline (not an undo step). */
  settleLayout(doc: PipelineDocument): void;
  /** Notes that the spec was exported (for the version history). */
  exported(format: 'json' | 'yaml'): void;
  /** Replaces the document with an older version; undoable like any change. */
  restore(doc: PipelineDocument): void;
  /**
   * Adds entries to the catalog (later entries win, so complete entries replace their earlier
   * copies). `pending` says whether complete entries are still to come (omitted: unchanged).
   */
  addCatalogEntries(entries: CatalogEntry[], pending?: EditorState['catalogPending']): void;
  /** The compiler module once it is loaded, or 'failed' when it could not be. */
  setCompiler(compiler: SpecCompiler | 'failed'): void;
  addComponent(componentId: string, position: Position): string;
  moveTask(taskId: string, position: Position): void;
  removeTasks(ids: string[]): void;
  select(taskId: string | null): void;
  selectGroup(groupId: string | null): void;
  /** Adds a control-flow group around the given tasks (or empty at `rect`). */
  addFlowGroup(group: flow.NewGroup, taskIds: string[]): string;
  updateGroup(id: string, patch: Parameters<typeof flow.updateGroup>[2]): void;
  /** Removes a group; what it held moves to its parent. */
  removeGroup(id: string): void;
  setGroupRect(id: string, position: Position, size: { width: number; height: number }): void;
  /** Moves tasks and groups to new positions, and tasks into groups, as one undo step. */
  arrange(change: { tasks?: Record<string, Position>; groups?: Record<string, { position: Position; size: { width: number; height: number } }>; membership?: Record<string, string | undefined> }): void;
  addEmbeddedComponent(def: EmbeddedComponent): string;
  updateEmbeddedComponent(id: string, def: EmbeddedComponent): void;
  addImporterTask(position: Position): string;
  setTaskResources(taskId: string, resources: Task['resources']): void;
  setTaskEnv(taskId: string, env: NonNullable<Task['env']>): void;
  setImporterSettings(taskId: string, settings: NonNullable<Task['importer']>): void;
  setPipelineOutput(output: PipelineOutput): void;
  removePipelineOutput(name: string): void;
  setSelection(ids: string[]): void;
  connect(fromTask: string, output: string, toTask: string, input: string, at?: { x: number; y: number }): boolean;
  setInput(taskId: string, input: string, binding: Binding | undefined): void;
  setTaskOptions(taskId: string, patch: ops.TaskOptions): void;
  /** Adds a "run after" dependency without data; refused (with a notice) when it would make a cycle. */
  addAfter(taskId: string, upstreamId: string, at?: { x: number; y: number }): boolean;
  removeAfter(taskId: string, upstreamId: string): void;
  setRetryBackoff(taskId: string, backoff: Task['retryBackoff']): void;
  setPipelineInfo(patch: ops.PipelineInfoPatch): void;
  addParameter(): string;
  renameParameter(from: string, to: string): void;
  updateParameter(name: string, patch: { type?: ParameterType; default?: JsonValue | undefined }): void;
  removeParameter(name: string): void;
  setDraft(field: string, draft: Draft | undefined): void;
  showNotice(notice: Notice | null): void;
  setSpecFormat(format: 'json' | 'yaml'): void;
  toggleExpanded(taskId: string): void;
  undo(): void;
  redo(): void;
  selectAll(): void;
  /** The selected tasks as clipboard text (a saved document), or undefined when nothing is selected. */
  copySelection(): string | undefined;
  /**
   * Pastes clipboard text (checked like any document, by the loader it imports); the pasted
   * tasks become the selection. Resolves to whether anything was pasted.
   */
  pasteText(text: string, offset?: Position): Promise<boolean>;
  duplicateSelection(): void;
  deleteSelection(): void;
  /** Sets many task positions as one undo step (tidy up). */
  setPositions(positions: Record<string, Position>): void;
  /** Starts collecting document changes into one undo step (typing in a field). */
  beginEdit(): void;
  /** Ends the step started by beginEdit (blur, Enter, Tab). */
  endEdit(): void;
}

export type EditorStore = StoreApi<EditorState>;

/**
 * What compiling the open document still waits for, as reasons to show (empty when it can
 * compile): the compiler, and the complete entries of the components its tasks use.
 */
export function compileWaitsFor(state: Pick<EditorState, 'doc' | 'catalog' | 'catalogPending' | 'compiler'>): string[] {
  const reasons: string[] = [];
  const { doc, catalog, catalogPending } = state;
  if (catalogPending && doc.tasks.some((t) => taskEntry(doc, catalog, t)?.executor === undefined))
    reasons.push(
      catalogPending === 'loading'
        ? 'The component definitions (executors and help texts) are still loading.'
        : 'The component definitions (executors and help texts) could not be loaded; reload the page to export.',
    );
  if (state.compiler === 'loading') reasons.push('The compiler is still loading.');
  else if (state.compiler === 'failed') reasons.push('The compiler could not be loaded; reload the page to export.');
  return reasons;
}

/** The open document compiled, once nothing it needs is still loading (see `compileWaitsFor`). */
export function compiledOf(state: EditorState): Compiled | undefined {
  if (typeof state.compiler !== 'object' || compileWaitsFor(state).length) return undefined;
  return state.compiler.compiled(state.doc, state.catalog);
}

/**
 * Why export is blocked right now (invalid field text first, then validator errors, then what
 * compiling waits for or why it failed); empty when it is not.
 */
export function exportBlockers(state: EditorState): string[] {
  const reasons: string[] = [];
  for (const d of Object.values(state.drafts)) if (d.error) reasons.push(d.error);
  for (const d of derive(state.doc, state.catalog).diagnostics) if (d.severity === 'error') reasons.push(d.message);
  const waits = compileWaitsFor(state);
  if (waits.length) return [...reasons, ...waits];
  const error = compiledOf(state)?.compileError;
  if (error) reasons.push(error);
  return reasons;
}

/** The selection survives undo/redo only if the task still exists. */
function keepSelection(selection: string[], doc: PipelineDocument): Partial<EditorState> {
  const ids = new Set(doc.tasks.map((t) => t.id));
  const kept = selection.filter((id) => ids.has(id));
  return kept.length === selection.length ? {} : { selection: kept };
}

/** The task the inspector shows: the only selected one. */
export const selectedTaskId = (s: Pick<EditorState, 'selection'>): string | null =>
  s.selection.length === 1 ? s.selection[0] : null;

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `p${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

export const READ_ONLY_MESSAGE = 'This pipeline is being edited in another tab; this tab is read-only. Use "Edit here" to take over.';

export function createEditorStore(initial?: Partial<Pick<EditorState, 'doc' | 'screen'>>): EditorStore {
  return createStore<EditorState>()((set, get) => {
    /** Every document change goes through here, so every change can be undone. */
    const commit = (doc: PipelineDocument, extra: Partial<EditorState> = {}) => {
      const before = get().doc;
      if (get().readOnly && doc !== before) {
        set({ notice: { kind: 'error', message: READ_ONLY_MESSAGE } });
        return;
      }
      if (doc === before) {
        if (Object.keys(extra).length) set(extra);
        return;
      }
      set({ ...extra, doc, history: hist.record(get().history, before) });
    };
    const update = (fn: (doc: PipelineDocument) => PipelineDocument) => commit(fn(get().doc));
    const fresh = (doc: PipelineDocument, libraryId: string): Partial<EditorState> => ({
      screen: 'editor',
      libraryId,
      readOnly: false,
      saveStatus: { state: 'idle' },
      doc,
      selection: [],
      selectedGroup: null,
      drafts: {},
      notice: null,
      expanded: {},
      history: hist.emptyHistory(),
      diffHighlight: null,
      lastExport: null,
      tour: null,
    });
    return {
      screen: initial?.screen ?? 'start',
      libraryId: null,
      readOnly: false,
      saveStatus: { state: 'idle' },
      doc: initial?.doc ?? ops.createDocument(),
      catalog: createCatalog(),
      catalogReady: false,
      catalogPending: null,
      compiler: 'loading',
      selection: [],
      selectedGroup: null,
      drafts: {},
      notice: null,
      specFormat: 'json',
      expanded: {},
      history: hist.emptyHistory(),
      diffHighlight: null,
      lastExport: null,
      tour: null,
      simulation: null,
      tidyOnOpen: false,

      startBlank: (name) => set(fresh(ops.createDocument(name), newId())),
      openDocument: (doc, libraryId) => set(fresh(doc, libraryId ?? newId())),
      closeDocument: () => set({ ...fresh(ops.createDocument(), ''), screen: 'start', libraryId: null }),
      setReadOnly: (readOnly) => set({ readOnly, notice: readOnly ? { kind: 'info', message: READ_ONLY_MESSAGE } : null }),
      syncDocument: (doc) => set({ doc, drafts: {}, history: hist.emptyHistory(), ...keepSelection(get().selection, doc) }),
      setSaveStatus: (saveStatus) => set({ saveStatus }),
      setDiffHighlight: (diffHighlight) => set({ diffHighlight }),
      setTour: (tour) => set({ tour }),
      setEngine: (engine) => update((d) => (d.target === engine || (!d.target && engine === 'vertex') ? d : { ...d, target: engine })),
      setSimulation: (simulation) => set({ simulation }),
      openImported: (doc) => set({ ...fresh(doc, newId()), tidyOnOpen: true }),
      settleLayout: (doc) => set({ doc, tidyOnOpen: false }),
      exported: (format) => set({ lastExport: { format, doc: get().doc, at: Date.now() } }),
      restore: (doc) => commit(doc, { drafts: {}, ...keepSelection(get().selection, doc) }),
      addCatalogEntries: (entries, pending = get().catalogPending) =>
        set({ catalog: withEntries(get().catalog, entries), catalogReady: true, catalogPending: pending }),
      setCompiler: (compiler) => set({ compiler }),

      addComponent: (componentId, position) => {
        const { doc, id } = ops.addTask(get().doc, componentId, position);
        commit(doc, { selection: [id] });
        return id;
      },
      moveTask: (taskId, position) => update((d) => ops.moveTask(d, taskId, position)),
      removeTasks: (ids) => {
        if (ids.length === 0) return;
        const drafts = Object.fromEntries(
          Object.entries(get().drafts).filter(([k]) => !ids.some((id) => k.startsWith(`input:${id}:`))),
        );
        const selection = get().selection.filter((id) => !ids.includes(id));
        commit(ops.removeTasks(get().doc, ids), { drafts, selection });
      },
      select: (taskId) => set({ selection: taskId ? [taskId] : [], selectedGroup: null }),
      selectGroup: (selectedGroup) => set({ selectedGroup, selection: [] }),
      addFlowGroup: (group, taskIds) => {
        const r = flow.addGroup(get().doc, group, taskIds);
        commit(r.doc, { selectedGroup: r.id, selection: [] });
        return r.id;
      },
      updateGroup: (id, patch) => update((d) => flow.updateGroup(d, id, patch)),
      removeGroup: (id) => commit(flow.removeGroup(get().doc, id), { selectedGroup: get().selectedGroup === id ? null : get().selectedGroup }),
      setGroupRect: (id, position, size) => update((d) => flow.updateGroup(d, id, { position, size })),
      arrange: ({ tasks = {}, groups = {}, membership = {} }) =>
        update((d) => {
          let next = d;
          if (Object.keys(tasks).length)
            next = { ...next, tasks: next.tasks.map((t) => (tasks[t.id] ? { ...t, position: tasks[t.id] } : t)) };
          for (const [id, r] of Object.entries(groups)) next = flow.updateGroup(next, id, r);
          for (const [taskId, group] of Object.entries(membership)) next = flow.setTaskGroup(next, [taskId], group);
          return next;
        }),
      addEmbeddedComponent: (def) => {
        const r = flow.addComponent(get().doc, def);
        commit(r.doc);
        return r.id;
      },
      updateEmbeddedComponent: (id, def) => update((d) => flow.updateComponent(d, id, def)),
      addImporterTask: (position) => {
        const r = flow.addImporter(get().doc, position, { artifactType: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } });
        commit(r.doc, { selection: [r.id], selectedGroup: null });
        return r.id;
      },
      setTaskResources: (taskId, resources) => update((d) => flow.setTaskResources(d, taskId, resources)),
      setTaskEnv: (taskId, env) => update((d) => flow.setTaskEnv(d, taskId, env)),
      setImporterSettings: (taskId, settings) => update((d) => flow.setImporterSettings(d, taskId, settings)),
      setPipelineOutput: (output) => update((d) => flow.setOutput(d, output)),
      removePipelineOutput: (name) => update((d) => flow.removeOutput(d, name)),
      setSelection: (ids) => {
        const cur = get().selection;
        if (ids.length !== cur.length || ids.some((id, i) => id !== cur[i])) set({ selection: ids });
      },

      connect: (fromTask, output, toTask, input, at) => {
        const check = checkConnection(get().doc, get().catalog, fromTask, output, toTask, input);
        if (!check.ok) {
          set({ notice: { message: check.reason, at, kind: 'error' } });
          return false;
        }
        const drafts = { ...get().drafts };
        delete drafts[`input:${toTask}:${input}`];
        commit(ops.setInput(get().doc, toTask, input, { task: fromTask, output }), { drafts, notice: null });
        return true;
      },
      setInput: (taskId, input, binding) => update((d) => ops.setInput(d, taskId, input, binding)),
      setTaskOptions: (taskId, patch) => update((d) => ops.setTaskOptions(d, taskId, patch)),
      addAfter: (taskId, upstreamId, at) => {
        const doc = get().doc;
        const task = ops.findTask(doc, taskId);
        if (!task || task.after.includes(upstreamId)) return false;
        if (wouldCycle(doc, upstreamId, taskId)) {
          set({ notice: { kind: 'error', at, message: 'Cannot add: the tasks would wait for each other in a circle.' } });
          return false;
        }
        commit(ops.setAfter(doc, taskId, [...task.after, upstreamId]), { notice: null });
        return true;
      },
      removeAfter: (taskId, upstreamId) =>
        update((d) => {
          const task = ops.findTask(d, taskId);
          return task ? ops.setAfter(d, taskId, task.after.filter((a) => a !== upstreamId)) : d;
        }),
      setRetryBackoff: (taskId, backoff) => update((d) => ops.setRetryBackoff(d, taskId, backoff)),
      setPipelineInfo: (patch) => update((d) => ops.setPipelineInfo(d, patch)),

      addParameter: () => {
        const name = ops.freeParameterName(get().doc);
        update((d) => ops.addParameter(d, { name, type: 'STRING' }));
        return name;
      },
      renameParameter: (from, to) => update((d) => ops.renameParameter(d, from, to)),
      updateParameter: (name, patch) => update((d) => ops.updateParameter(d, name, patch)),
      removeParameter: (name) => {
        const drafts = Object.fromEntries(Object.entries(get().drafts).filter(([k]) => !k.startsWith('param:')));
        commit(ops.removeParameter(get().doc, name), { drafts });
      },

      setDraft: (field, draft) => {
        const drafts = { ...get().drafts };
        if (draft) drafts[field] = draft;
        else if (field in drafts) delete drafts[field];
        else return;
        set({ drafts });
      },
      showNotice: (notice) => set({ notice }),
      setSpecFormat: (specFormat) => set({ specFormat }),
      toggleExpanded: (taskId) => set({ expanded: { ...get().expanded, [taskId]: !get().expanded[taskId] } }),
      undo: () => {
        if (get().readOnly) return;
        const r = hist.undo(get().history, get().doc);
        if (r) set({ doc: r.doc, history: r.history, drafts: {}, ...keepSelection(get().selection, r.doc) });
      },
      redo: () => {
        if (get().readOnly) return;
        const r = hist.redo(get().history, get().doc);
        if (r) set({ doc: r.doc, history: r.history, drafts: {}, ...keepSelection(get().selection, r.doc) });
      },
      selectAll: () => set({ selection: get().doc.tasks.map((t) => t.id) }),
      copySelection: () => {
        const ids = get().selection;
        if (!ids.length) return undefined;
        return saveDocument(extractTasks(get().doc, ids));
      },
      pasteText: async (text, offset = { x: 40, y: 40 }) => {
        // The loader is its own chunk (a first visit never needs it before pasting).
        const r = (await import('../document/load')).loadDocument(text, 'the clipboard');
        if (!r.ok) {
          set({ notice: { kind: 'error', message: r.error } });
          return false;
        }
        if (r.doc.tasks.length === 0) {
          set({ notice: { kind: 'info', message: 'The clipboard holds no tasks to paste.' } });
          return false;
        }
        const pasted = pasteTasks(get().doc, r.doc, offset);
        commit(pasted.doc, { selection: pasted.ids, notice: null });
        return true;
      },
      duplicateSelection: () => {
        const ids = get().selection;
        if (!ids.length) return;
        // What copying and pasting would do, without the text in between.
        const pasted = pasteTasks(get().doc, extractTasks(get().doc, ids), { x: 40, y: 40 });
        commit(pasted.doc, { selection: pasted.ids, notice: null });
      },
      deleteSelection: () => get().removeTasks(get().selection),
      setPositions: (positions) =>
        update((d) => ({
          ...d,
          tasks: d.tasks.map((t) => (positions[t.id] ? { ...t, position: positions[t.id] } : t)),
        })),
      beginEdit: () => set({ history: hist.begin(get().history, get().doc) }),
      endEdit: () => {
        const history = hist.end(get().history, get().doc);
        if (history !== get().history) set({ history });
      },
    };
  });
}
