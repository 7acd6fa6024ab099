import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NewGroup } from '../document/flow-operations';
import { DEFAULT_GROUP } from './group-layout';
import { ComponentEditor } from './component-editor';
import { placeNear, viewportCentre } from './placement';
import { useEditor, useEditorStore } from './store-context';

const GROUPS: Array<{ id: string; title: string; help: string; make(): NewGroup }> = [
  { id: 'condition', title: 'Condition (If)', help: 'Runs what it holds only when a test is true.', make: () => ({ kind: 'condition' }) },
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

  const addGroup = (make: () => NewGroup, kind: string) => {
    const s = store.getState();
    const selected = s.selection;
    const centre = viewportCentre(flow);
    const rect = { position: { x: Math.round(centre.x - DEFAULT_GROUP.width / 2), y: Math.round(centre.y - DEFAULT_GROUP.height / 2) }, size: DEFAULT_GROUP };
    s.beginEdit();
    if (kind === 'branches') {
      const at = rect.position;
      const wide = { position: at, size: { width: 780, height: 400 } };
      const id = s.addFlowGroup({ ...make(), ...(selected.length ? {} : wide) }, []);
      const half = { width: 360, height: 330 };
      const place = (dx: number) => (selected.length ? {} : { position: { x: at.x + dx, y: at.y + 50 }, size: half });
      store.getState().addFlowGroup({ kind: 'condition', parent: id, displayName: 'if', ...place(20) }, selected);
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
            <button type="button" className="palette-item flow-item" data-testid={`palette-item-kfp.${g.id}`} title={`${g.help} Select tasks first to wrap them.`} onClick={() => addGroup(g.make, g.id)}>
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
          .filter(([, def]) => def.kind === 'container')
          .map(([id, def]) => (
            <li key={id} className="my-component">
              <button
                type="button"
                className="palette-item flow-item"
                data-testid={`palette-item-${id}`}
                onClick={() => store.getState().addComponent(id, placeNear(flow, store.getState().doc.tasks))}
              >
                <span className="palette-title">{def.name}</span>
                <span className="palette-id">{def.kind === 'container' ? def.image : ''}</span>
              </button>
              <button type="button" className="small" aria-label={`Edit component ${def.name}`} onClick={() => setEditing({ id })}>
                Edit
              </button>
            </li>
          ))}
        <li>
          <button type="button" className="small" onClick={() => setEditing({})}>
            New container component…
          </button>
        </li>
      </ul>
      {editing && <ComponentEditor id={editing.id} onClose={() => setEditing(null)} />}
    </section>
  );
}
