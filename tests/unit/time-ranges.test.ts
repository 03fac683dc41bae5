// The date ranges of the Log's filter and the Reports room, in the shop's zone: [since, until).
import { describe, expect, it } from 'vitest';
import { addDays, dayInZone, rangeInstants } from '../../src-shared/time/ranges';

const taipei = 'Asia/Taipei';
// 2026-03-01 00:30 in Taipei (still 28 February in UTC).
const NOW = Date.UTC(2026, 1, 28, 16, 30);

describe('rangeInstants', () => {
  it('today, the last 7 days and this month start at midnight in the shop zone', () => {
    expect(dayInZone(NOW, taipei)).toBe('2026-03-01');
    expect(rangeInstants('today', NOW, taipei)).toEqual({ since: Date.UTC(2026, 1, 28, 16), until: Date.UTC(2026, 2, 1, 16) });
    expect(rangeInstants('7d', NOW, taipei)).toEqual({ since: Date.UTC(2026, 1, 22, 16), until: Date.UTC(2026, 2, 1, 16) });
    expect(rangeInstants('month', NOW, taipei)).toEqual({ since: Date.UTC(2026, 1, 28, 16), until: Date.UTC(2026, 2, 31, 16) });
    expect(rangeInstants('all', NOW, taipei)).toEqual({});
  });

  it('a custom range includes both days; a day of 23 hours is one whole day', () => {
    expect(rangeInstants('custom', NOW, taipei, ['2026-01-30', '2026-02-02'])).toEqual({ since: Date.UTC(2026, 0, 29, 16), until: Date.UTC(2026, 1, 2, 16) });
    expect(rangeInstants('custom', NOW, taipei, null)).toEqual({});
    const spring = rangeInstants('custom', NOW, 'America/New_York', ['2026-03-08', '2026-03-08']);
    expect(spring.until! - spring.since!).toBe(23 * 3_600_000);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
