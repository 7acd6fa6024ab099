import type { Ref } from 'react';
import { isOneOf, isTaskOutput, type Task } from '../document/types';
import type { TaskNodeData } from './task-node';
import { AFTER_SOURCE, AFTER_TARGET, NODE } from './task-size';

/**
 * A task node when zoomed out: a box of exactly the full node's size (data.layout) with its
 * title and key in large type. Each wired port keeps an invisible anchor with the full
 * handle's id, side and position (what React Flow reads when it measures a node's handles), so
 * wires attach where they attach in full and need no change. Anchors are plain elements, not
 * React Flow handles (no store subscription, no connecting: wiring is done zoomed in); inputs
 * without a wire have none (the canvas has React Flow measure the full handles when zooming in).
 */
export function CompactTaskNode({ task, data, selected, rootRef }: { task: Task; data: TaskNodeData; selected: boolean; rootRef?: Ref<HTMLDivElement> }) {
  const { entry, taskKey, hasError, layout } = data;
  return (
    <div
      ref={rootRef}
      className={`task-node compact${selected ? ' selected' : ''}${hasError ? ' has-error' : ''}${entry ? '' : ' unknown'}`}
      style={{ width: layout.width, height: layout.height }}
      title={entry?.summary}
    >
      <div className="compact-head" data-testid={`task-${taskKey}`}>
        <span className="compact-title">{entry ? task.displayName || entry.title : 'Unknown component'}</span>
        <span className="compact-key">{entry ? taskKey : task.component}</span>
      </div>
      {entry ? (
        <>
          <div className="anchor target anchor-after-in" data-handleid={AFTER_TARGET} data-handlepos="top" />
          <div className="anchor source anchor-after-out" data-handleid={AFTER_SOURCE} data-handlepos="bottom" />
          {layout.inputs.map((p) => {
            const b = task.inputs[p.name];
            return b && (isTaskOutput(b) || isOneOf(b)) ? (
              <div key={p.name} className="anchor target anchor-in" data-handleid={`in:${p.name}`} data-handlepos="left" style={{ top: p.y - NODE.border }} />
            ) : null;
          })}
          {layout.outputs.map((p) => (
            <div key={p.name} className="anchor source anchor-out" data-handleid={`out:${p.name}`} data-handlepos="right" style={{ top: p.y - NODE.border }} />
          ))}
        </>
      ) : null}
    </div>
  );
}
