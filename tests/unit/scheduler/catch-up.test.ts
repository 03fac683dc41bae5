// The catch-up policy: on time goes; late within the grace window goes outside quiet hours, waits for
// their end when that is still within the window, and is missed otherwise; older is missed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCatchUp, ON_TIME_MS } from '../../../src-main/core/scheduler/catch-up';
import type { QuietHours } from '../../../src-shared/time/quiet-hours';

const MIN = 60_000;
const HOUR = 60 * MIN;
const quiet: QuietHours = { enabled: true, start: '21:00', end: '09:00', timeZone: 'Asia/Taipei' };
const noQuiet: QuietHours = { ...quiet, enabled: false };
/** Taipei is UTC+8 all year. */
const taipei = (day: number, hh: number, mm = 0) => Date.UTC(2026, 5, day, hh - 8, mm);

describe('decideCatchUp', () => {
  it('not yet due: waits for its time', () => {
    const due = taipei(1, 12);
    expect(decideCatchUp({ dueAt: due, now: due - 5 * MIN, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'wait', until: due });
  });

  it('on time (up to a minute late) goes, even in quiet hours: the operator chose that time', () => {
    const due = taipei(1, 22);
    expect(decideCatchUp({ dueAt: due, now: due, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'send' });
    expect(decideCatchUp({ dueAt: due, now: due + ON_TIME_MS, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'send' });
  });

  it('late within the grace window and outside quiet hours: goes now', () => {
    const due = taipei(1, 12);
    expect(decideCatchUp({ dueAt: due, now: due + 90 * MIN, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'send' });
    expect(decideCatchUp({ dueAt: due, now: due + 2 * HOUR, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'send' });
  });

  it('late past the grace window: missed', () => {
    const due = taipei(1, 12);
    expect(decideCatchUp({ dueAt: due, now: due + 2 * HOUR + 1, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'missed' });
    expect(decideCatchUp({ dueAt: due, now: due + 60 * 24 * HOUR, graceMs: 2 * HOUR, quietHours: noQuiet })).toEqual({ action: 'missed' });
  });

  it('late in quiet hours that end within the grace window: waits for their end', () => {
    const due = taipei(2, 8);
    const now = taipei(2, 8, 30);
    expect(decideCatchUp({ dueAt: due, now, graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'wait', until: taipei(2, 9) });
  });

  it('late in quiet hours that end after the grace window: missed, not sent the next morning', () => {
    const due = taipei(1, 20, 50);
    expect(decideCatchUp({ dueAt: due, now: taipei(1, 22), graceMs: 2 * HOUR, quietHours: quiet })).toEqual({ action: 'missed' });
  });

  it('a grace window of 0 misses anything more than on time', () => {
    const due = taipei(1, 12);
    expect(decideCatchUp({ dueAt: due, now: due + ON_TIME_MS + 1, graceMs: 0, quietHours: noQuiet })).toEqual({ action: 'missed' });
  });

  it('never sends later than the grace window, and never sends late inside quiet hours', () => {
    fc.assert(fc.property(
      fc.integer({ min: taipei(1, 0), max: taipei(20, 0) }),
      fc.integer({ min: 0, max: 48 * HOUR }),
      fc.integer({ min: 0, max: 24 * 60 }),
      fc.boolean(),
      (dueAt, late, graceMin, quietOn) => {
        const q = quietOn ? quiet : noQuiet;
        const now = dueAt + late;
        const graceMs = graceMin * MIN;
        const d = decideCatchUp({ dueAt, now, graceMs, quietHours: q });
        if (late <= ON_TIME_MS) return d.action === 'send';
        if (d.action === 'send') {
          const hour = new Date(now + 8 * HOUR).getUTCHours();
          const inQuiet = quietOn && (hour >= 21 || hour < 9);
          return late <= graceMs && !inQuiet;
        }
        if (d.action === 'wait') return d.until > now && d.until <= dueAt + graceMs;
        return late > graceMs || quietOn;
      },
    ));
  });
});
