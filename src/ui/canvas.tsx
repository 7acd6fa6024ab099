import { useCallback, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import {
  Background,
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
import { findOutput } from '../catalog/ports';
import { isTaskOutput } from '../document/types';
import { derive } from '../store/derive';
import { typeColor } from './artifact-colors';
import { DRAG_MIME } from './palette';
import { useEditor, useEditorStore } from './store-context';
import { Legend } from './legend';
import { explainArtifactType } from '../catalog/glossary';
import { AFTER_SOURCE, AFTER_TARGET, TaskNode, type TaskFlowNode } from './task-node';

const nodeTypes = { task: TaskNode };
const parseHandle = (h: string | null | undefined, side: 'in' | 'out') =>
  h && h.startsWith(`${side}:`) ? h.slice(side.length + 1) : undefined;

export function Canvas() {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const selection = useEditor((s) => s.selection);
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const expanded = useEditor((s) => s.expanded);
  const diffHighlight = useEditor((s) => s.diffHighlight);
  const flow = useReactFlow();
  const pointer = useRef({ x: 0, y: 0 });
  const [dragging, setDragging] = useState<Record<string, XYPosition>>({});
  const dragRef = useRef<Record<string, XYPosition>>({});
  // Sizes React Flow measured, kept on our node objects (the minimap and fit view need them).
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  // Fit an opened pipeline once; a blank canvas keeps zoom 1 as components arrive.
  const [initialFit] = useState(() => doc.tasks.length > 0);
  const [edgeTip, setEdgeTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const nodeCache = useRef(new Map<string, TaskFlowNode>());

  const { keys, diagnostics } = derive(doc, catalog);
  const errorTasks = useMemo(
    () => new Set(diagnostics.filter((d) => d.severity === 'error' && d.taskId).map((d) => d.taskId!)),
    [diagnostics],
  );

  const nodes = useMemo(() => {
    const next = new Map<string, TaskFlowNode>();
    const list = doc.tasks.map((task) => {
      const prev = nodeCache.current.get(task.id);
      const position = dragging[task.id] ?? task.position;
      const entry = catalog.get(task.component);
      const taskKey = keys.get(task.id) ?? task.id;
      const isExpanded = !!expanded[task.id];
      const hasError = errorTasks.has(task.id);
      const selected = selectedSet.has(task.id);
      const className = diffHighlight?.[task.id] ? `diff-${diffHighlight[task.id]}` : undefined;
      const measured = sizes[task.id];
      const d = prev?.data;
      const node: TaskFlowNode =
        prev && d && d.task === task && d.entry === entry && d.taskKey === taskKey && d.expanded === isExpanded &&
        d.hasError === hasError && prev.selected === selected && prev.position === position && prev.className === className && prev.measured === measured
          ? prev
          : {
              id: task.id,
              type: 'task',
              position,
              selected,
              className,
              measured,
              data: { task, entry, taskKey, expanded: isExpanded, hasError },
            };
      next.set(task.id, node);
      return node;
    });
    nodeCache.current = next;
    return list;
  }, [doc.tasks, catalog, keys, expanded, errorTasks, selectedSet, dragging, diffHighlight, sizes]);

  const edges = useMemo(() => {
    const list: Edge[] = [];
    const byId = new Map(doc.tasks.map((t) => [t.id, t]));
    for (const t of doc.tasks) {
      for (const up of t.after) {
        if (!byId.has(up)) continue;
        list.push({
          id: `after:${t.id}:${up}`,
          source: up,
          sourceHandle: AFTER_SOURCE,
          target: t.id,
          targetHandle: AFTER_TARGET,
          className: 'after-edge',
          style: { stroke: '#5f6368', strokeDasharray: '6 4', strokeWidth: 1.5 },
          ariaLabel: `run after`,
        });
      }
      for (const [input, b] of Object.entries(t.inputs)) {
        if (!isTaskOutput(b)) continue;
        const producer = byId.get(b.task);
        const entry = producer && catalog.get(producer.component);
        const port = entry && findOutput(entry, b.output);
        const color = port ? typeColor(port.kind, port.type) : '#999';
        list.push({
          id: `data:${t.id}:${input}`,
          source: b.task,
          sourceHandle: `out:${b.output}`,
          target: t.id,
          targetHandle: `in:${input}`,
          style: { stroke: color, strokeWidth: 2 },
          data: {
            tip: port
              ? `${keys.get(b.task) ?? b.task}.${b.output} → ${keys.get(t.id) ?? t.id}.${input}: ${
                  port.kind === 'artifact' ? `${port.type} — ${explainArtifactType(port.type)}` : `a ${port.type} value`
                }`
              : undefined,
          },
        });
      }
    }
    return list;
  }, [doc.tasks, catalog, keys]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TaskFlowNode>[]) => {
      const removed: string[] = [];
      let selectChanges: Set<string> | undefined;
      let measuredNow: Record<string, { width: number; height: number }> | undefined;
      const moves: Record<string, XYPosition | null> = {};
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.dragging && c.position) moves[c.id] = c.position;
          else if (!c.dragging) moves[c.id] = null;
        } else if (c.type === 'dimensions' && c.dimensions) {
          measuredNow ??= {};
          measuredNow[c.id] = c.dimensions;
        } else if (c.type === 'remove') removed.push(c.id);
        else if (c.type === 'select') {
          selectChanges ??= new Set(store.getState().selection);
          if (c.selected) selectChanges.add(c.id);
          else selectChanges.delete(c.id);
        }
      }
      if (Object.keys(moves).length > 0) {
        const next = { ...dragRef.current };
        for (const [id, pos] of Object.entries(moves)) {
          if (pos) next[id] = pos;
          else {
            const last = next[id];
            delete next[id];
            if (last) store.getState().moveTask(id, { x: Math.round(last.x), y: Math.round(last.y) });
          }
        }
        dragRef.current = next;
        setDragging(next);
      }
      if (measuredNow) {
        const m = measuredNow;
        setSizes((cur) => {
          const changed = Object.entries(m).some(([id, d]) => cur[id]?.width !== d.width || cur[id]?.height !== d.height);
          return changed ? { ...cur, ...m } : cur;
        });
      }
      if (selectChanges) store.getState().setSelection([...selectChanges]);
      if (removed.length) store.getState().removeTasks(removed);
    },
    [store],
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

  const onDrop = useCallback(
    (e: DragEvent) => {
      const id = e.dataTransfer.getData(DRAG_MIME);
      if (!id) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      store.getState().addComponent(id, { x: Math.round(p.x - 40), y: Math.round(p.y - 20) });
    },
    [flow, store],
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
      <ReactFlow<TaskFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onPaneClick={() => store.getState().select(null)}
        onEdgeMouseEnter={(e, edge) => {
          const tip = (edge.data as { tip?: string } | undefined)?.tip ?? (edge.id.startsWith('after:') ? 'Run after: the task waits, no data flows.' : undefined);
          if (tip) setEdgeTip({ x: e.clientX, y: e.clientY, text: tip });
        }}
        onEdgeMouseLeave={() => setEdgeTip(null)}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={[10, 10]}
        edgesReconnectable
        onReconnect={onReconnect}
        fitView={initialFit}
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
        colorMode="system"
      >
        <Background gap={20} />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Overview of the pipeline" nodeColor="#8ab4f8" />
      </ReactFlow>
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
