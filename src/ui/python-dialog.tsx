import { useMemo } from 'react';
import { toPython } from '../codegen/python';
import { Dialog } from './dialog';
import { downloadText } from './download';
import { useEditor } from './store-context';

/** The pipeline as KFP v2 Python, to hand to an engineer. */
export function PythonDialog({ onClose }: { onClose(): void }) {
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const code = useMemo(() => {
    try {
      return toPython(doc, catalog);
    } catch (e) {
      return `# The pipeline cannot be written as Python yet: ${(e as Error).message}`;
    }
  }, [doc, catalog]);
  return (
    <Dialog title="Python" onClose={onClose}>
      <p className="muted">KFP v2 Python that compiles to the same spec (with kfp 2.15 and google-cloud-pipeline-components 2.22).</p>
      <pre className="run-code python-code" aria-label="Python code" tabIndex={0}>
        {code}
      </pre>
      <div className="start-actions">
        <button type="button" onClick={() => void navigator.clipboard.writeText(code).catch(() => undefined)}>
          Copy
        </button>
        <button type="button" onClick={() => downloadText(`${doc.name || 'pipeline'}.py`, code, 'text/x-python')}>
          Download .py
        </button>
      </div>
    </Dialog>
  );
}
