// When a rule runs: its occurrences as instants, computed from the wall clock of its zone. Daily,
// weekly and monthly cadences fire at the rule's time of day; monthly on day N fires on min(N, the
// month's last day); a cron expression is interpreted by node-cron (cron.ts). A wall-clock time in a
// daylight-saving gap runs at the first moment after it; a repeated one runs once (wall-clock.ts).
import type { RuleCadence } from '../../../src-shared/api/rules-schemas';
import { cronMatcher, type CronMatcher } from './cron';
import { instantOf, lastDayOfMonth, nextDay, wallClockOf, weekdayOf, type LocalDate } from './wall-clock';

export interface Schedule {
  cadence: RuleCadence;
  /** HH:MM (unused for cron). */
  time: string | null;
  timeZone: string;
}

/** How far ahead "next run" looks: a cron expression for 29 February may wait 8 years. */
const MAX_SEARCH_DAYS = 366 * 8 + 2;

type DayPlan = (d: LocalDate) => { hour: number; minute: number }[];

function dayPlan(s: Schedule): DayPlan {
  const c = s.cadence;
  if (c.kind === 'cron') {
    const m: CronMatcher = cronMatcher(c.expression);
    return (d) => (m.matchesDay(d) ? m.times : []);
  }
  const [hour, minute] = (s.time ?? '09:00').split(':').map(Number) as [number, number];
  const at = [{ hour, minute }];
  switch (c.kind) {
    case 'daily':
      return () => at;
    case 'weekly':
      return (d) => (c.days.includes(weekdayOf(d)) ? at : []);
    case 'monthly':
      return (d) => (d.day === Math.min(c.day, lastDayOfMonth(d.year, d.month)) ? at : []);
  }
}

function dateOf(instant: number, timeZone: string): LocalDate {
  const w = wallClockOf(instant, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** Instants of the day's runs (a gap can fold two wall-clock times into one instant: kept once). */
function runsOn(plan: DayPlan, d: LocalDate, timeZone: string): number[] {
  const out = new Set<number>();
  for (const t of plan(d)) out.add(instantOf({ ...d, ...t }, timeZone));
  return [...out].sort((a, b) => a - b);
}

/** Occurrences in (after, until], oldest first, at most `limit`. */
export function occurrencesBetween(s: Schedule, after: number, until: number, limit = 1000): number[] {
  if (until <= after) return [];
  const plan = dayPlan(s);
  // Start a day early: a run of the previous local day can land after `after` (a gap moves it forward).
  let d = dateOf(after - 86_400_000, s.timeZone);
  const last = dateOf(until + 86_400_000, s.timeZone);
  const lastKey = last.year * 10_000 + last.month * 100 + last.day;
  const out: number[] = [];
  let previous = -Infinity;
  while (d.year * 10_000 + d.month * 100 + d.day <= lastKey) {
    for (const at of runsOn(plan, d, s.timeZone)) {
      if (at > after && at <= until && at > previous) {
        out.push(at);
        previous = at;
        if (out.length >= limit) return out;
      }
    }
    d = nextDay(d);
  }
  return out;
}

/** The first `count` runs after `after` (exclusive). */
export function nextRuns(s: Schedule, after: number, count = 1): number[] {
  const plan = dayPlan(s);
  let d = dateOf(after - 86_400_000, s.timeZone);
  const out: number[] = [];
  let previous = after;
  for (let i = 0; i < MAX_SEARCH_DAYS && out.length < count; i++) {
    for (const at of runsOn(plan, d, s.timeZone)) {
      if (at > previous) {
        out.push(at);
        previous = at;
        if (out.length >= count) break;
      }
    }
    d = nextDay(d);
  }
  return out;
}

export function nextRun(s: Schedule, after: number): number | null {
  return nextRuns(s, after, 1)[0] ?? null;
}
