import { useId, useState } from 'react';
import { taskEntry } from '../catalog/resolve';
import { outputPorts } from '../catalog/ports';
import { addGroup, enclosingGroups } from '../document/flow-operations';
import type { ConditionOperator, Group, LoopItems, Operand, PipelineDocument } from '../document/types';
import { PARAMETER_TYPES, type ParameterType } from '../spec/pipeline-spec';
import { derive } from '../store/derive';
import { numberGroups } from '../compiler/names';
import { EMPTY_CONDITION } from './flow-palette';
import { useEditor, useEditorStore } from './store-context';

const OPERATORS: ConditionOperator[] = ['==', '!=', '<', '<=', '>', '>='];
const KIND: Record<Group['kind'], string> = {
  condition: 'Condition',
  branches: 'If / Elif / Else',
  loop: 'Loop (ParallelFor)',
  exitHandler: 'Exit handler',
};

/** Values a group can test or loop over: parameters, parameter outputs of tasks outside it, enclosing loop items. */
function sources(doc: PipelineDocument, catalog: ReturnType<typeof useEditor<import('../catalog/catalog').Catalog>>, group: Group, keys: Map<string, string>, listsOnly: boolean) {
  const out: Array<{ value: string; label: string; operand: Operand | LoopItems }> = [];
  for (const p of doc.parameters)
    if (!listsOnly || p.type === 'LIST') out.push({ value: `param:${p.name}`, label: `parameter ${p.name}`, operand: { parameter: p.name } });
  const inside = new Set([group.id]);
  for (const g of doc.groups ?? []) if (enclosingGroups(doc, g.parent).includes(group.id)) inside.add(g.id);
  for (const t of doc.tasks) {
    if (t.group && inside.has(t.group)) continue;
    const entry = taskEntry(doc, catalog, t);
    for (const port of entry ? outputPorts(entry) : [])
      if (port.kind === 'parameter' && (!listsOnly || port.type === 'LIST'))
        out.push({ value: `out:${t.id}:${port.name}`, label: `${keys.get(t.id) ?? t.id}.${port.name}`, operand: { task: t.id, output: port.name } });
  }
  for (const gid of enclosingGroups(doc, group.parent)) {
    const g = doc.groups?.find((x) => x.id === gid);
    if (g?.kind === 'loop') out.push({ value: `item:${gid}`, label: `item of ${g.displayName || gid}`, operand: { loopItem: gid } });
  }
  return out;
}

const operandValue = (o: Operand | LoopItems | undefined) =>
  !o ? '' : 'parameter' in o ? `param:${o.parameter}` : 'task' in o ? `out:${o.task}:${o.output}` : 'loopItem' in o ? `item:${o.loopItem}` : 'constant';

function parseConstant(text: string): string | number | boolean {
  const t = text.trim();
  if (t === 'true' || t === 'True') return true;
  if (t === 'false' || t === 'False') return false;
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return t.replace(/^["']|["']$/g, '');
}

export function GroupInspector({ groupId }: { groupId: string }) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const group = doc.groups?.find((g) => g.id === groupId);
  const ids = [useId(), useId(), useId(), useId(), useId()];
  const [listText, setListText] = useState<string | null>(null);
  if (!group) return null;
  const { keys, diagnostics } = derive(doc, catalog);
  const label = numberGroups(doc).names.get(group.id) ?? group.id;
  const problems = diagnostics.filter((d) => 'groupId' in d && (d as { groupId?: string }).groupId === group.id);
  // Fields of any kind of group (the union's own keys); the document operation checks nothing more.
  const update = (patch: Record<string, unknown>) => store.getState().updateGroup(group.id, patch as never);
  const parent = group.parent ? doc.groups?.find((g) => g.id === group.parent) : undefined;
  const siblings = (doc.groups ?? []).filter((g) => g.parent === group.parent);
  const isElse = group.kind === 'condition' && parent?.kind === 'branches' && !group.condition && siblings[siblings.length - 1]?.id === group.id;

  return (
    <section className="panel inspector" aria-label={`Group ${label}`}>
      <div className="panel-head">
        <h2>{KIND[group.kind]}</h2>
        <button type="button" className="link" onClick={() => store.getState().select(null)}>
          Pipeline settings
        </button>
      </div>
      <p className="muted">
        In the spec: <code>{label}</code>
      </p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={ids[0]}>Group name</label>
        <input id={ids[0]} type="text" value={group.displayName ?? ''} placeholder={label} onChange={(e) => update({ displayName: e.target.value || undefined })} />
      </div>

      {group.kind === 'condition' && !isElse && (
        <fieldset className="task-options">
          <legend>Runs when</legend>
          <label htmlFor={ids[1]}>Value to test</label>
          <select
            id={ids[1]}
            value={operandValue(group.condition?.left)}
            onChange={(e) => {
              const src = sources(doc, catalog, group, keys, false).find((o) => o.value === e.target.value);
              if (src) update({ condition: { left: src.operand as Operand, operator: group.condition?.operator ?? '==', right: group.condition?.right ?? { constant: '' } } });
            }}
          >
            <option value="">Choose…</option>
            {sources(doc, catalog, group, keys, false).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <label htmlFor={ids[2]}>Operator</label>
          <select
            id={ids[2]}
            value={group.condition?.operator ?? '=='}
            onChange={(e) => group.condition && update({ condition: { ...group.condition, operator: e.target.value as ConditionOperator } })}
          >
            {OPERATORS.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
          <label htmlFor={ids[3]}>Compare with</label>
          <input
            id={ids[3]}
            type="text"
            placeholder="a value: text, number, true or false"
            value={group.condition && 'constant' in group.condition.right ? String(group.condition.right.constant) : ''}
            onChange={(e) => group.condition && update({ condition: { ...group.condition, right: { constant: parseConstant(e.target.value) } } })}
          />
        </fieldset>
      )}
      {isElse && <p>Else: runs when no branch before it ran.</p>}

      {group.kind === 'branches' && (
        <div className="start-actions">
          <button
            type="button"
            onClick={() => {
              // A new Elif goes before the Else (the order of branches is the order of the tests).
              const r = addGroup(doc, { kind: 'condition', parent: group.id, displayName: 'elif', condition: EMPTY_CONDITION });
              const groups = [...(r.doc.groups ?? [])];
              const added = groups.pop()!;
              const siblings = groups.filter((g) => g.parent === group.id);
              const elseGroup = siblings.find((g) => g.kind === 'condition' && !g.condition);
              const at = elseGroup ? groups.indexOf(elseGroup) : groups.length;
              groups.splice(at, 0, added);
              // Lay the branches out side by side inside the group, widening it to fit.
              const pos = group.position ?? { x: 0, y: 0 };
              const height = group.size?.height ?? 400;
              const kids = groups.filter((g) => g.parent === group.id);
              const laid = groups.map((g) => {
                const i = kids.indexOf(g);
                if (g.id === group.id) return { ...g, position: pos, size: { width: 20 + kids.length * 380, height } };
                if (i < 0) return g;
                return { ...g, position: { x: pos.x + 20 + i * 380, y: pos.y + 50 }, size: { width: 360, height: height - 70 } };
              });
              store.getState().restore({ ...r.doc, groups: laid });
            }}
          >
            Add Elif
          </button>
        </div>
      )}

      {group.kind === 'loop' && (
        <fieldset className="task-options">
          <legend>Loop over</legend>
          <label htmlFor={ids[1]}>Items</label>
          <select
            id={ids[1]}
            value={operandValue(group.items)}
            onChange={(e) => {
              if (e.target.value === 'constant') return update({ items: { constant: [] } });
              const src = sources(doc, catalog, group, keys, true).find((o) => o.value === e.target.value);
              if (src) update({ items: src.operand as LoopItems });
            }}
          >
            <option value="constant">A list written here</option>
            {sources(doc, catalog, group, keys, true).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {'constant' in group.items && (
            <>
              <label htmlFor={ids[2]}>List (JSON)</label>
              <textarea
                id={ids[2]}
                rows={3}
                value={listText ?? JSON.stringify(group.items.constant)}
                onChange={(e) => {
                  setListText(e.target.value);
                  try {
                    const v = JSON.parse(e.target.value);
                    if (Array.isArray(v)) update({ items: { constant: v } });
                  } catch {
                    // kept as typed until it is valid JSON
                  }
                }}
              />
            </>
          )}
          <label htmlFor={ids[3]}>At most at the same time</label>
          <input
            id={ids[3]}
            type="text"
            inputMode="numeric"
            placeholder="no limit"
            value={group.parallelism ?? ''}
            onChange={(e) => update({ parallelism: /^\d+$/.test(e.target.value) ? Number(e.target.value) : undefined })}
          />
          <label htmlFor={ids[4]}>Item type</label>
          <select id={ids[4]} value={group.itemType ?? ''} onChange={(e) => update({ itemType: (e.target.value || undefined) as ParameterType | undefined })}>
            <option value="">Not stated</option>
            {PARAMETER_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </fieldset>
      )}

      {group.kind === 'exitHandler' && (
        <div className="field">
          <label htmlFor={ids[1]}>Exit task</label>
          <select id={ids[1]} value={group.exitTask} onChange={(e) => update({ exitTask: e.target.value })}>
            <option value="">Choose the task that runs at the end…</option>
            {doc.tasks
              .filter((t) => !t.group)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {keys.get(t.id) ?? t.id}
                </option>
              ))}
          </select>
          <span className="help">It runs after everything in the group, whether that succeeded or failed (use a notification or clean-up step).</span>
        </div>
      )}

      <button type="button" className="danger" onClick={() => store.getState().removeGroup(group.id)}>
        Remove group (keep its tasks)
      </button>
    </section>
  );
}
