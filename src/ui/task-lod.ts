import { createContext, useEffect, useState } from 'react';
import { useStoreApi, type Handle, type Node, type ReactFlowState } from '@xyflow/react';
import type { Motion } from './motion';

/**
 * Level of detail. Every task node is always on the canvas, but only the ones in view (plus a
 * margin) at a zoom where people edit are drawn in full (port rows, React Flow handles); the
 * others are compact boxes of the same size (task-node-compact.tsx). A full node costs ~10
 * handles, each a React Flow store subscriber measured at mount; a compact one a few elements.
 * Port text below this zoom is ~5 px high, too small to read or to aim a wire at.
 */
export const COMPACT_BELOW_ZOOM = 0.45;
/** Nodes this far (screen px) outside the pane are drawn in full too, so panning shows no swap. */
export const FULL_MARGIN_PX = 100;
/**
 * Nodes farther than this (screen px) outside the pane are taken out of the page's rendering
 * (`display: none` on React Flow's node element; the node stays mounted and keeps its size,
 * handles and wires). Chromium then neither hit-tests, layerises nor paints them: after every
 * frame of a pan it hit-tests the whole node tree for the hover state, ~3 ms at 400 nodes.
 */
export const SHOWN_MARGIN_PX = 400;

export interface Viewport {
  /** React Flow's transform: [x, y, zoom]. */
  transform: readonly [number, number, number];
  width: number;
  height: number;
}
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The ids of the boxes drawn in full for this viewport (none when zoomed out), nearest the centre first. Pure. */
export function fullIds(view: Viewport, boxes: Iterable<Box>): Set<string> {
  const [tx, ty, zoom] = view.transform;
  const out = new Set<string>();
  if (zoom < COMPACT_BELOW_ZOOM || view.width === 0 || view.height === 0) return out;
  const m = FULL_MARGIN_PX / zoom;
  const left = -tx / zoom - m;
  const top = -ty / zoom - m;
  const right = left + view.width / zoom + 2 * m;
  const bottom = top + view.height / zoom + 2 * m;
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const inView: Array<[number, string]> = [];
  for (const b of boxes)
    if (b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top)
      inView.push([(b.x + b.width / 2 - cx) ** 2 + (b.y + b.height / 2 - cy) ** 2, b.id]);
  inView.sort((a, b) => a[0] - b[0]);
  for (const [, id] of inView) out.add(id);
  return out;
}

/**
 * The ids of the boxes near enough the view to be rendered at all (in view or within
 * SHOWN_MARGIN_PX, at any zoom), plus `keep` (the selected nodes). Undefined while the pane
 * has no size (everything is rendered). Pure.
 */
export function shownIds(view: Viewport, boxes: Iterable<Box>, keep: (id: string) => boolean = () => false): Set<string> | undefined {
  const [tx, ty, zoom] = view.transform;
  if (view.width === 0 || view.height === 0 || !(zoom > 0)) return undefined;
  const m = SHOWN_MARGIN_PX / zoom;
  const left = -tx / zoom - m;
  const top = -ty / zoom - m;
  const right = left + view.width / zoom + 2 * m;
  const bottom = top + view.height / zoom + 2 * m;
  const out = new Set<string>();
  for (const b of boxes) if ((b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top) || keep(b.id)) out.add(b.id);
  return out;
}

/**
 * Which task nodes are drawn in full, for the nodes to subscribe to one by one: a change
 * re-renders only the nodes it switches (not every node, as a context value would).
 *
 * Switching costs more than keeping (a full node mounts ~10 React Flow handles), so: zoomed in,
 * the nodes coming into view turn full and stay full; zoomed out (an empty target), all turn
 * compact. Drawn nodes switch a few per frame (`addPerFrame` nearest the centre first,
 * `removePerFrame`), so crossing the zoom threshold spreads the work over frames instead of
 * one long frame; a node not drawn yet switches at once (it is being drawn anyway).
 */
export interface Lod {
  isFull(id: string): boolean;
  subscribe(id: string, onChange: () => void): () => void;
  /** The nodes that should be full, in order of priority; empty when zoomed out. */
  set(target: Set<string>): void;
  /** Any change, for the canvas (which wires React Flow draws): a counter and its subscription. */
  version(): number;
  subscribeAll(onChange: () => void): () => void;
  /** Whether the node is out of the page's rendering (shownIds); nothing is, before the first `show`. */
  isHidden(id: string): boolean;
  subscribeHidden(id: string, onChange: () => void): () => void;
  /** The nodes to render (undefined: all); only the drawn nodes whose state changes are notified. */
  show(shown: Set<string> | undefined): void;
  /** No switch is waiting for a later frame. */
  settled(): boolean;
}

export interface LodOptions {
  /** After nodes turned full (React Flow must measure their handles). */
  onFull?: (ids: string[]) => void;
  addPerFrame?: number;
  removePerFrame?: number;
  schedule?: (run: () => void) => void;
}

export function createLod({
  onFull = () => {},
  addPerFrame = 8,
  removePerFrame = 24,
  schedule = (f) => void requestAnimationFrame(f),
}: LodOptions = {}): Lod {
  const full = new Set<string>();
  let target = new Set<string>();
  let scheduled = false;
  const listeners = new Map<string, Set<() => void>>();
  const all = new Set<() => void>();
  const hiddenListeners = new Map<string, Set<() => void>>();
  let shown: Set<string> | undefined;
  let version = 0;
  const notify = (id: string) => listeners.get(id)?.forEach((f) => f());
  const changed = () => {
    version++;
    all.forEach((f) => f());
  };
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(step);
  };
  function step() {
    scheduled = false;
    if (target.size === 0) {
      const out = [...full].slice(0, removePerFrame);
      for (const id of out) full.delete(id);
      out.forEach(notify);
      if (out.length) changed();
      if (full.size) later();
      return;
    }
    const added: string[] = [];
    for (const id of target) {
      if (added.length === addPerFrame) break;
      if (!full.has(id)) {
        full.add(id);
        added.push(id);
      }
    }
    added.forEach(notify);
    if (added.length) {
      onFull(added);
      changed();
    }
    if (added.length === addPerFrame) later();
  }
  const listen = (map: Map<string, Set<() => void>>, id: string, onChange: () => void) => {
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    set.add(onChange);
    return () => {
      set.delete(onChange);
      if (set.size === 0) map.delete(id);
    };
  };
  return {
    isFull: (id) => full.has(id),
    subscribe: (id, onChange) => listen(listeners, id, onChange),
    isHidden: (id) => shown !== undefined && !shown.has(id),
    subscribeHidden: (id, onChange) => listen(hiddenListeners, id, onChange),
    show(next) {
      const before = shown;
      shown = next;
      // Only the drawn nodes whose state changed (a pan changes a few per frame).
      for (const [id, fs] of hiddenListeners) {
        const was = before !== undefined && !before.has(id);
        const is = next !== undefined && !next.has(id);
        if (was !== is) fs.forEach((f) => f());
      }
    },
    set(next) {
      target = next;
      let pending = false;
      const before = full.size;
      if (next.size === 0) {
        for (const id of [...full]) if (!listeners.has(id)) full.delete(id);
        pending = full.size > 0;
      } else
        for (const id of next)
          if (!full.has(id)) {
            if (listeners.has(id)) pending = true;
            else full.add(id);
          }
      if (full.size !== before) changed();
      if (pending) later();
    },
    version: () => version,
    settled: () => !scheduled,
    subscribeAll(onChange) {
      all.add(onChange);
      return () => void all.delete(onChange);
    },
  };
}

/** The canvas's Lod (a node outside a canvas is drawn in full). */
export const LodContext = createContext<Lod>({
  isFull: () => true,
  subscribe: () => () => {},
  set: () => {},
  version: () => 0,
  subscribeAll: () => () => {},
  isHidden: () => false,
  subscribeHidden: () => () => {},
  show: () => {},
  settled: () => true,
});

/**
 * Whether switching nodes waits: while the view moves and the motion canvas covers the pane,
 * React Flow's nodes are not drawn (motion-layer.tsx), so they switch once the view stops,
 * behind the canvas. A move the canvas does not cover (its code not in yet) shows React Flow's
 * nodes, which must then switch as the view moves.
 */
export const lodWaits = (motion?: Pick<Motion, 'active' | 'covered'>): boolean => !!motion && motion.active() && motion.covered();

/**
 * The canvas's Lod, kept up to date from React Flow's viewport and node boxes.
 *
 * React Flow measures a node's handles when the node is drawn; for a compact node that is its
 * anchors, the wired ports only. A node turning full gets all its handles back from the
 * computed ones it was given (`node.handles`, task-size.ts; what React Flow itself uses before
 * it measures), set in place like React Flow's own updates of a node's internals: the wired
 * ones are where they were, so no wire moves and nothing needs to re-render, and asking React
 * Flow to measure instead would re-run every node's and wire's store selector once per batch.
 */
export function useLod(motion?: Pick<Motion, 'active' | 'covered' | 'subscribe'>): Lod {
  const rf = useStoreApi<Node>();
  const [lod] = useState(() =>
    createLod({
      onFull: (ids) => {
        const { nodeLookup } = rf.getState();
        for (const id of ids) {
          const n = nodeLookup.get(id);
          if (n?.handles) n.internals.handleBounds = handleBounds(id, n.handles);
        }
      },
    }),
  );
  useEffect(() => {
    let last: unknown[] = [];
    const update = (s: ReactFlowState<Node>) => {
      if (lodWaits(motion)) return;
      const key = [...s.transform, s.width, s.height, s.nodes];
      if (key.every((v, i) => v === last[i])) return;
      last = key;
      const boxes: Box[] = [];
      for (const n of s.nodeLookup.values())
        if (n.type === 'task') boxes.push({ id: n.id, ...n.internals.positionAbsolute, width: n.measured.width ?? 0, height: n.measured.height ?? 0 });
      lod.set(fullIds(s, boxes));
      lod.show(shownIds(s, boxes, (id) => s.nodeLookup.get(id)?.selected === true));
    };
    update(rf.getState());
    const offMotion = motion?.subscribe(() => update(rf.getState()));
    const off = rf.subscribe(update);
    return () => {
      off();
      offMotion?.();
    };
  }, [rf, lod, motion]);
  return lod;
}

/** Handle bounds as React Flow keeps them, from a node's computed handles. */
export function handleBounds(nodeId: string, handles: NonNullable<Node['handles']>): { source: Handle[]; target: Handle[] } {
  const source: Handle[] = [];
  const target: Handle[] = [];
  for (const h of handles) (h.type === 'source' ? source : target).push({ ...h, nodeId, width: h.width ?? 1, height: h.height ?? 1 });
  return { source, target };
}

/**
 * The Lod's version once it has not changed for `ms`: the canvas moves wires between React Flow
 * and its own wire layer when nodes stop switching, not on every frame of a switch (each move is
 * a React Flow `setEdges`, which re-runs every node's and wire's store selector). Until then a
 * wire stays where it is drawn; both draw it the same.
 */
export function useSettledVersion(lod: Lod, ms = 150): number {
  const [version, setVersion] = useState(lod.version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = lod.subscribeAll(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion(lod.version()), ms);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [lod, ms]);
  return version;
}
