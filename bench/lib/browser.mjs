/**
 * Benchmarks of the built app in headless Chromium (Debian's /usr/bin/chromium, driven by
 * Playwright). Every run uses a fresh browser context (empty cache, no storage). Timing is
 * taken inside the page by bench/lib/probe.mjs; Playwright only drives the gestures and
 * records the network.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM } from './paths.mjs';
import { probe } from './probe.mjs';
import { framesByPhase, vsyncHistogram } from './frames.mjs';
import { max, median, percentile, sum } from './stats.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const VIEWPORT = { width: 1920, height: 1080 };
/** gzip level used to size JavaScript (what a static server with precompressed assets sends). */
export const GZIP_LEVEL = 9;

const TIMEOUT = 90_000;

/** What the probe needs to know of a document to tell when it is shown (see probe.viewShown). */
export function openArgs(doc) {
  const saved = JSON.parse(readFileSync(doc.file, 'utf8'));
  const ids = new Set(saved.tasks.map((t) => t.id));
  const wires = [];
  for (const t of saved.tasks) {
    for (const a of t.after) if (ids.has(a)) wires.push([a, t.id]);
    for (const b of Object.values(t.inputs)) if ('task' in b && ids.has(b.task)) wires.push([b.task, t.id]);
  }
  return { nodes: saved.tasks.length, edges: wires.length, positions: saved.tasks.map((t) => [t.id, t.position.x, t.position.y]), wires };
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A fresh context and page with the probe installed. `setup(page)`, when given, runs before
 * the first navigation: a hook for experiments (inject CSS, route a request) without
 * touching src/, e.g. `benchLargePipeline(…, { setup: (p) => p.route(…) })`.
 */
async function newPage(browser, baseURL, probeOptions = {}, setup) {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.addInitScript(probe, probeOptions);
  if (setup) await setup(page);
  return { context, page };
}

/** Runs `fn` in the page and awaits the promise it returns (with a timeout). */
const inPage = (page, fn, arg) => page.evaluate(fn, arg);

/** Navigation → "Blank pipeline" → canvas usable, then Monaco loaded and the main thread quiet. */
async function openBlank(page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Blank pipeline' }).click();
  await page.waitForFunction(() => window.__bench.canvasReady() && !!window.__bench.specModel(), null, { timeout: TIMEOUT });
  await inPage(page, () => window.__bench.idle(500));
}

// ------------------------------------------------------------------ start-up

/**
 * First usable canvas and the JavaScript it needed. One navigation per run, cold cache.
 * The probe clicks "Blank pipeline" in the first frame that shows it; "usable" is the first
 * produced frame with the React Flow pane and viewport in the DOM and the palette listing
 * catalog components (so a component can be dragged in).
 */
export async function benchStartup(browser, baseURL, runs, log) {
  const gz = new Map(); // url → { raw, gzip }
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const { context, page } = await newPage(browser, baseURL, { autoBlank: true });
    const bodies = [];
    page.on('response', (res) => {
      const url = res.url();
      if (!/\.m?js(\?|$)/.test(new URL(url).pathname) || gz.has(url)) return;
      bodies.push(
        res.body().then(
          (b) => gz.set(url, { raw: b.length, gzip: gzipSync(b, { level: GZIP_LEVEL }).length }),
          () => {},
        ),
      );
    });
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.t.usable !== undefined, null, { timeout: TIMEOUT });
    // Let the lazy parts (Monaco) load, to see what runs on the main thread right after "usable".
    await page.waitForFunction(() => !!window.__bench.specModel(), null, { timeout: TIMEOUT });
    await inPage(page, () => window.__bench.idle(500));
    const t = await inPage(page, () => ({ ...window.__bench.t }));
    const resources = await inPage(page, () =>
      performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
    );
    const longtasks = await inPage(page, () => window.__bench.longtasks);
    await Promise.all(bodies);
    const js = resources.filter((e) => /\.m?js(\?|$)/.test(new URL(e.url).pathname));
    const before = js.filter((e) => e.start < t.usable);
    const after = js.filter((e) => e.start >= t.usable);
    const size = (list) => sum(list.map((e) => gz.get(e.url)?.gzip ?? 0));
    // Chunks of the lazily imported spec view (Monaco), told apart by file name (heuristic).
    const isSpecView = (e) => /editor\.api|spec-view|jsonMode|yamlMode|monaco|lsp|\.worker/.test(new URL(e.url).pathname);
    const blockedAfter = longtasks.filter((l) => l.start + l.duration > t.usable && l.start < t.usable + 3000);
    samples.push({
      usable: t.usable,
      startPainted: t.startPainted,
      click: t.click,
      canvasPainted: t.canvasPainted,
      jsBeforeGzip: size(before),
      jsBeforeCount: before.length,
      jsAfterGzip: size(after),
      jsBeforeSpecViewGzip: size(before.filter(isSpecView)),
      longtaskAfterUsableMs: sum(blockedAfter.map((l) => l.duration)),
      longestTaskAfterUsableMs: max(blockedAfter.map((l) => l.duration)) || 0,
      jsBefore: before.map((e) => ({ url: new URL(e.url).pathname, start: e.start, end: e.end, gzip: gz.get(e.url)?.gzip ?? 0 })),
      jsAfter: after.map((e) => ({ url: new URL(e.url).pathname, start: e.start, gzip: gz.get(e.url)?.gzip ?? 0 })),
    });
    log(`  startup run ${r + 1}/${runs}: usable ${t.usable.toFixed(0)} ms, JS before usable ${(size(before) / 1024).toFixed(1)} KB gzip`);
    await context.close();
  }
  const last = samples[samples.length - 1];
  const chunks = [...last.jsBefore].sort((a, b) => b.gzip - a.gzip);
  return {
    runs,
    usableMs: samples.map((s) => s.usable),
    jsBeforeKB: samples.map((s) => s.jsBeforeGzip / 1024),
    detail: {
      startScreenPaintedMs: median(samples.map((s) => s.startPainted)),
      clickMs: median(samples.map((s) => s.click)),
      canvasPaneOnlyPaintedMs: median(samples.map((s) => s.canvasPainted)),
      jsBeforeCount: median(samples.map((s) => s.jsBeforeCount)),
      jsAfterUsableKB: median(samples.map((s) => s.jsAfterGzip / 1024)),
      jsBeforeUsableOfWhichSpecViewKB: median(samples.map((s) => s.jsBeforeSpecViewGzip / 1024)),
      jsBeforeUsableWithoutSpecViewKB: median(samples.map((s) => (s.jsBeforeGzip - s.jsBeforeSpecViewGzip) / 1024)),
      mainThreadBlockedWithin3sAfterUsableMs: median(samples.map((s) => s.longtaskAfterUsableMs)),
      longestTaskWithin3sAfterUsableMs: median(samples.map((s) => s.longestTaskAfterUsableMs)),
      jsBeforeUsable: chunks.map((c) => `${c.url} ${(c.gzip / 1024).toFixed(1)} KB`),
      jsAfterUsable: [...last.jsAfter].sort((a, b) => b.gzip - a.gzip).map((c) => `${c.url} ${(c.gzip / 1024).toFixed(1)} KB`),
    },
  };
}

// ------------------------------------------------------------------ pan and zoom

/** A point of the pane not covered by a node or wire, near the pane's centre. */
async function emptyPoint(page) {
  return inPage(page, () => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    for (let r = 0; r < 400; r += 8)
      for (let a = 0; a < 16; a++) {
        const x = cx + r * Math.cos((a / 16) * 2 * Math.PI);
        const y = cy + r * Math.sin((a / 16) * 2 * Math.PI);
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    return { x: cx, y: cy };
  });
}

const pause = (page, ms) => page.waitForTimeout(ms);

async function drag(page, dx, dy, steps) {
  const p = await emptyPoint(page);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(p.x + (dx * i) / steps, p.y + (dy * i) / steps);
    await pause(page, 16);
  }
  await page.mouse.up();
}

async function wheel(page, times, deltaY) {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < times; i++) {
    await page.mouse.wheel(0, deltaY);
    await pause(page, 16);
  }
}

/**
 * The scripted gesture (71 input steps): fit the whole graph in view (Controls' fit-view
 * button); zoom in ~5× around the centre (8 wheel notches of 150 px, ×1.23 each in React
 * Flow); pan two ways; zoom in ~2.8× more (5 notches); pan; zoom out past the start (14
 * notches); pan. Pans start on empty pane (never on a node, which would drag it). Every
 * input step is followed by 16 ms, i.e. input at up to ~60 Hz, like a hand on a mouse;
 * about 2 s when frames keep up.
 */
export async function panZoomGesture(page) {
  await page.locator('.react-flow__controls-fitview').click();
  await inPage(page, () => window.__bench.idle(300, 5000));
  await inPage(page, () => window.__bench.startFrames());
  const g0 = Date.now();
  await wheel(page, 8, -150);
  await drag(page, -500, -300, 12);
  await drag(page, 700, 200, 12);
  await wheel(page, 5, -150);
  await drag(page, -300, 400, 10);
  await wheel(page, 14, 150);
  await drag(page, 400, -200, 10);
  await inPage(page, () => window.__bench.afterPaint());
  return { ...(await inPage(page, () => window.__bench.stopFrames())), gestureMs: Date.now() - g0 };
}

// ------------------------------------------------------------------ large pipelines

/**
 * Opens a saved document of `doc.tasks` tasks through "Open document" (the hidden file input,
 * Playwright setInputFiles). "Shown" = from the input's change event to the first produced
 * frame in which every task node is in the DOM and measured (React Flow keeps unmeasured
 * nodes `visibility: hidden`) and every wire is drawn. Then, on the same page: the spec
 * view catching up (info), JS heap after a forced GC (when `memory`), and the pan/zoom frames.
 */
export async function benchLargePipeline(browser, baseURL, doc, runs, { memory = false, panZoom = true, setup } = {}, log) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const { context, page } = await newPage(browser, baseURL, {}, setup);
    await openBlank(page);
    await inPage(page, (a) => window.__bench.armOpen(a), openArgs(doc));
    await page.getByLabel('Open document file').setInputFiles(doc.file);
    await page.waitForFunction(() => window.__bench.open && window.__bench.open.shownAt !== undefined, null, { timeout: TIMEOUT });
    const specAt = await inPage(page, () => (window.__bench.open.spec ? window.__bench.open.spec : undefined));
    await inPage(page, () => window.__bench.idle(500, 30000));
    const open = await inPage(page, () => {
      const o = window.__bench.open;
      const lts = window.__bench.longtasks.slice(o.longtasksBefore).filter((l) => l.start < o.shownAt + 5000);
      return { start: o.start, shownAt: o.shownAt, lts };
    });
    const sample = {
      shownMs: open.shownAt - open.start,
      specMs: specAt === undefined ? NaN : specAt - open.start,
      longtasks: open.lts.map((l) => Math.round(l.duration)),
    };
    if (memory) {
      // Settled: Monaco keeps working in the background after the page is quiet (worker
      // replies, outline, tokenisation in idle slices), so wait until the heap stops growing
      // (two readings 500 ms apart within 1 MB, at most 15 s), then collect garbage twice.
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      let last = 0;
      for (let i = 0; i < 30; i++) {
        await pause(page, 500);
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        if (Math.abs(usedSize - last) < 1048576) break;
        last = usedSize;
      }
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      sample.heapMB = heap.usedSize / 1048576;
      sample.heapTotalMB = heap.totalSize / 1048576;
      await cdp.detach();
    }
    if (panZoom) {
      const f = await panZoomGesture(page);
      sample.frames = f.deltas.length;
      sample.gestureMs = f.gestureMs;
      sample.p95 = percentile(f.deltas, 95);
      sample.longest = max(f.deltas);
      sample.medianFrame = median(f.deltas);
      sample.vsyncs = vsyncHistogram(f.deltas);
      sample.phases = framesByPhase(f.deltas, f.views);
      sample.gestureLongtasks = f.longtasks.map((l) => Math.round(l.duration));
    }
    samples.push(sample);
    log(
      `  ${doc.tasks} tasks run ${r + 1}/${runs}: shown ${sample.shownMs.toFixed(0)} ms, spec ${sample.specMs.toFixed(0)} ms` +
        (memory ? `, heap ${sample.heapMB.toFixed(1)} MB` : '') +
        (panZoom ? `, frames ${sample.frames} p95 ${sample.p95.toFixed(1)} ms longest ${sample.longest.toFixed(1)} ms (by vsyncs 1/2/3/4+: ${sample.vsyncs.join('/')})` : ''),
    );
    await context.close();
  }
  return {
    runs,
    tasks: doc.tasks,
    edges: doc.edges,
    shownMs: samples.map((s) => s.shownMs),
    specMs: samples.map((s) => s.specMs),
    heapMB: memory ? samples.map((s) => s.heapMB) : undefined,
    p95: panZoom ? samples.map((s) => s.p95) : undefined,
    longest: panZoom ? samples.map((s) => s.longest) : undefined,
    detail: {
      longTasksDuringOpenMs: samples.map((s) => s.longtasks),
      framesPerGesture: panZoom ? samples.map((s) => s.frames) : undefined,
      gestureMs: panZoom ? samples.map((s) => s.gestureMs) : undefined,
      medianFrameMs: panZoom ? samples.map((s) => s.medianFrame) : undefined,
      framesByVsyncs: panZoom ? samples.map((s) => s.vsyncs) : undefined,
      framesByPhase: panZoom ? samples.map((s) => s.phases) : undefined,
      longTasksDuringGestureMs: panZoom ? samples.map((s) => s.gestureLongtasks) : undefined,
      heapTotalMB: memory ? samples.map((s) => s.heapTotalMB) : undefined,
    },
  };
}

// ------------------------------------------------------------------ inspector edit

/**
 * One edit in the inspector → live spec updated. With the document open, click the task's
 * header (`[data-testid="task-<key>"]`), click its `display_name` field, and type one
 * character at a time. Each keystroke is one sample: from the keydown event's timestamp to
 * the first produced frame after the Monaco model of the spec view holds the new value
 * (`"flowers-N<typed>"`, found with the model's own search when its content changes).
 */
export async function benchInspectorEdit(browser, baseURL, doc, runs, keystrokes, log, { setup } = {}) {
  const samples = [];
  const fieldSamples = [];
  const detail = [];
  for (let r = 0; r < runs; r++) {
    const { context, page } = await newPage(browser, baseURL, {}, setup);
    await openBlank(page);
    await inPage(page, (a) => window.__bench.armOpen(a), openArgs(doc));
    await page.getByLabel('Open document file').setInputFiles(doc.file);
    await page.waitForFunction(() => window.__bench.open && window.__bench.open.shownAt !== undefined, null, { timeout: TIMEOUT });
    await inPage(page, () => window.__bench.open.spec);
    await inPage(page, () => window.__bench.idle(500, 30000));

    const { key, input, value } = doc.edit;
    await page.locator(`[data-testid="task-${key}"]`).click();
    await page.getByRole('region', { name: `Task ${key}` }).waitFor();
    const field = page.getByLabel(input, { exact: true });
    await field.click();
    await page.keyboard.press('End');
    await inPage(page, () => window.__bench.idle(300, 10000));
    let typed = '';
    for (let k = 0; k < keystrokes; k++) {
      const ch = 'abcdefghijklmnopqrstuvwxyz'[k % 26];
      typed += ch;
      const expected = JSON.stringify(`${value}${typed}`);
      await inPage(page, (e) => window.__bench.armEdit(e), expected);
      // The field itself: first produced frame where the input holds the new text.
      const fieldShown = inPage(
        page,
        ({ text }) => window.__bench.whenPainted(() => document.activeElement && document.activeElement.value === text, 20000),
        { text: `${value}${typed}` },
      );
      await page.keyboard.press(ch);
      const specAt = await inPage(page, () => window.__bench.edit.done);
      const fieldAt = await fieldShown;
      const e = await inPage(page, () => ({ key: window.__bench.edit.key, handled: window.__bench.edit.keyHandled, changes: window.__bench.edit.changes, fallback: !!window.__bench.edit.fallback }));
      samples.push(specAt - e.key);
      fieldSamples.push(fieldAt - e.key);
      detail.push({ run: r + 1, ch, specMs: specAt - e.key, fieldMs: fieldAt - e.key, queuedMs: e.handled - e.key, modelChanges: e.changes, fallback: e.fallback });
      await inPage(page, () => window.__bench.idle(300, 10000));
    }
    log(`  inspector edit run ${r + 1}/${runs}: ${samples.slice(-keystrokes).map((x) => x.toFixed(0)).join(', ')} ms`);
    await context.close();
  }
  return { runs, keystrokes, editMs: samples, fieldMs: fieldSamples, detail };
}
