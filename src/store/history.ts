/**
 * Undo/redo as a history of whole documents (never hand-written inverse operations).
 * Pure functions over an immutable History value. An open "transaction" (typing in a
 * field, dragging) collects many document changes into one undo step.
 */
import type { PipelineDocument } from '../document/types';

export interface History {
  past: PipelineDocument[];
  future: PipelineDocument[];
  /** The document before the open transaction, if one is open. */
  base?: PipelineDocument;
}

export const HISTORY_LIMIT = 500;

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records that `before` was replaced by a new document. */
export function record(h: History, before: PipelineDocument): History {
  if (h.base) return h; // inside a transaction: recorded when it ends
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(before);
  return { past, future: [] };
}

export function begin(h: History, current: PipelineDocument): History {
  return h.base ? h : { ...h, base: current };
}

/** Ends a transaction: one undo step if the document changed during it. */
export function end(h: History, current: PipelineDocument): History {
  if (!h.base) return h;
  const { base, ...rest } = h;
  return base === current ? rest : record(rest, base);
}

export function undo(h: History, current: PipelineDocument): { history: History; doc: PipelineDocument } | undefined {
  const closed = end(h, current);
  if (closed.past.length === 0) return undefined;
  const past = closed.past.slice(0, -1);
  const doc = closed.past[closed.past.length - 1];
  return { history: { past, future: [current, ...closed.future] }, doc };
}

export function redo(h: History, current: PipelineDocument): { history: History; doc: PipelineDocument } | undefined {
  const closed = end(h, current);
  if (closed.future.length === 0) return undefined;
  const [doc, ...future] = closed.future;
  return { history: { past: [...closed.past, current], future }, doc };
}
