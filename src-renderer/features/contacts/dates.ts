// Calendar values of a contact (birthdays, inspection months, insurance dates) written for the reader's
// locale. They are days, not instants: formatted in UTC so no time zone can move them by a day.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, kind: 'date' | 'monthDay' | 'yearMonth'): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const parts: Intl.DateTimeFormatOptions =
      kind === 'date' ? { year: 'numeric', month: '2-digit', day: '2-digit' }
        : kind === 'monthDay' ? { month: 'long', day: 'numeric' }
          : { year: 'numeric', month: 'long' };
    f = new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

/** YYYY-MM-DD, --MM-DD (a birthday without a year), YYYY-MM or MM-DD; anything else as it is. */
export function formatCalendar(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return formatter(locale, 'date').format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Without a year, a leap year keeps 29 February a real day.
  m = /^(?:--)?(\d{2})-(\d{2})$/.exec(value);
  if (m) return formatter(locale, 'monthDay').format(Date.UTC(2000, Number(m[1]) - 1, Number(m[2])));
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return formatter(locale, 'yearMonth').format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return value;
}

/** A month's name (1..12) in the locale: 三月, March, 3月. */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}
