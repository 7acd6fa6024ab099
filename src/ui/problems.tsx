import { useMemo, useState } from 'react';
import { engineWarnings } from '../validate/engine';
import { derive } from '../store/derive';
import type { Diagnostic } from '../validate/validate';
import { useEditor, useEditorStore } from './store-context';

/** Brings the field of a diagnostic into view in the inspector and focuses it. */
export function revealField(input: string | undefined) {
  if (!input) return;
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`.input-field[data-input="${CSS.escape(input)}"]`);
    row?.scrollIntoView({ block: 'center' });
    (row?.querySelector<HTMLElement>('.value, input[type="checkbox"]') ?? row?.querySelector<HTMLElement>('select'))?.focus();
  });
}

/** Every diagnostic of the validator, with its stable code; click one to go to it. */
export function ProblemsPanel() {
  const store = useEditorStore();
  const base = useEditor((s) => derive(s.doc, s.catalog).diagnostics);
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const engine = useEditor((s) => s.doc.target ?? 'vertex');
  const diagnostics = useMemo(() => {
    const keys = derive(doc, catalog).keys;
    return [...base, ...engineWarnings(doc, catalog, engine, (id) => keys.get(id) ?? id)];
  }, [base, doc, catalog, engine]);
  const draftErrors = useEditor((s) => Object.values(s.drafts).filter((d) => d.error).length);
  const [open, setOpen] = useState(false);
  const errors = diagnostics.filter((d) => d.severity === 'error').length + draftErrors;
  const warnings = diagnostics.length - diagnostics.filter((d) => d.severity === 'error').length;
  const go = (d: Diagnostic) => {
    if (d.taskId) {
      store.getState().select(d.taskId);
      revealField(d.input);
    } else store.getState().select(null);
  };
  return (
    <div className={`problems-panel${open ? ' open' : ''}`}>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className={errors ? 'has-errors' : ''}>
        Problems: {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
      </button>
      {open && (
        <ul aria-label="Problems">
          {diagnostics.length === 0 && draftErrors === 0 && <li className="muted">No problems: the pipeline can be exported.</li>}
          {draftErrors > 0 && (
            <li className="problem error">
              <code>INVALID_FIELD</code> {draftErrors} field{draftErrors === 1 ? ' holds' : 's hold'} text that is not valid yet.
            </li>
          )}
          {diagnostics.map((d, i) => (
            <li key={i} className={`problem ${d.severity}`}>
              <button type="button" className="link" onClick={() => go(d)}>
                <code>{d.code}</code> {d.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
