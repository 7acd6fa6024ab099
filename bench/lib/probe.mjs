/**
 * In-page instrumentation, installed with `page.addInitScript(probe, options)` before the
 * app's own scripts run. It only observes (and, for the start-up benchmark, clicks "Blank
 * pipeline" the moment it is painted); it never reaches into the app's modules.
 *
 * Clock: `performance.now()` of the page (0 = navigation start, `performance.timeOrigin`).
 * "Painted" means: seen in a requestAnimationFrame callback, then a MessageChannel message
 * posted from that callback has run — that message runs after the frame's rendering steps,
 * so the time is when the frame holding the change was produced.
 *
 * `MonacoEnvironment.globalAPI = true` makes monaco-editor's ESM build publish
 * `window.monaco` (editor.api.js checks it at load); the app later replaces
 * `MonacoEnvironment` with its own `getWorker`, which keeps working.
 */
export function probe(options) {
  const B = (window.__bench = { t: {}, longtasks: [], options });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long task API: idle waits fall back to plain delays */
  }
  self.MonacoEnvironment = { globalAPI: true };

  /** Resolves with the time the next frame after now has been produced. */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  B.afterPaint = afterPaint;

  /** Checks `pred` once per frame; resolves with the time the first frame where it holds was produced. */
  B.whenPainted = (pred, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const tick = () => {
        let ok = false;
        try {
          ok = pred();
        } catch {
          ok = false;
        }
        if (ok) {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now());
          ch.port2.postMessage(0);
        } else if (performance.now() - start > timeoutMs) reject(new Error('timeout waiting for the page'));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  /** Resolves once no long task (> 50 ms) has ended for `quietMs`, at most `maxMs`. */
  B.idle = (quietMs = 400, maxMs = 20000) =>
    new Promise((resolve) => {
      const start = performance.now();
      const check = () => {
        const now = performance.now();
        const last = B.longtasks.length ? Math.max(...B.longtasks.map((l) => l.start + l.duration)) : 0;
        if (now - Math.max(last, start) >= quietMs || now - start > maxMs) resolve(now);
        else setTimeout(check, 50);
      };
      setTimeout(check, 50);
    });

  /** The spec view's Monaco model, when Monaco has loaded and the editor exists. */
  B.specModel = () => {
    const m = window.monaco;
    if (!m) return undefined;
    const editor = m.editor.getEditors?.()[0];
    return editor?.getModel() ?? m.editor.getModels()[0];
  };

  // ---- canvas predicates
  B.canvasReady = () =>
    !!document.querySelector('.react-flow__pane') &&
    !!document.querySelector('.react-flow__viewport') &&
    !!document.querySelector('.palette-item');
  /**
   * Is everything the user can see of the opened document drawn? True when some task node is
   * in the DOM, no rendered node is still unmeasured (React Flow keeps those
   * `visibility: hidden`), every task whose top-left corner lies inside the pane (computed from
   * the document's positions and the viewport transform) has its node, and the wires are
   * drawn: all of them when every node is rendered, else at least those between visible
   * tasks. Without virtualisation (every node in the DOM) this means: all nodes measured and
   * all wires drawn. With `onlyRenderVisibleElements` it means: the visible part complete.
   */
  B.viewShown = () => {
    const o = B.open;
    const els = document.querySelectorAll('.react-flow__node');
    if (els.length === 0) return false;
    for (const el of els) if (el.style.visibility === 'hidden') return false;
    const vp = document.querySelector('.react-flow__viewport');
    const pane = document.querySelector('.react-flow__pane');
    if (!vp || !pane) return false;
    const m = new DOMMatrixReadOnly(getComputedStyle(vp).transform);
    const { width, height } = pane.getBoundingClientRect();
    const present = new Set();
    for (const el of els) present.add(el.getAttribute('data-id'));
    const visible = new Set();
    for (const [id, x, y] of o.positions) {
      const px = m.e + x * m.a;
      const py = m.f + y * m.d;
      if (px >= 0 && py >= 0 && px < width && py < height) {
        if (!present.has(id)) return false;
        visible.add(id);
      }
    }
    const drawn = document.querySelectorAll('.react-flow__edge').length;
    if (els.length >= o.nodes) return drawn >= o.edges;
    let needed = 0;
    for (const [a, b] of o.wires) if (visible.has(a) && visible.has(b)) needed++;
    return drawn >= needed;
  };

  // ---- open a document: start at the file input's `change`, end when the graph is painted
  B.armOpen = ({ nodes, edges, positions, wires }) => {
    B.open = { nodes, edges, positions, wires };
    const onChange = (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'file') return;
      document.removeEventListener('change', onChange, true);
      const t0 = performance.now();
      B.open.start = t0;
      B.open.longtasksBefore = B.longtasks.length;
      B.open.shown = B.whenPainted(B.viewShown).then((t) => (B.open.shownAt = t));
      // The spec view follows: first content change of the Monaco model after the change event.
      const model = B.specModel();
      if (model) {
        B.open.spec = new Promise((resolve) => {
          const sub = model.onDidChangeContent(() => {
            sub.dispose();
            afterPaint().then((t) => resolve((B.open.specAt = t)));
          });
        });
      }
    };
    document.addEventListener('change', onChange, true);
  };

  // ---- frames while a scripted gesture runs
  // Each frame's timestamp, and React Flow's viewport transform (the inline style) as it was
  // in that frame's animation callback: which frames moved the view, and at what zoom.
  B.startFrames = () => {
    const f = (B.frames = { stamps: [], views: [], running: true, longtasksFrom: B.longtasks.length });
    let viewport = null;
    const tick = (ts) => {
      if (!viewport?.isConnected) viewport = document.querySelector('.react-flow__viewport');
      f.stamps.push(ts);
      f.views.push(viewport ? viewport.style.transform : '');
      if (f.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  B.stopFrames = () => {
    const f = B.frames;
    f.running = false;
    const deltas = [];
    for (let i = 1; i < f.stamps.length; i++) deltas.push(f.stamps[i] - f.stamps[i - 1]);
    return { deltas, views: f.views, longtasks: B.longtasks.slice(f.longtasksFrom) };
  };

  // ---- one keystroke in the inspector → the spec view shows the new value
  B.armEdit = (expected) => {
    const model = B.specModel();
    const e = (B.edit = { expected, changes: 0 });
    e.done = new Promise((resolve) => {
      const onKey = (ev) => {
        window.removeEventListener('keydown', onKey, true);
        e.key = ev.timeStamp; // when the browser received the key (includes any wait for the main thread)
        e.keyHandled = performance.now();
      };
      window.addEventListener('keydown', onKey, true);
      const finish = () => afterPaint().then((t) => resolve((e.specAt = t)));
      if (model) {
        const sub = model.onDidChangeContent(() => {
          e.changes++;
          // findMatches scans the model; run it only once per change, after the timestamp work.
          if (model.findMatches(expected, false, false, true, null, false, 1).length > 0) {
            sub.dispose();
            finish();
          }
        });
      } else {
        // Fallback without window.monaco: any repaint of the visible spec text.
        const view = document.querySelector('[data-testid="spec-view"]');
        const mo = new MutationObserver(() => {
          mo.disconnect();
          e.fallback = true;
          finish();
        });
        mo.observe(view, { subtree: true, childList: true, characterData: true });
      }
    });
  };

  // ---- start-up: click "Blank pipeline" as soon as it is painted, then wait for a usable canvas
  if (options && options.autoBlank) {
    const findButton = () =>
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Blank pipeline');
    const go = () => {
      const button = findButton();
      if (!button) return false;
      B.t.buttonSeen = performance.now();
      afterPaint().then((painted) => {
        B.t.startPainted = painted;
        B.t.click = performance.now();
        button.click();
        B.whenPainted(B.canvasReady).then((t) => {
          B.t.usable = t;
          B.t.canvasDom = B.t.canvasDom ?? t;
        });
        B.whenPainted(() => !!document.querySelector('.react-flow__pane')).then((t) => (B.t.canvasPainted = t));
      });
      return true;
    };
    const mo = new MutationObserver(() => {
      if (go()) mo.disconnect();
    });
    const startObserving = () => {
      if (!go()) mo.observe(document.documentElement, { subtree: true, childList: true });
    };
    if (document.documentElement) startObserving();
    else document.addEventListener('readystatechange', startObserving, { once: true });
  }
}
