import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { inputPorts, isRequired, outputPorts } from '../catalog/ports';
import type { CatalogEntry, Port } from '../catalog/types';
import type { Task } from '../document/types';
import { typeColor } from './artifact-colors';
import { useEditorStore } from './store-context';

/** Handles of "run after" dependencies (no data): on the node header. */
export const AFTER_SOURCE = 'after:source';
export const AFTER_TARGET = 'after:target';

export interface TaskNodeData extends Record<string, unknown> {
  task: Task;
  entry?: CatalogEntry;
  taskKey: string;
  expanded: boolean;
  hasError: boolean;
}
export type TaskFlowNode = Node<TaskNodeData, 'task'>;

const SHORT_TYPE: Record<string, string> = {
  STRING: 'str',
  NUMBER_INTEGER: 'int',
  NUMBER_DOUBLE: 'float',
  BOOLEAN: 'bool',
  STRUCT: 'dict',
  LIST: 'list',
};
const shortType = (p: Port) => (p.kind === 'parameter' ? SHORT_TYPE[p.type] ?? p.type : p.type.replace(/^(google|system)\./, ''));

/** Which inputs are ports: artifacts always; parameters when required, bound, or the node is expanded. */
export function visibleInputs(entry: CatalogEntry, task: Task, expanded: boolean): Port[] {
  return inputPorts(entry).filter(
    (p) => expanded || p.kind === 'artifact' || isRequired(p) || p.name in task.inputs,
  );
}

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

export const TaskNode = memo(function TaskNode({ data, selected }: NodeProps<TaskFlowNode>) {
  const store = useEditorStore();
  const { task, entry, taskKey, expanded, hasError } = data;
  if (!entry)
    return (
      <div className="task-node unknown" data-testid={`task-${taskKey}`}>
        <div className="task-head">
          <span className="task-title">Unknown component</span>
          <span className="task-key">{task.component}</span>
        </div>
      </div>
    );
  const inputs = visibleInputs(entry, task, expanded);
  const total = inputPorts(entry).length;
  const outputs = outputPorts(entry);
  return (
    <div className={`task-node${selected ? ' selected' : ''}${hasError ? ' has-error' : ''}`}>
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
          {total > inputs.length || expanded ? (
            <button
              type="button"
              className="nodrag show-all"
              onClick={(e) => {
                e.stopPropagation();
                store.getState().toggleExpanded(task.id);
              }}
            >
              {expanded ? 'Show fewer inputs' : `Show all ${total} inputs`}
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
});
