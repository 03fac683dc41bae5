// Times people type: ISO-8601 with an offset is an instant; without one it is wall-clock time in the
// shop's time zone. A time inside a daylight-saving gap moves forward by the gap's length (02:30 on the
// spring-forward day in New York is 03:30 EDT, as Temporal's 'compatible' does); a repeated hour
// resolves to its second occurrence.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/i;

/** Rejects impossible calendar values: Date.parse and dayjs would roll 2026-02-30 over into March. */
function isRealDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h <= 23 && mi <= 59 && s <= 59;
}

/** Epoch milliseconds, or null when the text is not such a time. */
export function parseScheduleTime(text: string, timeZone: string): number | null {
  const t = text.trim();
  if (WITH_OFFSET.test(t)) {
    if (!isRealDateTime(t)) return null;
    const ms = Date.parse(t.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isFinite(ms) ? ms : null;
  }
  if (!LOCAL.test(t) || !isRealDateTime(t)) return null;
  const ms = dayjs.tz(t.replace(' ', 'T'), timeZone).valueOf();
  return Number.isFinite(ms) ? ms : null;
}

/** The operating system's zone, the default of the shop.timeZone setting. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function toIso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
