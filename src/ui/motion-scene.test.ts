import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { taskEntry } from '../catalog/resolve';
import { taskKeys } from '../compiler/compile';
import { seedDocument } from '../examples/seed';
import { typeColor, PARAMETER_COLOR } from './artifact-colors';
import { cachedEdges, emptyEdgeCache } from './canvas-edges';
import { buildScene, pathBox } from './motion-scene';
import type { TaskFlowNode } from './task-node';
import { taskLayout, taskShape, type Measure } from './task-size';
import { wireOf } from './wire-layer';

const measure: Measure = (text) => text.length * 6;
let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

/** The seed pipeline's task nodes as the canvas gives them to React Flow, side by side. */
function flowNodes(selected = new Set<string>()) {
  const doc = seedDocument();
  const keys = taskKeys(doc, catalog);
  const nodes: TaskFlowNode[] = doc.tasks.map((task, i) => {
    const entry = taskEntry(doc, catalog, task)!;
    const taskKey = keys.get(task.id)!;
    const layout = taskLayout(taskShape(task, entry, taskKey, false), measure);
    return {
      id: task.id,
      type: 'task',
      position: { x: i * 400, y: i * 50 },
      selected: selected.has(task.id),
      className: i === 1 ? 'sim-running' : undefined,
      handles: layout.handles,
      data: { entry, taskKey, expanded: false, hasError: i === 2, layout },
    };
  });
  return { doc, keys, nodes, edges: cachedEdges(doc, catalog, keys, emptyEdgeCache()).list };
}

describe('buildScene', () => {
  it('draws each task where React Flow places it, with its size, texts and state', () => {
    const { doc, nodes, edges } = flowNodes(new Set([seedDocument().tasks[0].id]));
    const scene = buildScene(doc, nodes, edges, (d) => d as unknown as Path2D);
    expect(scene.tasks).toHaveLength(doc.tasks.length);
    scene.tasks.forEach((t, i) => {
      const n = nodes[i];
      expect(t).toMatchObject({ x: n.position.x, y: n.position.y, width: n.data.layout.width, height: n.data.layout.height });
      expect(t.shape).toEqual(taskShape(doc.tasks[i], n.data.entry, n.data.taskKey, false));
    });
    expect(scene.tasks.map((t) => [t.selected, t.hasError, t.className])).toEqual([
      [true, false, undefined],
      [false, false, 'sim-running'],
      [false, true, undefined],
      ...scene.tasks.slice(3).map(() => [false, false, undefined]),
    ]);
  });

  it('colours each port handle by its type; run-after handles have none', () => {
    const { doc, nodes, edges } = flowNodes();
    const scene = buildScene(doc, nodes, edges, (d) => d as unknown as Path2D);
    const training = scene.tasks.find((t) => t.shape.taskKey === 'automl-image-training-job')!;
    const byId = new Map(training.handles.map((h) => [h.id, h]));
    expect(byId.get('in:dataset')).toMatchObject({ color: typeColor('artifact', 'google.VertexDataset'), square: false });
    expect(byId.get('out:model')).toMatchObject({ color: typeColor('artifact', 'google.VertexModel'), square: false });
    expect(byId.get('in:display_name')).toMatchObject({ color: PARAMETER_COLOR, square: true });
    expect(byId.get('after:source')?.color).toBeUndefined();
    expect(training.handles.map((h) => [h.x, h.y])).toEqual(nodes.find((n) => n.data.taskKey === 'automl-image-training-job')!.data.layout.handles.map((h) => [h.x, h.y]));
  });

  it('draws every wire as React Flow draws it, with its stroke, and its box for skipping it out of view', () => {
    const { doc, nodes, edges } = flowNodes();
    const scene = buildScene(doc, nodes, edges, (d) => d as unknown as Path2D);
    expect(scene.wires).toHaveLength(edges.length);
    const at = (id: string) => {
      const n = nodes.find((x) => x.id === id)!;
      return { position: n.position, handles: n.data.layout.handles };
    };
    edges.forEach((e, i) => {
      const d = wireOf(e, at(e.source), at(e.target))!.d;
      expect(scene.wires[i].path as unknown as string).toBe(d);
      expect(scene.wires[i].stroke).toBe(e.style!.stroke);
      expect(scene.wires[i].box).toEqual(pathBox(d, Number(e.style!.strokeWidth)));
    });
  });

  it('leaves out wires to tasks it has no node for', () => {
    const { doc, nodes, edges } = flowNodes();
    const scene = buildScene(doc, nodes.slice(1), edges, (d) => d as unknown as Path2D);
    const first = nodes[0].id;
    expect(scene.wires).toHaveLength(edges.filter((e) => e.source !== first && e.target !== first).length);
  });
});

describe('pathBox', () => {
  it('spans every point of the path, padded', () => {
    expect(pathBox('M10,20 C30,-5 50,45 70,20', 2)).toEqual([8, -7, 72, 47]);
    expect(pathBox('M1.5e2,0 L-3,4', 0)).toEqual([-3, 0, 150, 4]);
  });
});
