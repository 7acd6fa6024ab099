import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_BELOW, createDrawer, type Scene, type SceneTask, type Theme } from './motion-draw';

/** A 2D context that records what is drawn; text is 6 px per character. */
function recorder() {
  const calls: Array<[string, unknown[]]> = [];
  const ctx = new Proxy(
    {},
    {
      get(_, name: string) {
        if (name === 'measureText') return (t: string) => ({ width: t.length * 6, fontBoundingBoxAscent: 10, fontBoundingBoxDescent: 3 });
        if (name === 'createPattern') return () => ({ setTransform() {} });
        return (...args: unknown[]) => void calls.push([name, args]);
      },
      set: () => true,
    },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, texts: () => calls.filter(([n]) => n === 'fillText').map(([, a]) => a[0] as string), calls };
}

const theme: Theme = {
  pane: '#fff', dot: '#999', text: '#000', muted: '#555', nodeBg: '#fff', nodeBorder: '#ccc', subtle: '#eee',
  accent: '#00f', danger: '#f00', panel: '#fff', border: '#ddd', sans: 'sans-serif', mono: 'monospace',
};
const task = (x: number, title: string, over: Partial<SceneTask> = {}): SceneTask => ({
  x,
  y: 0,
  width: 300,
  height: 120,
  shape: { title, taskKey: `${title.toLowerCase()}-key`, inputs: [{ name: 'dataset', type: 'VertexDataset', required: true, bound: false }], outputs: [{ name: 'model', type: 'VertexModel' }] },
  handles: [{ id: 'in:dataset', x: -4, y: 50, color: '#0a0' }],
  selected: false,
  hasError: false,
  ...over,
});

beforeAll(() => {
  Object.assign(globalThis, {
    OffscreenCanvas: class {
      getContext() {
        return recorder().ctx;
      }
    },
    DOMMatrix: class {},
  });
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).OffscreenCanvas;
  delete (globalThis as Record<string, unknown>).DOMMatrix;
});

describe('createDrawer', () => {
  const scene = (tasks: SceneTask[], wires: Scene['wires'] = []): Scene => ({ tasks, groups: [], wires });

  it('zoomed out, draws tasks compact: title and key in large type, no port rows', () => {
    const r = recorder();
    createDrawer(r.ctx).draw(scene([task(0, 'Train')]), [0, 0, COMPACT_BELOW - 0.01], 1000, 800, 1, theme);
    expect(r.texts()).toEqual(['Train', 'train-key']);
  });

  it('zoomed in, draws the header, each port row (name, required mark, type) and the handles', () => {
    const r = recorder();
    createDrawer(r.ctx).draw(scene([task(0, 'Train')]), [0, 0, 1], 1000, 800, 1, theme);
    expect(r.texts().sort()).toEqual(['*', 'Train', 'VertexDataset', 'VertexModel', 'dataset', 'model', 'train-key'].sort());
  });

  it('leaves out tasks and wires out of view', () => {
    const r = recorder();
    const near = { path: 'near' as unknown as Path2D, box: [0, 0, 100, 100] as const, stroke: '#0a0', width: 2 };
    const far = { path: 'far' as unknown as Path2D, box: [5000, 0, 6000, 100] as const, stroke: '#0a0', width: 2 };
    createDrawer(r.ctx).draw(scene([task(0, 'Near'), task(5000, 'Far')], [near, far]), [0, 0, 1], 1000, 800, 1, theme);
    expect(r.texts()).toContain('Near');
    expect(r.texts()).not.toContain('Far');
    const stroked = r.calls.filter(([n, a]) => n === 'stroke' && a.length === 1).map(([, a]) => a[0]);
    expect(stroked).toEqual(['near']);
  });

  it('wraps a long compact title on two lines, the second cut with an ellipsis, as the node’s line clamp does', () => {
    const r = recorder();
    // 300 px wide node: 300 − 2 − 32 = 266 px of text, 44 characters at 6 px.
    const title = 'Automatic machine learning image training job with a very long name indeed, longer than two lines of the box';
    createDrawer(r.ctx).draw(scene([task(0, title)]), [0, 0, 0.2], 1000, 800, 1, theme);
    const [first, second] = r.texts();
    expect(first.length * 6).toBeLessThanOrEqual(266);
    expect(title.startsWith(first)).toBe(true);
    expect(second.endsWith('…')).toBe(true);
    expect(second.length * 6).toBeLessThanOrEqual(266);
  });
});
