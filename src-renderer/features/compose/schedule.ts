// "Send at" works in the shop's wall-clock time: the picker shows plain date and time, we send it
// without an offset, and the core reads it in the shop's time zone (the same rule as `smsdesk send --at`).
import dayjs, { type Dayjs } from 'dayjs';

/** Now, as a wall-clock time in the shop's zone, expressed as a plain (zone-less) dayjs for the picker. */
export function shopNow(timeZone: string): Dayjs {
  return dayjs(dayjs().tz(timeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

export function toWallClockText(value: Dayjs): string {
  return value.format('YYYY-MM-DDTHH:mm:00');
}

export function isPast(value: Dayjs, timeZone: string): boolean {
  return !value.isAfter(shopNow(timeZone));
}

export function disabledDate(timeZone: string) {
  return (current: Dayjs) => current.isBefore(shopNow(timeZone).startOf('day'));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

export function disabledTime(timeZone: string) {
  return (current: Dayjs | null) => {
    const now = shopNow(timeZone);
    if (!current || !current.isSame(now, 'day')) return {};
    return {
      disabledHours: () => range(0, now.hour()),
      disabledMinutes: (hour: number) => (hour === now.hour() ? range(0, now.minute() + 1) : []),
    };
  };
}

export interface Until {
  days: number;
  hours: number;
  minutes: number;
}

/** How long until a picked wall-clock time ("in 3 h 20 min"), or null when it is not in the future. */
export function untilParts(value: Dayjs, timeZone: string, now: Dayjs = shopNow(timeZone)): Until | null {
  const total = Math.ceil(value.diff(now, 'minute', true));
  if (total <= 0) return null;
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** A core instant (quiet hours' end) as the picker's zone-less wall-clock value in the shop's zone. */
export function wallClockOf(iso: string, timeZone: string): Dayjs {
  return dayjs(dayjs(iso).tz(timeZone).format('YYYY-MM-DDTHH:mm:ss'));
}
