/**
 * Idle work waits while the canvas moves. Work the page schedules with `requestIdleCallback`
 * — above all the spec view's background colouring of a large spec (Monaco tokenises it in idle
 * slices for seconds after a big document opens) — otherwise takes CPU from the frames of a pan
 * or zoom: on two cores the browser's raster and compositor threads need it. While the gate is
 * closed, idle callbacks that come due are put aside, and run (through the browser's own
 * `requestIdleCallback` again) once the canvas has been still for `settleMs`.
 */
export interface IdleGate {
  /** The canvas started (true) or stopped (false) moving. */
  moving(on: boolean): void;
  /** Callbacks put aside, waiting for the canvas to stop. */
  parked(): number;
}

type IdleWindow = Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback' | 'setTimeout' | 'clearTimeout'>;

interface Parked {
  cb: IdleRequestCallback;
  options?: IdleRequestOptions;
}

const NO_GATE: IdleGate = { moving: () => {}, parked: () => 0 };

/** Wraps `win`'s requestIdleCallback and cancelIdleCallback; a no-op gate where they do not exist. */
export function installIdleGate(win: IdleWindow, settleMs = 150): IdleGate {
  if (typeof win.requestIdleCallback !== 'function' || typeof win.cancelIdleCallback !== 'function')
    return NO_GATE;
  const request = win.requestIdleCallback.bind(win);
  const cancel = win.cancelIdleCallback.bind(win);
  let closed = false;
  let reopen: number | undefined;
  let next = 0;
  const waiting = new Map<number, Parked>();
  const live = new Map<number, number>();

  const schedule = (id: number, p: Parked) => {
    if (closed) {
      waiting.set(id, p);
      return;
    }
    live.set(
      id,
      request((deadline) => {
        live.delete(id);
        if (closed) waiting.set(id, p);
        else p.cb(deadline);
      }, p.options),
    );
  };

  win.requestIdleCallback = (cb, options) => {
    const id = ++next;
    schedule(id, { cb, options });
    return id;
  };
  win.cancelIdleCallback = (id) => {
    if (waiting.delete(id)) return;
    const handle = live.get(id);
    if (handle !== undefined) {
      live.delete(id);
      cancel(handle);
    }
  };

  return {
    moving(on) {
      win.clearTimeout(reopen);
      if (on) {
        closed = true;
        return;
      }
      reopen = win.setTimeout(() => {
        closed = false;
        const all = [...waiting];
        waiting.clear();
        for (const [id, p] of all) schedule(id, p);
      }, settleMs);
    },
    parked: () => waiting.size,
  };
}

/** The page's gate, installed when this module is first imported (before Monaco loads). */
export const idleGate: IdleGate = typeof window === 'undefined' ? NO_GATE : installIdleGate(window);
