import { getBezierPath, Position, type Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { handleBounds } from './task-lod';
import { taskLayout, type Measure } from './task-size';
import { wireOf } from './wire-layer';

const measure: Measure = (text) => text.length * 6;
const layout = taskLayout(
  {
    title: 'T',
    taskKey: 't',
    inputs: [{ name: 'model', type: 'VertexModel', required: true, bound: true }],
    outputs: [{ name: 'model', type: 'VertexModel' }],
  },
  measure,
);

describe('wireOf', () => {
  it('draws the bezier React Flow draws, between the handles’ side midpoints', () => {
    const edge: Edge = { id: 'data:b:model', source: 'a', sourceHandle: 'out:model', target: 'b', targetHandle: 'in:model', style: { stroke: 'red' }, data: { tip: 'a.model → b.model' } };
    const w = wireOf(edge, { position: { x: 0, y: 0 }, handles: layout.handles }, { position: { x: 500, y: 100 }, handles: layout.handles })!;
    const [d] = getBezierPath({
      sourceX: layout.width - 6 + 10,
      sourceY: 50 + 5,
      sourcePosition: Position.Right,
      targetX: 500 - 4,
      targetY: 100 + 50 + 5,
      targetPosition: Position.Left,
    });
    expect(w).toEqual({ id: edge.id, d, style: { stroke: 'red' }, tip: 'a.model → b.model' });
  });

  it('run-after wires leave from the bottom and arrive at the top', () => {
    const edge: Edge = { id: 'after:b:a', source: 'a', sourceHandle: 'after:source', target: 'b', targetHandle: 'after:target' };
    const w = wireOf(edge, { position: { x: 0, y: 0 }, handles: layout.handles }, { position: { x: 0, y: 400 }, handles: layout.handles })!;
    const x = layout.width - 25 + 5;
    expect(w.d).toBe(getBezierPath({ sourceX: x, sourceY: 37 + 10, sourcePosition: Position.Bottom, targetX: x, targetY: 400 - 5, targetPosition: Position.Top })[0]);
  });

  it('no wire when a handle is unknown', () => {
    const edge: Edge = { id: 'x', source: 'a', sourceHandle: 'out:nope', target: 'b', targetHandle: 'in:model' };
    expect(wireOf(edge, { position: { x: 0, y: 0 }, handles: layout.handles }, { position: { x: 0, y: 0 }, handles: layout.handles })).toBeUndefined();
  });
});

describe('handleBounds', () => {
  it('splits computed handles into React Flow’s source and target bounds', () => {
    const b = handleBounds('n1', layout.handles);
    expect(b.source.map((h) => h.id)).toEqual(['after:source', 'out:model']);
    expect(b.target.map((h) => h.id)).toEqual(['after:target', 'in:model']);
    expect(b.target[1]).toMatchObject({ nodeId: 'n1', type: 'target', position: 'left', x: -4, y: 50, width: 10, height: 10 });
  });
});
