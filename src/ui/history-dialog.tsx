import { useCallback, useEffect, useRef, useState } from 'react';
import { diffDocuments, type Change } from '../document/diff';
import { loadDocument } from '../document/load';
import type { PipelineDocument } from '../document/types';
import { derive } from '../store/derive';
import type { Version } from '../store/library';
import { Dialog } from './dialog';
import { useServices } from './services';
import { useEditor, useEditorStore } from './store-context';

/** Named versions: save, restore (undoable), and compare with the current pipeline or a file. */
export function HistoryDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const { library } = useServices();
  const libraryId = useEditor((s) => s.libraryId);
  const [versions, setVersions] = useState<Version[]>([]);
  const [name, setName] = useState('');
  const [diff, setDiff] = useState<{ title: string; changes: Change[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    if (libraryId) library.versions(libraryId).then(setVersions, (e) => setError(String(e)));
  }, [library, libraryId]);
  useEffect(refresh, [refresh]);

  const save = async () => {
    if (!libraryId) return;
    await library.addVersion(libraryId, name.trim() || `Version ${new Date().toLocaleString()}`, store.getState().doc);
    setName('');
    refresh();
  };
  const parse = (v: Version) => loadDocument(v.text, `version “${v.name}”`);
  const compare = (older: PipelineDocument, title: string) => {
    const s = store.getState();
    const keys = derive(s.doc, s.catalog).keys;
    const changes = diffDocuments(older, s.doc, (id) => keys.get(id) ?? id);
    setDiff({ title, changes });
    const marks: Record<string, 'added' | 'changed'> = {};
    for (const c of changes) if (c.taskId && c.kind !== 'removed' && s.doc.tasks.some((t) => t.id === c.taskId)) marks[c.taskId] = c.kind === 'added' && c.what === 'task' ? 'added' : (marks[c.taskId] ?? 'changed');
    s.setDiffHighlight(Object.keys(marks).length ? marks : null);
  };
  const compareFile = async (file: File | undefined) => {
    if (!file) return;
    const r = loadDocument(await file.text(), file.name);
    if (!r.ok) return setError(r.error);
    compare(r.doc, `${file.name} → this pipeline`);
  };

  return (
    <Dialog
      title="Versions"
      onClose={() => {
        store.getState().setDiffHighlight(null);
        onClose();
      }}
    >
      <div className="version-save">
        <label htmlFor="version-name">Version name</label>
        <input id="version-name" type="text" value={name} placeholder="e.g. before tuning" onChange={(e) => setName(e.target.value)} />
        <button type="button" onClick={() => void save()}>
          Save version
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Compare with a file…
        </button>
        <input ref={fileInput} type="file" hidden accept=".json" aria-label="Compare with file" onChange={(e) => void compareFile(e.target.files?.[0])} />
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {versions.length === 0 ? (
        <p className="muted">No versions yet. A version is kept each time you download the spec, and when you save one here.</p>
      ) : (
        <ul className="versions" aria-label="Saved versions">
          {versions.map((v, i) => (
            <li key={i}>
              <span>
                <strong>{v.name}</strong> <span className="muted">{new Date(v.at).toLocaleString()}</span>
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="small"
                  aria-label={`Compare ${v.name} with the current pipeline`}
                  onClick={() => {
                    const r = parse(v);
                    if (r.ok) compare(r.doc, `${v.name} → now`);
                    else setError(r.error);
                  }}
                >
                  Compare
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={`Restore ${v.name}`}
                  onClick={() => {
                    const r = parse(v);
                    if (!r.ok) return setError(r.error);
                    store.getState().restore(r.doc);
                    store.getState().showNotice({ kind: 'info', message: `Restored “${v.name}”. Undo (Ctrl+Z) brings back what was there.` });
                  }}
                >
                  Restore
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {diff && (
        <section aria-label="Differences">
          <h3>{diff.title}</h3>
          {diff.changes.length === 0 ? (
            <p>No difference (positions are not compared).</p>
          ) : (
            <ul className="diff">
              {diff.changes.map((c, i) => (
                <li key={i} className={`diff-${c.kind}`}>
                  <span className="diff-kind">{c.kind}</span> {c.what}: {c.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Dialog>
  );
}
