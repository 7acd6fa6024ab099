#!/usr/bin/env node
/**
 * What a pan/zoom frame costs on this machine when the pane is one `<canvas>` instead of one
 * DOM element per task (a measurement for issue #8's pan/zoom rows, not part of
 * `npm run bench`; see bench/README.md, round 5).
 *
 *   node bench/canvas-floor.mjs [--tasks=400] [--runs=3]
 *
 * 1. Opens the bench's document in the real app (bench/.build/app, as `npm run bench` leaves
 *    it) and reads the graph as the app draws it: each task node's box and title, each wire's
 *    path and stroke.
 * 2. Draws that graph into a plain page: one canvas of the pane's size that draws the dot grid,
 *    the wires (as the same SVG paths, Path2D) and the nodes (box, title; at zoom ≥ 0.45 one
 *    text row per port row), skipping what is out of view. Wheel and drag zoom and pan it as
 *    React Flow does (×2^(−deltaY/500) around the pointer, zoom 0.1–2).
 * 3. Runs the bench's own gesture (browser.mjs panZoomGesture: the page names its canvas
 *    `.react-flow__pane` and its fit button `.react-flow__controls-fitview`) and prints the
 *    frames as the bench does.
 *
 * Only drawing is modelled: no selection, hover, editing or accessibility. So this is a lower
 * bound for a canvas renderer, to compare with the app's DOM canvas on the same graph.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCore, CORE_FILE } from './lib/build.mjs';
import { launch, openArgs, panZoomGesture, VIEWPORT } from './lib/browser.mjs';
import { benchCatalog, writeBrowserDocs } from './lib/docs.mjs';
import { vsyncHistogram } from './lib/frames.mjs';
import { BUILD_DIR } from './lib/paths.mjs';
import { startPreview } from './lib/preview.mjs';
import { probe } from './lib/probe.mjs';
import { max, median, percentile } from './lib/stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const TASKS = option('tasks', 400);
const RUNS = option('runs', 3);
const APP = resolve(BUILD_DIR, 'app');
if (!existsSync(resolve(APP, 'index.html'))) throw new Error(`${APP}: no built app (run npm run bench first)`);

await buildCore();
const core = await import(`file://${CORE_FILE}?t=${Date.now()}`);
const catalog = await benchCatalog(core);
const doc = writeBrowserDocs(core, catalog, [TASKS])[TASKS];

/** The graph as the app draws it once opened: node boxes and titles, wire paths, the pane's box. */
async function readGraph(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: url });
  const page = await context.newPage();
  await page.addInitScript(probe, {});
  await page.goto('/');
  await page.getByRole('button', { name: 'Blank pipeline' }).click();
  await page.waitForFunction(() => window.__bench.canvasReady());
  await page.evaluate((a) => window.__bench.armOpen(a), openArgs(doc));
  await page.getByLabel('Open document file').setInputFiles(doc.file);
  await page.waitForFunction(() => window.__bench.open?.shownAt !== undefined, null, { timeout: 120000 });
  await page.evaluate(() => window.__bench.idle(500, 30000));
  const graph = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => {
      const hidden = el.style.display === 'none';
      if (hidden) el.style.display = '';
      const [, x, y] = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform) ?? [0, 0, 0];
      const box = { x: Number(x), y: Number(y), w: el.offsetWidth, h: el.offsetHeight };
      if (hidden) el.style.display = 'none';
      const title = el.querySelector('.compact-title, .task-title')?.textContent ?? '';
      return { ...box, title };
    });
    const wires = [...document.querySelectorAll('.react-flow__edge-path')].map((p) => {
      const cs = getComputedStyle(p);
      return { d: p.getAttribute('d'), stroke: cs.stroke, width: parseFloat(cs.strokeWidth) || 1, dash: cs.strokeDasharray };
    });
    return { pane: { x: pane.x, y: pane.y, width: pane.width, height: pane.height }, nodes, wires };
  });
  await context.close();
  return graph;
}

/** The canvas page (runs in the browser; `graph` from readGraph). */
function canvasPage(graph) {
  const MIN = 0.1;
  const MAX = 2;
  const FULL_ZOOM = 0.45;
  const { pane } = graph;
  const canvas = document.createElement('canvas');
  canvas.className = 'react-flow__pane';
  Object.assign(canvas.style, { position: 'fixed', left: `${pane.x}px`, top: `${pane.y}px`, width: `${pane.width}px`, height: `${pane.height}px` });
  canvas.width = Math.round(pane.width);
  canvas.height = Math.round(pane.height);
  const fit = document.createElement('button');
  fit.className = 'react-flow__controls-fitview';
  fit.textContent = 'fit';
  Object.assign(fit.style, { position: 'fixed', left: '4px', top: '4px' });
  document.body.append(canvas, fit);
  document.body.style.margin = '0';
  const ctx = canvas.getContext('2d');
  const wires = graph.wires.map((w) => {
    const n = (w.d.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
    const xs = n.filter((_, i) => i % 2 === 0);
    const ys = n.filter((_, i) => i % 2 === 1);
    const pad = w.width * 2;
    return { ...w, path: new Path2D(w.d), box: [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad] };
  });
  const nodes = graph.nodes;
  let view = { x: 0, y: 0, k: 1 };
  let dirty = true;
  const fitView = () => {
    const x0 = Math.min(...nodes.map((n) => n.x));
    const y0 = Math.min(...nodes.map((n) => n.y));
    const x1 = Math.max(...nodes.map((n) => n.x + n.w));
    const y1 = Math.max(...nodes.map((n) => n.y + n.h));
    const k = Math.min(1, Math.max(MIN, Math.min((canvas.width * 0.9) / (x1 - x0), (canvas.height * 0.9) / (y1 - y0))));
    view = { k, x: (canvas.width - (x1 - x0) * k) / 2 - x0 * k, y: (canvas.height - (y1 - y0) * k) / 2 - y0 * k };
    dirty = true;
  };
  fit.addEventListener('click', fitView);
  canvas.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const k = Math.min(MAX, Math.max(MIN, view.k * 2 ** (-e.deltaY * (e.deltaMode ? 0.05 : 0.002))));
      const r = canvas.getBoundingClientRect();
      const px = e.clientX - r.left;
      const py = e.clientY - r.top;
      view = { k, x: px - ((px - view.x) / view.k) * k, y: py - ((py - view.y) / view.k) * k };
      dirty = true;
    },
    { passive: false },
  );
  canvas.addEventListener('mousedown', (e) => {
    let last = { x: e.clientX, y: e.clientY };
    const move = (m) => {
      view = { ...view, x: view.x + m.clientX - last.x, y: view.y + m.clientY - last.y };
      last = { x: m.clientX, y: m.clientY };
      dirty = true;
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  });
  // The dot grid: one cell drawn at the current zoom, repeated as a pattern.
  let cellFor = 0;
  let pattern = null;
  const grid = () => {
    const size = 20 * view.k;
    if (cellFor !== view.k) {
      cellFor = view.k;
      const cell = new OffscreenCanvas(Math.max(1, Math.ceil(size)), Math.max(1, Math.ceil(size)));
      const c = cell.getContext('2d');
      c.fillStyle = '#91919a';
      c.beginPath();
      c.arc(0.5, 0.5, view.k / 2, 0, 2 * Math.PI);
      c.fill();
      pattern = ctx.createPattern(cell, 'repeat');
    }
    pattern.setTransform(new DOMMatrix([size / Math.ceil(size), 0, 0, size / Math.ceil(size), view.x % size, view.y % size]));
    ctx.fillStyle = pattern;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  };
  const draw = () => {
    const { x, y, k } = view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#f8f9fa';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    grid();
    const left = -x / k;
    const top = -y / k;
    const right = left + canvas.width / k;
    const bottom = top + canvas.height / k;
    ctx.setTransform(k, 0, 0, k, x, y);
    for (const w of wires) {
      const [x0, y0, x1, y1] = w.box;
      if (x1 < left || x0 > right || y1 < top || y0 > bottom) continue;
      ctx.strokeStyle = w.stroke;
      ctx.lineWidth = w.width;
      ctx.setLineDash(w.dash && w.dash !== 'none' ? w.dash.split(/[ ,]+/).map(parseFloat) : []);
      ctx.stroke(w.path);
    }
    ctx.setLineDash([]);
    const full = k >= FULL_ZOOM;
    for (const n of nodes) {
      if (n.x + n.w < left || n.x > right || n.y + n.h < top || n.y > bottom) continue;
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = '#dadce0';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.roundRect(n.x, n.y, n.w, n.h, 8);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = '#202124';
      if (!full) {
        ctx.font = '600 30px sans-serif';
        ctx.fillText(n.title, n.x + 16, n.y + 40, n.w - 32);
        continue;
      }
      ctx.font = '600 13px sans-serif';
      ctx.fillText(n.title, n.x + 10, n.y + 20, n.w - 20);
      ctx.font = '12px sans-serif';
      for (let row = 0, ry = n.y + 56; ry < n.y + n.h - 6; row++, ry += 18) {
        ctx.fillText(`input_${row}`, n.x + 10, ry, n.w / 2 - 14);
        ctx.fillText(`output_${row}`, n.x + n.w / 2 + 4, ry, n.w / 2 - 14);
        ctx.beginPath();
        ctx.arc(n.x, ry - 4, 5, 0, 2 * Math.PI);
        ctx.arc(n.x + n.w, ry - 4, 5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  };
  const loop = () => {
    if (dirty) {
      dirty = false;
      draw();
    }
    requestAnimationFrame(loop);
  };
  fitView();
  requestAnimationFrame(loop);
}

const server = await startPreview(APP);
const browser = await launch();
try {
  const graph = await readGraph(browser, server.url);
  console.log(`${TASKS} tasks: ${graph.nodes.length} nodes and ${graph.wires.length} wires read from the app; pane ${Math.round(graph.pane.width)}×${Math.round(graph.pane.height)}`);
  const p95s = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>canvas floor</title><body></body>');
    // The bench's own probe (frames, quiet, painted), as on the app's page.
    await page.evaluate(probe, {});
    await page.evaluate(canvasPage, graph);
    await page.waitForTimeout(500);
    const f = await panZoomGesture(page);
    const p95 = percentile(f.deltas, 95);
    p95s.push(p95);
    console.log(`  run ${r + 1}: ${f.deltas.length} frames, p95 ${p95.toFixed(1)} ms, longest ${max(f.deltas).toFixed(1)} ms, median ${median(f.deltas).toFixed(1)} ms, by vsyncs 1/2/3/4+: ${vsyncHistogram(f.deltas).join('/')}`);
    await context.close();
  }
  console.log(`canvas, ${TASKS} tasks: p95 median ${median(p95s).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.stop();
}
