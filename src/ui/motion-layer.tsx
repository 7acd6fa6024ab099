import { memo, useEffect, useRef, useState } from 'react';
import { useStoreApi, type Edge } from '@xyflow/react';
import type { PipelineDocument } from '../document/types';
import { whenCanvasUsable } from './after-usable';
import type { GroupFlowNode } from './group-node';
import type { Motion } from './motion';
import type { Scene, Theme, View } from './motion-draw';
import { useEditorStore } from './store-context';
import type { TaskFlowNode } from './task-node';

/** What the canvas draws from: the document and what the canvas gives React Flow. */
export interface SceneInput {
  doc: PipelineDocument;
  nodes: ReadonlyArray<TaskFlowNode | GroupFlowNode>;
  edges: readonly Edge[];
}
type Drawing = typeof import('./motion-drawing');

/** The drawing code (motion-drawing.ts), requested once the canvas is usable; undefined until it is in. */
function useDrawing(): Drawing | undefined {
  const store = useEditorStore();
  const [drawing, setDrawing] = useState<Drawing>();
  useEffect(() => {
    let live = true;
    whenCanvasUsable(store, () => void import('./motion-drawing').then((m) => live && setDrawing(m)));
    return () => {
      live = false;
    };
  }, [store]);
  return drawing;
}

/** The page's colours and fonts for the motion canvas, read from the canvas's element (styles.css variables, React Flow's pane). */
export function readTheme(root: Element): Theme {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    pane: css.backgroundColor && css.backgroundColor !== 'rgba(0, 0, 0, 0)' ? css.backgroundColor : v('--bg', '#f6f7f9'),
    dot: root.classList.contains('dark') ? '#555' : '#91919a',
    text: v('--text', '#202124'),
    muted: v('--muted', '#5f6368'),
    nodeBg: v('--node-bg', '#ffffff'),
    nodeBorder: v('--node-border', '#bdc1c6'),
    subtle: v('--subtle', '#f1f3f4'),
    accent: v('--accent', '#1a73e8'),
    danger: v('--danger', '#c5221f'),
    panel: v('--panel', '#ffffff'),
    border: v('--border', '#dadce0'),
    sans: getComputedStyle(document.documentElement).fontFamily || 'sans-serif',
    mono: 'ui-monospace, monospace',
  };
}

/** Frames the canvas waits, at most, for React Flow's nodes to be ready (`ready`) once the view is still. */
const MAX_WAIT_FRAMES = 60;

/**
 * While the view moves (`motion`), the pane is this one canvas: React Flow's viewport (every
 * node and wire element) and the dot grid are taken out of rendering (`.moving` in perf.css)
 * and the canvas draws the scene for each new transform, once per frame. When the view is
 * still, React Flow's own elements are shown again at the view the canvas last drew, once
 * `ready()` says they are (nodes that come into view at an editing zoom switch to full over a
 * few frames, task-lod.ts): until then the canvas stays, so nothing changes on screen.
 * `input()` is read when a move starts, and again when it changes (`input` is a new function).
 * Until the drawing code is in (just after start-up), a move is drawn by React Flow as before.
 */
export const MotionLayer = memo(function MotionLayer({ motion, input, ready }: { motion: Motion; input: () => SceneInput; ready: () => boolean }) {
  const rf = useStoreApi();
  const drawing = useDrawing();
  const ref = useRef<HTMLCanvasElement>(null);
  const inputRef = useRef(input);
  inputRef.current = input;
  const readyRef = useRef(ready);
  readyRef.current = ready;
  const refresh = useRef<() => void>(() => {});
  useEffect(() => refresh.current(), [input]);
  useEffect(() => {
    const canvas = ref.current;
    const root = canvas?.closest('.react-flow');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !root || !ctx || !drawing) return;
    const drawer = drawing.createDrawer(ctx);
    // The scene of the last move, kept while nothing it is drawn from has changed: a new move
    // over the same pipeline starts without building it (and its text layout) again.
    let built: (SceneInput & { scene: Scene }) | undefined;
    const scene = () => {
      const input = inputRef.current();
      if (built?.doc !== input.doc || built.nodes !== input.nodes || built.edges !== input.edges)
        built = { ...input, scene: drawing.buildScene(input.doc, input.nodes, input.edges, (d) => new Path2D(d)) };
      return built.scene;
    };
    let current: Scene | undefined;
    let theme: Theme | undefined;
    let frame = 0;
    let waiting = 0;
    let unsubscribe: (() => void) | undefined;
    const draw = () => {
      frame = 0;
      const { transform, width, height } = rf.getState();
      if (!current || !theme) return;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      drawer.draw(current, transform as View, width, height, dpr, theme);
    };
    const show = (n: number) => {
      waiting = 0;
      if (motion.active()) return;
      if (!readyRef.current() && n < MAX_WAIT_FRAMES) {
        waiting = requestAnimationFrame(() => show(n + 1));
        return;
      }
      unsubscribe?.();
      unsubscribe = undefined;
      cancelAnimationFrame(frame);
      frame = 0;
      root.classList.remove('moving');
      motion.cover(false);
      current = undefined;
      // The backing store (width × height × 4 bytes) is not kept while the canvas is hidden.
      canvas.width = canvas.height = 0;
      drawer.forget();
    };
    let wasActive = false;
    const onMotion = () => {
      // Only a change of motion matters here (listeners also hear the canvas's own cover()).
      if (motion.active() === wasActive) return;
      wasActive = motion.active();
      cancelAnimationFrame(waiting);
      if (wasActive) {
        if (!current) {
          current = scene();
          theme = readTheme(root);
          draw();
          root.classList.add('moving');
          motion.cover(true);
          unsubscribe = rf.subscribe((s, prev) => {
            if (s.transform !== prev.transform && !frame) frame = requestAnimationFrame(draw);
          });
        }
      } else {
        // Still: wait a frame for the nodes' catching up to begin, then for it to end.
        waiting = requestAnimationFrame(() => show(0));
      }
    };
    refresh.current = () => {
      if (!current) return;
      current = scene();
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const off = motion.subscribe(onMotion);
    return () => {
      off();
      unsubscribe?.();
      cancelAnimationFrame(frame);
      cancelAnimationFrame(waiting);
      root.classList.remove('moving');
      motion.cover(false);
      refresh.current = () => {};
    };
  }, [rf, motion, drawing]);
  return <canvas ref={ref} className="motion-canvas" aria-hidden="true" />;
});
