import { useId, useState } from 'react';
import type { Task } from '../document/types';
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import { useEditorStore } from './store-context';

const ARTIFACT_TYPES = [
  'system.Artifact',
  'system.Dataset',
  'system.Model',
  'system.Metrics',
  'google.VertexModel',
  'google.VertexDataset',
  'google.VertexEndpoint',
  'google.UnmanagedContainerModel',
  'google.BQTable',
  'google.BQMLModel',
];

/** The importer's artifact type, metadata and reimport flag (its URI is the `uri` input above). */
export function ImporterSettingsForm({ task }: { task: Task }) {
  const store = useEditorStore();
  const ids = [useId(), useId(), useId()];
  const settings = task.importer ?? { artifactType: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } };
  const [metaText, setMetaText] = useState(settings.metadata ? JSON.stringify(settings.metadata) : '');
  const [metaError, setMetaError] = useState('');
  const set = (patch: Partial<typeof settings>) => store.getState().setImporterSettings(task.id, { ...settings, ...patch });
  return (
    <fieldset className="task-options">
      <legend>Importer</legend>
      <label htmlFor={ids[0]}>Artifact type</label>
      <select
        id={ids[0]}
        value={settings.artifactType.schemaTitle}
        onChange={(e) => set({ artifactType: { schemaTitle: e.target.value, schemaVersion: '0.0.1' } })}
      >
        {ARTIFACT_TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <label htmlFor={ids[1]}>Metadata (JSON)</label>
      <textarea
        id={ids[1]}
        rows={2}
        value={metaText}
        aria-invalid={!!metaError}
        onChange={(e) => {
          setMetaText(e.target.value);
          if (!e.target.value.trim()) {
            setMetaError('');
            const { metadata: _drop, ...rest } = settings;
            return store.getState().setImporterSettings(task.id, rest);
          }
          try {
            const v = JSON.parse(e.target.value);
            if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('a JSON object');
            setMetaError('');
            set({ metadata: v });
          } catch (err) {
            setMetaError(`Metadata: not a JSON object (${(err as Error).message}).`);
          }
        }}
      />
      {metaError && (
        <div className="field-error" role="alert">
          {metaError}
        </div>
      )}
      <label className="inline">
        <input type="checkbox" checked={!!settings.reimport} onChange={(e) => set({ reimport: e.target.checked })} id={ids[2]} />
        Import again on every run (reimport)
      </label>
    </fieldset>
  );
}

const RESOURCE_FIELDS = [
  ['cpuRequest', 'CPU request', 'e.g. 500m or 2'],
  ['cpuLimit', 'CPU limit', 'e.g. 4'],
  ['memoryRequest', 'Memory request', 'e.g. 2G'],
  ['memoryLimit', 'Memory limit', 'e.g. 8G'],
  ['acceleratorType', 'Accelerator type', 'e.g. NVIDIA_TESLA_T4'],
] as const;

/** Resources, environment variables and runtime placeholders of a task's container. */
export function TaskRuntime({ task }: { task: Task }) {
  const store = useEditorStore();
  const [envText, setEnvText] = useState((task.env ?? []).map((e) => `${e.name}=${e.value}`).join('\n'));
  const r = task.resources ?? {};
  const setRes = (key: string, value: string | number | undefined) => {
    const next: Record<string, string | number> = { ...r };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    store.getState().setTaskResources(task.id, Object.keys(next).length ? next : undefined);
  };
  return (
    <details className="task-runtime">
      <summary>Resources, environment and placeholders</summary>
      <div className="run-grid">
        {RESOURCE_FIELDS.map(([key, label, hint]) => (
          <div className="field" key={key}>
            <label htmlFor={`${task.id}-${key}`}>{label}</label>
            <input id={`${task.id}-${key}`} type="text" placeholder={hint} value={String(r[key] ?? '')} onChange={(e) => setRes(key, e.target.value.trim())} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${task.id}-acc-count`}>Accelerator count</label>
          <input
            id={`${task.id}-acc-count`}
            type="text"
            inputMode="numeric"
            value={r.acceleratorCount ?? ''}
            onChange={(e) => setRes('acceleratorCount', /^\d+$/.test(e.target.value) ? Number(e.target.value) : undefined)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${task.id}-env`}>Environment variables (NAME=value per line)</label>
        <textarea
          id={`${task.id}-env`}
          rows={2}
          value={envText}
          onChange={(e) => {
            setEnvText(e.target.value);
            const env = e.target.value
              .split('\n')
              .map((l) => /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l))
              .filter((m): m is RegExpExecArray => !!m)
              .map((m) => ({ name: m[1], value: m[2] }));
            store.getState().setTaskEnv(task.id, env);
          }}
        />
      </div>
      <p className="help">Values the engine fills in at run time, to paste into any text input:</p>
      <ul className="placeholders">
        {RUNTIME_PLACEHOLDERS.map((p) => (
          <li key={p.value} title={p.explanation}>
            <code>{p.value}</code> — {p.explanation}
          </li>
        ))}
      </ul>
    </details>
  );
}
