import { memo } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import type { Group, Operand } from '../document/types';
import { useEditorStore } from './store-context';

export interface GroupNodeData extends Record<string, unknown> {
  group: Group;
  /** The compiler's name for the group (condition-2, for-loop-1, …). */
  label: string;
  hasError: boolean;
}
export type GroupFlowNode = Node<GroupNodeData, 'group'>;

/** What a group is called when it has no name of its own. */
export const GROUP_KIND: Record<Group['kind'], string> = {
  condition: 'Condition',
  branches: 'If / Elif / Else',
  loop: 'Loop (ParallelFor)',
  exitHandler: 'Exit handler',
};

export function operandText(o: Operand): string {
  if ('constant' in o) return JSON.stringify(o.constant);
  if ('parameter' in o) return o.parameter;
  if ('loopItem' in o) return o.field ? `item.${o.field}` : 'item';
  return `${o.task}.${o.output}`;
}

/** The group's condition or loop, as its header shows it. */
export function groupSummary(g: Group): string {
  if (g.kind === 'condition') return g.condition ? `${operandText(g.condition.left)} ${g.condition.operator} ${operandText(g.condition.right)}` : 'else';
  if (g.kind === 'loop') {
    const items = 'constant' in g.items ? `${g.items.constant.length} items` : 'parameter' in g.items ? g.items.parameter : 'loopItem' in g.items ? 'item' : `${g.items.task}.${g.items.output}`;
    return `for each in ${items}${g.parallelism ? `, ${g.parallelism} at a time` : ''}`;
  }
  return '';
}

export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<GroupFlowNode>) {
  const store = useEditorStore();
  const { group, label, hasError } = data;
  return (
    <div className={`group-node group-${group.kind}${selected ? ' selected' : ''}${hasError ? ' has-error' : ''}`} data-testid={`group-${group.id}`}>
      <NodeResizer
        isVisible={selected}
        minWidth={220}
        minHeight={140}
        onResizeEnd={(_, p) => store.getState().setGroupRect(group.id, { x: p.x, y: p.y }, { width: p.width, height: p.height })}
      />
      <div className="group-head">
        <strong>{group.displayName || GROUP_KIND[group.kind]}</strong> <code>{label}</code> <span className="muted">{groupSummary(group)}</span>
      </div>
    </div>
  );
});
