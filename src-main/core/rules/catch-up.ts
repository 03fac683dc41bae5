// Whether an occurrence found late still runs: the same policy as timed messages (DESIGN.md §7,
// the scheduler's catch-up policy): within the grace window it runs; older, it is recorded as missed
// and shown to the operator. Quiet hours are the dispatcher's: a reminder queued inside them waits
// for their end.
export type CatchUpDecision = 'run' | 'missed';

export function decideOccurrence(occurrenceAt: number, now: number, graceMs: number): CatchUpDecision {
  return now - occurrenceAt <= graceMs ? 'run' : 'missed';
}

/** The grace window until the scheduler's setting is there: the default, 2 hours. */
export const DEFAULT_GRACE_MS = 2 * 3600_000;
