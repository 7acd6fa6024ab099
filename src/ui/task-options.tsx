import { useId } from 'react';
import type { PipelineDocument, Task } from '../document/types';
import { dependentsOf } from '../store/derive';
import { useEditor, useEditorStore } from './store-context';

type BackoffKey = 'duration' | 'factor' | 'maxDuration';
const FIELDS: Array<{ key: BackoffKey; label: string; placeholder: string; max?: number }> = [
  { key: 'duration', label: 'Backoff (s)', placeholder: '0' },
  { key: 'factor', label: 'Backoff factor', placeholder: '2.0' },
  { key: 'maxDuration', label: 'Max backoff (s)', placeholder: '3600', max: 3600 },
];

/** Wait between retries: first wait, growth factor, longest wait. */
export function RetryBackoff({ task }: { task: Task }) {
  const store = useEditorStore();
  const drafts = useEditor((s) => s.drafts);
  const ids = [useId(), useId(), useId()];
  const onChange = (key: BackoffKey, label: string, text: string, max?: number) => {
    const draftKey = `input:${task.id}:retry.${key}`;
    const t = text.trim();
    const value = t === '' ? undefined : Number(t);
    const bad =
      value !== undefined &&
      (!(key === 'factor' ? /^\d+(\.\d+)?$/ : /^\d+$/).test(t) ||
        !Number.isFinite(value) ||
        (key === 'factor' && value <= 0) ||
        (max !== undefined && value > max));
    if (bad) {
      const what = key === 'factor' ? 'a number above 0' : `whole seconds${max !== undefined ? ` from 0 to ${max}` : ''}`;
      store.getState().setDraft(draftKey, { text, error: `${label}: enter ${what}.` });
      return;
    }
    store.getState().setDraft(draftKey, undefined);
    store.getState().setRetryBackoff(task.id, { ...task.retryBackoff, [key]: value });
  };
  return (
    <div className="retry-grid">
      {FIELDS.map((f, i) => {
        const draft = drafts[`input:${task.id}:retry.${f.key}`];
        const value = task.retryBackoff?.[f.key];
        return (
          <div key={f.key} className={`field${draft?.error ? ' invalid' : ''}`}>
            <label htmlFor={ids[i]}>{f.label}</label>
            <input
              id={ids[i]}
              type="text"
              inputMode="decimal"
              placeholder={f.placeholder}
              value={draft ? draft.text : value === undefined ? '' : String(value)}
              aria-invalid={!!draft?.error}
              onChange={(e) => onChange(f.key, f.label, e.target.value, f.max)}
            />
            {draft?.error && (
              <div className="field-error" role="alert">
                {draft.error}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** "Run after" dependencies without a data wire (`.after(...)`). */
export function RunAfter({ task, doc, keys }: { task: Task; doc: PipelineDocument; keys: Map<string, string> }) {
  const store = useEditorStore();
  const id = useId();
  // Tasks downstream of this one would make a circle (wouldCycle), found with one walk.
  const downstream = dependentsOf(doc, task.id);
  const waited = new Set(task.after);
  const candidates = doc.tasks.filter((t) => !downstream.has(t.id) && !waited.has(t.id));
  return (
    <div className="field">
      <label htmlFor={id}>Run after</label>
      {task.after.length > 0 && (
        <ul className="after-list">
          {task.after.map((a) => (
            <li key={a}>
              <code>{keys.get(a) ?? a}</code>
              <button type="button" className="small" aria-label={`Do not wait for ${keys.get(a) ?? a}`} onClick={() => store.getState().removeAfter(task.id, a)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        id={id}
        value=""
        onChange={(e) => {
          if (e.target.value) store.getState().addAfter(task.id, e.target.value);
        }}
      >
        <option value="">{candidates.length ? 'Add a task to wait for…' : 'No other task to wait for'}</option>
        {candidates.map((t) => (
          <option key={t.id} value={t.id}>
            {keys.get(t.id) ?? t.id}
          </option>
        ))}
      </select>
    </div>
  );
}
