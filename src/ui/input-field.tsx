import { useId } from 'react';
import type { CatalogEntry, Port } from '../catalog/types';
import { isConstant, isLoopItemRef, isParameterRef, isTaskOutput, type Binding, type PipelineDocument, type Task } from '../document/types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';
import { findInput, outputPorts } from '../catalog/ports';
import { taskEntry } from '../catalog/resolve';
import { checkWire } from '../validate/validate';
import type { Catalog } from '../catalog/catalog';
import { formatValue, parseValue } from './value-text';
import { enclosingGroups } from '../document/flow-operations';
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import { dependentsOf, derive } from '../store/derive';
import { useEditor, useEditorStore } from './store-context';

interface Props {
  task: Task;
  port: Port;
  entry: CatalogEntry;
  doc: PipelineDocument;
  catalog: Catalog;
  keys: Map<string, string>;
}

/** Output ports by name, per catalog entry (entries are immutable). */
const outputPortCache = new WeakMap<CatalogEntry, Map<string, Port>>();
const outputPortsOf = (entry: CatalogEntry) => {
  let ports = outputPortCache.get(entry);
  if (!ports) outputPortCache.set(entry, (ports = new Map(outputPorts(entry).map((p) => [p.name, p]))));
  return ports;
};

/**
 * Upstream outputs that may feed this input (type-checked, no cycles): what `checkConnection`
 * accepts, with the cycle test done once for the whole list (the tasks downstream of this one
 * are refused) instead of one graph walk per task × output.
 */
function candidateOutputs(props: Props): Array<{ value: string; label: string }> {
  const { task, port, doc, catalog, keys } = props;
  const out: Array<{ value: string; label: string }> = [];
  const toEntry = taskEntry(doc, catalog, task);
  const inPort = toEntry && findInput(toEntry, port.name);
  // The final status of an exit handler's group is filled in by KFP, never by a wire.
  if (!inPort || (inPort.type as string) === 'TASK_FINAL_STATUS') return out;
  const downstream = dependentsOf(doc, task.id);
  for (const t of doc.tasks) {
    if (downstream.has(t.id)) continue;
    const entry = catalog.get(t.component);
    if (!entry) continue;
    const fromEntry = taskEntry(doc, catalog, t);
    if (!fromEntry) continue;
    const fromPorts = outputPortsOf(fromEntry);
    const outputs = [
      ...Object.keys(entry.outputDefinitions?.artifacts ?? {}),
      ...Object.keys(entry.outputDefinitions?.parameters ?? {}),
    ].sort();
    for (const o of outputs) {
      const outPort = fromPorts.get(o);
      if (!outPort || checkWire(outPort, inPort)) continue;
      out.push({ value: `out:${t.id}:${o}`, label: `${keys.get(t.id)}.${o}` });
    }
  }
  return out;
}

/**
 * Fan-in (`dsl.Collected`): outputs of tasks inside a loop that does not enclose this task,
 * gathered as a list — for LIST parameter inputs and artifact-list inputs of the same type.
 */
function collectedChoices(props: Props): Array<{ value: string; label: string }> {
  const { task, port, doc, catalog, keys } = props;
  const mine = new Set(enclosingGroups(doc, task.group));
  const loopOf = (t: Task) => enclosingGroups(doc, t.group).find((g) => doc.groups?.find((x) => x.id === g)?.kind === 'loop' && !mine.has(g));
  const out: Array<{ value: string; label: string }> = [];
  for (const t of doc.tasks) {
    if (t.id === task.id || !loopOf(t)) continue;
    const entry = taskEntry(doc, catalog, t);
    for (const o of entry ? outputPorts(entry) : []) {
      const fits = port.kind === 'parameter' ? port.type === 'LIST' && o.kind === 'parameter' : port.isList && o.kind === 'artifact' && (o.type === port.type || port.type === 'system.Artifact');
      if (fits) out.push({ value: `collected:${t.id}:${o.name}`, label: `all results of ${keys.get(t.id) ?? t.id}.${o.name}` });
    }
  }
  return out;
}

/** The items of the loops around a task (and the fields of a static list of dicts). */
function loopItemChoices(doc: PipelineDocument, group: string | undefined): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  for (const gid of enclosingGroups(doc, group)) {
    const g = doc.groups?.find((x) => x.id === gid);
    if (g?.kind !== 'loop') continue;
    const name = g.displayName || 'loop';
    out.push({ value: `item:${gid}`, label: `item of ${name}` });
    const first = 'constant' in g.items ? g.items.constant[0] : undefined;
    if (first && typeof first === 'object' && !Array.isArray(first))
      for (const field of Object.keys(first)) out.push({ value: `item:${gid}:${field}`, label: `item.${field} of ${name}` });
  }
  return out;
}

/** One group of sources in the chooser (nothing when empty). */
function OptionGroup({ label, options }: { label: string; options: Array<{ value: string; label: string }> }) {
  if (options.length === 0) return null;
  return (
    <optgroup label={label}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </optgroup>
  );
}

export function InputField(props: Props) {
  const { task, port, entry, doc, keys } = props;
  const store = useEditorStore();
  const id = useId();
  const fieldKey = `input:${task.id}:${port.name}`;
  const draft = useEditor((s) => s.drafts[fieldKey]);
  const problems = useEditor((s) => derive(s.doc, s.catalog).diagnostics).filter(
    (d) => d.taskId === task.id && d.input === port.name,
  );
  const binding = task.inputs[port.name];
  const required = !port.optional && !port.hasDefault;
  const help = entry.help[port.name];

  const sourceValue = !binding
    ? 'unset'
    : isConstant(binding)
      ? 'constant'
      : isParameterRef(binding)
        ? `param:${binding.parameter}`
        : isLoopItemRef(binding)
          ? `item:${binding.loopItem}${binding.field ? `:${binding.field}` : ''}`
          : isTaskOutput(binding)
            ? `${binding.collected ? 'collected' : 'out'}:${binding.task}:${binding.output}`
            : 'other';
  const loopItems = loopItemChoices(doc, task.group);
  if (binding && isLoopItemRef(binding) && !loopItems.some((o) => o.value === sourceValue))
    loopItems.push({ value: sourceValue, label: `item${binding.field ? `.${binding.field}` : ''}` });

  const params = doc.parameters.filter((p) => port.kind === 'parameter' && p.type === port.type);
  const outputs = candidateOutputs(props);
  const collected = collectedChoices(props);
  if (binding && isTaskOutput(binding) && !outputs.some((o) => o.value === sourceValue))
    outputs.push({
      value: sourceValue,
      label: `${binding.collected ? 'all results of ' : ''}${keys.get(binding.task) ?? binding.task}.${binding.output}`,
    });
  if (binding && isParameterRef(binding) && !params.some((p) => p.name === binding.parameter))
    params.push({ name: binding.parameter, type: port.type as ParameterType });

  const setBinding = (b: Binding | undefined) => {
    store.getState().setDraft(fieldKey, undefined);
    store.getState().setInput(task.id, port.name, b);
  };

  const onSource = (value: string) => {
    if (value === 'unset') setBinding(undefined);
    else if (value === 'constant') {
      const fallback: JsonValue =
        port.defaultValue !== undefined ? (port.defaultValue as JsonValue) : emptyOf(port.type as ParameterType);
      setBinding({ constant: fallback });
    } else if (value.startsWith('param:')) setBinding({ parameter: value.slice(6) });
    else if (value.startsWith('item:')) {
      const [, loop, field] = value.split(':');
      setBinding(field ? { loopItem: loop, field } : { loopItem: loop });
    } else if (value === 'other') return;
    else if (value.startsWith('collected:')) {
      const [, from, output] = value.split(':');
      setBinding({ task: from, output, collected: true });
    } else {
      const [, from, output] = value.split(':');
      store.getState().connect(from, output, task.id, port.name);
    }
  };

  const onText = (text: string) => {
    const parsed = parseValue(port.type as ParameterType, text, port.name);
    if (!parsed.ok) {
      store.getState().setDraft(fieldKey, { text, error: parsed.error });
      return;
    }
    store.getState().setInput(task.id, port.name, parsed.value === undefined ? undefined : { constant: parsed.value });
    store.getState().setDraft(fieldKey, { text });
  };
  const onBlur = () => {
    if (draft && !draft.error) store.getState().setDraft(fieldKey, undefined);
  };

  const placeholder = port.hasDefault ? `default: ${formatValue(port.defaultValue as JsonValue)}` : required ? 'required' : 'not set';
  const constantText = binding && isConstant(binding) ? formatValue(binding.constant) : '';
  const text = draft ? draft.text : constantText;
  const errorId = `${id}-error`;

  let field;
  if (port.kind === 'artifact' || (binding && !isConstant(binding))) {
    const shown = !binding
      ? ''
      : isParameterRef(binding)
        ? `{{ ${binding.parameter} }} (pipeline parameter)`
        : isTaskOutput(binding)
          ? `← ${binding.collected ? 'all results of ' : ''}${keys.get(binding.task) ?? binding.task}.${binding.output}`
          : isLoopItemRef(binding)
            ? `← loop item${binding.field ? `.${binding.field}` : ''}`
            : '(set in the spec: a template or one-of; shown as it is)';
    field = (
      <input id={id} className="value" readOnly value={shown} placeholder={port.kind === 'artifact' ? 'not connected' : placeholder} />
    );
  } else if (port.type === 'BOOLEAN') {
    const checked = binding && isConstant(binding) ? binding.constant === true : port.defaultValue === true;
    field = (
      <input id={id} type="checkbox" checked={checked} onChange={(e) => setBinding({ constant: e.target.checked })} />
    );
  } else if (port.type === 'STRUCT' || port.type === 'LIST') {
    field = (
      <textarea
        id={id}
        className="value json"
        rows={2}
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        aria-invalid={!!draft?.error}
        aria-describedby={draft?.error ? errorId : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
      />
    );
  } else {
    field = (
      <input
        id={id}
        className="value"
        type="text"
        inputMode={port.type === 'STRING' ? 'text' : 'decimal'}
        value={text}
        placeholder={placeholder}
        aria-invalid={!!draft?.error}
        aria-describedby={draft?.error ? errorId : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
      />
    );
  }

  return (
    <div className={`input-field${draft?.error ? ' invalid' : ''}`} data-input={port.name}>
      <div className="input-label-row">
        <label htmlFor={id} className="input-name">
          {port.name}
        </label>
        {required && <span className="req" title="required">*</span>}
        <span className="input-type">{port.type}</span>
        <select
          aria-label={`Source of ${port.name}`}
          className="source"
          value={sourceValue}
          onChange={(e) => onSource(e.target.value)}
        >
          <option value="unset">{required ? 'Not set (required)' : 'Not set'}</option>
          {port.kind === 'parameter' && <option value="constant">Constant</option>}
          <OptionGroup label="Pipeline parameters" options={params.map((p) => ({ value: `param:${p.name}`, label: p.name }))} />
          <OptionGroup label="Loop item" options={loopItems} />
          {sourceValue === 'other' && <option value="other">Advanced (from the spec)</option>}
          <OptionGroup label="All results of a loop (Collected)" options={collected} />
          <OptionGroup label="Upstream outputs" options={outputs} />
        </select>
      </div>
      {field}
      {port.kind === 'parameter' && port.type === 'STRING' && (!binding || isConstant(binding)) && (
        <select
          className="insert-placeholder"
          aria-label={`Insert a runtime value into ${port.name}`}
          value=""
          onChange={(e) => {
            if (!e.target.value) return;
            const current = binding && isConstant(binding) && typeof binding.constant === 'string' ? binding.constant : '';
            setBinding({ constant: current + e.target.value });
          }}
        >
          <option value="">Insert a runtime value…</option>
          {RUNTIME_PLACEHOLDERS.map((p) => (
            <option key={p.value} value={p.value} title={p.explanation}>
              {p.label}: {p.explanation}
            </option>
          ))}
        </select>
      )}
      {draft?.error && (
        <div id={errorId} className="field-error" role="alert">
          {draft.error}
        </div>
      )}
      {problems.map((p, i) => (
        <div key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role={p.severity === 'warning' ? 'note' : undefined}>
          {p.message}
        </div>
      ))}
      {help && <div className="help">{help}</div>}
    </div>
  );
}

function emptyOf(type: ParameterType): JsonValue {
  switch (type) {
    case 'STRING':
      return '';
    case 'NUMBER_INTEGER':
    case 'NUMBER_DOUBLE':
      return 0;
    case 'BOOLEAN':
      return false;
    case 'STRUCT':
      return {};
    case 'LIST':
      return [];
  }
}
