import { describe, expect, it } from 'vitest';
import { createMotion } from './motion';

/** A motion whose timers fire when the test says so. */
function setup() {
  const timers = new Map<number, { f: () => void; ms: number }>();
  let n = 0;
  const changes: boolean[] = [];
  const motion = createMotion({
    settleMs: 150,
    staleMs: 3000,
    setTimer: (f, ms) => (timers.set(++n, { f, ms }), n),
    clearTimer: (t) => void timers.delete(t as number),
  });
  motion.subscribe(() => changes.push(motion.active()));
  const fire = (ms: number) => {
    for (const [id, t] of [...timers]) if (t.ms === ms) (timers.delete(id), t.f());
  };
  return { motion, changes, fire, pending: () => [...timers.values()].map((t) => t.ms).sort((a, b) => a - b) };
}

describe('createMotion', () => {
  it('starts at the first change of the view in a gesture with an input event, and stops once it has been still for settleMs', () => {
    const { motion, changes, fire } = setup();
    motion.start(true);
    expect(motion.active()).toBe(false); // a press on the pane moves nothing yet
    motion.moved();
    expect(motion.active()).toBe(true);
    motion.moved();
    motion.end();
    expect(motion.active()).toBe(true);
    fire(150);
    expect(motion.active()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('is not started by a click on the pane (a gesture that moved nothing)', () => {
    const { motion, changes, pending } = setup();
    motion.start(true);
    motion.end();
    motion.moved(); // a later programmatic change
    expect(changes).toEqual([]);
    expect(pending()).toEqual([]);
  });

  it('is not started by moves without an input event (fit view, the minimap)', () => {
    const { motion, changes } = setup();
    motion.start(false);
    motion.moved();
    motion.end();
    expect(changes).toEqual([]);
  });

  it('stays on while gestures overlap: a wheel zoom ending during a drag', () => {
    const { motion, fire } = setup();
    motion.start(true); // wheel
    motion.moved();
    motion.start(true); // drag begins before the wheel's end
    motion.end(); // the wheel ends
    fire(150);
    expect(motion.active()).toBe(true);
    motion.moved();
    motion.end(); // the drag ends
    fire(150);
    expect(motion.active()).toBe(false);
  });

  it('a new gesture within settleMs keeps it on', () => {
    const { motion, changes, fire } = setup();
    motion.start(true);
    motion.moved();
    motion.end();
    motion.start(true);
    fire(150);
    expect(motion.active()).toBe(true);
    motion.moved();
    motion.end();
    fire(150);
    expect(changes).toEqual([true, false]);
  });

  it('ends after staleMs without any activity, should an end be missed', () => {
    const { motion, fire } = setup();
    motion.start(true);
    motion.moved();
    fire(3000);
    expect(motion.active()).toBe(false);
    // Nothing is left counted: the next gesture behaves normally.
    motion.start(true);
    motion.moved();
    motion.end();
    fire(150);
    expect(motion.active()).toBe(false);
  });

  it('tells its listeners when the motion canvas takes over the pane and gives it back', () => {
    const { motion, changes } = setup();
    motion.start(true);
    motion.moved();
    motion.cover(true);
    motion.cover(true);
    expect(motion.covered()).toBe(true);
    motion.cover(false);
    expect(motion.covered()).toBe(false);
    // Each change notified once: active, covered, uncovered.
    expect(changes).toEqual([true, true, true]);
  });
});
