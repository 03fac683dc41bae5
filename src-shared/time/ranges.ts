// The date ranges an operator picks (today, the last 7 days, this month, from–to), as instants in the
// shop's time zone: [since, until). Shared by the Log's filter and the Reports room.
import { parseScheduleTime } from './zoned';

export const rangePresets = ['all', 'today', '7d', 'month', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];

/** A calendar day (YYYY-MM-DD) in the zone at an instant. */
export function dayInZone(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** The day `days` after a YYYY-MM-DD day (calendar arithmetic, no zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function startOf(day: string, timeZone: string): number {
  const ms = parseScheduleTime(`${day}T00:00`, timeZone);
  if (ms === null) throw new Error(`not a day: ${day}`);
  return ms;
}

/**
 * The instants of a range; `custom` takes two days, both included. `all` has no bounds. Ends are
 * exclusive (the start of the day after), so a day of 23 or 25 hours is still one whole day.
 */
export function rangeInstants(preset: RangePreset, now: number, timeZone: string, custom?: readonly [string, string] | null): { since?: number; until?: number } {
  const today = dayInZone(now, timeZone);
  switch (preset) {
    case 'today':
      return { since: startOf(today, timeZone), until: startOf(addDays(today, 1), timeZone) };
    case '7d':
      return { since: startOf(addDays(today, -6), timeZone), until: startOf(addDays(today, 1), timeZone) };
    case 'month': {
      const first = `${today.slice(0, 7)}-01`;
      const [y, m] = today.split('-').map(Number) as [number, number];
      const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
      return { since: startOf(first, timeZone), until: startOf(next, timeZone) };
    }
    case 'custom':
      if (!custom) return {};
      return { since: startOf(custom[0], timeZone), until: startOf(addDays(custom[1], 1), timeZone) };
    default:
      return {};
  }
}
