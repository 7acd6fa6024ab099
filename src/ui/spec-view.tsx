import { useSyncExternalStore } from 'react';
import Editor from '@monaco-editor/react';
import './monaco-setup';
import { derive, specText } from '../store/derive';
import { useEditor, useEditorStore } from './store-context';

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
const subscribeDark = (cb: () => void) => {
  darkQuery?.addEventListener('change', cb);
  return () => darkQuery?.removeEventListener('change', cb);
};

/** Read-only live view of the compiled spec; follows every edit. */
export default function SpecView() {
  const store = useEditorStore();
  const format = useEditor((s) => s.specFormat);
  const dark = useSyncExternalStore(subscribeDark, () => !!darkQuery?.matches);
  const text = useEditor((s) => {
    const { spec, compileError } = derive(s.doc, s.catalog);
    return spec ? specText(spec, s.specFormat) : `# The spec cannot be compiled: ${compileError}`;
  });
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
