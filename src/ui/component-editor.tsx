import { useState } from 'react';
import type { CommandLineItem, ComponentInputDef, ComponentOutputDef, ContainerComponentDef, IoType } from '../document/types';
import { PARAMETER_TYPES, type JsonValue } from '../spec/pipeline-spec';
import { Dialog } from './dialog';
import { useEditor, useEditorStore } from './store-context';

const PLACEHOLDER = /\{\{(inputValue|input|inputPath|inputUri|outputPath|outputUri|executorInput)(?::([A-Za-z_][A-Za-z0-9_]*))?\}\}/g;

/** One command-line item from a line of text: `{{input:msg}}`, `{{outputPath:out}}`, text, or a mix (concat). */
export function parseItem(line: string): CommandLineItem {
  // `{{ifPresent:name}} --flag {{input:name}}`: the rest of the line, only when the input is given.
  const cond = /^\{\{ifPresent:([A-Za-z_][A-Za-z0-9_]*)\}\}\s*(.*)$/.exec(line);
  if (cond) return { ifPresent: { input: cond[1], then: cond[2].split(/\s+/).filter(Boolean).map(parseItem) } };
  const parts: CommandLineItem[] = [];
  let last = 0;
  for (const m of line.matchAll(PLACEHOLDER)) {
    if (m.index! > last) parts.push(line.slice(last, m.index));
    const [, kind, name = ''] = m;
    parts.push(
      kind === 'executorInput'
        ? { executorInput: true }
        : kind === 'input' || kind === 'inputValue'
          ? { inputValue: name }
          : kind === 'inputPath'
            ? { inputPath: name }
            : kind === 'inputUri'
              ? { inputUri: name }
              : kind === 'outputPath'
                ? { outputPath: name }
                : { outputUri: name },
    );
    last = m.index! + m[0].length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts.length === 1 ? parts[0] : { concat: parts };
}

export function itemText(item: CommandLineItem): string {
  if (typeof item === 'string') return item;
  if ('inputValue' in item) return `{{input:${item.inputValue}}}`;
  if ('inputPath' in item) return `{{inputPath:${item.inputPath}}}`;
  if ('inputUri' in item) return `{{inputUri:${item.inputUri}}}`;
  if ('outputPath' in item) return `{{outputPath:${item.outputPath}}}`;
  if ('outputUri' in item) return `{{outputUri:${item.outputUri}}}`;
  if ('executorInput' in item) return '{{executorInput}}';
  if ('concat' in item) return item.concat.map(itemText).join('');
  if ('ifPresent' in item) {
    const then = Array.isArray(item.ifPresent.then) ? item.ifPresent.then : [item.ifPresent.then];
    return `{{ifPresent:${item.ifPresent.input}}} ${then.map(itemText).join(' ')}`;
  }
  return JSON.stringify(item);
}

function parseType(text: string): IoType | undefined {
  if ((PARAMETER_TYPES as readonly string[]).includes(text)) return text as IoType;
  if (/^(system|google)\.[A-Za-z]+$/.test(text)) return { schemaTitle: text, schemaVersion: '0.0.1' };
  return undefined;
}
const typeText = (t: IoType) => (typeof t === 'string' ? t : t.schemaTitle);

/** `name: TYPE` or `name: TYPE = default` per line. */
function parsePorts(text: string, kind: 'input' | 'output', errors: string[]): Array<ComponentInputDef | ComponentOutputDef> {
  const out: Array<ComponentInputDef | ComponentOutputDef> = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z_.]+)\s*(?:=\s*(.*))?$/.exec(line);
    const type = m && parseType(m[2]);
    if (!m || !type) return void errors.push(`${kind}s line ${i + 1}: write “name: TYPE” (STRING, NUMBER_INTEGER, …, or an artifact type like system.Dataset).`);
    const def: ComponentInputDef = { name: m[1], type };
    if (m[3] !== undefined && kind === 'input') {
      try {
        def.default = JSON.parse(m[3]) as JsonValue;
      } catch {
        def.default = m[3];
      }
    }
    out.push(def);
  });
  return out;
}

/** Make or change a container component of this pipeline ("My components"). */
export function ComponentEditor({ id, onClose }: { id?: string; onClose(): void }) {
  const store = useEditorStore();
  const existing = useEditor((s) => (id ? s.doc.components?.[id] : undefined));
  const def = existing?.kind === 'container' ? existing : undefined;
  const [name, setName] = useState(def?.name ?? 'my-step');
  const [image, setImage] = useState(def?.image ?? 'alpine:3.19');
  const [inputs, setInputs] = useState(def ? def.inputs.map((p) => `${p.name}: ${typeText(p.type)}${p.default !== undefined ? ` = ${JSON.stringify(p.default)}` : ''}`).join('\n') : 'message: STRING');
  const [outputs, setOutputs] = useState(def ? def.outputs.map((p) => `${p.name}: ${typeText(p.type)}`).join('\n') : '');
  const [command, setCommand] = useState(def ? def.command.map(itemText).join('\n') : 'echo');
  const [args, setArgs] = useState(def ? def.args.map(itemText).join('\n') : '{{input:message}}');
  const [errors, setErrors] = useState<string[]>([]);

  const save = () => {
    const errs: string[] = [];
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) errs.push('Name: lower-case letters, digits and hyphens (it becomes the task key).');
    if (!image.trim()) errs.push('Image: the container image to run, e.g. python:3.11.');
    const ins = parsePorts(inputs, 'input', errs) as ComponentInputDef[];
    const outs = parsePorts(outputs, 'output', errs) as ComponentOutputDef[];
    const lines = (t: string) => t.split('\n').filter((l) => l.trim() !== '').map(parseItem);
    const next: ContainerComponentDef = { kind: 'container', name, image: image.trim(), inputs: ins, outputs: outs, command: lines(command), args: lines(args) };
    const known = new Set([...ins, ...outs].map((p) => p.name));
    const flat = (i: CommandLineItem): CommandLineItem[] =>
      typeof i === 'object' && 'concat' in i
        ? i.concat.flatMap(flat)
        : typeof i === 'object' && 'ifPresent' in i
          ? [{ inputValue: i.ifPresent.input }, ...(Array.isArray(i.ifPresent.then) ? i.ifPresent.then : [i.ifPresent.then]).flatMap(flat)]
          : [i];
    for (const item of [...next.command, ...next.args].flatMap(flat))
      if (typeof item === 'object') {
        const ref = Object.values(item)[0];
        if (typeof ref === 'string' && !known.has(ref)) errs.push(`The placeholder for “${ref}” names no input or output.`);
      }
    setErrors(errs);
    if (errs.length) return;
    if (id) store.getState().updateEmbeddedComponent(id, next);
    else store.getState().addEmbeddedComponent(next);
    onClose();
  };

  const area = (label: string, value: string, set: (v: string) => void, help: string) => (
    <div className="field">
      <label htmlFor={`ce-${label}`}>{label}</label>
      <textarea id={`ce-${label}`} rows={3} spellCheck={false} value={value} onChange={(e) => set(e.target.value)} />
      <span className="help">{help}</span>
    </div>
  );
  return (
    <Dialog title={id ? 'Edit container component' : 'New container component'} onClose={onClose}>
      <div className="field">
        <label htmlFor="ce-name">Component name</label>
        <input id="ce-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ce-image">Image</label>
        <input id="ce-image" type="text" value={image} onChange={(e) => setImage(e.target.value)} />
      </div>
      {area('Inputs', inputs, setInputs, 'One per line: name: TYPE, optionally = default (JSON).')}
      {area('Outputs', outputs, setOutputs, 'One per line: name: TYPE (a parameter type or an artifact type such as system.Dataset).')}
      {area('Command', command, setCommand, 'One item per line.')}
      {area('Arguments', args, setArgs, 'One item per line; placeholders: {{input:name}}, {{inputPath:name}}, {{inputUri:name}}, {{outputPath:name}}, {{outputUri:name}}, {{executorInput}}; a line starting with {{ifPresent:name}} is used only when that input is given.')}
      {errors.length > 0 && (
        <ul className="problems" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="start-actions">
        <button type="button" className="primary" onClick={save}>
          Save component
        </button>
      </div>
    </Dialog>
  );
}
