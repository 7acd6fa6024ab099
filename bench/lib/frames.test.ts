import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM of the bench, without type declarations
import { framesByPhase, vsyncHistogram } from './frames.mjs';

const view = (x: number, y: number, zoom: number) => `translate(${x}px, ${y}px) scale(${zoom})`;

describe('vsyncHistogram', () => {
  it('puts each frame under the number of 60 Hz intervals it took, four or more in the last column', () => {
    expect(vsyncHistogram([16.6, 16.8, 33.3, 33.4, 49.9, 66.7, 83.3, 250])).toEqual([2, 2, 1, 3]);
  });
  it('counts a frame shorter than one interval (timer jitter) as one vsync', () => {
    expect(vsyncHistogram([9, 0])).toEqual([2, 0, 0, 0]);
  });
});

describe('framesByPhase', () => {
  it('tells zoom, pan and still frames apart, by zoom band, from the view at the frame before', () => {
    const views = [view(0, 0, 0.2), view(0, 0, 0.3), view(10, 0, 0.3), view(10, 0, 0.3), view(10, 0, 0.6), view(10, 5, 1.5)];
    const deltas = [16.7, 33.3, 16.7, 50, 16.7, 16.7];
    expect(framesByPhase(deltas, views)).toEqual({
      'zoom-lo': [0, 1, 0, 0], // 0.2 → 0.3
      'pan-lo': [1, 0, 0, 0], // x 0 → 10
      'still-lo': [0, 0, 1, 0],
      'zoom-mid': [1, 0, 0, 0], // 0.3 → 0.6
      'zoom-hi': [1, 0, 0, 0], // 0.6 → 1.5 (and a pan)
    });
  });
  it('uses the bands of the canvas level of detail: compact below 0.45, then below 1', () => {
    const panAt = (zoom: number) => Object.keys(framesByPhase([16.7, 16.7], [view(0, 0, zoom), view(1, 0, zoom)]));
    expect([0.1, 0.44, 0.45, 0.99, 1, 2].map(panAt)).toEqual([['pan-lo'], ['pan-lo'], ['pan-mid'], ['pan-mid'], ['pan-hi'], ['pan-hi']]);
  });
  it('reads a frame without a viewport (no canvas yet) as zoom 0, still', () => {
    expect(framesByPhase([16.7, 16.7], ['', ''])).toEqual({ 'still-lo': [1, 0, 0, 0] });
  });
});
