#!/usr/bin/env node
/**
 * A/B runs of the pan/zoom gesture (a diagnosis aid, not part of `npm run bench`): the bench's
 * 400- or 1,000-task page and gesture, for several variants in alternating runs (run 1 of
 * every variant, then run 2, …, so a host that speeds up or slows down meets them all alike),
 * and each variant's frames by vsyncs, overall and by phase of the gesture (zoom, pan or still,
 * at which zoom: bench/lib/frames.mjs framesByPhase).
 *
 *   node bench/ab.mjs [--tasks=400] [--runs=3] VARIANTS
 *
 * VARIANTS is a JSON array (inline, or the name of a file holding it) of
 *   { "name": "…", "app": "dir", "css": "…", "init": "…" }
 * where `app` is a `vite build` output (default bench/.build/app, as `npm run bench` leaves it;
 * build a patched copy with `npx vite build --outDir bench/.build/app-x`), `css` a style sheet
 * added to the page and `init` a script run before the page's own (both optional), e.g.
 *
 *   node bench/ab.mjs '[{"name":"as is"},{"name":"no wires","css":".react-flow__edges,.wire-layer{visibility:hidden}"}]'
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCore, CORE_FILE } from './lib/build.mjs';
import { benchLargePipeline, launch } from './lib/browser.mjs';
import { benchCatalog, writeBrowserDocs } from './lib/docs.mjs';
import { BUILD_DIR, ROOT } from './lib/paths.mjs';
import { startPreview } from './lib/preview.mjs';
import { median } from './lib/stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const TASKS = option('tasks', 400);
const RUNS = option('runs', 3);
const spec = args.find((a) => !a.startsWith('--')) ?? '[{"name":"as built"}]';
const variants = JSON.parse(existsSync(spec) ? readFileSync(spec, 'utf8') : spec);
if (!Array.isArray(variants) || variants.some((v) => typeof v?.name !== 'string'))
  throw new Error('VARIANTS: a JSON array of objects, each with a "name"');

const apps = [...new Set(variants.map((v) => resolve(ROOT, v.app ?? resolve(BUILD_DIR, 'app'))))];
for (const dir of apps) if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir}: no built app (run npm run bench, or npx vite build --outDir ${dir})`);

await buildCore();
const core = await import(`file://${CORE_FILE}?t=${Date.now()}`);
const catalog = await benchCatalog(core);
const doc = writeBrowserDocs(core, catalog, [TASKS])[TASKS];

const pct = (part, all) => `${((100 * part) / Math.max(1, all)).toFixed(1)} %`;
const add = (into, h) => h.forEach((x, i) => (into[i] += x));
const servers = new Map();
let browser;
try {
  for (const dir of apps) servers.set(dir, await startPreview(dir));
  browser = await launch();
  const totals = new Map(variants.map((v) => [v.name, { vsyncs: [0, 0, 0, 0], phases: {}, p95: [], longest: [] }]));
  console.log(`${TASKS} tasks (${doc.edges} wires), ${RUNS} alternating runs of ${variants.length} variants; frames by vsyncs 1/2/3/4+`);
  for (let r = 0; r < RUNS; r++)
    for (const v of variants) {
      const setup = async (page) => {
        if (v.init) await page.addInitScript(v.init);
        if (v.css)
          await page.addInitScript((css) => {
            document.addEventListener('DOMContentLoaded', () => document.head.appendChild(Object.assign(document.createElement('style'), { textContent: css })));
          }, v.css);
      };
      const url = servers.get(resolve(ROOT, v.app ?? resolve(BUILD_DIR, 'app'))).url;
      const res = await benchLargePipeline(browser, url, doc, 1, { setup }, () => {});
      const t = totals.get(v.name);
      const h = res.detail.framesByVsyncs[0];
      add(t.vsyncs, h);
      for (const [k, ph] of Object.entries(res.detail.framesByPhase[0])) add((t.phases[k] ??= [0, 0, 0, 0]), ph);
      t.p95.push(res.p95[0]);
      t.longest.push(res.longest[0]);
      const n = h.reduce((a, b) => a + b, 0);
      console.log(`  run ${r + 1} ${v.name}: p95 ${res.p95[0].toFixed(1)} ms, longest ${res.longest[0].toFixed(1)} ms, ${h.join('/')}, late ${pct(n - h[0], n)}`);
    }
  for (const [name, t] of totals) {
    const n = t.vsyncs.reduce((a, b) => a + b, 0);
    console.log(`\n${name}: p95 ${t.p95.map((x) => x.toFixed(1)).join(' / ')} ms (median ${median(t.p95).toFixed(1)}), longest median ${median(t.longest).toFixed(1)} ms`);
    console.log(`  ${t.vsyncs.join('/')}: ${pct(n - t.vsyncs[0], n)} miss 1+ vsync, ${pct(t.vsyncs[2] + t.vsyncs[3], n)} miss 2+, ${pct(t.vsyncs[3], n)} miss 3+`);
    for (const [k, h] of Object.entries(t.phases).sort()) {
      const m = h.reduce((a, b) => a + b, 0);
      console.log(`    ${k.padEnd(10)} ${h.join('/').padEnd(14)} late ${pct(m - h[0], m)}`);
    }
  }
} finally {
  await browser?.close();
  for (const s of servers.values()) s.stop();
}
