import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW_ZOOM, createLod, fullIds, FULL_MARGIN_PX, lodWaits, SHOWN_MARGIN_PX, shownIds, type Box } from './task-lod';

const box = (id: string, x: number, y: number): Box => ({ id, x, y, width: 300, height: 200 });

describe('fullIds', () => {
  const boxes = [box('far', 5000, 5000), box('edge', 1000 + FULL_MARGIN_PX - 10, 0), box('centre', 350, 300), box('corner', 0, 0)];
  it('is empty below the zoom threshold', () => {
    expect(fullIds({ transform: [0, 0, COMPACT_BELOW_ZOOM - 0.01], width: 1000, height: 800 }, boxes).size).toBe(0);
  });
  it('holds the boxes in view or within the margin, nearest the centre first', () => {
    expect([...fullIds({ transform: [0, 0, 1], width: 1000, height: 800 }, boxes)]).toEqual(['centre', 'corner', 'edge']);
    // Panned right by 2000 px at zoom 2: the view is x 1000…1500 in flow units.
    expect([...fullIds({ transform: [-2000, 0, 2], width: 1000, height: 800 }, boxes)]).toEqual(['edge']);
  });
});

function harness(opts: { addPerFrame?: number; removePerFrame?: number } = {}) {
  const frames: Array<() => void> = [];
  const measured: string[][] = [];
  const lod = createLod({ ...opts, onFull: (ids) => measured.push(ids), schedule: (f) => frames.push(f) });
  const changes: string[] = [];
  const mount = (id: string) => lod.subscribe(id, () => changes.push(`${id}:${lod.isFull(id) ? 'full' : 'compact'}`));
  const frame = () => frames.splice(0).forEach((f) => f());
  return { lod, frames, measured, changes, mount, frame };
}

describe('createLod', () => {
  it('a node not drawn yet turns full at once; drawn nodes a few per frame, with their handles measured', () => {
    const h = harness({ addPerFrame: 2 });
    h.lod.set(new Set(['a']));
    expect(h.lod.isFull('a')).toBe(true);
    expect(h.frames).toHaveLength(0);
    for (const id of ['b', 'c', 'd']) h.mount(id);
    h.lod.set(new Set(['c', 'b', 'd']));
    expect(['b', 'c', 'd'].map(h.lod.isFull)).toEqual([false, false, false]);
    h.frame();
    expect(h.changes).toEqual(['c:full', 'b:full']);
    expect(h.measured).toEqual([['c', 'b']]);
    h.frame();
    expect(h.changes).toEqual(['c:full', 'b:full', 'd:full']);
    h.frame();
    expect(h.frames).toHaveLength(0);
  });

  it('zoomed in, full nodes stay full when they leave the view; zoomed out, all turn compact a few per frame', () => {
    const h = harness({ addPerFrame: 10, removePerFrame: 2 });
    for (const id of ['a', 'b', 'c']) h.mount(id);
    h.lod.set(new Set(['a', 'b', 'c']));
    h.frame();
    h.lod.set(new Set(['x']));
    expect(['a', 'b', 'c', 'x'].every(h.lod.isFull)).toBe(true);
    h.changes.length = 0;
    h.lod.set(new Set());
    expect(h.lod.isFull('x')).toBe(false); // not drawn: at once, no notice
    h.frame();
    expect(h.changes).toEqual(['a:compact', 'b:compact']);
    h.frame();
    expect(h.changes).toEqual(['a:compact', 'b:compact', 'c:compact']);
    expect(h.frames).toHaveLength(0);
  });

  it('unsubscribing forgets the listener', () => {
    const h = harness();
    const off = h.mount('a');
    off();
    h.lod.set(new Set(['a']));
    expect(h.lod.isFull('a')).toBe(true);
    expect(h.changes).toEqual([]);
  });
});

describe('shownIds', () => {
  const boxes = [box('in', 100, 100), box('margin', 1000 + SHOWN_MARGIN_PX - 10, 0), box('far', 5000, 5000), box('chosen', -9000, 0)];
  it('holds the boxes in view or within the margin at any zoom, and the ones kept', () => {
    const keep = (id: string) => id === 'chosen';
    expect(shownIds({ transform: [0, 0, 1], width: 1000, height: 800 }, boxes, keep)).toEqual(new Set(['in', 'margin', 'chosen']));
    // Zoomed out to 0.1 the view is 10,000 × 8,000 flow units: everything but the kept-anyway box is near.
    expect(shownIds({ transform: [0, 0, 0.1], width: 1000, height: 800 }, boxes)).toEqual(new Set(['in', 'margin', 'far']));
  });
  it('is undefined (render everything) while the pane has no size', () => {
    expect(shownIds({ transform: [0, 0, 1], width: 0, height: 0 }, boxes)).toBeUndefined();
  });
});

describe('createLod: hiding', () => {
  it('hides nothing before the first show, then notifies only the drawn nodes whose state changed', () => {
    const lod = createLod({ schedule: () => {} });
    const seen: string[] = [];
    for (const id of ['a', 'b', 'c']) lod.subscribeHidden(id, () => seen.push(`${id}:${lod.isHidden(id) ? 'hidden' : 'shown'}`));
    expect(['a', 'b', 'c', 'x'].some(lod.isHidden)).toBe(false);
    lod.show(new Set(['a', 'b', 'c']));
    expect(seen).toEqual([]);
    lod.show(new Set(['a']));
    expect(seen).toEqual(['b:hidden', 'c:hidden']);
    expect(lod.isHidden('x')).toBe(true); // not drawn: nobody to tell
    seen.length = 0;
    lod.show(new Set(['a', 'c']));
    expect(seen).toEqual(['c:shown']);
    seen.length = 0;
    lod.show(undefined);
    expect(seen).toEqual(['b:shown']);
  });
});

describe('lodWaits', () => {
  const motion = (active: boolean, covered: boolean) => ({ active: () => active, covered: () => covered });
  it('nodes switch later only while the view moves under the motion canvas', () => {
    expect(lodWaits(motion(true, true))).toBe(true);
    // Moving, but React Flow's nodes are what is seen (the canvas's code not in yet): they switch as usual.
    expect(lodWaits(motion(true, false))).toBe(false);
    // Still, the canvas still up while nodes catch up behind it.
    expect(lodWaits(motion(false, true))).toBe(false);
    expect(lodWaits(undefined)).toBe(false);
  });
});
