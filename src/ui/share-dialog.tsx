import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { Dialog } from './dialog';
import { downloadDataUrl, renderPicture } from './picture';
import { shareLink } from './share-link';
import { useEditor, useEditorStore } from './store-context';

/** Share link and pictures of the diagram. */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const doc = useEditor((s) => s.doc);
  const link = useMemo(() => shareLink(doc), [doc]);
  const [status, setStatus] = useState('');
  const picture = async (format: 'svg' | 'png') => {
    try {
      setStatus(`Drawing ${format.toUpperCase()}…`);
      const url = await renderPicture(flow, doc.name, format);
      downloadDataUrl(`${doc.name || 'pipeline'}.${format}`, url);
      setStatus(`${format.toUpperCase()} downloaded.`);
    } catch (e) {
      store.getState().showNotice({ kind: 'error', message: `The picture could not be made: ${(e as Error).message}` });
      setStatus('');
    }
  };
  return (
    <Dialog title="Share" onClose={onClose}>
      <div className="field">
        <label htmlFor="share-link">Link to this pipeline (the pipeline travels inside the link; nothing is uploaded)</label>
        <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        <p className="muted">{(link.length / 1024).toFixed(1)} KB{link.length > 64_000 ? ' — long links may be cut by some chat and mail tools; save a file instead.' : ''}</p>
      </div>
      <div className="start-actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(link).then(
              () => setStatus('Link copied.'),
              () => setStatus('Copying was not allowed; select the link and copy it.'),
            )
          }
        >
          Copy link
        </button>
        <button type="button" onClick={() => void picture('svg')}>
          Download SVG
        </button>
        <button type="button" onClick={() => void picture('png')}>
          Download PNG
        </button>
      </div>
      <p role="status">{status}</p>
    </Dialog>
  );
}
