#!/usr/bin/env node
/**
 * Where the time goes (a diagnosis aid, not part of `npm run bench`): builds the app without
 * minification into bench/.build/app-profile, records V8 CPU profiles of the slow scenarios
 * in Chromium and prints the functions with the most self and inclusive time.
 *
 *   node bench/profile.mjs [open400|open1000|edit200|panzoom400|panzoom1000|startup][:trace]... [heap1000]
 *   (default: open400 edit200)   --app=DIR profiles an app built elsewhere (e.g. a patched copy)
 *
 * Profiles are written to bench/.build/profiles/<scenario>.cpuprofile; open them in Chrome
 * DevTools (Performance → Load profile) or https://www.speedscope.app for the whole picture.
 * With `:trace` (e.g. `open400:trace`) a Chromium performance trace is recorded instead
 * (<scenario>.trace.json, loadable in DevTools) and the main thread's time is broken down by
 * event (script, style, layout, paint, …), which a JS profile cannot show; TRACE_CATEGORIES
 * (comma-separated) replaces the recorded categories, e.g. `cc,toplevel,disabled-by-default-skia`
 * to see Skia's draw calls on the raster threads. `heap1000` records
 * which functions allocated the memory still live after opening the 1,000-task document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { startPreview } from './lib/preview.mjs';
import { build } from 'vite';
import { buildCore, CORE_FILE } from './lib/build.mjs';
import { launch, openArgs, VIEWPORT } from './lib/browser.mjs';
import { benchCatalog, writeBrowserDocs } from './lib/docs.mjs';
import { BUILD_DIR, ROOT } from './lib/paths.mjs';
import { probe } from './lib/probe.mjs';

const appArg = process.argv.find((a) => a.startsWith('--app='))?.slice(6);
const APP = appArg ? resolve(appArg) : resolve(BUILD_DIR, 'app-profile');
const OUT = resolve(BUILD_DIR, 'profiles');
const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const scenarios = names.length ? names : ['open400', 'edit200'];

await buildCore();
if (!appArg) await build({ root: ROOT, logLevel: 'error', build: { outDir: APP, emptyOutDir: true, minify: false, reportCompressedSize: false } });
const core = await import(`file://${CORE_FILE}?t=${Date.now()}`);
const catalog = await benchCatalog(core);
const docs = writeBrowserDocs(core, catalog, [200, 400, 1000]);
mkdirSync(OUT, { recursive: true });

const server = await startPreview(APP);
const { url } = server;

/** Self and inclusive time per function (name file:line), from a V8 CPU profile. */
function summarize(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
  }
  const label = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    const n = byId.get(id);
    self.set(label(n), (self.get(label(n)) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur));
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + us);
    }
  }
  const fmt = (m) =>
    [...m.entries()]
      .filter(([l]) => !/^\((root|program|idle)\)/.test(l))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([l, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${l}`)
      .join('\n');
  return `total sampled ${(total / 1000).toFixed(0)} ms\n-- self time\n${fmt(self)}\n-- inclusive time\n${fmt(incl)}`;
}

/** Self time per trace event name on the renderer main thread, and raster time on worker threads. */
function summarizeTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const mains = [...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  // The renderer main thread with the most events is the page's.
  const count = new Map();
  for (const e of events) if (mains.includes(`${e.pid}:${e.tid}`)) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  const self = new Map();
  const xs = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const top = stack.pop();
      self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.children);
    }
  };
  for (const e of xs) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1].children += e.dur;
    stack.push({ name: e.name, end: e.ts + e.dur, dur: e.dur, children: 0 });
  }
  close(Infinity);
  let raster = 0;
  for (const e of events)
    // Raster tasks run on cc's tile workers (named ThreadPoolForegroundWorker in recent Chromium).
    if (e.ph === 'X' && e.name === 'RasterTask' && /TileWorker|Raster|ThreadPoolForegroundWorker/.test(threads.get(`${e.pid}:${e.tid}`) ?? '')) raster += e.dur ?? 0;
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  return `-- main thread self time by trace event\n${rows.map(([n, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${n}`).join('\n')}\n-- raster on worker threads: ${(raster / 1000).toFixed(1)} ms`;
}

async function withTrace(page, name, fn) {
  await browser.startTracing(page, {
    categories: process.env.TRACE_CATEGORIES?.split(',') ?? ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'toplevel'],
  });
  await fn();
  const buf = await browser.stopTracing();
  const file = resolve(OUT, `${name}.trace.json`);
  writeFileSync(file, buf);
  console.log(`\n===== ${name} (${file})\n${summarizeTrace(JSON.parse(buf.toString()))}`);
}

async function withProfile(page, name, fn) {
  if (name.endsWith(':trace')) return withTrace(page, name.replace(':trace', '-trace'), fn);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await fn();
  const { profile } = await cdp.send('Profiler.stop');
  const file = resolve(OUT, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`\n===== ${name} (${file})\n${summarize(profile)}`);
}

const browser = await launch();
async function blankPage() {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: url });
  const page = await context.newPage();
  await page.addInitScript(probe, {});
  await page.goto('/');
  await page.getByRole('button', { name: 'Blank pipeline' }).click();
  await page.waitForFunction(() => window.__bench.canvasReady() && !!window.__bench.specModel());
  await page.evaluate(() => window.__bench.idle(500));
  return page;
}
async function openDoc(page, doc) {
  await page.evaluate((a) => window.__bench.armOpen(a), openArgs(doc));
  await page.getByLabel('Open document file').setInputFiles(doc.file);
  await page.waitForFunction(() => window.__bench.open?.shownAt !== undefined, null, { timeout: 120000 });
  await page.evaluate(() => window.__bench.open.spec);
}

try {
  for (const s of scenarios) {
    if (s === 'startup') {
      const context = await browser.newContext({ viewport: VIEWPORT, baseURL: url });
      const page = await context.newPage();
      await page.addInitScript(probe, { autoBlank: true });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      await page.goto('/');
      await page.waitForFunction(() => window.__bench.t.usable !== undefined);
      await page.evaluate(() => window.__bench.idle(500));
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(resolve(OUT, 'startup.cpuprofile'), JSON.stringify(profile));
      console.log(`\n===== startup\n${summarize(profile)}`);
      await context.close();
      continue;
    }
    const h = /^heap(\d+)$/.exec(s);
    if (h) {
      // Live memory by allocation site: sampling heap profiler from before opening until
      // after a forced GC (only what is still reachable stays in the profile).
      const doc = docs[h[1]];
      const page = await blankPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384 });
      await openDoc(page, doc);
      await page.evaluate(() => window.__bench.idle(1000, 30000));
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { profile } = await cdp.send('HeapProfiler.getSamplingProfile');
      await cdp.send('HeapProfiler.stopSampling');
      const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      writeFileSync(resolve(OUT, `${s}.heapprofile`), JSON.stringify(profile));
      const self = new Map();
      const incl = new Map();
      const walk = (node, stack) => {
        const f = node.callFrame;
        const label = `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
        self.set(label, (self.get(label) ?? 0) + node.selfSize);
        const chain = stack.includes(label) ? stack : [...stack, label];
        for (const l of chain) incl.set(l, (incl.get(l) ?? 0) + node.selfSize);
        for (const c of node.children) walk(c, chain);
      };
      walk(profile.head, []);
      const fmt = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(1, 26).map(([l, b]) => `  ${(b / 1048576).toFixed(1).padStart(7)} MB  ${l}`).join('\n');
      console.log(`\n===== ${s}: heap ${(before / 1048576).toFixed(1)} MB before opening, ${(after / 1048576).toFixed(1)} MB after (GC)`);
      console.log(`-- live memory allocated by (self)\n${fmt(self)}\n-- live memory allocated under (inclusive)\n${fmt(incl)}`);
      await page.context().close();
      continue;
    }
    const m = /^(open|edit|panzoom)(\d+)(:trace)?$/.exec(s);
    if (!m) throw new Error(`unknown scenario ${s}`);
    const doc = docs[m[2]];
    const page = await blankPage();
    if (m[1] === 'open') await withProfile(page, s, () => openDoc(page, doc));
    else {
      await openDoc(page, doc);
      await page.evaluate(() => window.__bench.idle(500, 30000));
      if (m[1] === 'edit') {
        await page.locator(`[data-testid="task-${doc.edit.key}"]`).click();
        const field = page.getByLabel(doc.edit.input, { exact: true });
        await field.click();
        await page.keyboard.press('End');
        await page.evaluate(() => window.__bench.idle(300));
        await withProfile(page, s, async () => {
          await page.evaluate((e) => window.__bench.armEdit(e), JSON.stringify(`${doc.edit.value}x`));
          await page.keyboard.press('x');
          await page.evaluate(() => window.__bench.edit.done);
        });
      } else {
        await page.locator('.react-flow__controls-fitview').click();
        await page.evaluate(() => window.__bench.idle(300));
        const pane = await page.locator('.react-flow__pane').boundingBox();
        await withProfile(page, s, async () => {
          await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
          for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -150);
          for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 150);
          await page.evaluate(() => window.__bench.afterPaint());
        });
      }
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  server.stop();
}
