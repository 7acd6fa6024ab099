/**
 * Canvas positions for a document whose tasks have none yet (built in code, imported):
 * columns by dependency depth (data wires and `after`), rows in creation order.
 * Deterministic and safe with cycles. The editor's "Tidy up" refines it with measured sizes.
 */
import type { PipelineDocument } from './types';

export function layoutByDepth(doc: PipelineDocument, spacing = { x: 420, y: 320 }): PipelineDocument {
  const depth = new Map<string, number>();
  const rows = new Map<number, number>();
  const tasks = doc.tasks.map((t) => {
    const ups = [...t.after];
    for (const b of Object.values(t.inputs)) if (b && typeof b === 'object' && 'task' in b && typeof b.task === 'string') ups.push(b.task);
    const d = Math.max(0, ...ups.map((u) => (depth.get(u) ?? -1) + 1));
    depth.set(t.id, d);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { ...t, position: { x: d * spacing.x, y: row * spacing.y } };
  });
  return { ...doc, tasks };
}
