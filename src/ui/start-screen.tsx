import { useCallback, useEffect, useRef, useState } from 'react';
import { openPipelineFile } from './open-file';
import { TEMPLATE_LIST } from '../examples/template-list';
import type { LibraryEntry } from '../store/library';
import { useServices } from './services';
import { useEditorStore } from './store-context';
import { markTourOffered, startTour, wasTourOffered } from './tour-start';

const formatSize = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const formatDate = (t: number) => new Date(t).toLocaleString();

export function StartScreen() {
  const store = useEditorStore();
  const { library, markSaved } = useServices();
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The example and the templates are built by code loaded when one is opened.
  const openExample = (open: () => Promise<void>) => void open().catch((e) => setError(`The example could not be loaded: ${String(e)}`));
  const [tourOffered, setTourOffered] = useState(wasTourOffered);
  const fileInput = useRef<HTMLInputElement>(null);
  const [deleted, setDeleted] = useState<{ entry: LibraryEntry; doc: Parameters<typeof library.write>[1] } | null>(null);

  const refresh = useCallback(() => {
    library.list().then(setEntries, (e) => setError(`The local library could not be read: ${String(e)}`));
  }, [library]);
  useEffect(refresh, [refresh]);

  const open = async (id: string) => {
    const r = await library.read(id);
    if (!r.ok) return setError(r.error);
    markSaved(r.doc);
    store.getState().openDocument(r.doc, id);
  };
  const rename = async (entry: LibraryEntry) => {
    const name = window.prompt('New pipeline name', entry.name);
    if (!name || name === entry.name) return;
    const r = await library.read(entry.id);
    if (!r.ok) return setError(r.error);
    await library.write(entry.id, { ...r.doc, name });
    refresh();
  };
  const duplicate = async (entry: LibraryEntry) => {
    const r = await library.read(entry.id);
    if (!r.ok) return setError(r.error);
    await library.write(crypto.randomUUID(), { ...r.doc, name: `${r.doc.name}-copy` });
    refresh();
  };
  const remove = async (entry: LibraryEntry) => {
    const r = await library.read(entry.id);
    await library.remove(entry.id);
    if (r.ok) setDeleted({ entry, doc: r.doc });
    refresh();
  };
  const undoDelete = async () => {
    if (!deleted) return;
    await library.write(deleted.entry.id, deleted.doc);
    setDeleted(null);
    refresh();
  };

  return (
    <div className="start">
      <div className="start-card">
        <h1>Pipeline Canvas</h1>
        <p>
          Draw a Kubeflow / Vertex AI pipeline from Google Cloud Pipeline Components, wire outputs to inputs, and
          download the compiled pipeline spec that Vertex AI Pipelines and Kubeflow Pipelines run.
        </p>
        <div className="start-actions">
          <button type="button" className="primary" onClick={() => store.getState().startBlank()}>
            Blank pipeline
          </button>
          <button type="button" onClick={() => openExample(() => import('../examples/seed').then((m) => store.getState().openDocument(m.seedDocument())))}>
            Example: AutoML image classification
          </button>
          <button type="button" onClick={() => fileInput.current?.click()} title="A compiled KFP pipeline (YAML or JSON) or a saved Pipeline Canvas document; you can also drop it anywhere">
            Open a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".json,.yaml,.yml"
            aria-label="Open a pipeline file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openPipelineFile(store, file);
            }}
          />
        </div>
        {!tourOffered && (
          <div className="tour-invite" role="region" aria-label="First visit">
            <span>New here? Build your first pipeline in eight short steps.</span>
            <button
              type="button"
              className="primary"
              onClick={() => {
                markTourOffered();
                startTour(store);
              }}
            >
              Take the guided tour
            </button>
            <button
              type="button"
              onClick={() => {
                markTourOffered();
                setTourOffered(true);
              }}
            >
              Skip
            </button>
          </div>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {deleted && (
          <p role="status" className="deleted">
            Deleted “{deleted.entry.name}”.{' '}
            <button type="button" onClick={() => void undoDelete()}>
              Undo
            </button>
          </p>
        )}
        <h2>Templates</h2>
        <ul className="templates">
          {TEMPLATE_LIST.map((t) => (
            <li key={t.id}>
              <h3>{t.title}</h3>
              <p>{t.explanation}</p>
              <button type="button" aria-label={`Open template ${t.title}`} onClick={() => openExample(() => import('../examples/templates').then((m) => store.getState().openImported(m.buildTemplate(t.id))))}>
                Open
              </button>
            </li>
          ))}
        </ul>
        <h2>Your pipelines</h2>
        {entries === null ? (
          <p className="muted">Loading…</p>
        ) : entries.length === 0 ? (
          <p className="muted">Nothing saved in this browser yet. Pipelines you edit are saved here automatically.</p>
        ) : (
          <table className="library" aria-label="Your pipelines">
            <thead>
              <tr>
                <th>Name</th>
                <th>Size</th>
                <th>Last edit</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <button type="button" className="link" onClick={() => void open(e.id)}>
                      {e.name}
                    </button>
                  </td>
                  <td>{formatSize(e.size)}</td>
                  <td>{formatDate(e.updatedAt)}</td>
                  <td className="row-actions">
                    <button type="button" className="small" aria-label={`Rename ${e.name}`} onClick={() => void rename(e)}>
                      Rename
                    </button>
                    <button type="button" className="small" aria-label={`Duplicate ${e.name}`} onClick={() => void duplicate(e)}>
                      Duplicate
                    </button>
                    <button type="button" className="small danger" aria-label={`Delete ${e.name}`} onClick={() => void remove(e)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
