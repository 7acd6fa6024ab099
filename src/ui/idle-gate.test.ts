import { describe, expect, it, vi } from 'vitest';
import { installIdleGate } from './idle-gate';

/** A window whose idle callbacks and timers run when the test says so. */
function fakeWindow() {
  const idle = new Map<number, IdleRequestCallback>();
  const timers = new Map<number, () => void>();
  let n = 0;
  const deadline: IdleDeadline = { didTimeout: false, timeRemaining: () => 10 };
  const win = {
    requestIdleCallback: vi.fn((cb: IdleRequestCallback) => {
      idle.set(++n, cb);
      return n;
    }),
    cancelIdleCallback: vi.fn((id: number) => void idle.delete(id)),
    setTimeout: ((f: () => void) => {
      timers.set(++n, f);
      return n;
    }) as unknown as Window['setTimeout'],
    clearTimeout: ((id: number) => void timers.delete(id)) as Window['clearTimeout'],
  };
  return {
    win,
    /** The browser is idle: every pending idle callback runs. */
    idle() {
      const all = [...idle.values()];
      idle.clear();
      all.forEach((cb) => cb(deadline));
    },
    /** Every pending timer fires. */
    timers() {
      const all = [...timers.values()];
      timers.clear();
      all.forEach((f) => f());
    },
    pendingIdle: () => idle.size,
  };
}

describe('installIdleGate', () => {
  it('passes idle callbacks through while the canvas is still', () => {
    const w = fakeWindow();
    installIdleGate(w.win);
    const cb = vi.fn();
    w.win.requestIdleCallback(cb);
    w.idle();
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('puts aside what comes due while the canvas moves, and runs it once it has been still', () => {
    const w = fakeWindow();
    const gate = installIdleGate(w.win);
    const early = vi.fn();
    w.win.requestIdleCallback(early);
    gate.moving(true);
    const during = vi.fn();
    w.win.requestIdleCallback(during);
    w.idle(); // `early` comes due mid-pan: put aside; `during` was never handed to the browser
    expect(early).not.toHaveBeenCalled();
    expect(during).not.toHaveBeenCalled();
    expect(gate.parked()).toBe(2);
    gate.moving(false);
    w.idle();
    expect(early).not.toHaveBeenCalled(); // still settling
    gate.moving(true); // moving again before it settled: nothing is released
    w.timers();
    w.idle();
    expect(early).not.toHaveBeenCalled();
    gate.moving(false);
    w.timers(); // still for settleMs: handed back to the browser
    expect(gate.parked()).toBe(0);
    w.idle();
    expect(early).toHaveBeenCalledTimes(1);
    expect(during).toHaveBeenCalledTimes(1);
  });

  it('cancels callbacks both handed to the browser and put aside', () => {
    const w = fakeWindow();
    const gate = installIdleGate(w.win);
    const a = vi.fn();
    const b = vi.fn();
    const ida = w.win.requestIdleCallback(a);
    gate.moving(true);
    const idb = w.win.requestIdleCallback(b);
    w.win.cancelIdleCallback(ida);
    w.win.cancelIdleCallback(idb);
    expect(w.pendingIdle()).toBe(0);
    gate.moving(false);
    w.timers();
    w.idle();
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
  });

  it('is a no-op where the browser has no requestIdleCallback', () => {
    const gate = installIdleGate({ setTimeout, clearTimeout } as unknown as Window);
    gate.moving(true);
    expect(gate.parked()).toBe(0);
  });
});
