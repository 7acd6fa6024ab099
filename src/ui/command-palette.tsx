import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { ACTIONS, type ActionContext } from './actions';
import { derive } from '../store/derive';
import { Dialog } from './dialog';
import { placeNear } from './placement';
import { useEditor, useEditorStore } from './store-context';

interface Command {
  id: string;
  title: string;
  keys?: string;
  run(): void;
}

/** Ctrl/Cmd+K: every action by name, and "Add component …" for every catalog entry. */
export function CommandPalette({ ctx, onClose }: { ctx: Omit<ActionContext, 'store' | 'flow'>; onClose(): void }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const catalog = useEditor((s) => s.catalog);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);

  const commands = useMemo<Command[]>(() => {
    const full: ActionContext = { ...ctx, store, flow };
    const list: Command[] = ACTIONS.filter((a) => a.id !== 'commands').map((a) => ({
      id: a.id,
      title: a.title,
      keys: a.keys,
      run: () => void a.run(full),
    }));
    const s = store.getState();
    const keys = derive(s.doc, s.catalog).keys;
    for (const t of s.doc.tasks) {
      const key = keys.get(t.id) ?? t.id;
      list.push({
        id: `select:${t.id}`,
        title: `Select task ${key}`,
        run: () => {
          store.getState().select(t.id);
          const n = flow.getInternalNode(t.id);
          if (n) void flow.setCenter(n.position.x + (n.measured.width ?? 0) / 2, n.position.y + (n.measured.height ?? 0) / 2, { zoom: flow.getZoom(), duration: 200 });
        },
      });
    }
    for (const e of [...catalog.entries.values()].sort((a, b) => a.title.localeCompare(b.title)))
      list.push({
        id: `add:${e.id}`,
        title: `Add component ${e.title} (${e.id.split('.').pop()})`,
        run: () => {
          store.getState().addComponent(e.id, placeNear(flow, store.getState().doc.tasks));
        },
      });
    return list;
  }, [catalog, ctx, flow, store]);

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = commands.filter((c) => words.every((w) => `${c.title} ${c.id}`.toLowerCase().includes(w))).slice(0, 50);
  const active = Math.min(index, Math.max(0, shown.length - 1));
  const runAt = (i: number) => {
    const c = shown[i];
    if (!c) return;
    onClose();
    c.run();
  };

  return (
    <Dialog title="Command palette" onClose={onClose}>
      <input
        type="search"
        className="command-input"
        placeholder="Type a command or a component name"
        aria-label="Command"
        aria-controls="command-list"
        aria-activedescendant={shown[active] ? `command-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex(Math.min(active + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setIndex(Math.max(active - 1, 0));
          else if (e.key === 'Enter') runAt(active);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="command-list" role="listbox" aria-label="Commands" className="command-list">
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`command-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseMove={() => i !== active && setIndex(i)}
            onClick={() => runAt(i)}
          >
            <span>{c.title}</span>
            {c.keys && <kbd>{c.keys}</kbd>}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No command matches.</li>}
      </ul>
    </Dialog>
  );
}

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {ACTIONS.filter((a) => a.keys).map((a) => (
            <tr key={a.id}>
              <td>
                <kbd>{a.keys}</kbd>
              </td>
              <td>{a.title}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Shift+click</kbd>, <kbd>Shift+drag</kbd>
            </td>
            <td>Add to the selection, select with a box</td>
          </tr>
          <tr>
            <td>
              <kbd>↑ ↓ Enter</kbd>
            </td>
            <td>In the palette: move through components and add one</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
