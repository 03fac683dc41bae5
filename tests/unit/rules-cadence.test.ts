// Occurrences of reminder rules on the wall clock of an explicit zone: daily, weekly, monthly on day N
// (min(N, month's last day)), cron expressions through node-cron, and daylight-saving changes in a
// zone that has them (America/New_York): a time in the gap runs at the first moment after it, a time
// that occurs twice runs once.
import { describe, expect, it } from 'vitest';
import { nextRuns, occurrencesBetween, type Schedule } from '../../src-main/core/rules/cadence';
import { cronMatcher, cronProblem } from '../../src-main/core/rules/cron';
import { instantOf, localDateText } from '../../src-main/core/rules/wall-clock';
import { ruleRunKey } from '../../src-main/core/rules/run-key';

const iso = (ms: number) => new Date(ms).toISOString();
const TAIPEI = 'Asia/Taipei';
const NY = 'America/New_York';

describe('wall clock in a zone', () => {
  it('reads an ordinary time once', () => {
    expect(iso(instantOf({ year: 2026, month: 6, day: 1, hour: 9, minute: 0 }, TAIPEI))).toBe('2026-06-01T01:00:00.000Z');
  });
  it('puts a time in the spring-forward gap at the moment the clocks jump', () => {
    // 2026-03-08 02:30 does not exist in New York: 02:00 EST became 03:00 EDT at 07:00Z.
    expect(iso(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NY))).toBe('2026-03-08T07:00:00.000Z');
  });
  it('takes the first of a time that occurs twice', () => {
    // 2026-11-01 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY))).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('cadences', () => {
  const daily = (time: string, timeZone = TAIPEI): Schedule => ({ cadence: { kind: 'daily' }, time, timeZone });

  it('daily at a time, from an instant', () => {
    const runs = nextRuns(daily('10:00'), Date.parse('2026-06-01T01:00:00Z'), 3).map(iso);
    expect(runs).toEqual(['2026-06-01T02:00:00.000Z', '2026-06-02T02:00:00.000Z', '2026-06-03T02:00:00.000Z']);
  });

  it('does not count the instant itself (after is exclusive) and includes the end', () => {
    const at = Date.parse('2026-06-01T02:00:00Z');
    expect(occurrencesBetween(daily('10:00'), at, at + 86_400_000).map(iso)).toEqual(['2026-06-02T02:00:00.000Z']);
    expect(occurrencesBetween(daily('10:00'), at - 1, at).map(iso)).toEqual(['2026-06-01T02:00:00.000Z']);
  });

  it('weekly on chosen days (0 = Sunday)', () => {
    const s: Schedule = { cadence: { kind: 'weekly', days: [1, 5] }, time: '09:30', timeZone: TAIPEI };
    // 2026-06-01 is a Monday.
    const runs = nextRuns(s, Date.parse('2026-05-31T00:00:00Z'), 4).map((ms) => localDateText(ms, TAIPEI));
    expect(runs).toEqual(['2026-06-01', '2026-06-05', '2026-06-08', '2026-06-12']);
  });

  it('monthly on day 31 runs on the last day of shorter months, 29 February in a leap year', () => {
    const s: Schedule = { cadence: { kind: 'monthly', day: 31 }, time: '10:00', timeZone: TAIPEI };
    const runs = nextRuns(s, Date.parse('2027-12-01T00:00:00Z'), 6).map((ms) => localDateText(ms, TAIPEI));
    expect(runs).toEqual(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']);
  });

  it('monthly on day 30 runs on 28 February in a common year, and once a month', () => {
    const s: Schedule = { cadence: { kind: 'monthly', day: 30 }, time: '10:00', timeZone: TAIPEI };
    const runs = nextRuns(s, Date.parse('2027-01-01T00:00:00Z'), 3).map((ms) => localDateText(ms, TAIPEI));
    expect(runs).toEqual(['2027-01-30', '2027-02-28', '2027-03-30']);
  });

  it('a cron expression in the zone (weekdays at 09:00 in New York, across the spring change)', () => {
    const s: Schedule = { cadence: { kind: 'cron', expression: '0 9 * * 1-5' }, time: null, timeZone: NY };
    const runs = nextRuns(s, Date.parse('2026-03-06T00:00:00Z'), 3).map(iso);
    // Friday 6 March in EST (UTC-5), then Monday and Tuesday after the change in EDT (UTC-4).
    expect(runs).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-10T13:00:00.000Z']);
  });

  it('agrees with node-cron itself where no clock change intervenes', () => {
    for (const expression of ['*/15 8-10 * * *', '30 9 L * *', '0 12 1,15 * 1-5', '5 4 * * 0']) {
      const s: Schedule = { cadence: { kind: 'cron', expression }, time: null, timeZone: TAIPEI };
      const task = cronMatcher(expression).inZone(TAIPEI);
      const before = Date.now();
      const theirs = task.getNextRuns(5).map((d) => d.getTime());
      task.destroy();
      expect(nextRuns(s, Math.floor(before / 1000) * 1000, 5), expression).toEqual(theirs);
    }
  });

  it('daily at 02:30 on the spring-forward day runs at 03:00 EDT, once', () => {
    const runs = occurrencesBetween(daily('02:30', NY), Date.parse('2026-03-07T00:00:00Z'), Date.parse('2026-03-10T00:00:00Z')).map(iso);
    expect(runs).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('daily at 01:30 on the fall-back day runs once, at the first 01:30', () => {
    const runs = occurrencesBetween(daily('01:30', NY), Date.parse('2026-10-31T00:00:00Z'), Date.parse('2026-11-03T00:00:00Z')).map(iso);
    expect(runs).toEqual(['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('every 30 minutes through the fall-back night: the repeated hour once, the gap folded into one run', () => {
    const s: Schedule = { cadence: { kind: 'cron', expression: '0,30 * * * *' }, time: null, timeZone: NY };
    const fall = occurrencesBetween(s, Date.parse('2026-11-01T04:45:00Z'), Date.parse('2026-11-01T07:15:00Z')).map(iso);
    // 01:00 EDT, 01:30 EDT, (01:00 and 01:30 EST are the same wall-clock times: not again), 02:00 EST.
    expect(fall).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T07:00:00.000Z']);
    const spring = occurrencesBetween(s, Date.parse('2026-03-08T06:15:00Z'), Date.parse('2026-03-08T07:45:00Z')).map(iso);
    // 01:30 EST, then 02:00 and 02:30 do not exist: one run at 03:00 EDT; then 03:30 EDT.
    expect(spring).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z']);
  });

  it('occurrences since a cursor cover a long closed period, capped by the limit', () => {
    const start = Date.parse('2026-06-01T00:00:00Z');
    expect(occurrencesBetween(daily('10:00'), start, start + 10 * 86_400_000)).toHaveLength(10);
    expect(occurrencesBetween(daily('10:00'), start, start + 10 * 86_400_000, 4)).toHaveLength(4);
  });
});

describe('cron expressions', () => {
  it('refuses what node-cron refuses, and seconds', () => {
    expect(cronProblem('0 9 * * *')).toBeNull();
    expect(cronProblem('not a cron')).toBe('rules.errors.cronInvalid');
    expect(cronProblem('0 61 * * *')).toBe('rules.errors.cronInvalid');
    expect(cronProblem('*/5 0 9 * * *')).toBe('rules.errors.cronSeconds');
  });
  it('a 29 February expression finds the next leap year', () => {
    const s: Schedule = { cadence: { kind: 'cron', expression: '0 10 29 2 *' }, time: null, timeZone: TAIPEI };
    expect(nextRuns(s, Date.parse('2026-06-01T00:00:00Z'), 1).map((ms) => localDateText(ms, TAIPEI))).toEqual(['2028-02-29']);
  });
});

describe('run keys', () => {
  it('are UUID-shaped, stable, and differ by rule, contact and occurrence', () => {
    const k = ruleRunKey(1, 2, 3);
    expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ruleRunKey(1, 2, 3)).toBe(k);
    expect(new Set([k, ruleRunKey(2, 2, 3), ruleRunKey(1, 3, 3), ruleRunKey(1, 2, 4)]).size).toBe(4);
  });
});
