/**
 * The canvas's wires (React Flow edges) from the document. React Flow re-processes every edge
 * object it has not seen before, so an edge whose wiring, colour and tip did not change is the
 * same object as last time, and the list is the same array when no edge changed (typing in the
 * inspector changes a task, not its wires). No React here.
 */
import type { Edge } from '@xyflow/react';
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import { explainArtifactType } from '../catalog/glossary';
import { isOneOf, isTaskOutput, type PipelineDocument, type TaskOutputRef } from '../document/types';
import { typeColor } from './artifact-colors';
import { findOutput } from '../catalog/ports';
import { AFTER_SOURCE, AFTER_TARGET } from './task-size';

/** The previous call's edges, each with the text of what it shows. */
export interface EdgeCache {
  list: Edge[];
  byId: Map<string, { edge: Edge; sig: string }>;
}
export const emptyEdgeCache = (): EdgeCache => ({ list: [], byId: new Map() });

const AFTER_STYLE = { stroke: '#5f6368', strokeDasharray: '6 4', strokeWidth: 1.5 };

/** The edges of `doc`; `cache` is read and replaced (keep one per canvas). */
export function cachedEdges(doc: PipelineDocument, catalog: Catalog, keys: ReadonlyMap<string, string>, cache: EdgeCache): EdgeCache {
  const list: Edge[] = [];
  const byId = new Map<string, { edge: Edge; sig: string }>();
  const add = (sig: string, make: () => Edge, id: string) => {
    const prev = cache.byId.get(id);
    const edge = prev && prev.sig === sig ? prev.edge : make();
    byId.set(id, { edge, sig });
    list.push(edge);
  };
  const tasks = new Map(doc.tasks.map((t) => [t.id, t]));
  for (const t of doc.tasks) {
    for (const up of t.after) {
      if (!tasks.has(up)) continue;
      const id = `after:${t.id}:${up}`;
      add('after', () => ({
        id,
        source: up,
        sourceHandle: AFTER_SOURCE,
        target: t.id,
        targetHandle: AFTER_TARGET,
        className: 'after-edge',
        style: AFTER_STYLE,
        ariaLabel: 'run after',
      }), id);
    }
    for (const [input, binding] of Object.entries(t.inputs)) {
      const refs: Array<TaskOutputRef & { collected?: true }> = isTaskOutput(binding) ? [binding] : isOneOf(binding) ? binding.oneOf : [];
      for (const b of refs) {
        const producer = tasks.get(b.task);
        const entry = producer && taskEntry(doc, catalog, producer);
        const port = entry && findOutput(entry, b.output);
        const color = port ? typeColor(port.kind, port.type) : '#999';
        const className = b.collected ? 'collected-edge' : isOneOf(binding) ? 'oneof-edge' : undefined;
        const tip = port
          ? `${keys.get(b.task) ?? b.task}.${b.output} → ${keys.get(t.id) ?? t.id}.${input}: ${
              port.kind === 'artifact' ? `${port.type} — ${explainArtifactType(port.type)}` : `a ${port.type} value`
            }`
          : undefined;
        const id = `data:${t.id}:${input}${refs.length > 1 ? `:${b.task}` : ''}`;
        add(`${b.task}\u0000${b.output}\u0000${className}\u0000${color}\u0000${tip}`, () => ({
          id,
          className,
          source: b.task,
          sourceHandle: `out:${b.output}`,
          target: t.id,
          targetHandle: `in:${input}`,
          style: { stroke: color, strokeWidth: b.collected ? 4 : 2 },
          data: { tip },
        }), id);
      }
    }
  }
  const same = list.length === cache.list.length && list.every((e, i) => e === cache.list[i]);
  return { list: same ? cache.list : list, byId };
}
