// Wall-clock time in an IANA zone ↔ instants, with the daylight-saving rules of reminder rules: a
// local time that does not exist (a spring-forward gap) resolves to the first moment after it (the
// instant the clocks jump); one that occurs twice (the autumn fall-back hour) resolves to its first
// occurrence, so a rule runs once.

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading (to the second) of an instant in a zone. */
export function wallClockOf(instant: number, timeZone: string): WallClock & { second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

const readsAs = (instant: number, w: WallClock, timeZone: string) => {
  const r = wallClockOf(instant, timeZone);
  return r.year === w.year && r.month === w.month && r.day === w.day && r.hour === w.hour && r.minute === w.minute;
};

/**
 * The instant of a wall-clock time in a zone: its first occurrence when it occurs twice, the moment
 * the clocks jump when it falls in a gap.
 */
export function instantOf(w: WallClock, timeZone: string): number {
  const guess = asUtc(w);
  // Offsets a day either side cover every transition near this time (none is longer than a day).
  const before = offsetAt(guess - 86_400_000, timeZone);
  const after = offsetAt(guess + 86_400_000, timeZone);
  const candidates = [...new Set([guess - before, guess - after, guess - offsetAt(guess, timeZone)])].sort((a, b) => a - b);
  const valid = candidates.filter((c) => readsAs(c, w, timeZone));
  if (valid.length > 0) return valid[0]!;
  // A gap: the clocks jump over this time. The transition lies between the two readings; find it.
  let lo = Math.min(guess - before, guess - after);
  let hi = Math.max(guess - before, guess - after);
  const offLo = offsetAt(lo, timeZone);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === offLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export function localDateText(instant: number, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  return formatDate(w);
}

export function formatDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function nextDay(d: LocalDate): LocalDate {
  const n = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: n.getUTCFullYear(), month: n.getUTCMonth() + 1, day: n.getUTCDate() };
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Sunday = 0 … Saturday = 6, of a calendar date. */
export function weekdayOf(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}
