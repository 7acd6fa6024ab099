import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { afterPaint, whenCanvasUsable, whenIdle } from './after-usable';
import { derive } from '../store/derive';
import { compiledOf, compileWaitsFor, selectedTaskId, type EditorState, type EditorStore } from '../store/editor-store';
import { explainPlaceholder, placeholdersInLine } from './placeholder-help';
import { specLocations, taskAtLine, taskSpans, type Span } from './spec-locations';
import { useEditor, useEditorStore } from './store-context';

// Only types come from Monaco here: the editor itself (./monaco-setup, ~1 MB gzip) is imported
// once the canvas is usable, so it never competes with start-up.
type Monaco = typeof import('./monaco-setup').monaco;
type CodeEditor = ReturnType<Monaco['editor']['create']>;
type TextModel = ReturnType<Monaco['editor']['createModel']>;
type Decorations = ReturnType<CodeEditor['createDecorationsCollection']>;

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
const subscribeDark = (cb: () => void) => {
  darkQuery?.addEventListener('change', cb);
  return () => darkQuery?.removeEventListener('change', cb);
};
const themeOf = (dark: boolean) => (dark ? 'vs-dark' : 'vs');

// ------------------------------------------------------------------ loading Monaco

let monacoLoading: Promise<Monaco> | undefined;
/** Monaco with our setup and the placeholder hover (once per page). */
function loadMonaco(): Promise<Monaco> {
  return (monacoLoading ??= import('./monaco-setup').then(({ monaco }) => {
    // `{{$…}}` placeholders explain themselves on hover, in both formats.
    for (const language of ['json', 'yaml'])
      monaco.languages.registerHoverProvider(language, {
        provideHover(model, position) {
          const line = model.getLineContent(position.lineNumber);
          const hit = placeholdersInLine(line).find((p) => position.column >= p.start && position.column < p.end);
          const help = hit && explainPlaceholder(hit.text);
          if (!hit || !help) return null;
          return {
            range: new monaco.Range(position.lineNumber, hit.start, position.lineNumber, hit.end),
            contents: [{ value: `\`${hit.text}\`` }, { value: help }],
          };
        },
      });
    return monaco;
  }));
}

// ------------------------------------------------------------------ the live spec

/** The spec text the view shows for a state (LF line ends only, as the model keeps them). */
function specTextOf(s: EditorState): string {
  const compiled = compiledOf(s);
  const text =
    typeof s.compiler !== 'object' || !compiled
      ? `# ${compileWaitsFor(s).join('\n# ')}`
      : compiled.spec
        ? s.compiler.specText(compiled.spec, s.specFormat)
        : `# The spec cannot be compiled: ${compiled.compileError}`;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const selectedKeyOf = (s: EditorState) => {
  const id = selectedTaskId(s);
  return id ? derive(s.doc, s.catalog).keys.get(id) : undefined;
};

/** Length of the common prefix of `a` and `b` (compared in blocks first, then by character). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block of [65536, 4096, 256, 16])
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let j = 0;
  for (const block of [65536, 4096, 256, 16])
    while (j + block <= max && a.slice(a.length - j - block, a.length - j) === b.slice(b.length - j - block, b.length - j)) j += block;
  while (j < max && a.charCodeAt(a.length - 1 - j) === b.charCodeAt(b.length - 1 - j)) j++;
  return j;
}

/** Characters changed at once above which a change replaces the whole value (see applyMinimalEdit). */
const LARGE_CHANGE = 200_000;

const isHighSurrogate = (c: number) => c >= 0xd800 && c < 0xdc00;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c < 0xe000;

/**
 * The read-only Monaco editor of the spec, driven by the store without React: an edit in the
 * document becomes one minimal model edit (common prefix and suffix kept), never a whole new
 * text, so Monaco re-tokenises and re-renders only the lines that changed. Small changes (a
 * keystroke in the inspector) are shown in the same frame; large ones (opening a document)
 * wait until the canvas has been drawn.
 */
class LiveSpec {
  private readonly model: TextModel;
  private readonly editor: CodeEditor;
  private readonly decorations: Decorations;
  private readonly unsubscribe: () => void;
  private shown: { doc: EditorState['doc']; catalog: EditorState['catalog']; format: EditorState['specFormat']; compiler: EditorState['compiler'] };
  private text: string;
  /** Where the tasks' entries are in `text`; undefined when not computed since the last change. */
  private locations: Map<string, Span> | undefined;
  private selectedKey: string | undefined;
  private fromCursor = false;
  private pending: 'soon' | 'later' | undefined;
  private cancelLater: (() => void) | undefined;
  private cancelRefresh: (() => void) | undefined;
  private disposed = false;

  constructor(
    private readonly monaco: Monaco,
    host: HTMLElement,
    private readonly store: EditorStore,
    dark: boolean,
  ) {
    const s = store.getState();
    this.text = specTextOf(s);
    this.shown = { doc: s.doc, catalog: s.catalog, format: s.specFormat, compiler: s.compiler };
    this.model = monaco.editor.createModel(this.text, s.specFormat);
    this.model.setEOL(monaco.editor.EndOfLineSequence.LF);
    this.editor = monaco.editor.create(host, {
      model: this.model,
      theme: themeOf(dark),
      readOnly: true,
      domReadOnly: true,
      fontSize: 12,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      wordWrap: 'off',
      // A viewer of a large generated text: nothing that scans or re-renders it as a whole.
      minimap: { enabled: false },
      stickyScroll: { enabled: false },
      folding: true,
      foldingStrategy: 'indentation',
      showFoldingControls: 'mouseover',
      guides: { indentation: false, bracketPairs: false, highlightActiveIndentation: false },
      bracketPairColorization: { enabled: false },
      matchBrackets: 'never',
      occurrencesHighlight: 'off',
      selectionHighlight: false,
      renderLineHighlight: 'none',
      renderValidationDecorations: 'off',
      codeLens: false,
      colorDecorators: false,
      links: false,
      quickSuggestions: false,
      suggestOnTriggerCharacters: false,
      wordBasedSuggestions: 'off',
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
      smoothScrolling: false,
      cursorBlinking: 'solid',
      overviewRulerLanes: 0,
    });
    this.decorations = this.editor.createDecorationsCollection();
    // Spec → canvas: the cursor inside a task's entries selects that task.
    this.editor.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      const key = taskAtLine(this.currentLocations(), e.position.lineNumber);
      if (!key) return;
      const st = this.store.getState();
      const keys = derive(st.doc, st.catalog).keys;
      const id = [...keys.entries()].find(([, k]) => k === key)?.[0];
      if (id && selectedTaskId(st) !== id) {
        this.fromCursor = true;
        st.select(id);
      }
    });
    this.unsubscribe = store.subscribe((st, prev) => this.onChange(st, prev));
    this.showSelection(true);
  }

  setTheme(dark: boolean) {
    this.monaco.editor.setTheme(themeOf(dark));
  }

  dispose() {
    this.disposed = true;
    this.unsubscribe();
    this.cancelLater?.();
    this.cancelRefresh?.();
    this.editor.dispose();
    this.model.dispose();
  }

  private onChange(s: EditorState, prev: EditorState) {
    const { doc, catalog, format, compiler } = this.shown;
    if (s.doc !== doc || s.catalog !== catalog || s.specFormat !== format || s.compiler !== compiler) this.schedule(s);
    else if (s.selection !== prev.selection && !this.pending) this.safely(() => this.showSelection(false));
  }

  /**
   * A small change (at most one task more or fewer, or a switch of format the person just
   * asked for) is written right after the current task (a microtask), so it reaches the
   * screen in the same frame as the edit itself. A large one (opening or replacing a
   * document, a new catalog) waits until the canvas has been drawn and the main thread is idle.
   */
  private schedule(s: EditorState) {
    const small =
      s.catalog === this.shown.catalog &&
      s.compiler === this.shown.compiler &&
      (s.specFormat !== this.shown.format || Math.abs(s.doc.tasks.length - this.shown.doc.tasks.length) <= 1);
    if (small && this.pending !== 'soon') {
      this.cancelLater?.();
      this.cancelLater = undefined;
      this.pending = 'soon';
      queueMicrotask(() => this.flush());
    } else if (!small && !this.pending) {
      this.pending = 'later';
      let cancelled = false;
      let cancelIdle: (() => void) | undefined;
      this.cancelLater = () => {
        cancelled = true;
        cancelIdle?.();
      };
      void afterPaint().then(() => {
        if (!cancelled) cancelIdle = whenIdle(() => this.flush(), 1000);
      });
    }
  }

  private flush() {
    if (this.disposed || !this.pending) return;
    this.pending = undefined;
    this.cancelLater = undefined;
    this.safely(() => this.update());
  }

  private safely(fn: () => void) {
    try {
      fn();
    } catch (e) {
      console.error('spec view:', e);
    }
  }

  private update() {
    const s = this.store.getState();
    const text = specTextOf(s);
    const formatChanged = s.specFormat !== this.shown.format;
    this.shown = { doc: s.doc, catalog: s.catalog, format: s.specFormat, compiler: s.compiler };
    if (formatChanged) this.monaco.editor.setModelLanguage(this.model, s.specFormat);
    if (text !== this.text) {
      const before = this.text;
      this.text = text;
      const locations = this.locations;
      this.locations = undefined;
      if (formatChanged) this.model.setValue(text);
      else if (this.applyMinimalEdit(before, text, locations) === 'same lines') this.locations = locations;
    }
    this.showSelection(formatChanged);
  }

  /**
   * Replaces only what differs between `before` (the model's text) and `after`. A change of
   * most of the text (another document) is a new value instead: Monaco re-reads a new value in
   * one go, while an edit inserting tens of thousands of lines updates its line index line by
   * line. The scroll position is kept either way. Returns 'same lines' when the edit stayed
   * inside one line that starts no entry, so the entries' line spans are still right.
   */
  private applyMinimalEdit(before: string, after: string, locations?: Map<string, Span>): 'same lines' | undefined {
    let p = commonPrefix(before, after);
    let q = commonSuffix(before, after, Math.min(before.length, after.length) - p);
    // Never split a surrogate pair.
    if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
    if (q > 0 && isLowSurrogate(before.charCodeAt(before.length - q))) q--;
    const removed = before.length - q - p;
    const inserted = after.length - q - p;
    if (Math.max(removed, inserted) > LARGE_CHANGE && Math.max(removed, inserted) > after.length / 4) {
      const view = this.editor.saveViewState();
      this.model.setValue(after);
      if (view) this.editor.restoreViewState(view);
      return undefined;
    }
    const start = this.model.getPositionAt(p);
    const range = this.monaco.Range.fromPositions(start, this.model.getPositionAt(before.length - q));
    const text = after.slice(p, after.length - q);
    this.model.applyEdits([{ range, text }]);
    const oneLine = range.startLineNumber === range.endLineNumber && !text.includes('\n');
    if (!locations || !oneLine) return undefined;
    for (const span of locations.values()) if (span.start === start.lineNumber) return undefined;
    return 'same lines';
  }

  private currentLocations(): Map<string, Span> {
    return (this.locations ??= specLocations(this.text));
  }

  /**
   * Canvas → spec: highlights (and, when the selection changed or the whole text did,
   * reveals) the selected task's entries. While the same task stays selected, Monaco moves
   * the highlight along with each edit, and the exact spans are recomputed when idle.
   */
  private showSelection(reveal: boolean) {
    const s = this.store.getState();
    const key = selectedKeyOf(s);
    const selectionChanged = key !== this.selectedKey;
    this.selectedKey = key;
    if (!key) {
      this.decorations.clear();
      this.fromCursor = false;
      return;
    }
    if (!selectionChanged && !reveal && !this.locations) {
      this.refreshWhenIdle();
      return;
    }
    const spans = taskSpans(this.currentLocations(), key);
    this.highlight(spans);
    if ((selectionChanged || reveal) && spans.length && !this.fromCursor) this.editor.revealLineNearTop(spans[0].start);
    this.fromCursor = false;
  }

  /**
   * Highlights the lines of `spans` (the selected task's entries), unless exactly those lines
   * are highlighted already: setting the same decorations again makes Monaco redraw every line.
   */
  private highlight(spans: Span[]) {
    const now = this.decorations.getRanges();
    if (now.length === spans.length && now.every((r, i) => r.startLineNumber === spans[i].start && r.endLineNumber === spans[i].end)) return;
    this.decorations.set(
      spans.map((sp) => ({
        range: new this.monaco.Range(sp.start, 1, sp.end, 1),
        options: { isWholeLine: true, className: 'spec-linked', linesDecorationsClassName: 'spec-linked-gutter' },
      })),
    );
  }

  private refreshWhenIdle() {
    this.cancelRefresh?.();
    this.cancelRefresh = whenIdle(() => {
      this.cancelRefresh = undefined;
      if (this.disposed || this.pending || !this.selectedKey) return;
      this.safely(() => this.highlight(taskSpans(this.currentLocations(), this.selectedKey!)));
    }, 2000);
  }
}

// ------------------------------------------------------------------ the panel

/**
 * Read-only live view of the compiled spec; follows every edit. Linked both ways with the
 * canvas: the selected task's DAG entry, component and executor are highlighted and
 * revealed; placing the cursor in one of them selects that task.
 */
export default function SpecView() {
  const store = useEditorStore();
  const format = useEditor((s) => s.specFormat);
  const dark = useSyncExternalStore(subscribeDark, () => !!darkQuery?.matches);
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<LiveSpec | undefined>(undefined);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const darkRef = useRef(dark);
  darkRef.current = dark;

  useEffect(() => {
    let cancelled = false;
    let view: LiveSpec | undefined;
    // Monaco's download, parse and first layout come after the canvas, not in its way.
    new Promise<void>((resolve) => whenCanvasUsable(store, resolve))
      .then(loadMonaco)
      .then(
        (monaco) => {
          if (cancelled || !host.current) return;
          view = live.current = new LiveSpec(monaco, host.current, store, darkRef.current);
          setStatus('ready');
        },
        (e) => {
          console.error('spec view:', e);
          if (!cancelled) setStatus('failed');
        },
      );
    return () => {
      cancelled = true;
      view?.dispose();
      live.current = undefined;
    };
  }, [store]);

  useEffect(() => live.current?.setTheme(dark), [dark]);

  return (
    <section className="spec-view" aria-label="Compiled spec">
      <div className="spec-head">
        <h2>Spec</h2>
        <div role="group" aria-label="Spec format" className="segmented">
          {(['json', 'yaml'] as const).map((f) => (
            <button key={f} type="button" aria-pressed={format === f} onClick={() => store.getState().setSpecFormat(f)}>
              {f.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <div className="spec-editor" data-testid="spec-view" style={{ position: 'relative' }}>
        {status !== 'ready' && (
          <div className="spec-loading">{status === 'failed' ? 'The spec view could not be loaded.' : 'Loading spec view…'}</div>
        )}
        <div ref={host} style={{ position: 'absolute', inset: 0 }} />
      </div>
    </section>
  );
}
