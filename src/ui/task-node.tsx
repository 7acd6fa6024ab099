import { memo, useCallback, useContext, useSyncExternalStore, type Ref } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { isRequired } from '../catalog/ports';
import type { CatalogEntry, Port } from '../catalog/types';
import type { Task } from '../document/types';
import { typeColor } from './artifact-colors';
import { useEditor, useEditorStore } from './store-context';
import { taskById } from '../store/derive';
import { LodContext, type Lod } from './task-lod';
import { CompactTaskNode } from './task-node-compact';
import { AFTER_SOURCE, AFTER_TARGET, portsOf, shortType, showAllText, visibleInputs, type TaskLayout } from './task-size';

/**
 * What a task node is drawn from. The task itself is read from the store (`useNodeTask`), not
 * carried here: a value typed into the inspector then changes no node object, so React Flow
 * has nothing to update, and only the node of that task renders again.
 */
export interface TaskNodeData extends Record<string, unknown> {
  entry?: CatalogEntry;
  taskKey: string;
  expanded: boolean;
  hasError: boolean;
  /** Size and handle positions (task-size.ts); the compact node is drawn at this size. */
  layout: TaskLayout;
}
export type TaskFlowNode = Node<TaskNodeData, 'task'>;

function PortRow({ port, side, bound }: { port: Port; side: 'in' | 'out'; bound?: boolean }) {
  const color = typeColor(port.kind, port.type);
  return (
    <div className={`port port-${side}${bound ? ' bound' : ''}`} title={`${port.name}: ${port.type}${port.optional ? ' (optional)' : ''}`}>
      <Handle
        id={`${side}:${port.name}`}
        type={side === 'in' ? 'target' : 'source'}
        position={side === 'in' ? Position.Left : Position.Right}
        className={`handle handle-${port.kind}`}
        style={{ background: color, borderColor: color }}
      />
      <span className="port-name">
        {port.name}
        {side === 'in' && isRequired(port) ? <span className="req">*</span> : null}
      </span>
      <span className="port-type">{shortType(port)}</span>
    </div>
  );
}

function FullTaskNode({ task, data, selected, rootRef }: { task: Task; data: TaskNodeData; selected: boolean; rootRef: Ref<HTMLDivElement> }) {
  const store = useEditorStore();
  const { entry, taskKey, expanded, hasError } = data;
  if (!entry)
    return (
      <div ref={rootRef} className="task-node unknown" data-testid={`task-${taskKey}`} style={{ minWidth: data.layout.width }}>
        <div className="task-head">
          <span className="task-title">Unknown component</span>
          <span className="task-key">{task.component}</span>
        </div>
      </div>
    );
  const inputs = visibleInputs(entry, task, expanded);
  const { inputs: all, outputs } = portsOf(entry);
  const button = showAllText(all.length, inputs.length, expanded);
  return (
    <div ref={rootRef} className={`task-node${selected ? ' selected' : ''}${hasError ? ' has-error' : ''}`} style={{ minWidth: data.layout.width }}>
      <div className="task-head" data-testid={`task-${taskKey}`} title={entry.summary}>
        <Handle id={AFTER_TARGET} type="target" position={Position.Top} className="handle-after" title="Run after: drop a run-after wire here" />
        <Handle id={AFTER_SOURCE} type="source" position={Position.Bottom} className="handle-after source" title="Drag to a task that must run after this one" />
        <span className="task-title">{task.displayName || entry.title}</span>
        <span className="task-key">{taskKey}</span>
      </div>
      <div className="task-ports">
        <div className="task-inputs">
          {inputs.map((p) => (
            <PortRow key={p.name} port={p} side="in" bound={p.name in task.inputs} />
          ))}
          {button ? (
            <button
              type="button"
              className="nodrag show-all"
              onClick={(e) => {
                e.stopPropagation();
                store.getState().toggleExpanded(task.id);
              }}
            >
              {button}
            </button>
          ) : null}
        </div>
        <div className="task-outputs">
          {outputs.map((p) => (
            <PortRow key={p.name} port={p} side="out" />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * A ref for the node's root element that takes React Flow's element of the node (its parent)
 * out of the page's rendering while the Lod hides it, far out of view: set on the element
 * directly, so a pan re-renders no node. React Flow ignores the zero size it then observes
 * (the node keeps the size it was given).
 */
function useFarHiding(lod: Lod, id: string) {
  return useCallback(
    (el: HTMLDivElement | null) => {
      const wrapper = el?.parentElement;
      if (!wrapper) return;
      const apply = () => {
        const display = lod.isHidden(id) ? 'none' : '';
        if (wrapper.style.display !== display) wrapper.style.display = display;
      };
      apply();
      return lod.subscribeHidden(id, apply);
    },
    [lod, id],
  );
}

/** A task on the canvas: in full when in view at an editing zoom, else compact; not rendered when far out of view (task-lod.ts). */
export const TaskNode = memo(function TaskNode({ id, data, selected }: NodeProps<TaskFlowNode>) {
  const lod = useContext(LodContext);
  const subscribe = useCallback((onChange: () => void) => lod.subscribe(id, onChange), [lod, id]);
  const full = useSyncExternalStore(subscribe, () => lod.isFull(id));
  const rootRef = useFarHiding(lod, id);
  const task = useEditor((s) => taskById(s.doc, id));
  // Gone from the document, not yet from React Flow.
  if (!task) return null;
  return full ? (
    <FullTaskNode task={task} data={data} selected={selected} rootRef={rootRef} />
  ) : (
    <CompactTaskNode task={task} data={data} selected={selected} rootRef={rootRef} />
  );
});
