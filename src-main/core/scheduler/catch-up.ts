// The catch-up policy (DESIGN.md §7, issue 7): what happens to something that should have gone out
// while the app could not send it (the PC slept, the app was closed, the clock jumped). One pure
// function, used for timed messages here and for missed reminder-rule runs: never a silent burst
// (nothing goes out late in quiet hours or after the grace window), never a silent loss (what does not
// go becomes `missed`, and the operator is told).
import { checkQuietHours, type QuietHours } from '../../../src-shared/time/quiet-hours';

/** Late by at most this much counts as on time: a busy event loop or a restart, not a missed slot. */
export const ON_TIME_MS = 60_000;

export interface CatchUpInput {
  /** When it was meant to go (UTC ms). */
  dueAt: number;
  now: number;
  /** How late it may still go on its own (setting `scheduler.graceMinutes`, in ms). */
  graceMs: number;
  quietHours: QuietHours;
  /** Lateness still treated as on time (default ON_TIME_MS). */
  onTimeMs?: number;
}

export type CatchUpDecision =
  /** Send now: on time, or late but within the grace window and outside quiet hours. */
  | { action: 'send' }
  /**
   * Not now, at `until`: not yet due (until = dueAt), or quiet hours are on and they end while the
   * grace window is still open (until = the end of quiet hours). At `until` it goes as on time.
   */
  | { action: 'wait'; until: number }
  /** Too late to go on its own: mark it missed and tell the operator (who may send it anyway). */
  | { action: 'missed' };

export function decideCatchUp(input: CatchUpInput): CatchUpDecision {
  const { dueAt, now, graceMs, quietHours } = input;
  const onTimeMs = input.onTimeMs ?? ON_TIME_MS;
  if (dueAt > now) return { action: 'wait', until: dueAt };
  const lateness = now - dueAt;
  // On time: what the operator scheduled goes at its time, as if the app had never stopped.
  if (lateness <= onTimeMs) return { action: 'send' };
  const graceEnds = dueAt + Math.max(0, graceMs);
  if (now > graceEnds) return { action: 'missed' };
  const quiet = checkQuietHours(now, quietHours);
  if (!quiet.inside) return { action: 'send' };
  // Deferred to the end of quiet hours only while that is still inside the grace window; otherwise
  // it would arrive far later than anyone meant it to.
  return quiet.allowedAt <= graceEnds ? { action: 'wait', until: quiet.allowedAt } : { action: 'missed' };
}
