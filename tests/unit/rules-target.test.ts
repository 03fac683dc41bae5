// The run's day → absolute filter parts: birthdays (29 February in common years), months ahead.
import { describe, expect, it } from 'vitest';
import { addMonths, birthdayRangeOn } from '../../src-main/core/rules/target';

describe('birthday greeted on a day', () => {
  it('is that day in a leap year, 29 February included', () => {
    expect(birthdayRangeOn('2028-02-28', 'feb28')).toEqual({ from: '02-28', to: '02-28' });
    expect(birthdayRangeOn('2028-02-29', 'feb28')).toEqual({ from: '02-29', to: '02-29' });
    expect(birthdayRangeOn('2028-03-01', 'mar1')).toEqual({ from: '03-01', to: '03-01' });
  });
  it('takes 29 February birthdays on 28 February in a common year, or on 1 March by the setting', () => {
    expect(birthdayRangeOn('2027-02-28', 'feb28')).toEqual({ from: '02-28', to: '02-29' });
    expect(birthdayRangeOn('2027-03-01', 'feb28')).toEqual({ from: '03-01', to: '03-01' });
    expect(birthdayRangeOn('2027-02-28', 'mar1')).toEqual({ from: '02-28', to: '02-28' });
    expect(birthdayRangeOn('2027-03-01', 'mar1')).toEqual({ from: '02-29', to: '03-01' });
    // 2100 is not a leap year.
    expect(birthdayRangeOn('2100-02-28', 'feb28')).toEqual({ from: '02-28', to: '02-29' });
  });
});

describe('months from the run', () => {
  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12-01', 1)).toBe('2027-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12');
    expect(addMonths('2026-06-15', 13)).toBe('2027-07');
  });
});
