import { copyToClipboard } from './actions';
import { GROUPS } from './flow-palette';
import { useEditor, useEditorStore } from './store-context';

/** Shown when several tasks are selected. */
export function SelectionPanel() {
  const store = useEditorStore();
  const count = useEditor((s) => s.selection.length);
  return (
    <section className="panel" aria-label="Selection">
      <h2>{count} tasks selected</h2>
      <div className="start-actions">
        <button type="button" onClick={() => void copyToClipboard(store)}>
          Copy
        </button>
        <button type="button" onClick={() => store.getState().duplicateSelection()}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => store.getState().deleteSelection()}>
          Delete {count} tasks
        </button>
      </div>
      <h3>Put them in a group</h3>
      <div className="start-actions">
        {GROUPS.filter((g) => g.id !== 'branches').map((g) => (
          <button key={g.id} type="button" title={g.help} onClick={() => store.getState().addFlowGroup(g.make(), store.getState().selection)}>
            {g.title}
          </button>
        ))}
      </div>
      <p className="muted">Shift+click adds or removes a task; Shift+drag on the canvas selects with a box.</p>
    </section>
  );
}
