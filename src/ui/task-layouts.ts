import { useMemo, useRef, useState } from 'react';
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import type { CatalogEntry } from '../catalog/types';
import type { PipelineDocument, Task } from '../document/types';
import { canvasMeasure, taskLayout, taskShape, type TaskLayout } from './task-size';

/** A size React Flow measured, with the layout the node had then (a stale one is not used). */
export type Measured = { size: { width: number; height: number }; layout: TaskLayout };
export type LayoutEntry = {
  task: Task;
  entry: CatalogEntry | undefined;
  taskKey: string;
  expanded: boolean;
  layout: TaskLayout;
  /** What the node shows (taskShape), as text: an edit that leaves it unchanged keeps the layout object. */
  shape: string;
};

/**
 * Every task's layout (size and handle positions, task-size.ts), kept per task while what its
 * node shows is unchanged, and its size as drawn: as React Flow measured it for the current
 * layout, else as computed (not drawn yet). `layoutsRef` is the latest, for event handlers.
 */
export function useTaskLayouts(
  doc: PipelineDocument,
  catalog: Catalog,
  keys: ReadonlyMap<string, string>,
  expanded: Record<string, boolean>,
  sizes: Record<string, Measured>,
) {
  const [measure] = useState(canvasMeasure);
  const layoutsRef = useRef(new Map<string, LayoutEntry>());
  const layouts = useMemo(() => {
    const next = new Map<string, LayoutEntry>();
    for (const task of doc.tasks) {
      const prev = layoutsRef.current.get(task.id);
      const entry = taskEntry(doc, catalog, task);
      const taskKey = keys.get(task.id) ?? task.id;
      const isExpanded = !!expanded[task.id];
      const same = prev && prev.entry === entry && prev.taskKey === taskKey && prev.expanded === isExpanded;
      if (same && prev.task === task) {
        next.set(task.id, prev);
        continue;
      }
      const shape = taskShape(task, entry, taskKey, isExpanded);
      const text = JSON.stringify(shape);
      // A value typed into the inspector changes the task, not what its node shows.
      const layout = same && prev.shape === text ? prev.layout : taskLayout(shape, measure);
      next.set(task.id, { task, entry, taskKey, expanded: isExpanded, layout, shape: text });
    }
    layoutsRef.current = next;
    return next;
  }, [doc, catalog, keys, expanded, measure]);
  const known = useMemo(() => {
    const out: Record<string, { width: number; height: number }> = {};
    for (const [id, { layout }] of layouts) {
      const m = sizes[id];
      out[id] = m && m.layout === layout ? m.size : layout;
    }
    return out;
  }, [layouts, sizes]);
  return { layouts, known, layoutsRef };
}
