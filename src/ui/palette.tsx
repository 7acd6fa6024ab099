import { useMemo, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { inputPorts, outputPorts } from '../catalog/ports';
import type { CatalogEntry } from '../catalog/types';
import { ComponentPreview } from './component-preview';
import { FlowPalette } from './flow-palette';
import { placeNear } from './placement';
import { useEditor, useEditorStore } from './store-context';

export const DRAG_MIME = 'application/x-pipeline-canvas-component';

function matches(entry: CatalogEntry, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = [
    entry.id,
    entry.name,
    entry.title,
    entry.summary,
    ...inputPorts(entry).map((p) => p.name),
    ...outputPorts(entry).map((p) => p.name),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function Palette() {
  const store = useEditorStore();
  const catalog = useEditor((s) => s.catalog);
  const ready = useEditor((s) => s.catalogReady);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const flow = useReactFlow();

  const groups = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const byModule = new Map<string, CatalogEntry[]>();
    for (const e of [...catalog.entries.values()].sort((a, b) => a.title.localeCompare(b.title))) {
      if (!matches(e, words)) continue;
      if (!byModule.has(e.module)) byModule.set(e.module, []);
      byModule.get(e.module)!.push(e);
    }
    return [...byModule.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [catalog, query]);
  const flat = groups.flatMap(([, list]) => list);

  const addAtCentre = (id: string) => {
    store.getState().addComponent(id, placeNear(flow, store.getState().doc.tasks));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const index = active ? flat.findIndex((x) => x.id === active) : -1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = flat[Math.max(0, Math.min(flat.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) {
        setActive(next.id);
        document.querySelector<HTMLElement>(`[data-testid="palette-item-${CSS.escape(next.id)}"]`)?.focus();
      }
    } else if (e.key === 'Enter' && index >= 0) {
      e.preventDefault();
      addAtCentre(flat[index].id);
    }
  };

  return (
    <nav className="palette" aria-label="Components" onKeyDown={onKeyDown}>
      <input
        type="search"
        className="palette-search"
        placeholder="Search components"
        aria-label="Search components"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!ready && <p className="muted">Loading components…</p>}
      {ready && flat.length === 0 && <p className="muted">No component matches “{query}”.</p>}
      <div className="palette-list">
        {!query && <FlowPalette />}
        {groups.map(([module, list]) => (
          <section key={module} className="palette-group">
            <h3>{module}</h3>
            <ul>
              {list.map((e) => (
                <li key={e.id}>
                  <div
                    role="button"
                    tabIndex={0}
                    className={`palette-item${active === e.id ? ' active' : ''}`}
                    data-testid={`palette-item-${e.id}`}
                    draggable
                    aria-current={active === e.id ? 'true' : undefined}
                    title={e.summary}
                    onFocus={() => setActive(e.id)}
                    onClick={() => setActive(e.id)}
                    onDoubleClick={() => addAtCentre(e.id)}
                    onDragStart={(ev) => {
                      ev.dataTransfer.setData(DRAG_MIME, e.id);
                      ev.dataTransfer.setData('text/plain', e.id);
                      ev.dataTransfer.effectAllowed = 'copy';
                    }}
                  >
                    <span className="palette-title">{e.title}</span>
                    <span className="palette-id">{e.id.split('.').pop()}</span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {active && catalog.get(active) && <ComponentPreview entry={catalog.get(active)!} />}
    </nav>
  );
}
