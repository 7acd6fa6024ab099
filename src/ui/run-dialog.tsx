import { useMemo, useState } from 'react';
import { curlCommand, kfpPython, vertexPython, vertexRequest, type RunSettings } from '../codegen/job';
import { toJson } from '../compiler/serialize';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { compiledOf, exportBlockers } from '../store/editor-store';
import { Dialog } from './dialog';
import { downloadText } from './download';
import { formatValue, parseValue } from './value-text';
import { useEditor } from './store-context';

/** "Run": a typed form for parameter values and job settings, and what to paste to start the run. */
export function RunDialog({ onClose }: { onClose(): void }) {
  const doc = useEditor((s) => s.doc);
  const spec = useEditor((s) => compiledOf(s)?.spec);
  const blockers = useEditor((s) => exportBlockers(s).join('\n'));
  const [settings, setSettings] = useState({
    displayName: doc.displayName || doc.name,
    project: 'my-project',
    location: 'us-central1',
    gcsOutputDirectory: doc.pipelineRoot ?? '',
    serviceAccount: '',
    labels: '{}',
    caching: 'spec' as 'spec' | 'on' | 'off',
  });
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(doc.parameters.map((p) => [p.name, formatValue(p.default)])),
  );
  const [view, setView] = useState<'rest' | 'vertex' | 'kfp'>('rest');

  const result = useMemo(() => {
    const errors: string[] = [];
    const parameterValues: Record<string, JsonValue> = {};
    for (const p of doc.parameters) {
      const r = parseValue(p.type as ParameterType, texts[p.name] ?? '', p.name);
      if (!r.ok) errors.push(r.error);
      else if (r.value !== undefined) parameterValues[p.name] = r.value;
      else if (p.default === undefined) errors.push(`${p.name}: a value is needed (the parameter has no default).`);
    }
    let labels: Record<string, string> = {};
    try {
      const v = JSON.parse(settings.labels || '{}');
      if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string'))
        errors.push('Labels: a JSON object of text values, e.g. {"team": "ml"}.');
      else labels = v;
    } catch {
      errors.push('Labels: not valid JSON.');
    }
    if (!settings.gcsOutputDirectory.startsWith('gs://')) errors.push('Output directory: a Cloud Storage path (gs://…).');
    if (!spec || errors.length) return { errors };
    const s: RunSettings = {
      displayName: settings.displayName,
      project: settings.project,
      location: settings.location,
      gcsOutputDirectory: settings.gcsOutputDirectory,
      serviceAccount: settings.serviceAccount || undefined,
      labels,
      enableCaching: settings.caching === 'spec' ? undefined : settings.caching === 'on',
      parameterValues,
    };
    const req = vertexRequest(spec, s);
    return { errors, req, curl: curlCommand(req), vertex: vertexPython(spec, s), kfp: kfpPython(spec, s) };
  }, [doc.parameters, texts, settings, spec]);

  const field = (key: keyof typeof settings, label: string, placeholder = '') => (
    <div className="field">
      <label htmlFor={`run-${key}`}>{label}</label>
      <input
        id={`run-${key}`}
        type="text"
        value={settings[key]}
        placeholder={placeholder}
        onChange={(e) => setSettings({ ...settings, [key]: e.target.value })}
      />
    </div>
  );
  const shown =
    result.req && (view === 'rest' ? `${result.curl}\n\n# request.json\n${toJson(result.req.body)}` : view === 'vertex' ? result.vertex : result.kfp);

  return (
    <Dialog title="Run" onClose={onClose}>
      {blockers && <p className="field-error">Fix first: {blockers.split('\n')[0]}</p>}
      <div className="run-grid">
        {field('displayName', 'Run display name')}
        {field('project', 'Project')}
        {field('location', 'Location')}
        {field('gcsOutputDirectory', 'Output directory (pipeline root)', 'gs://bucket/path')}
        {field('serviceAccount', 'Service account', 'optional')}
        {field('labels', 'Labels (JSON)')}
        <div className="field">
          <label htmlFor="run-caching">Caching</label>
          <select id="run-caching" value={settings.caching} onChange={(e) => setSettings({ ...settings, caching: e.target.value as 'spec' })}>
            <option value="spec">As set on each task</option>
            <option value="on">On for every task</option>
            <option value="off">Off for every task</option>
          </select>
        </div>
      </div>
      {doc.parameters.length > 0 && <h3>Parameter values</h3>}
      <div className="run-grid">
        {doc.parameters.map((p) => (
          <div className="field" key={p.name}>
            <label htmlFor={`run-param-${p.name}`}>
              {p.name} <span className="input-type">{p.type}</span>
              {p.default === undefined && <span className="req">*</span>}
            </label>
            <input
              id={`run-param-${p.name}`}
              type="text"
              value={texts[p.name] ?? ''}
              onChange={(e) => setTexts({ ...texts, [p.name]: e.target.value })}
            />
          </div>
        ))}
      </div>
      {result.errors.length > 0 ? (
        <ul className="problems" aria-label="Run settings to fix">
          {result.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : (
        <>
          <div role="tablist" aria-label="How to start the run" className="segmented">
            {(
              [
                ['rest', 'Vertex AI REST'],
                ['vertex', 'Vertex AI Python'],
                ['kfp', 'Kubeflow Pipelines'],
              ] as const
            ).map(([k, label]) => (
              <button key={k} type="button" role="tab" aria-selected={view === k} aria-pressed={view === k} onClick={() => setView(k)}>
                {label}
              </button>
            ))}
          </div>
          <pre className="run-code" aria-label="Code to start the run" tabIndex={0}>
            {shown}
          </pre>
          <div className="start-actions">
            <button type="button" onClick={() => void navigator.clipboard.writeText(shown ?? '').catch(() => undefined)}>
              Copy
            </button>
            {result.req && (
              <button type="button" onClick={() => downloadText('request.json', toJson(result.req.body), 'application/json')}>
                Download request.json
              </button>
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
