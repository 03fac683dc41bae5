// Quiet hours (DESIGN.md §5): a daily window of wall-clock time in the shop's zone during which the
// app sends nothing on its own. One function answers "inside? / when may it go?" for the dispatcher
// (deferring, failing retries) and for the renderer's pre-send check. The window may cross midnight
// (21:00–09:00); start == end means no window at all. Times inside a daylight-saving gap resolve the
// way parseScheduleTime does (forward by the gap).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface QuietHours {
  enabled: boolean;
  /** HH:MM, 24-hour, wall-clock time in `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
}

export interface QuietCheck {
  inside: boolean;
  /** The earliest time at or after `at` outside the window (`at` itself when outside). */
  allowedAt: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The local calendar date (YYYY-MM-DD) and minute of the day of an instant in a zone. */
function localParts(at: number, timeZone: string): { date: string; minute: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The instant of wall-clock `hhmm` on local `date` (+ `addDays`) in the zone. */
function instantOf(date: string, addDays: number, hhmm: string, timeZone: string): number {
  const day = dayjs.utc(date).add(addDays, 'day').format('YYYY-MM-DD');
  return dayjs.tz(`${day}T${hhmm}`, timeZone).valueOf();
}

export function isInsideWindow(minute: number, start: string, end: string): boolean {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return false;
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

/** Is `at` inside quiet hours, and when is the next time something may be sent on the app's own. */
export function checkQuietHours(at: number, q: QuietHours): QuietCheck {
  if (!q.enabled) return { inside: false, allowedAt: at };
  const { date, minute } = localParts(at, q.timeZone);
  if (!isInsideWindow(minute, q.start, q.end)) return { inside: false, allowedAt: at };
  // The window ends at the next local `end`: today's if still ahead, else tomorrow's.
  let end = instantOf(date, 0, q.end, q.timeZone);
  if (end <= at) end = instantOf(date, 1, q.end, q.timeZone);
  return { inside: true, allowedAt: end };
}
