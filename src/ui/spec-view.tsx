import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco } from './monaco-setup';
import { derive, specText } from '../store/derive';
import { selectedTaskId } from '../store/editor-store';
import { explainPlaceholder, placeholdersInLine } from './placeholder-help';
import { specLocations, taskAtLine, taskSpans } from './spec-locations';
import { useEditor, useEditorStore } from './store-context';

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
const subscribeDark = (cb: () => void) => {
  darkQuery?.addEventListener('change', cb);
  return () => darkQuery?.removeEventListener('change', cb);
};

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

type MonacoEditor = Parameters<OnMount>[0];

/**
 * Read-only live view of the compiled spec; follows every edit. Linked both ways with the
 * canvas: the selected task's DAG entry, component and executor are highlighted and
 * revealed; placing the cursor in one of them selects that task.
 */
export default function SpecView() {
  const store = useEditorStore();
  const format = useEditor((s) => s.specFormat);
  const dark = useSyncExternalStore(subscribeDark, () => !!darkQuery?.matches);
  const text = useEditor((s) => {
    const { spec, compileError } = derive(s.doc, s.catalog);
    return spec ? specText(spec, s.specFormat) : `# The spec cannot be compiled: ${compileError}`;
  });
  const selectedKey = useEditor((s) => {
    const id = selectedTaskId(s);
    return id ? derive(s.doc, s.catalog).keys.get(id) : undefined;
  });
  const locations = useMemo(() => specLocations(text), [text]);
  const editorRef = useRef<MonacoEditor | null>(null);
  const decorations = useRef<ReturnType<MonacoEditor['createDecorationsCollection']> | null>(null);
  const fromCursor = useRef(false);
  const locationsRef = useRef(locations);
  locationsRef.current = locations;

  // Canvas → spec: highlight and reveal the selected task's entries.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const spans = selectedKey ? taskSpans(locations, selectedKey) : [];
    decorations.current?.clear();
    decorations.current = editor.createDecorationsCollection(
      spans.map((s) => ({
        range: new monaco.Range(s.start, 1, s.end, 1),
        options: { isWholeLine: true, className: 'spec-linked', linesDecorationsClassName: 'spec-linked-gutter' },
      })),
    );
    if (spans.length && !fromCursor.current) editor.revealLineNearTop(spans[0].start);
    fromCursor.current = false;
  }, [selectedKey, locations]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // Spec → canvas: the cursor inside a task's entries selects that task.
    editor.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      const key = taskAtLine(locationsRef.current, e.position.lineNumber);
      if (!key) return;
      const s = store.getState();
      const keys = derive(s.doc, s.catalog).keys;
      const id = [...keys.entries()].find(([, k]) => k === key)?.[0];
      if (id && selectedTaskId(s) !== id) {
        fromCursor.current = true;
        s.select(id);
      }
    });
  };

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
      <div className="spec-editor" data-testid="spec-view">
        <Editor
          height="100%"
          language={format}
          value={text}
          theme={dark ? 'vs-dark' : 'vs'}
          onMount={onMount}
          options={{
            readOnly: true,
            domReadOnly: true,
            minimap: { enabled: false },
            fontSize: 12,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            wordWrap: 'off',
          }}
        />
      </div>
    </section>
  );
}
