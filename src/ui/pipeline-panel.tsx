import { useId } from 'react';
import { parameterUses } from '../document/operations';
import type { PipelineParameter } from '../document/types';
import { PARAMETER_NAME_PATTERN } from '../compiler/names';
import { derive } from '../store/derive';
import { PARAMETER_TYPES, type ParameterType } from '../spec/pipeline-spec';
import { formatValue, parseValue } from './value-text';
import { useEditor, useEditorStore } from './store-context';

function Field({ label, value, onChange, error, multiline, placeholder }: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={2} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={value} placeholder={placeholder} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

function ParameterRow({ param, index }: { param: PipelineParameter; index: number }) {
  const store = useEditorStore();
  const nameKey = `param:${index}:name`;
  const defaultKey = `param:${index}:default`;
  const nameDraft = useEditor((s) => s.drafts[nameKey]);
  const defaultDraft = useEditor((s) => s.drafts[defaultKey]);
  const ids = [useId(), useId(), useId()];

  const onName = (text: string) => {
    const others = store.getState().doc.parameters.filter((p) => p !== param).map((p) => p.name);
    const error = !text
      ? 'Parameter name: a parameter needs a name.'
      : !PARAMETER_NAME_PATTERN.test(text)
        ? `Parameter name “${text}”: use letters, digits and _, not starting with a digit.`
        : others.includes(text)
          ? `Parameter name “${text}” is already used.`
          : undefined;
    if (error) return store.getState().setDraft(nameKey, { text, error });
    store.getState().setDraft(nameKey, undefined);
    store.getState().renameParameter(param.name, text);
  };

  const applyDefault = (type: ParameterType, text: string) => {
    const parsed = parseValue(type, text, `Default of ${param.name}`);
    if (!parsed.ok) {
      store.getState().setDraft(defaultKey, { text, error: parsed.error });
      return;
    }
    store.getState().setDraft(defaultKey, text === formatValue(parsed.value) ? undefined : { text });
    store.getState().updateParameter(param.name, { type, default: parsed.value });
  };

  const onType = (type: ParameterType) => {
    const text = defaultDraft ? defaultDraft.text : formatValue(param.default);
    store.getState().updateParameter(param.name, { type });
    applyDefault(type, text);
  };

  const onRemove = () => {
    const uses = parameterUses(store.getState().doc, param.name).length;
    if (uses > 0 && !window.confirm(`Parameter ${param.name} is used by ${uses} input(s). Remove it and unbind them?`)) return;
    store.getState().removeParameter(param.name);
  };

  return (
    <li className="param-row">
      <div className={`field${nameDraft?.error ? ' invalid' : ''}`}>
        <label htmlFor={ids[0]}>Parameter name</label>
        <input
          id={ids[0]}
          type="text"
          value={nameDraft ? nameDraft.text : param.name}
          aria-invalid={!!nameDraft?.error}
          onChange={(e) => onName(e.target.value)}
        />
        {nameDraft?.error && (
          <div className="field-error" role="alert">
            {nameDraft.error}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids[1]}>Parameter type</label>
        <select id={ids[1]} value={param.type} onChange={(e) => onType(e.target.value as ParameterType)}>
          {PARAMETER_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${defaultDraft?.error ? ' invalid' : ''}`}>
        <label htmlFor={ids[2]}>Parameter default</label>
        <input
          id={ids[2]}
          type="text"
          value={defaultDraft ? defaultDraft.text : formatValue(param.default)}
          placeholder="no default (required at run time)"
          aria-invalid={!!defaultDraft?.error}
          onChange={(e) => applyDefault(param.type, e.target.value)}
          onBlur={() => {
            if (defaultDraft && !defaultDraft.error) store.getState().setDraft(defaultKey, undefined);
          }}
        />
        {defaultDraft?.error && (
          <div className="field-error" role="alert">
            {defaultDraft.error}
          </div>
        )}
      </div>
      <button type="button" className="danger small" aria-label={`Remove parameter ${param.name}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}

export function PipelinePanel() {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const engine = useEditor((s) => s.doc.target ?? 'vertex');
  const nameError = derive(doc, catalog).diagnostics.find((d) => d.code === 'BAD_PIPELINE_NAME')?.message;
  const set = store.getState().setPipelineInfo;
  return (
    <section className="panel pipeline-panel" aria-label="Pipeline settings">
      <h2>Pipeline</h2>
      <Field label="Pipeline name" value={doc.name} onChange={(name) => set({ name })} error={nameError} />
      <Field
        label="Pipeline root"
        value={doc.pipelineRoot ?? ''}
        placeholder="gs://bucket/path (where runs store artifacts)"
        onChange={(pipelineRoot) => set({ pipelineRoot })}
      />
      <Field label="Display name" value={doc.displayName ?? ''} onChange={(displayName) => set({ displayName })} />
      <Field label="Description" multiline value={doc.description ?? ''} onChange={(description) => set({ description })} />
      <div className="field">
        <label htmlFor="target-engine">Target engine</label>
        <select id="target-engine" value={engine} onChange={(e) => store.getState().setEngine(e.target.value as 'vertex' | 'kfp')}>
          <option value="vertex">Vertex AI Pipelines</option>
          <option value="kfp">Kubeflow Pipelines (open source, 2.x)</option>
        </select>
        <span className="help">The Problems panel warns about what this engine does not run, or runs differently.</span>
      </div>
      <h3>Parameters</h3>
      {doc.parameters.length === 0 && <p className="muted">No parameters. Parameters are values you pass when you start a run.</p>}
      <ul className="params">
        {doc.parameters.map((p, i) => (
          <ParameterRow key={i} param={p} index={i} />
        ))}
      </ul>
      <button type="button" onClick={() => store.getState().addParameter()}>
        Add parameter
      </button>
    </section>
  );
}
