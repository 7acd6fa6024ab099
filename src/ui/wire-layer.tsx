import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { getBezierPath, Position, ViewportPortal, type Edge, type Node, type NodeHandle, type XYPosition } from '@xyflow/react';
import { useSettledVersion, type Lod } from './task-lod';
import type { TaskFlowNode } from './task-node';

/** A wire drawn by the canvas itself (between two compact nodes), not by React Flow. */
export interface Wire {
  id: string;
  d: string;
  style?: CSSProperties;
  tip?: string;
}

/** Where a wire ends on a node: the handle's side midpoint, as React Flow computes it. */
function end(at: XYPosition, h: NodeHandle): { x: number; y: number; position: Position } {
  const x = at.x + h.x;
  const y = at.y + h.y;
  const w = h.width ?? 1;
  const hh = h.height ?? 1;
  switch (h.position) {
    case Position.Top:
      return { x: x + w / 2, y, position: h.position };
    case Position.Bottom:
      return { x: x + w / 2, y: y + hh, position: h.position };
    case Position.Right:
      return { x: x + w, y: y + hh / 2, position: h.position };
    default:
      return { x, y: y + hh / 2, position: Position.Left };
  }
}

/** The wire React Flow would draw for `edge` (its default bezier), from the nodes' positions and computed handles. */
export function wireOf(edge: Edge, source: { position: XYPosition; handles: NodeHandle[] }, target: { position: XYPosition; handles: NodeHandle[] }): Wire | undefined {
  const sh = source.handles.find((h) => h.type === 'source' && h.id === edge.sourceHandle);
  const th = target.handles.find((h) => h.type === 'target' && h.id === edge.targetHandle);
  if (!sh || !th) return undefined;
  const s = end(source.position, sh);
  const t = end(target.position, th);
  const [d] = getBezierPath({ sourceX: s.x, sourceY: s.y, sourcePosition: s.position, targetX: t.x, targetY: t.y, targetPosition: t.position });
  return { id: edge.id, d, style: edge.style, tip: (edge.data as { tip?: string } | undefined)?.tip };
}

/**
 * Wires between compact nodes (zoomed out): plain paths in one SVG inside the viewport. React
 * Flow re-runs every wire's store selector on each frame of a pan or zoom; these paths change
 * only when a node moves. They show the tip on hover; selecting, deleting and reconnecting a
 * wire are done zoomed in, where the wire is React Flow's again.
 */
export const WireLayer = memo(function WireLayer({ wires, onTip }: { wires: Wire[]; onTip: (tip: { x: number; y: number; text: string } | null) => void }) {
  if (wires.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className="wire-layer" aria-hidden="true">
        {wires.map((w) => (
          // React Flow's class names: the same look, and whatever counts the canvas's wires counts these.
          <g key={w.id} className="react-flow__edge wire" data-id={w.id}>
            <path
              className="react-flow__edge-path"
              d={w.d}
              style={w.style}
              onMouseEnter={w.tip ? (e) => onTip({ x: e.clientX, y: e.clientY, text: w.tip! }) : undefined}
              onMouseLeave={w.tip ? () => onTip(null) : undefined}
            />
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
});

/**
 * React Flow's wires and the canvas's: a wire between two compact nodes is drawn here and given
 * to React Flow hidden (the same object each time); the list is the same array while no wire
 * moved. Wires move between the two once nodes stop switching (useSettledVersion).
 */
export function useSplitWires(all: Edge[], nodes: readonly Node[], lod: Lod): { edges: Edge[]; wires: Wire[] } {
  const lodVersion = useSettledVersion(lod);
  const hiddenCopies = useRef(new WeakMap<Edge, Edge>());
  const flowEdgesRef = useRef<Edge[]>([]);
  return useMemo(() => {
    void lodVersion;
    const at = new Map<string, { position: XYPosition; handles: NodeHandle[] }>();
    for (const n of nodes) if (n.type === 'task') at.set(n.id, { position: n.position, handles: (n as TaskFlowNode).data.layout.handles });
    const list: Edge[] = [];
    const wires: Wire[] = [];
    for (const e of all) {
      const s = at.get(e.source);
      const t = at.get(e.target);
      const wire = s && t && !lod.isFull(e.source) && !lod.isFull(e.target) ? wireOf(e, s, t) : undefined;
      if (!wire) list.push(e);
      else {
        wires.push(wire);
        let hidden = hiddenCopies.current.get(e);
        if (!hidden) hiddenCopies.current.set(e, (hidden = { ...e, hidden: true }));
        list.push(hidden);
      }
    }
    const prev = flowEdgesRef.current;
    if (list.length !== prev.length || list.some((e, i) => e !== prev[i])) flowEdgesRef.current = list;
    return { edges: flowEdgesRef.current, wires };
  }, [all, nodes, lod, lodVersion]);
}
