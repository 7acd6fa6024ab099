/**
 * Frame times of a scripted pan and zoom, in vsyncs: rAF deltas come in steps of one 60 Hz
 * interval (16.7, 33.3, 50 ms …), so a budget is met or missed by how many frames miss how
 * many vsyncs. Pure; used by browser.mjs and bench/ab.mjs.
 */

/**
 * Frames by how many 60 Hz vsync intervals they took: [1, 2, 3, 4 or more]. A p95 of ≤ 33 ms
 * needs fewer than 5 % of the frames beyond the first column (a frame that misses one vsync
 * lasts 33.3 ms), one of ≤ 50 ms fewer than 5 % beyond the second.
 */
export function vsyncHistogram(deltas) {
  const h = [0, 0, 0, 0];
  for (const d of deltas) h[Math.min(3, Math.max(0, Math.round(d / (1000 / 60)) - 1))]++;
  return h;
}

/** Zoom bands of framesByPhase: below the canvas's compact level of detail (task-lod.ts COMPACT_BELOW_ZOOM), below 1, 1 and over. */
const ZOOM_BANDS = [
  [0.45, 'lo'],
  [1, 'mid'],
  [Infinity, 'hi'],
];
const TRANSFORM = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/;

/**
 * A gesture's frames by what they show, each group a vsyncHistogram: `zoom`, `pan` or `still`
 * (the view's transform changed its scale, only its offset, or nothing) and the zoom band
 * (`lo` < 0.45 ≤ `mid` < 1 ≤ `hi`), e.g. `{ 'pan-mid': [39, 25, 5, 3], … }`. `views[i]` is the
 * viewport's transform in the animation callback at the start of frame `deltas[i]`; that frame
 * shows what changed since the callback before (`views[i - 1]`). A diagnosis aid: where in the
 * gesture the late frames are.
 */
export function framesByPhase(deltas, views) {
  const out = {};
  const parse = (t) => (TRANSFORM.exec(t ?? '') ?? [0, 0, 0, 0]).slice(1).map(Number);
  for (let i = 1; i < deltas.length && i < views.length; i++) {
    const [ax, ay, az] = parse(views[i - 1]);
    const [bx, by, bz] = parse(views[i]);
    const what = az !== bz ? 'zoom' : ax !== bx || ay !== by ? 'pan' : 'still';
    const band = ZOOM_BANDS.find(([below]) => bz < below)[1];
    const h = (out[`${what}-${band}`] ??= [0, 0, 0, 0]);
    h[vsyncHistogram([deltas[i]]).indexOf(1)]++;
  }
  return out;
}
