import { Suspense, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NewGroup } from '../document/flow-operations';
import { DEFAULT_GROUP } from './group-layout';
import { ComponentEditor } from './editor-parts';
import { placeNear, takenRects } from './placement';
import { DRAG_MIME } from './palette';
import { useEditor, useEditorStore } from './store-context';

/** A test still to be filled in (the validator says so until it is). */
export const EMPTY_CONDITION = { left: { constant: '' }, operator: '==' as const, right: { constant: '' } };

export const GROUPS: Array<{ id: string; title: string; help: string; make(): NewGroup }> = [
  { id: 'condition', title: 'Condition (If)', help: 'Runs what it holds only when a test is true.', make: () => ({ kind: 'condition', condition: EMPTY_CONDITION }) },
  { id: 'branches', title: 'If / Elif / Else', help: 'Exactly one branch runs: the first whose test is true, or Else.', make: () => ({ kind: 'branches' }) },
  { id: 'loop', title: 'Loop (ParallelFor)', help: 'Runs what it holds once per item of a list, in parallel.', make: () => ({ kind: 'loop', items: { constant: [] } }) },
  { id: 'exitHandler', title: 'Exit handler', help: 'Its exit task runs when the group ends, even after a failure.', make: () => ({ kind: 'exitHandler', exitTask: '' }) },
];

/** Control flow, the importer and the person's own components, at the top of the palette. */
export function FlowPalette() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const components = useEditor((s) => s.doc.components);
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const addGroup = (make: () => NewGroup, kind: string) => {
    const s = store.getState();
    const selected: string[] = []; // the palette adds empty groups; the selection panel wraps tasks
    const size = kind === 'branches' ? { width: 780, height: 400 } : DEFAULT_GROUP;
    // A new group goes below everything on the canvas, and the view moves to show it.
    const taken = [...takenRects(flow, s.doc.tasks), ...(s.doc.groups ?? []).filter((g) => g.position && g.size).map((g) => ({ ...g.position!, ...g.size! }))];
    const at = taken.length
      ? { x: Math.round(Math.min(...taken.map((r) => r.x))), y: Math.round(Math.max(...taken.map((r) => r.y + r.height)) + 60) }
      : placeNear(flow, [], size);
    const rect = { position: at, size: DEFAULT_GROUP };
    requestAnimationFrame(() => void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: Math.min(1, flow.getZoom()), duration: 0 }));
    s.beginEdit();
    if (kind === 'branches') {
      const at = rect.position;
      const wide = { position: at, size: { width: 780, height: 400 } };
      const id = s.addFlowGroup({ ...make(), ...(selected.length ? {} : wide) }, []);
      const half = { width: 360, height: 330 };
      const place = (dx: number) => (selected.length ? {} : { position: { x: at.x + dx, y: at.y + 50 }, size: half });
      store.getState().addFlowGroup({ kind: 'condition', parent: id, displayName: 'if', condition: EMPTY_CONDITION, ...place(20) }, selected);
      store.getState().addFlowGroup({ kind: 'condition', parent: id, displayName: 'else', ...place(400) }, []);
      store.getState().selectGroup(id);
    } else s.addFlowGroup({ ...make(), ...(selected.length ? {} : rect) }, selected);
    store.getState().endEdit();
  };

  return (
    <section className="palette-group" aria-label="Control flow and building blocks">
      <h3>Control flow</h3>
      <ul>
        {GROUPS.map((g) => (
          <li key={g.id}>
            <button type="button" className="palette-item flow-item" data-testid={`palette-item-kfp.${g.id}`} title={g.help} onClick={() => addGroup(g.make, g.id)}>
              <span className="palette-title">{g.title}</span>
              <span className="palette-id">{g.help}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="palette-item flow-item"
            data-testid="palette-item-kfp.importer"
            onClick={() => store.getState().addImporterTask(placeNear(flow, store.getState().doc.tasks))}
          >
            <span className="palette-title">Importer</span>
            <span className="palette-id">Brings an existing artifact (by URI) into the pipeline.</span>
          </button>
        </li>
      </ul>
      <h3>My components</h3>
      <ul>
        {Object.entries(components ?? {})
          .map(([id, def]) => (
            <li key={id} className="my-component">
              <button
                type="button"
                className="palette-item flow-item"
                data-testid={`palette-item-${id}`}
                draggable
                onDragStart={(e) => e.dataTransfer.setData(DRAG_MIME, id)}
                onClick={() => store.getState().addComponent(id, placeNear(flow, store.getState().doc.tasks))}
              >
                <span className="palette-title">{def.name}</span>
                <span className="palette-id">{def.kind === 'container' ? def.image : 'loaded from a file (read-only)'}</span>
              </button>
              {def.kind === 'container' && (
                <button type="button" className="small" aria-label={`Edit component ${def.name}`} onClick={() => setEditing({ id })}>
                  Edit
                </button>
              )}
            </li>
          ))}
        <li className="my-component">
          <button type="button" className="small" onClick={() => setEditing({})}>
            New container component…
          </button>
          <button type="button" className="small" onClick={() => fileInput.current?.click()}>
            Load component file…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".yaml,.yml,.json"
            aria-label="Load component file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const { parseCompiledComponent } = await import('../catalog/import-component');
              const r = parseCompiledComponent(await file.text(), file.name);
              if (!r.ok) return store.getState().showNotice({ kind: 'error', message: r.error });
              store.getState().addEmbeddedComponent(r.component);
              store.getState().showNotice({ kind: 'info', message: `Added ${r.component.name} to My components.${r.notes.length ? ` ${r.notes.join(' ')}` : ''}` });
            }}
          />
        </li>
      </ul>
      {editing && (
        <Suspense fallback={null}>
          <ComponentEditor id={editing.id} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </section>
  );
}
