import { useEffect, useMemo, useState } from 'react';
import { formatDuration, simulate, snapshotAt } from '../simulate/simulate';
import type { SimulatedRun } from '../simulate/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { derive } from '../store/derive';
import { parseValue, formatValue } from './value-text';
import { useEditor, useEditorStore } from './store-context';

/**
 * "Play": a simulated run without any cloud access. The simulator (src/simulate) computes
 * every event; this panel steps through them and the canvas colours each task by state.
 */
export function SimulationPanel({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(doc.parameters.map((p) => [p.name, formatValue(p.default)])));
  const [failing, setFailing] = useState('');
  const [run, setRun] = useState<SimulatedRun | null>(null);
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState('');
  const keys = derive(doc, catalog).keys;

  const start = () => {
    const parameterValues: Record<string, JsonValue> = {};
    for (const p of doc.parameters) {
      const r = parseValue(p.type as ParameterType, texts[p.name] ?? '', p.name);
      if (!r.ok) return setError(r.error);
      if (r.value !== undefined) parameterValues[p.name] = r.value;
    }
    try {
      const sim = simulate(doc, catalog, { parameterValues, failures: failing ? { [failing]: 99 } : undefined });
      setRun(sim);
      setStep(0);
      setError('');
      setPlaying(true);
    } catch (e) {
      setError(`The run cannot be simulated: ${(e as Error).message}`);
    }
  };

  const snap = useMemo(() => (run ? snapshotAt(run, step) : null), [run, step]);
  useEffect(() => {
    store.getState().setSimulation(snap ? snap.tasks : null);
  }, [snap, store]);
  useEffect(() => () => store.getState().setSimulation(null), [store]);
  useEffect(() => {
    if (!playing || !run) return;
    if (step >= run.events.length) return setPlaying(false);
    const t = setTimeout(() => setStep((s) => s + 1), 350);
    return () => clearTimeout(t);
  }, [playing, step, run]);

  const last = run && step > 0 ? run.events[step - 1] : undefined;
  return (
    <aside className="simulation" aria-label="Simulated run">
      <div className="tour-head">
        <strong>Simulated run</strong>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      {!run && (
        <>
          <p className="muted">No cloud is used: the run is worked out from the drawing, with rough durations per kind of step.</p>
          <div className="run-grid">
            {doc.parameters.map((p) => (
              <div className="field" key={p.name}>
                <label htmlFor={`sim-${p.name}`}>{p.name}</label>
                <input id={`sim-${p.name}`} type="text" value={texts[p.name] ?? ''} onChange={(e) => setTexts({ ...texts, [p.name]: e.target.value })} />
              </div>
            ))}
            <div className="field">
              <label htmlFor="sim-fail">Make a task fail</label>
              <select id="sim-fail" value={failing} onChange={(e) => setFailing(e.target.value)}>
                <option value="">None</option>
                {doc.tasks.map((t) => (
                  <option key={t.id} value={keys.get(t.id) ?? t.id}>
                    {keys.get(t.id) ?? t.id}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="primary" onClick={start}>
            Play
          </button>
        </>
      )}
      {run && (
        <>
          <div className="start-actions">
            <button type="button" onClick={() => setPlaying(!playing)}>
              {playing ? 'Pause' : 'Play'}
            </button>
            <button type="button" aria-label="Step back" onClick={() => setStep(Math.max(0, step - 1))}>
              ◀
            </button>
            <button type="button" aria-label="Step forward" onClick={() => setStep(Math.min(run.events.length, step + 1))}>
              ▶
            </button>
            <button type="button" onClick={() => setStep(run.events.length)}>
              To the end
            </button>
            <button type="button" onClick={() => setRun(null)}>
              New run
            </button>
          </div>
          <p role="status" className="sim-status">
            Step {step} of {run.events.length}
            {snap ? ` · ${formatDuration(snap.time)} into the run` : ''}
            {last ? ` — ${last.message}` : ''}
          </p>
          {step >= run.events.length && (
            <div className="sim-summary" aria-label="Run summary">
              <p>
                <strong>{run.summary.state === 'succeeded' ? 'Succeeded' : 'Failed'}</strong> after about {formatDuration(run.summary.wallTime)}.
              </p>
              {run.summary.branches.length > 0 && (
                <p>Branches: {run.summary.branches.map((b) => `${b.text} → ${b.taken ? 'runs' : 'skipped'}`).join('; ')}</p>
              )}
              {run.summary.criticalPath.length > 0 && (
                <p>Critical path: {run.summary.criticalPath.map((c) => keys.get(c.task) ?? c.task).join(' → ')}</p>
              )}
              {run.summary.notes.map((n) => (
                <p key={n} className="muted">
                  {n}
                </p>
              ))}
            </div>
          )}
        </>
      )}
    </aside>
  );
}
