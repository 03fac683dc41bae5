// Whether an occurrence found late still runs: the scheduler's catch-up policy, the same one timed
// messages follow (DESIGN.md §7): on time or within the grace window it runs; held by quiet hours it
// waits for their end while that is still within the window; older, it is recorded as missed and
// shown to the operator — never a silent burst, never a silent loss.
import type { QuietHours } from '../../../src-shared/time/quiet-hours';
import { decideCatchUp } from '../scheduler/catch-up';

export type OccurrenceDecision = { action: 'run' } | { action: 'wait'; until: number } | { action: 'missed' };

export function decideOccurrence(occurrenceAt: number, now: number, graceMs: number, quietHours: QuietHours): OccurrenceDecision {
  const d = decideCatchUp({ dueAt: occurrenceAt, now, graceMs, quietHours });
  return d.action === 'send' ? { action: 'run' } : d;
}
