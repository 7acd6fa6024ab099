/**
 * What the motion canvas draws (motion-draw.ts), from what the canvas gives React Flow: task
 * and group nodes, and every wire (also those the wire layer draws). Geometry is React Flow's:
 * node positions and computed handles (task-size.ts), and each wire is the bezier React Flow
 * draws for it (wire-layer.ts wireOf).
 */
import type { Edge } from '@xyflow/react';
import type { PipelineDocument } from '../document/types';
import { typeColor } from './artifact-colors';
import { GROUP_KIND, groupSummary, type GroupFlowNode } from './group-node';
import type { Scene, SceneGroup, SceneTask, SceneWire } from './motion-draw';
import type { TaskFlowNode } from './task-node';
import { portsOf, taskShape } from './task-size';
import { wireOf } from './wire-layer';

/** React Flow's default wire stroke (`--xy-edge-stroke-default`), for a wire without a style. */
const DEFAULT_STROKE = '#b1b1b7';

/** The bounding box of an SVG path's coordinates (absolute commands with number pairs, as getBezierPath writes them). */
export function pathBox(d: string, pad: number): [number, number, number, number] {
  const n = (d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < n.length; i += 2) {
    x0 = Math.min(x0, n[i]);
    x1 = Math.max(x1, n[i]);
    y0 = Math.min(y0, n[i + 1]);
    y1 = Math.max(y1, n[i + 1]);
  }
  return [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
}

export function buildScene(
  doc: PipelineDocument,
  nodes: ReadonlyArray<TaskFlowNode | GroupFlowNode>,
  edges: readonly Edge[],
  makePath: (d: string) => Path2D,
): Scene {
  const taskById = new Map(doc.tasks.map((t) => [t.id, t]));
  const tasks: SceneTask[] = [];
  const groups: SceneGroup[] = [];
  const at = new Map<string, TaskFlowNode>();
  for (const n of nodes) {
    if (n.type === 'group') {
      const g = n as GroupFlowNode;
      const { group, label, hasError } = g.data;
      groups.push({
        x: g.position.x,
        y: g.position.y,
        width: g.width ?? 0,
        height: g.height ?? 0,
        kind: group.kind,
        title: group.displayName || GROUP_KIND[group.kind],
        label,
        summary: groupSummary(group),
        selected: !!g.selected,
        hasError,
      });
      continue;
    }
    const t = n as TaskFlowNode;
    const task = taskById.get(t.id);
    if (!task) continue;
    at.set(t.id, t);
    const { entry, taskKey, expanded, hasError, layout } = t.data;
    const ports = entry ? portsOf(entry) : undefined;
    const port = (id: string) => {
      if (!ports) return undefined;
      if (id.startsWith('in:')) return ports.inputs.find((p) => p.name === id.slice(3));
      if (id.startsWith('out:')) return ports.outputs.find((p) => p.name === id.slice(4));
      return undefined;
    };
    tasks.push({
      x: t.position.x,
      y: t.position.y,
      width: layout.width,
      height: layout.height,
      shape: taskShape(task, entry, taskKey, expanded),
      handles: layout.handles.map((h) => {
        const p = port(h.id ?? '');
        return { id: h.id ?? '', x: h.x, y: h.y, color: p ? typeColor(p.kind, p.type) : undefined, square: p?.kind === 'parameter' };
      }),
      selected: !!t.selected,
      hasError,
      className: t.className,
    });
  }
  const wires: SceneWire[] = [];
  const ends = (id: string) => {
    const n = at.get(id);
    return n && { position: n.position, handles: n.data.layout.handles };
  };
  for (const e of edges) {
    const s = ends(e.source);
    const t = ends(e.target);
    const w = s && t ? wireOf(e, s, t) : undefined;
    if (!w) continue;
    const style = e.style ?? {};
    const width = Number(style.strokeWidth ?? 1);
    const dash = typeof style.strokeDasharray === 'string' ? style.strokeDasharray.split(/[\s,]+/).map(Number) : undefined;
    wires.push({ path: makePath(w.d), box: pathBox(w.d, width), stroke: String(style.stroke ?? DEFAULT_STROKE), width, dash });
  }
  return { tasks, groups, wires };
}
