import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import {
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Position } from '../document/types';
import { numberGroups } from '../compiler/names';
import { GroupNode, type GroupFlowNode } from './group-node';
import { descendantGroups, descendantTasks, groupRects, innermostGroupAt } from './group-layout';
import { derive } from '../store/derive';
import { DRAG_MIME } from './palette';
import { useEditor, useEditorStore } from './store-context';
import { Legend } from './legend';
import { tidyLayout } from './tidy';
import { TaskNode, type TaskFlowNode } from './task-node';
import { LodContext, useLod } from './task-lod';
import { AFTER_SOURCE, AFTER_TARGET } from './task-size';
import { useTaskLayouts, type Measured } from './task-layouts';
import { cachedEdges, emptyEdgeCache } from './canvas-edges';
import { useSplitWires, WireLayer } from './wire-layer';
import { CanvasGrid } from './canvas-grid';
import { idleGate } from './idle-gate';
import { createMotion } from './motion';
import { MotionLayer } from './motion-layer';

const nodeTypes = { task: TaskNode, group: GroupNode };
// Props of React Flow that are objects: the same ones every render, so an edit that changes no
// node or wire leaves React Flow's store (and its hundreds of subscribers) alone.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [10, 10];
const FIT_VIEW = { maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
const AFTER_TIP = 'Run after: the task waits, no data flows.';
type FlowNode = TaskFlowNode | GroupFlowNode;
const GROUP = 'group:';
const parseHandle = (h: string | null | undefined, side: 'in' | 'out') =>
  h && h.startsWith(`${side}:`) ? h.slice(side.length + 1) : undefined;

export function Canvas() {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const selection = useEditor((s) => s.selection);
  const selectedGroup = useEditor((s) => s.selectedGroup);
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const expanded = useEditor((s) => s.expanded);
  const diffHighlight = useEditor((s) => s.diffHighlight);
  const simulation = useEditor((s) => s.simulation);
  const flow = useReactFlow();
  const pointer = useRef({ x: 0, y: 0 });
  const [dragging, setDragging] = useState<Record<string, XYPosition>>({});
  const dragRef = useRef<Record<string, XYPosition>>({});
  const dragStart = useRef<Record<string, XYPosition>>({});
  // Sizes React Flow measured, each with the layout it was measured for (a stale one is not used).
  const [sizes, setSizes] = useState<Record<string, Measured>>({});
  // Fit an opened pipeline once; a blank canvas keeps zoom 1 as components arrive.
  const [initialFit] = useState(() => doc.tasks.length > 0);
  const [edgeTip, setEdgeTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const nodeCache = useRef(new Map<string, TaskFlowNode>());
  const lastNodes = useRef<FlowNode[]>([]);
  const edgeCache = useRef(emptyEdgeCache());
  // While the view moves under the person's hand, one canvas draws the pane (motion-layer.tsx).
  const [motion] = useState(() => createMotion());
  // Which task nodes are drawn in full, the others compact (task-lod.ts); not changed while the view moves.
  const lod = useLod(motion);
  // Idle work (the spec view's background colouring) waits while the view pans or zooms.
  const onMoveStart = useCallback(
    (event: unknown) => {
      idleGate.moving(true);
      motion.start(event != null);
    },
    [motion],
  );
  const onMove = useCallback(() => motion.moved(), [motion]);
  const onMoveEnd = useCallback(() => {
    idleGate.moving(false);
    motion.end();
  }, [motion]);

  const { keys, diagnostics } = derive(doc, catalog);
  const errorTasks = useMemo(
    () => new Set(diagnostics.filter((d) => d.severity === 'error' && d.taskId).map((d) => d.taskId!)),
    [diagnostics],
  );
  const errorGroups = useMemo(
    () => new Set(diagnostics.filter((d) => d.severity === 'error' && 'groupId' in d && d.groupId).map((d) => (d as { groupId: string }).groupId)),
    [diagnostics],
  );
  const groupNames = useMemo(() => numberGroups(doc).names, [doc]);

  // Every task's size and handle positions (task-size.ts), and its size as drawn.
  const { layouts, known, layoutsRef } = useTaskLayouts(doc, catalog, keys, expanded, sizes);
  const knownRef = useRef(known);
  knownRef.current = known;
  const rects = useMemo(() => groupRects(doc, known, undefined, dragging), [doc, known, dragging]);

  const nodes = useMemo(() => {
    const next = new Map<string, TaskFlowNode>();
    const list = doc.tasks.map((task) => {
      const prev = nodeCache.current.get(task.id);
      const position = dragging[task.id] ?? task.position;
      const { entry, taskKey, expanded: isExpanded, layout } = layouts.get(task.id)!;
      const hasError = errorTasks.has(task.id);
      const selected = selectedSet.has(task.id);
      const className = simulation?.[task.id] ? `sim-${simulation[task.id]}` : diffHighlight?.[task.id] ? `diff-${diffHighlight[task.id]}` : undefined;
      // Known before React Flow measures: nodes show at once, and ones out of view have a size.
      const measured = known[task.id];
      const d = prev?.data;
      const node: TaskFlowNode =
        prev && d && d.entry === entry && d.taskKey === taskKey && d.expanded === isExpanded && d.layout === layout &&
        d.hasError === hasError && prev.selected === selected && prev.position === position && prev.className === className && prev.measured === measured
          ? prev
          : {
              id: task.id,
              type: 'task',
              position,
              selected,
              className,
              measured,
              handles: layout.handles,
              data: { entry, taskKey, expanded: isExpanded, hasError, layout },
            };
      next.set(task.id, node);
      return node;
    });
    nodeCache.current = next;
    // Groups first, drawn behind the tasks; outer groups behind inner ones.
    const depth = (id: string) => descendantGroups(doc, id).length;
    const groupNodes: GroupFlowNode[] = (doc.groups ?? []).map((g) => {
      const r = rects.get(g.id)!;
      return {
        id: GROUP + g.id,
        type: 'group',
        position: { x: r.x, y: r.y },
        style: { width: r.width, height: r.height },
        width: r.width,
        height: r.height,
        zIndex: -100 + depth(g.id) * -1,
        selected: selectedGroup === g.id,
        dragHandle: '.group-head',
        data: { group: g, label: groupNames.get(g.id) ?? g.id, hasError: errorGroups.has(g.id) },
      };
    });
    const all = [...groupNodes, ...list] as FlowNode[];
    // The same nodes (an edit that changed no node's looks): the same array, so React Flow has nothing to update.
    const before = lastNodes.current;
    if (groupNodes.length === 0 && all.length === before.length && all.every((n, i) => n === before[i])) return before;
    return (lastNodes.current = all);
  }, [doc, layouts, errorTasks, errorGroups, selectedSet, selectedGroup, dragging, diffHighlight, simulation, known, rects, groupNames]);

  const allEdges = useMemo(() => {
    edgeCache.current = cachedEdges(doc, catalog, keys, edgeCache.current);
    return edgeCache.current.list;
  }, [doc, catalog, keys]);
  // A wire between two compact nodes is drawn by the canvas (wire-layer.tsx) and hidden in React Flow.
  const { edges, wires } = useSplitWires(allEdges, nodes, lod);
  // What the motion canvas draws from: a new function when a node or wire changes (also while the view moves).
  const sceneInput = useCallback(() => ({ doc: store.getState().doc, nodes, edges: allEdges }), [store, nodes, allEdges]);
  const lodSettled = useCallback(() => lod.settled(), [lod]);

  /** Where things stand while dragging: a dragged group carries what it holds. */
  const rectsRef = useRef(rects);
  rectsRef.current = rects;

  // An opened pipeline is laid out once, with the nodes' sizes (known before they are drawn).
  const tidyOnOpen = useEditor((s) => s.tidyOnOpen);
  useEffect(() => {
    if (!tidyOnOpen) return;
    let cancelled = false;
    void tidyLayout(doc, new Map(Object.entries(knownRef.current))).then((positions) => {
      if (cancelled || store.getState().doc !== doc) return;
      const groups = (doc.groups ?? []).map(({ position: _p, size: _s, ...g }) => g);
      store.getState().settleLayout({
        ...doc,
        tasks: doc.tasks.map((t) => ({ ...t, position: positions[t.id] ?? t.position })),
        ...(doc.groups ? { groups: groups as typeof doc.groups } : {}),
      });
      requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
    });
    return () => {
      cancelled = true;
    };
  }, [tidyOnOpen, doc, store, flow]);

  const finishDrag = useCallback(
    (ended: Record<string, XYPosition>, starts: Record<string, XYPosition>) => {
      const doc = store.getState().doc;
      const tasks: Record<string, Position> = {};
      const groups: Record<string, { position: Position; size: { width: number; height: number } }> = {};
      const membership: Record<string, string | undefined> = {};
      const round = (p: XYPosition) => ({ x: Math.round(p.x), y: Math.round(p.y) });
      for (const [id, p] of Object.entries(ended)) {
        if (id.startsWith(GROUP)) {
          const gid = id.slice(GROUP.length);
          const r = rectsRef.current.get(gid);
          const start = starts[id];
          if (!r || !start) continue;
          const dx = Math.round(p.x - start.x);
          const dy = Math.round(p.y - start.y);
          groups[gid] = { position: round(p), size: { width: r.width, height: r.height } };
          const before = groupRects(doc, knownRef.current);
          for (const sub of descendantGroups(doc, gid)) {
            const sr = before.get(sub);
            if (sr) groups[sub] = { position: { x: sr.x + dx, y: sr.y + dy }, size: { width: sr.width, height: sr.height } };
          }
          for (const tid of descendantTasks(doc, gid)) {
            const t = doc.tasks.find((x) => x.id === tid)!;
            tasks[tid] = { x: t.position.x + dx, y: t.position.y + dy };
          }
          // Where the group itself landed: inside another group or at the top level.
          const g = doc.groups?.find((x) => x.id === gid);
          const landed = innermostGroupAt(doc, rectsRef.current, { x: p.x + 10, y: p.y + 10 }, gid);
          if (g && g.parent !== landed && !(landed && doc.groups?.find((x) => x.id === landed)?.kind === 'branches'))
            store.getState().updateGroup(gid, { parent: landed });
        } else {
          const t = doc.tasks.find((x) => x.id === id);
          if (!t) continue;
          tasks[id] = round(p);
          // Dropped inside a group's rectangle: the task joins it (measured without the task itself).
          const size = knownRef.current[id];
          const around = groupRects(doc, knownRef.current, id);
          const landed = innermostGroupAt(doc, around, { x: p.x + size.width / 2, y: p.y + 20 });
          if (landed !== t.group) membership[id] = landed;
        }
      }
      store.getState().arrange({ tasks, groups, membership });
    },
    [store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const removed: string[] = [];
      let selectChanges: Set<string> | undefined;
      let measuredNow: Record<string, Measured> | undefined;
      const moves: Record<string, XYPosition | null> = {};
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.dragging && c.position) moves[c.id] = c.position;
          else if (!c.dragging) moves[c.id] = null;
        } else if (c.type === 'dimensions' && c.dimensions) {
          const layout = layoutsRef.current.get(c.id)?.layout;
          if (!layout) continue; // a group
          measuredNow ??= {};
          measuredNow[c.id] = { size: c.dimensions, layout };
        } else if (c.type === 'remove') removed.push(c.id);
        else if (c.type === 'select') {
          if (c.id.startsWith(GROUP)) {
            if (c.selected) store.getState().selectGroup(c.id.slice(GROUP.length));
            continue;
          }
          selectChanges ??= new Set(store.getState().selection);
          if (c.selected) selectChanges.add(c.id);
          else selectChanges.delete(c.id);
        }
      }
      if (Object.keys(moves).length > 0) {
        const next = { ...dragRef.current };
        const ended: Record<string, XYPosition> = {};
        const starts: Record<string, XYPosition> = {};
        const doc = store.getState().doc;
        for (const [id, pos] of Object.entries(moves)) {
          if (pos) {
            next[id] = pos;
            if (id.startsWith(GROUP)) {
              // Carry the group's tasks and inner groups along, live.
              const gid = id.slice(GROUP.length);
              const r = rectsRef.current.get(gid);
              const start = r && (dragStart.current[id] ??= { x: r.x, y: r.y });
              if (start) {
                const dx = pos.x - start.x;
                const dy = pos.y - start.y;
                for (const tid of descendantTasks(doc, gid)) {
                  const t = doc.tasks.find((x) => x.id === tid)!;
                  next[tid] = { x: t.position.x + dx, y: t.position.y + dy };
                }
              }
            }
          } else {
            const last = next[id];
            delete next[id];
            if (id.startsWith(GROUP)) {
              for (const tid of descendantTasks(doc, id.slice(GROUP.length))) delete next[tid];
              if (dragStart.current[id]) starts[id] = dragStart.current[id];
              delete dragStart.current[id];
            }
            if (last) ended[id] = last;
          }
        }
        dragRef.current = next;
        setDragging(next);
        if (Object.keys(ended).length) finishDrag(ended, starts);
      }
      if (measuredNow) {
        const m = measuredNow;
        setSizes((cur) => {
          const changed = Object.entries(m).some(([id, d]) => cur[id]?.layout !== d.layout || cur[id]?.size.width !== d.size.width || cur[id]?.size.height !== d.size.height);
          return changed ? { ...cur, ...m } : cur;
        });
      }
      if (selectChanges) store.getState().setSelection([...selectChanges]);
      const removedGroups = removed.filter((id) => id.startsWith(GROUP));
      for (const id of removedGroups) store.getState().removeGroup(id.slice(GROUP.length));
      const removedTasks = removed.filter((id) => !id.startsWith(GROUP));
      if (removedTasks.length) store.getState().removeTasks(removedTasks);
    },
    [store, finishDrag],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const c of changes) {
        if (c.type !== 'remove') continue;
        if (c.id.startsWith('after:')) {
          const [, taskId, upstreamId] = c.id.split(':');
          store.getState().removeAfter(taskId, upstreamId);
          continue;
        }
        const rest = c.id.slice('data:'.length);
        const i = rest.indexOf(':');
        store.getState().setInput(rest.slice(0, i), rest.slice(i + 1), undefined);
      }
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const at = { ...pointer.current };
      const afterEnds = [c.sourceHandle === AFTER_SOURCE, c.targetHandle === AFTER_TARGET];
      if (afterEnds[0] && afterEnds[1]) return void store.getState().addAfter(c.target, c.source, at);
      if (afterEnds[0] || afterEnds[1])
        return void store.getState().showNotice({
          kind: 'error',
          at,
          message: 'Cannot connect: a "run after" dot connects only to another task\'s "run after" dot.',
        });
      const output = parseHandle(c.sourceHandle, 'out');
      const input = parseHandle(c.targetHandle, 'in');
      if (!output || !input) return;
      store.getState().connect(c.source, output, c.target, input, at);
    },
    [store],
  );

  /** Dragging a wire's end to another input moves the wire (one undo step). */
  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      const output = parseHandle(c.sourceHandle, 'out');
      const input = parseHandle(c.targetHandle, 'in');
      const oldInput = parseHandle(old.targetHandle, 'in');
      if (!output || !input || !oldInput) return;
      const s = store.getState();
      s.beginEdit();
      if (s.connect(c.source, output, c.target, input, { ...pointer.current }) && (old.target !== c.target || oldInput !== input))
        store.getState().setInput(old.target, oldInput, undefined);
      store.getState().endEdit();
    },
    [store],
  );

  const onPaneClick = useCallback(() => store.getState().select(null), [store]);
  const onEdgeMouseEnter = useCallback((e: { clientX: number; clientY: number }, edge: Edge) => {
    const tip = (edge.data as { tip?: string } | undefined)?.tip ?? (edge.id.startsWith('after:') ? AFTER_TIP : undefined);
    if (tip) setEdgeTip({ x: e.clientX, y: e.clientY, text: tip });
  }, []);
  const onEdgeMouseLeave = useCallback(() => setEdgeTip(null), []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const id = e.dataTransfer.getData(DRAG_MIME);
      if (!id) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const s = store.getState();
      // Dropped inside a group: the new task belongs to it.
      const inside = innermostGroupAt(s.doc, rectsRef.current, p);
      s.beginEdit();
      const taskId = s.addComponent(id, { x: Math.round(p.x - 40), y: Math.round(p.y - 20) });
      if (inside) store.getState().arrange({ membership: { [taskId]: inside } });
      store.getState().endEdit();
    },
    [flow, store],
  );

  // The React Flow subtree as an element kept while its props are the same: an edit that
  // changes no node or wire re-renders the canvas component, not React Flow and its children.
  const flowView = useMemo(
    () => (
      <LodContext.Provider value={lod}>
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onPaneClick={onPaneClick}
          onMoveStart={onMoveStart}
          onMove={onMove}
          onMoveEnd={onMoveEnd}
          elevateNodesOnSelect={false}
          onEdgeMouseEnter={onEdgeMouseEnter}
          onEdgeMouseLeave={onEdgeMouseLeave}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          snapToGrid
          snapGrid={SNAP_GRID}
          edgesReconnectable
          onReconnect={onReconnect}
          fitView={initialFit}
          fitViewOptions={FIT_VIEW}
          minZoom={0.1}
          proOptions={PRO_OPTIONS}
          colorMode="system"
        >
          <CanvasGrid />
          <Controls />
          <MiniMap pannable zoomable ariaLabel="Overview of the pipeline" nodeColor="#8ab4f8" />
          <WireLayer wires={wires} onTip={setEdgeTip} />
          <MotionLayer motion={motion} input={sceneInput} ready={lodSettled} />
        </ReactFlow>
      </LodContext.Provider>
    ),
    [lod, nodes, edges, onNodesChange, onEdgesChange, onConnect, onPaneClick, onMoveStart, onMove, onMoveEnd, onEdgeMouseEnter, onEdgeMouseLeave, onReconnect, initialFit, wires, motion, sceneInput, lodSettled],
  );

  return (
    <div
      className="canvas"
      onPointerMove={(e: PointerEvent) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
    >
      {flowView}
      <Legend />
      {edgeTip && (
        <div className="edge-tip" role="tooltip" style={{ left: edgeTip.x + 12, top: edgeTip.y + 12 }}>
          {edgeTip.text}
        </div>
      )}
      {doc.tasks.length === 0 && (
        <div className="canvas-empty">Drag a component here from the palette, or select one and press Enter.</div>
      )}
    </div>
  );
}
