// Locale-aware formatting of instants (in an explicit time zone) and numbers, with Intl. Formatters
// are cached: the log formats thousands of rows and building an Intl.DateTimeFormat is the slow part.
/** full: date and time to the second; minute: date and time to the minute; short: month, day, time. */
export type DateStyle = 'full' | 'minute' | 'short';

const dateCache = new Map<string, Intl.DateTimeFormat>();
const numberCache = new Map<string, Intl.NumberFormat>();

function dateFormatter(locale: string, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(style !== 'short' ? { year: 'numeric' } : {}),
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(style === 'full' ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    dateCache.set(key, f);
  }
  return f;
}

/** An ISO instant as the shop reads it; the input text itself if it is not a valid instant. */
export function formatDateTime(iso: string, locale: string, timeZone: string, style: DateStyle = 'full'): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return dateFormatter(locale, timeZone, style).format(ms);
}

export function formatNumber(n: number, locale: string): string {
  let f = numberCache.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberCache.set(locale, f);
  }
  return f.format(n);
}
