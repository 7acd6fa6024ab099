/**
 * Whether the view is moving under the person's hand (a wheel, drag or pinch of the pane):
 * from the first change of the view in a gesture that began with an input event (React
 * Flow's `onMoveStart` with an event, then `onMove`; a click on the pane changes nothing and
 * does not start it) until no gesture has been going on for `settleMs`. Gestures can overlap (React Flow ends a wheel zoom 150 ms after the last
 * wheel event, when a drag may have begun): the view is still only when every started gesture
 * has ended. Moves without an input event (fit view, the minimap, a programmatic pan) do not
 * start it. A watchdog ends it after `staleMs` without any activity, should an end be missed.
 */
export interface Motion {
  active(): boolean;
  /** React Flow's onMoveStart; `user`: it came with an input event. */
  start(user: boolean): void;
  /** React Flow's onMove: the view changed. */
  moved(): void;
  /** React Flow's onMoveEnd. */
  end(): void;
  /** Whether the motion canvas covers the pane (it does once its drawing code is in). */
  covered(): boolean;
  /** The motion canvas took over (true) or gave the pane back (false). */
  cover(on: boolean): void;
  /** Called when `active()` or `covered()` changes. */
  subscribe(onChange: () => void): () => void;
}

export interface MotionOptions {
  settleMs?: number;
  staleMs?: number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export function createMotion({
  settleMs = 50,
  staleMs = 3000,
  setTimer = (f, ms) => setTimeout(f, ms),
  clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
}: MotionOptions = {}): Motion {
  let active = false;
  let gestures = 0;
  let armed = false;
  let isCovered = false;
  let settle: unknown;
  let stale: unknown;
  const listeners = new Set<() => void>();
  const set = (on: boolean) => {
    if (active === on) return;
    active = on;
    listeners.forEach((f) => f());
  };
  const stop = () => {
    clearTimer(settle);
    clearTimer(stale);
    gestures = 0;
    armed = false;
    set(false);
  };
  const watch = () => {
    clearTimer(stale);
    if (active) stale = setTimer(stop, staleMs);
  };
  return {
    active: () => active,
    start(user) {
      gestures++;
      clearTimer(settle);
      if (user) armed = true;
      watch();
    },
    moved() {
      if (armed) set(true);
      watch();
    },
    end() {
      gestures = Math.max(0, gestures - 1);
      if (gestures > 0) return;
      clearTimer(settle);
      if (active) settle = setTimer(stop, settleMs);
      else armed = false;
    },
    covered: () => isCovered,
    cover(on) {
      if (isCovered === on) return;
      isCovered = on;
      listeners.forEach((f) => f());
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
  };
}
