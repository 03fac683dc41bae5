// Telling an on-time timer wake from lost time: late wakes (sleep), a wall clock set back, and a wall
// clock that moved apart from the monotonic one (a jump while the timer ran normally).
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src-main/core/types';
import { createWakeWatch, DRIFT_MS } from '../../../src-main/core/scheduler/wake-watch';

/** A clock whose wall and monotonic readings the test sets by hand. */
function handClock(): Clock & { wall: number; mono: number } {
  return {
    wall: 1_000_000,
    mono: 500,
    now() { return this.wall; },
    monotonic() { return this.mono; },
    setTimeout: () => null,
    clearTimeout: () => {},
  };
}

describe('createWakeWatch', () => {
  it('an on-time wake (or a little late, a busy event loop) is not lost time', () => {
    const c = handClock();
    const w = createWakeWatch(c);
    w.armed(30_000);
    c.wall += 30_000 + DRIFT_MS;
    c.mono += 30_000 + DRIFT_MS;
    expect(w.woke()).toBeNull();
  });

  it('a wake much later than armed on both clocks (a sleep where the monotonic clock runs on) is late', () => {
    const c = handClock();
    const w = createWakeWatch(c);
    w.armed(30_000);
    c.wall += 3 * 3600_000;
    c.mono += 3 * 3600_000;
    expect(w.woke()).toEqual({ kind: 'late', ms: 3 * 3600_000 - 30_000 });
  });

  it('a wall clock set back is reported as such', () => {
    const c = handClock();
    const w = createWakeWatch(c);
    w.armed(10_000);
    c.wall -= 3600_000;
    c.mono += 10_000;
    expect(w.woke()).toEqual({ kind: 'backwards', ms: 3600_000 });
  });

  it('a wall clock that moved apart from the monotonic one while the timer ran on time is a jump', () => {
    const c = handClock();
    const w = createWakeWatch(c);
    w.armed(300_000);
    // The timer fired after 5 min of monotonic time, but the wall clock says 2 minutes less (NTP).
    c.mono += 300_000;
    c.wall += 300_000 - 2 * DRIFT_MS;
    expect(w.woke()).toEqual({ kind: 'jump', ms: -2 * DRIFT_MS });
  });

  it('without a monotonic clock it judges by lateness only; and a second wake without arming is silent', () => {
    const c = handClock();
    const plain: Clock = { now: () => c.wall, setTimeout: () => null, clearTimeout: () => {} };
    const w = createWakeWatch(plain);
    w.armed(1000);
    c.wall += 1000 + DRIFT_MS + 1;
    expect(w.woke()).toEqual({ kind: 'late', ms: DRIFT_MS + 1 });
    expect(w.woke()).toBeNull();
  });
});
