/**
 * The geometry of a task node, computed instead of measured: its outer size and where each
 * port's handle sits. The compact node drawn when zoomed out (task-node-compact.tsx) has exactly
 * the size and handle positions of the full node (task-node.tsx), so the layout, group
 * rectangles, the minimap, "tidy up" and the wires do not change with the zoom, and nodes that
 * were never drawn (outside the view) still have their size.
 *
 * Heights are fixed by styles.css (the px values below); widths come from the text, measured
 * with the same fonts (`measure`). Pure: the browser passes a canvas-based `measure`.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import { inputPorts, isRequired, outputPorts } from '../catalog/ports';
import type { CatalogEntry, Port } from '../catalog/types';
import type { Task } from '../document/types';
import { PYTHON_TYPE } from '../compiler/header';
import type { ParameterType } from '../spec/pipeline-spec';

/** Handles of "run after" dependencies (no data): on the node header. */
export const AFTER_SOURCE = 'after:source';
export const AFTER_TARGET = 'after:target';

/** The node's CSS geometry (styles.css: .task-node, .task-head, .task-ports, .port, .show-all). */
export const NODE = {
  minWidth: 260,
  border: 1,
  /** .task-head: 6 px padding, title line 15 px, key line 13 px, 6 px padding, 1 px border below. */
  head: 41,
  headPadX: 10,
  /** .task-ports: 4 px padding above and below, 12 px between the two columns. */
  portsPad: 4,
  portsGap: 12,
  /** .port: 18 px high, 10 px padding left and right, 6 px between name and type. */
  row: 18,
  rowPadX: 10,
  rowGap: 6,
  /** .req: 2 px left margin. */
  reqGap: 2,
  /** .show-all: 17 px high with 4 px margins above and below, 10 px left and right; border and padding 1 + 6 px. */
  button: 25,
  buttonMarginX: 10,
  buttonPadX: 7,
  /** Handles are 10 × 10 px. */
  handle: 10,
  /** Run-after handles: 14 px from the right edge, 6 px above the node / below the header. */
  afterRight: 14,
  afterOut: 6,
} as const;

/** Fonts of the node's texts; `sans` and `mono` are the CSS font families. */
export type TextStyle = 'title' | 'key' | 'name' | 'nameBound' | 'type' | 'button';
export type Measure = (text: string, style: TextStyle) => number;

export interface PortSpot {
  name: string;
  /** Top of the 10 × 10 handle, from the node's outer top edge. */
  y: number;
}
export interface TaskLayout {
  width: number;
  height: number;
  inputs: PortSpot[];
  outputs: PortSpot[];
  /**
   * Every handle as React Flow would measure it (from the node's top-left corner), given to
   * React Flow with the node: wires to a node that was never drawn (out of view) are drawn too.
   */
  handles: NodeHandle[];
}

/** What the node shows: the visible inputs and the outputs, the texts of the header. */
export interface TaskShape {
  title: string;
  taskKey: string;
  inputs: ReadonlyArray<{ name: string; type: string; required: boolean; bound: boolean }>;
  outputs: ReadonlyArray<{ name: string; type: string }>;
  /** The "Show all N inputs" / "Show fewer inputs" button's text, when shown. */
  button?: string;
  /** An unknown component: a header only. */
  unknown?: boolean;
}

const portTop = (i: number) => NODE.border + NODE.head + NODE.portsPad + i * NODE.row + NODE.row / 2 - NODE.handle / 2;

/**
 * A node's width: the text's, rounded up to a whole pixel with half a pixel to spare. Both kinds
 * of node are drawn at least this wide (the full node as `min-width`, so text never wraps even
 * where the canvas's font measures differ), so they have the same whole-pixel size and switching
 * between them resizes nothing.
 */
const wholeWidth = (content: number) => Math.max(NODE.minWidth, Math.ceil(2 * NODE.border + content + 0.5));

/** Size and handle positions of a task node (offsetWidth/offsetHeight, as React Flow measures). */
export function taskLayout(shape: TaskShape, measure: Measure): TaskLayout {
  const head = 2 * NODE.headPadX + Math.max(measure(shape.title, 'title'), measure(shape.taskKey, 'key'));
  if (shape.unknown)
    return { width: wholeWidth(head), height: 2 * NODE.border + NODE.head, inputs: [], outputs: [], handles: [] };
  let inCol = 0;
  for (const p of shape.inputs) {
    const name = measure(p.name, p.bound ? 'nameBound' : 'name') + (p.required ? NODE.reqGap + measure('*', p.bound ? 'nameBound' : 'name') : 0);
    inCol = Math.max(inCol, 2 * NODE.rowPadX + name + NODE.rowGap + measure(p.type, 'type'));
  }
  if (shape.button !== undefined) inCol = Math.max(inCol, 2 * NODE.buttonMarginX + 2 * NODE.buttonPadX + measure(shape.button, 'button'));
  let outCol = 0;
  for (const p of shape.outputs) outCol = Math.max(outCol, 2 * NODE.rowPadX + measure(p.name, 'name') + NODE.rowGap + measure(p.type, 'type'));
  const content = Math.max(head, inCol + NODE.portsGap + outCol);
  const inHeight = shape.inputs.length * NODE.row + (shape.button !== undefined ? NODE.button : 0);
  const ports = 2 * NODE.portsPad + Math.max(inHeight, shape.outputs.length * NODE.row);
  const width = wholeWidth(content);
  const inputs = shape.inputs.map((p, i) => ({ name: p.name, y: portTop(i) }));
  const outputs = shape.outputs.map((p, i) => ({ name: p.name, y: portTop(i) }));
  const h = NODE.handle / 2;
  const afterX = width - NODE.border - NODE.afterRight - NODE.handle;
  const handle = (id: string, type: 'source' | 'target', position: Position, x: number, y: number): NodeHandle => ({ id, type, position, x, y, width: NODE.handle, height: NODE.handle });
  return {
    width,
    height: 2 * NODE.border + NODE.head + ports,
    inputs,
    outputs,
    handles: [
      handle(AFTER_TARGET, 'target', Position.Top, afterX, NODE.border - NODE.afterOut),
      handle(AFTER_SOURCE, 'source', Position.Bottom, afterX, NODE.border + NODE.head - NODE.border + NODE.afterOut - NODE.handle),
      ...inputs.map((p) => handle(`in:${p.name}`, 'target', Position.Left, NODE.border - h, p.y)),
      ...outputs.map((p) => handle(`out:${p.name}`, 'source', Position.Right, width - NODE.border + h - NODE.handle, p.y)),
    ],
  };
}

/** The type as a port row shows it: its Python name (`str`, `int`, …) or the artifact type without its namespace. */
export const shortType = (p: Port) =>
  p.kind === 'parameter' ? PYTHON_TYPE[p.type as ParameterType] ?? p.type : p.type.replace(/^(google|system)\./, '');

/** A component's input and output ports (built once per catalog entry by ../catalog/ports). */
export function portsOf(entry: CatalogEntry): { inputs: readonly Port[]; outputs: readonly Port[] } {
  return { inputs: inputPorts(entry), outputs: outputPorts(entry) };
}

/** Which inputs are ports: artifacts always; parameters when required, bound, or the node is expanded. */
export function visibleInputs(entry: CatalogEntry, task: Task, expanded: boolean): Port[] {
  return portsOf(entry).inputs.filter((p) => expanded || p.kind === 'artifact' || isRequired(p) || p.name in task.inputs);
}

/** The text of the button under the inputs, when there is one: some inputs are hidden, or all are shown on request. */
export function showAllText(total: number, shown: number, expanded: boolean): string | undefined {
  return expanded ? 'Show fewer inputs' : total > shown ? `Show all ${total} inputs` : undefined;
}

/** What a task's node shows (the input of `taskLayout`). */
export function taskShape(task: Task, entry: CatalogEntry | undefined, taskKey: string, expanded: boolean): TaskShape {
  if (!entry) return { title: 'Unknown component', taskKey: task.component, inputs: [], outputs: [], unknown: true };
  const inputs = visibleInputs(entry, task, expanded);
  return {
    title: task.displayName || entry.title,
    taskKey,
    inputs: inputs.map((p) => ({ name: p.name, type: shortType(p), required: isRequired(p), bound: p.name in task.inputs })),
    outputs: portsOf(entry).outputs.map((p) => ({ name: p.name, type: shortType(p) })),
    button: showAllText(portsOf(entry).inputs.length, inputs.length, expanded),
  };
}

/**
 * Text widths with the node's fonts, by a 2D canvas (the browser shapes text for a canvas as
 * for the page), remembered per text. The families are those of styles.css: the page's font
 * (`:root`) and `.task-key`'s monospace.
 */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 7;
  const sans = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  const fonts: Record<TextStyle, string> = {
    title: `600 13px ${sans}`,
    key: '11px ui-monospace, monospace',
    name: `12px ${sans}`,
    nameBound: `600 12px ${sans}`,
    type: `10px ${sans}`,
    button: `11px ${sans}`,
  };
  const cache = new Map<string, number>();
  let current = '';
  return (text, style) => {
    const k = style + '\u0000' + text;
    let w = cache.get(k);
    if (w === undefined) {
      if (current !== style) ctx.font = fonts[(current = style)];
      w = ctx.measureText(text).width;
      cache.set(k, w);
    }
    return w;
  };
}
