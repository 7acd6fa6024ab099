import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_BELOW, createDrawer, overlapping, type Scene, type SceneTask, type Theme } from './motion-draw';

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

  it('a pan by whole pixels moves what the canvas holds and draws only the strip that came into view', () => {
    const r = recorder();
    const drawer = createDrawer(r.ctx);
    const one = scene([task(0, 'Left'), task(2000, 'Right')]);
    drawer.draw(one, [0, 0, 1], 1000, 800, 1, theme);
    expect(r.texts()).toContain('Left');
    r.calls.length = 0;
    // 1,000 px to the left: "Right" (at 2,000) is still out; 1,050: its left edge comes in.
    drawer.draw(one, [-50, 0, 1], 1000, 800, 1, theme);
    expect(r.calls.filter(([n]) => n === 'drawImage').map(([, a]) => a.slice(1))).toEqual([[-50, 0]]);
    expect(r.texts()).toEqual([]); // the strip x 950–1000 shows flow 1,000–1,050: nothing there
    r.calls.length = 0;
    drawer.draw(one, [-1050, 0, 1], 1000, 800, 1, theme); // more than the width: drawn whole
    expect(r.calls.some(([n]) => n === 'drawImage')).toBe(false);
    expect(r.texts()).toContain('Right');
    r.calls.length = 0;
    drawer.draw(one, [-1100, 0, 1], 1000, 800, 1, theme);
    expect(r.texts()).toContain('Right'); // in the new strip (flow 2,050–2,100), so drawn again there
    r.calls.length = 0;
    drawer.draw(one, [-1100.5, 0, 1], 1000, 800, 1, theme); // not a whole pixel: drawn whole
    expect(r.calls.some(([n]) => n === 'drawImage')).toBe(false);
    r.calls.length = 0;
    drawer.draw(one, [-2200, 0, 1.1], 1000, 800, 1, theme);
    r.calls.length = 0;
    drawer.draw(scene(one.tasks), [-2200, 0, 1.1], 1000, 800, 1, theme); // another scene, same view: drawn whole
    expect(r.texts()).toContain('Right');
  });

  it('a zoom step shows the last exact picture scaled (within ×2) and draws sharp only what it leaves uncovered', () => {
    const r = recorder();
    const drawer = createDrawer(r.ctx);
    const one = scene([task(100, 'Inside'), task(1200, 'Beyond')]);
    drawer.draw(one, [0, 0, 1], 1000, 800, 1, theme);
    r.calls.length = 0;
    // Zoom in ×1.25 about the origin: the scaled picture covers the canvas; nothing is drawn anew.
    drawer.draw(one, [0, 0, 1.25], 1000, 800, 1, theme);
    expect(r.calls.filter(([n]) => n === 'drawImage')).toHaveLength(1); // the kept picture, scaled
    expect(r.calls).toContainEqual(['setTransform', [1.25, 0, 0, 1.25, 0, 0]]);
    expect(r.texts()).toEqual([]);
    r.calls.length = 0;
    // Zoom out to 0.8 of the kept picture: it covers x < 800; "Beyond" (flow 1,200 → 960 px) is in the uncovered strip.
    drawer.draw(one, [0, 0, 0.8], 1000, 800, 1, theme);
    expect(r.texts()).toContain('Beyond');
    expect(r.texts()).not.toContain('Inside');
    r.calls.length = 0;
    // Beyond ×2 of the kept picture: drawn whole, sharp.
    drawer.draw(one, [0, 0, 0.4], 1000, 800, 1, theme);
    expect(r.texts()).toEqual(expect.arrayContaining(['Inside', 'Beyond']));
    r.calls.length = 0;
    // A pan right after a scaled frame is drawn whole too (what the canvas holds is not exact).
    drawer.draw(one, [0, 0, 0.5], 1000, 800, 1, theme);
    r.calls.length = 0;
    drawer.draw(one, [-10, 0, 0.5], 1000, 800, 1, theme);
    expect(r.texts()).toEqual(expect.arrayContaining(['Inside', 'Beyond']));
  });

  it('wraps a long compact title on two lines, the second cut with an ellipsis, as the node’s line clamp does', () => {
    const r = recorder();
    // 300 px wide node: 300 − 2 − 32 = 266 px of text, 44 characters at 6 px.
    const title = 'Automatic machine learning image training job with a very long name indeed, longer than two lines of the box';
    createDrawer(r.ctx).draw(scene([task(0, title)]), [0, 0, 0.2], 1000, 800, 1, theme);
    const [first, second] = r.texts();
    // The most words that fit (41 characters; one more word would make 45 > 266 / 6).
    expect(first).toBe('Automatic machine learning image training');
    expect(second.endsWith('…')).toBe(true);
    expect(second.length * 6).toBeLessThanOrEqual(266);
  });
});

describe('overlapping', () => {
  it('finds the tasks whose drawing meets another’s, handles and rings included', () => {
    const a = task(0, 'A');
    const b = task(290, 'B'); // overlaps A (A ends at 300)
    const c = task(700, 'C');
    const d = task(1012, 'D'); // 12 px right of C: their handles (5 px out) and rings come within 8 px
    const e = task(2000, 'E');
    const lap = overlapping({ tasks: [a, b, c, d, e], groups: [], wires: [] });
    expect([a, b, c, d, e].map((t) => lap.has(t))).toEqual([true, true, true, true, false]);
  });
});

describe('createDrawer with overlapping nodes', () => {
  it('draws overlapping nodes one by one, after the others, in order', () => {
    const r = recorder();
    const one: Scene = { tasks: [task(0, 'Under'), task(100, 'Over'), task(600, 'Apart')], groups: [], wires: [] };
    createDrawer(r.ctx).draw(one, [0, 0, 0.3], 1000, 800, 1, theme);
    expect(r.texts()).toEqual(['Apart', 'apart-key', 'Under', 'under-key', 'Over', 'over-key']);
  });
});
