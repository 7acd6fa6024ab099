/**
 * The canvas while the view moves: the whole pane (dot grid, group boxes, wires, task nodes)
 * drawn into one `<canvas>` from the same geometry React Flow's DOM uses (task-size.ts), so
 * that a frame of a pan or zoom costs what is in view, not one DOM element per task
 * (bench/README.md, round 5). motion-layer.tsx shows it while the view moves and React Flow's
 * own nodes again once it is still. What is drawn follows styles.css and perf.css: change them
 * together.
 */
import { NODE, type TaskShape } from './task-size';

export interface SceneTask {
  x: number;
  y: number;
  width: number;
  height: number;
  shape: TaskShape;
  /** Handles as task-size.ts places them (from the node's top-left corner), with their colour. */
  handles: ReadonlyArray<{ id: string; x: number; y: number; color?: string; square?: boolean }>;
  selected: boolean;
  hasError: boolean;
  /** React Flow node class: `sim-…` or `diff-…`. */
  className?: string;
}
export interface SceneGroup {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: string;
  title: string;
  label: string;
  summary: string;
  selected: boolean;
  hasError: boolean;
}
export interface SceneWire {
  path: Path2D;
  /** Bounding box in flow units (for skipping wires out of view). */
  box: readonly [number, number, number, number];
  stroke: string;
  width: number;
  dash?: number[];
}
export interface Scene {
  tasks: SceneTask[];
  groups: SceneGroup[];
  wires: SceneWire[];
}
export interface Theme {
  pane: string;
  dot: string;
  text: string;
  muted: string;
  nodeBg: string;
  nodeBorder: string;
  subtle: string;
  accent: string;
  danger: string;
  panel: string;
  border: string;
  sans: string;
  mono: string;
}
/** React Flow's transform: x, y, zoom. */
export type View = readonly [number, number, number];

/** Below this zoom task nodes are drawn compact (task-lod.ts COMPACT_BELOW_ZOOM). */
export const COMPACT_BELOW = 0.45;

const RINGS: Record<string, { color: string; opacity?: number }> = {
  'sim-running': { color: '#1a73e8' },
  'sim-retrying': { color: '#1a73e8' },
  'sim-succeeded': { color: '#34a853' },
  'sim-cached': { color: '#81c995', opacity: 0.8 },
  'sim-failed': { color: '#d93025' },
  'diff-added': { color: '#34a853' },
  'diff-changed': { color: '#fbbc04' },
};
const FADED: Record<string, number> = { 'sim-waiting': 0.55, 'sim-skipped': 0.35, 'sim-not-run': 0.35 };

/** Where the baseline of a line of `font` sits in a CSS line box `lineHeight` high (half-leading above). */
function baseline(ctx: CanvasRenderingContext2D, font: string, lineHeight: number | 'normal', cache: Map<string, [number, number]>): number {
  let m = cache.get(font);
  if (!m) {
    ctx.font = font;
    const t = ctx.measureText('Hg');
    m = [t.fontBoundingBoxAscent, t.fontBoundingBoxDescent];
    cache.set(font, m);
  }
  const [a, d] = m;
  const lh = lineHeight === 'normal' ? a + d : lineHeight;
  return (lh - (a + d)) / 2 + a;
}

/** `text` cut to `max` px with an ellipsis, as `text-overflow: ellipsis`. */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + '…').width <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

/** Up to `lines` lines of `text` within `max` px, breaking at spaces or anywhere (overflow-wrap: anywhere), the last one ellipsised. */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest && out.length < lines) {
    if (out.length === lines - 1 || ctx.measureText(rest).width <= max) {
      out.push(ctx.measureText(rest).width <= max ? rest : fit(ctx, rest, max));
      break;
    }
    // The longest start of `rest` that fits (at least one character).
    let cut = 1;
    let hi = rest.length;
    while (cut < hi) {
      const mid = (cut + hi + 1) >> 1;
      if (ctx.measureText(rest.slice(0, mid)).width <= max) cut = mid;
      else hi = mid - 1;
    }
    const space = rest.lastIndexOf(' ', cut);
    const at = space > 0 ? space : cut;
    out.push(rest.slice(0, at));
    rest = rest.slice(space > 0 ? at + 1 : at);
  }
  return out;
}

/** How far (flow px) what a node draws reaches beyond its box: handles, rings. */
const REACH = 8;
const overlapsOf = new WeakMap<Scene, Set<SceneTask>>();

/** The scene's tasks whose drawing (box and reach) meets another task's (a sweep over x; remembered per scene). */
export function overlapping(scene: Scene): Set<SceneTask> {
  let out = overlapsOf.get(scene);
  if (out) return out;
  out = new Set();
  const byX = [...scene.tasks].sort((a, b) => a.x - b.x);
  for (let i = 0; i < byX.length; i++) {
    const a = byX[i];
    for (let j = i + 1; j < byX.length; j++) {
      const b = byX[j];
      if (b.x - REACH >= a.x + a.width + REACH) break;
      if (b.y - REACH < a.y + a.height + REACH && a.y - REACH < b.y + b.height + REACH) {
        out.add(a);
        out.add(b);
      }
    }
  }
  overlapsOf.set(scene, out);
  return out;
}

/** A drawer of scenes into one 2D context; remembers font metrics between frames. */
export function createDrawer(ctx: CanvasRenderingContext2D) {
  const metrics = new Map<string, [number, number]>();
  let cellZoom = NaN;
  let cellDot = '';
  let pattern: CanvasPattern | null = null;

  function grid(view: View, dpr: number, area: readonly [number, number, number, number], theme: Theme) {
    const [tx, ty, zoom] = view;
    const size = 20 * zoom * dpr;
    if (size < 2) return;
    if (cellZoom !== zoom || cellDot !== theme.dot) {
      cellZoom = zoom;
      cellDot = theme.dot;
      const side = Math.max(1, Math.ceil(size));
      const cell = new OffscreenCanvas(side, side);
      const c = cell.getContext('2d')!;
      c.fillStyle = theme.dot;
      c.beginPath();
      // React Flow's dots: radius zoom / 2, centred on the grid's corners (canvas-grid.tsx).
      const r = (zoom / 2) * dpr;
      for (const [cx, cy] of [[0, 0], [side, 0], [0, side], [side, side]]) {
        c.moveTo(cx + r, cy);
        c.arc(cx, cy, r, 0, 2 * Math.PI);
      }
      c.fill();
      pattern = ctx.createPattern(cell, 'repeat');
    }
    if (!pattern) return;
    const s = size / Math.ceil(size);
    // The dots sit at flow (20k + 10.5, 20m + 10.5), as canvas-grid.tsx places them.
    const ox = (tx + 10.5 * zoom) * dpr;
    const oy = (ty + 10.5 * zoom) * dpr;
    pattern.setTransform(new DOMMatrix([s, 0, 0, s, ox % size, oy % size]));
    ctx.fillStyle = pattern;
    ctx.fillRect(...area);
  }

  function group(g: SceneGroup, theme: Theme) {
    const fill = g.kind === 'loop' ? 'rgba(52, 168, 83, 0.06)' : g.kind === 'exitHandler' ? 'rgba(251, 188, 4, 0.07)' : g.kind === 'branches' ? 'transparent' : 'rgba(138, 180, 248, 0.06)';
    const border = g.selected ? theme.accent : g.hasError ? theme.danger : g.kind === 'loop' ? '#81c995' : g.kind === 'exitHandler' ? '#fdd663' : '#9aa0a6';
    ctx.beginPath();
    ctx.roundRect(g.x + 1, g.y + 1, g.width - 2, g.height - 2, 11);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.setLineDash(g.kind === 'branches' ? [2, 2] : [6, 6]);
    ctx.lineWidth = 2;
    ctx.strokeStyle = border;
    ctx.stroke();
    ctx.setLineDash([]);
    const font = `600 12px ${theme.sans}`;
    const y = g.y + 2 + 6 + baseline(ctx, `12px ${theme.sans}`, 'normal', metrics);
    let x = g.x + 2 + 10;
    ctx.font = font;
    ctx.fillStyle = theme.text;
    ctx.fillText(g.title, x, y);
    x += ctx.measureText(g.title).width + 8 + ctx.measureText(' ').width;
    ctx.font = `12px ${theme.mono}`;
    ctx.fillText(g.label, x, y);
    x += ctx.measureText(g.label).width + 8;
    if (g.summary) {
      ctx.font = `12px ${theme.sans}`;
      ctx.fillStyle = theme.muted;
      ctx.fillText(g.summary, x, y);
    }
  }

  function box(t: SceneTask, theme: Theme, compact: boolean) {
    const { x, y, width: w, height: h } = t;
    const ring = t.className ? RINGS[t.className] : undefined;
    if (!compact && (ring || t.selected)) {
      // box-shadow: 0 0 0 3px (run state, diff) or 2px (selected), outside the border.
      const spread = ring ? 3 : 2;
      ctx.beginPath();
      ctx.roundRect(x - spread / 2, y - spread / 2, w + spread, h + spread, 8 + spread / 2);
      ctx.lineWidth = spread;
      ctx.strokeStyle = ring ? ring.color : 'rgba(26,115,232,.3)';
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 7.5);
    ctx.fillStyle = theme.nodeBg;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = t.selected ? theme.accent : t.hasError ? '#f28b82' : theme.nodeBorder;
    if (t.shape.unknown) ctx.setLineDash([3, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    if (compact && ring) {
      ctx.beginPath();
      ctx.roundRect(x - 1.5, y - 1.5, w + 3, h + 3, 9.5);
      ctx.lineWidth = 3;
      ctx.strokeStyle = ring.color;
      ctx.stroke();
    }
  }

  // Text is laid out once per scene (the scene does not change while the view moves).
  const widths = new Map<string, number>();
  /** The font last set through setFont ('' when something else may have set another). */
  let font = '';
  const base = (f: string, lineHeight: number | 'normal') => {
    const b = baseline(ctx, f, lineHeight, metrics);
    font = '';
    return b;
  };
  const setFont = (f: string) => {
    if (font !== f) ctx.font = font = f;
  };
  const width = (f: string, text: string) => {
    const k = f + '\u0000' + text;
    let w = widths.get(k);
    if (w === undefined) {
      setFont(f);
      widths.set(k, (w = ctx.measureText(text).width));
    }
    return w;
  };
  const compactText = new WeakMap<SceneTask, { lines: string[]; key: string }>();
  function compactLayout(t: SceneTask, theme: Theme) {
    let c = compactText.get(t);
    if (!c) {
      const inner = t.width - 2 - 32;
      setFont(`600 30px ${theme.sans}`);
      const lines = wrap(ctx, t.shape.title, inner, 2);
      setFont(`22px ${theme.mono}`);
      c = { lines, key: fit(ctx, t.shape.taskKey, inner) };
      compactText.set(t, c);
    }
    return c;
  }

  /** Compact nodes (zoomed out): boxes, then every title, then every key, then the outlines. */
  function compactTasks(list: SceneTask[], theme: Theme) {
    for (const t of list) withAlpha(t, () => box(t, theme, true));
    const titleFont = `600 30px ${theme.sans}`;
    const keyFont = `22px ${theme.mono}`;
    const tb = base(titleFont, 36);
    const kb = base(keyFont, 28);
    const text = (f: string, color: string, each: (t: SceneTask, c: { lines: string[]; key: string }) => void) => {
      for (const t of list) {
        const c = compactLayout(t, theme);
        setFont(f);
        ctx.fillStyle = color;
        withAlpha(t, () => {
          // overflow: hidden on the node's box.
          if (11 + c.lines.length * 36 + 28 > t.height) {
            ctx.save();
            ctx.beginPath();
            ctx.rect(t.x, t.y, t.width, t.height);
            ctx.clip();
            each(t, c);
            ctx.restore();
          } else each(t, c);
        });
      }
    };
    text(titleFont, theme.text, (t, c) => c.lines.forEach((line, i) => ctx.fillText(line, t.x + 17, t.y + 11 + i * 36 + tb)));
    text(keyFont, theme.muted, (t, c) => ctx.fillText(c.key, t.x + 17, t.y + 11 + c.lines.length * 36 + kb));
    for (const t of list)
      if (t.selected || t.hasError)
        withAlpha(t, () => {
          // outline: 8px, offset −8px: inside the border box.
          ctx.beginPath();
          ctx.roundRect(t.x + 4, t.y + 4, t.width - 8, t.height - 8, 4);
          ctx.lineWidth = 8;
          ctx.strokeStyle = t.selected ? theme.accent : '#f28b82';
          ctx.stroke();
        });
  }

  /** Full nodes: boxes and header lines, then the texts by font, then the handles. */
  function fullTasks(list: SceneTask[], theme: Theme) {
    for (const t of list)
      withAlpha(t, () => {
        box(t, theme, false);
        ctx.fillStyle = theme.subtle;
        ctx.fillRect(t.x + NODE.border, t.y + NODE.head, t.width - 2 * NODE.border, 1);
      });
    const titleFont = `600 13px ${theme.sans}`;
    const keyFont = `11px ${theme.mono}`;
    const nameFont = `12px ${theme.sans}`;
    const boundFont = `600 12px ${theme.sans}`;
    const typeFont = `10px ${theme.sans}`;
    const buttonFont = `11px ${theme.sans}`;
    const head = (t: SceneTask) => t.y + NODE.border + 6;
    const rowsTop = (t: SceneTask) => t.y + NODE.border + NODE.head + NODE.portsPad;
    const by = 2 + base(nameFont, 'normal');
    const pass = (f: string, color: string, each: (t: SceneTask) => void) => {
      setFont(f);
      ctx.fillStyle = color;
      for (const t of list) withAlpha(t, () => each(t));
    };
    const tb = base(titleFont, 15);
    const kb = base(keyFont, 13);
    pass(titleFont, theme.text, (t) => ctx.fillText(t.shape.title, t.x + NODE.border + NODE.headPadX, head(t) + tb));
    pass(keyFont, theme.muted, (t) => ctx.fillText(t.shape.taskKey, t.x + NODE.border + NODE.headPadX, head(t) + 15 + kb));
    const left = (t: SceneTask) => t.x + NODE.border + NODE.rowPadX;
    const right = (t: SceneTask) => t.x + t.width - NODE.border - NODE.rowPadX;
    const nameEnd = (t: SceneTask, p: TaskShape['inputs'][number]) => left(t) + width(p.bound ? boundFont : nameFont, p.name);
    pass(nameFont, theme.text, (t) => {
      t.shape.inputs.forEach((p, i) => !p.bound && ctx.fillText(p.name, left(t), rowsTop(t) + i * NODE.row + by));
      t.shape.outputs.forEach((p, i) =>
        ctx.fillText(p.name, right(t) - width(typeFont, p.type) - NODE.rowGap - width(nameFont, p.name), rowsTop(t) + i * NODE.row + by),
      );
    });
    pass(boundFont, theme.text, (t) => t.shape.inputs.forEach((p, i) => p.bound && ctx.fillText(p.name, left(t), rowsTop(t) + i * NODE.row + by)));
    pass(nameFont, theme.danger, (t) =>
      t.shape.inputs.forEach((p, i) => p.required && ctx.fillText('*', nameEnd(t, p) + NODE.reqGap, rowsTop(t) + i * NODE.row + by)),
    );
    pass(typeFont, theme.muted, (t) => {
      t.shape.inputs.forEach((p, i) => {
        const star = p.required ? NODE.reqGap + width(p.bound ? boundFont : nameFont, '*') : 0;
        ctx.fillText(p.type, nameEnd(t, p) + star + NODE.rowGap, rowsTop(t) + i * NODE.row + by);
      });
      t.shape.outputs.forEach((p, i) => ctx.fillText(p.type, right(t) - width(typeFont, p.type), rowsTop(t) + i * NODE.row + by));
    });
    const buttonBase = base(buttonFont, 13);
    for (const t of list) {
      const label = t.shape.button;
      if (label === undefined || t.shape.unknown) continue;
      withAlpha(t, () => {
        // The button stretches across the inputs' column (a flex column), its text centred.
        let column = 2 * NODE.buttonMarginX + 2 * NODE.buttonPadX + 2 + width(buttonFont, label);
        for (const p of t.shape.inputs) {
          const f = p.bound ? boundFont : nameFont;
          column = Math.max(column, 2 * NODE.rowPadX + width(f, p.name) + (p.required ? NODE.reqGap + width(f, '*') : 0) + NODE.rowGap + width(typeFont, p.type));
        }
        const bt = rowsTop(t) + t.shape.inputs.length * NODE.row + 4;
        const bx = t.x + NODE.border + NODE.buttonMarginX;
        const bw = column - 2 * NODE.buttonMarginX;
        ctx.beginPath();
        ctx.roundRect(bx + 0.5, bt + 0.5, bw - 1, 16, 5.5);
        ctx.fillStyle = theme.panel;
        ctx.fill();
        ctx.strokeStyle = theme.border;
        ctx.lineWidth = 1;
        ctx.stroke();
        setFont(buttonFont);
        ctx.fillStyle = theme.text;
        ctx.fillText(label, bx + (bw - width(buttonFont, label)) / 2, bt + 2 + buttonBase);
      });
    }
    for (const t of list)
      withAlpha(t, () => {
        for (const h of t.handles) {
          const hx = t.x + h.x;
          const hy = t.y + h.y;
          ctx.beginPath();
          if (!h.color) {
            // Run-after handles: panel fill, 2 px dashed grey ring.
            ctx.arc(hx + 5, hy + 5, 4, 0, 2 * Math.PI);
            ctx.fillStyle = theme.panel;
            ctx.fill();
            ctx.setLineDash([2, 2]);
            ctx.lineWidth = 2;
            ctx.strokeStyle = '#5f6368';
            ctx.stroke();
            ctx.setLineDash([]);
            continue;
          }
          if (h.square) ctx.roundRect(hx, hy, NODE.handle, NODE.handle, 2);
          else ctx.arc(hx + 5, hy + 5, 5, 0, 2 * Math.PI);
          ctx.fillStyle = h.color;
          ctx.fill();
        }
      });
  }

  /** Runs `f` with the node's opacity (run states that fade a node). */
  function withAlpha(t: SceneTask, f: () => void) {
    const a = t.className ? FADED[t.className] ?? RINGS[t.className]?.opacity : undefined;
    if (a === undefined) return f();
    ctx.globalAlpha = a;
    f();
    ctx.globalAlpha = 1;
  }

  /** Draws the part of the pane within device-pixel rectangle `area` (x, y, width, height). */
  function drawArea(scene: Scene, view: View, area: readonly [number, number, number, number], dpr: number, theme: Theme) {
    const [tx, ty, zoom] = view;
    const [ax, ay, aw, ah] = area;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = theme.pane;
    ctx.fillRect(ax, ay, aw, ah);
    grid(view, dpr, area, theme);
    const left = (ax / dpr - tx) / zoom;
    const top = (ay / dpr - ty) / zoom;
    const right = left + aw / dpr / zoom;
    const bottom = top + ah / dpr / zoom;
    const inView = (x: number, y: number, w: number, h: number, m = 0) => x + w + m > left && x - m < right && y + h + m > top && y - m < bottom;
    ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, tx * dpr, ty * dpr);
    ctx.textBaseline = 'alphabetic';
    for (const g of scene.groups) if (inView(g.x, g.y, g.width, g.height)) group(g, theme);
    font = '';
    for (const w of scene.wires) {
      const [x0, y0, x1, y1] = w.box;
      if (!inView(x0, y0, x1 - x0, y1 - y0)) continue;
      ctx.strokeStyle = w.stroke;
      ctx.lineWidth = w.width;
      ctx.setLineDash(w.dash ?? []);
      ctx.stroke(w.path);
    }
    ctx.setLineDash([]);
    const shown = scene.tasks.filter((t) => inView(t.x, t.y, t.width, t.height, 8));
    const nodes = zoom < COMPACT_BELOW ? compactTasks : fullTasks;
    // Nodes apart from all others are drawn a pass per font; nodes that overlap one another
    // one by one after them, in React Flow's order, so the later one covers the earlier.
    const lap = overlapping(scene);
    nodes(lap.size ? shown.filter((t) => !lap.has(t)) : shown, theme);
    for (const t of shown) if (lap.has(t)) nodes([t], theme);
  }

  /** Draws the scene in each of `areas` (device px) only, over what the canvas holds. */
  function drawAreas(scene: Scene, view: View, areas: Array<[number, number, number, number]>, dpr: number, theme: Theme) {
    for (const area of areas) {
      if (area[2] <= 0 || area[3] <= 0) continue;
      ctx.save();
      ctx.beginPath();
      ctx.rect(...area);
      ctx.clip();
      drawArea(scene, view, area, dpr, theme);
      ctx.restore();
      font = '';
    }
  }

  /**
   * What the canvas holds: the scene, view and size it was drawn with, and whether it is exact
   * (drawn, or moved by whole pixels) or a scaled copy shown while zooming.
   */
  let last: { scene: Scene; view: View; w: number; h: number; dpr: number; theme: Theme; exact: boolean } | undefined;
  /** The last exact picture, kept when a zoom begins: zoom steps show it scaled. */
  let zoomBase: { canvas: OffscreenCanvas; view: View } | undefined;

  /**
   * Draws `scene` as seen through `view` on the canvas (`width` × `height` CSS px at `dpr`).
   * - A pan by whole device pixels moves what the canvas holds and draws only the strips that
   *   came into view: most frames of a drag draw a few nodes, not all.
   * - A zoom step within ×2 (either way) of the last exact picture shows that picture scaled
   *   (one resampling, a little soft, like a map while it zooms) and draws whatever it does
   *   not cover; glyphs at a new size for every node in view are what makes a zoom frame
   *   costly. React Flow's own nodes, sharp, are back when the view is still.
   * - Anything else is drawn whole.
   */
  function draw(scene: Scene, view: View, width: number, height: number, dpr: number, theme: Theme) {
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    const p = last;
    const same = !!p && p.scene === scene && p.theme === theme && p.w === w && p.h === h && p.dpr === dpr;
    if (same && p.view.every((v, i) => v === view[i])) return;
    const whole = (v: number) => Math.abs(v - Math.round(v)) < 1e-3;
    const dx = p ? (view[0] - p.view[0]) * dpr : NaN;
    const dy = p ? (view[1] - p.view[1]) * dpr : NaN;
    if (same && p.exact && p.view[2] === view[2] && whole(dx) && whole(dy) && Math.abs(dx) < w && Math.abs(dy) < h) {
      last = { ...p, view };
      const mx = Math.round(dx);
      const my = Math.round(dy);
      if (mx === 0 && my === 0) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(ctx.canvas, mx, my);
      ctx.globalCompositeOperation = 'source-over';
      const strips: Array<[number, number, number, number]> = [];
      if (mx > 0) strips.push([0, 0, mx, h]);
      else if (mx < 0) strips.push([w + mx, 0, -mx, h]);
      if (my > 0) strips.push([0, 0, w, my]);
      else if (my < 0) strips.push([0, h + my, w, -my]);
      drawAreas(scene, view, strips, dpr, theme);
      return;
    }
    if (same && p.view[2] !== view[2] && typeof OffscreenCanvas !== 'undefined') {
      if (p.exact) {
        // The picture the zoom starts from.
        if (!zoomBase || zoomBase.canvas.width !== w || zoomBase.canvas.height !== h) zoomBase = { canvas: new OffscreenCanvas(w, h), view: p.view };
        zoomBase.view = p.view;
        const b = zoomBase.canvas.getContext('2d')!;
        b.globalCompositeOperation = 'copy';
        b.drawImage(ctx.canvas, 0, 0);
      }
      const r = zoomBase ? view[2] / zoomBase.view[2] : NaN;
      if (zoomBase && r >= 0.5 && r <= 2) {
        const ox = (view[0] - zoomBase.view[0] * r) * dpr;
        const oy = (view[1] - zoomBase.view[1] * r) * dpr;
        ctx.setTransform(r, 0, 0, r, ox, oy);
        ctx.globalCompositeOperation = 'copy';
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(zoomBase.canvas, 0, 0);
        ctx.globalCompositeOperation = 'source-over';
        // What the scaled picture leaves uncovered (zooming out), drawn sharp.
        const x0 = Math.max(0, Math.min(w, Math.floor(ox)));
        const y0 = Math.max(0, Math.min(h, Math.floor(oy)));
        const x1 = Math.max(0, Math.min(w, Math.ceil(ox + w * r)));
        const y1 = Math.max(0, Math.min(h, Math.ceil(oy + h * r)));
        drawAreas(scene, view, [[0, 0, w, y0], [0, y1, w, h - y1], [0, y0, x0, y1 - y0], [x1, y0, w - x1, y1 - y0]], dpr, theme);
        last = { scene, view, w, h, dpr, theme, exact: false };
        return;
      }
    }
    drawArea(scene, view, [0, 0, w, h], dpr, theme);
    last = { scene, view, w, h, dpr, theme, exact: true };
  }
  /** The canvas was cleared or resized elsewhere: the next drawing is a whole one. */
  const forget = () => {
    last = undefined;
    zoomBase = undefined;
  };
  return { draw, forget };
}
