// Times people type for --at and the composer's "Send at": an offset makes an instant, no offset means
// wall-clock time in the shop's zone; impossible dates and garbage are refused. And the fake clock the
// integration tests drive the core with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScheduleTime, systemTimeZone, toIso } from '../../src-shared/time/zoned';
import { FakeClock } from '../helpers/fake-clock';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseScheduleTime', () => {
  it.each<[string, string]>([
    ['2026-06-01T09:30:00Z', '2026-06-01T09:30:00.000Z'],
    ['2026-06-01T09:30Z', '2026-06-01T09:30:00.000Z'],
    ['2026-06-01t09:30:00z', '2026-06-01T09:30:00.000Z'],
    ['2026-06-01T09:30:00.250Z', '2026-06-01T09:30:00.250Z'],
    ['2026-06-01T09:30:00+08:00', '2026-06-01T01:30:00.000Z'],
    ['2026-06-01T09:30:00+0800', '2026-06-01T01:30:00.000Z'],
    ['2026-06-01T09:30+09:00', '2026-06-01T00:30:00.000Z'],
    ['2026-06-01 09:30:00-05:00', '2026-06-01T14:30:00.000Z'],
    ['2026-06-01T00:30:00+14:00', '2026-05-31T10:30:00.000Z'],
  ])('with an offset, %s is an instant whatever the shop zone', (text, expected) => {
    for (const zone of ['Asia/Taipei', 'America/New_York', 'UTC']) expect(iso(parseScheduleTime(text, zone))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['2026-06-01T09:30', 'Asia/Taipei', '2026-06-01T01:30:00.000Z'],
    ['2026-06-01 09:30:15', 'Asia/Taipei', '2026-06-01T01:30:15.000Z'],
    ['2026-06-01T09:30', 'Asia/Tokyo', '2026-06-01T00:30:00.000Z'],
    ['2026-06-01T09:30', 'Asia/Shanghai', '2026-06-01T01:30:00.000Z'],
    ['2026-01-15T09:30', 'America/New_York', '2026-01-15T14:30:00.000Z'], // EST
    ['2026-07-15T09:30', 'America/New_York', '2026-07-15T13:30:00.000Z'], // EDT
    ['2026-12-31T23:59:59', 'UTC', '2026-12-31T23:59:59.000Z'],
    ['  2026-06-01T09:30  ', 'Asia/Taipei', '2026-06-01T01:30:00.000Z'],
  ])('without an offset, %s is wall-clock time in %s', (text, zone, expected) => {
    expect(iso(parseScheduleTime(text, zone))).toBe(expected);
  });

  describe('daylight saving (America/New_York, 2026-03-08 02:00 → 03:00 and 2026-11-01 02:00 → 01:00)', () => {
    const zone = 'America/New_York';

    it('keeps the minute before the gap in EST and the gap end in EDT', () => {
      expect(iso(parseScheduleTime('2026-03-08T01:59', zone))).toBe('2026-03-08T06:59:00.000Z');
      expect(iso(parseScheduleTime('2026-03-08T03:00', zone))).toBe('2026-03-08T07:00:00.000Z');
    });

    it('moves a time inside the gap forward by the gap (02:30 → 03:30 EDT), never before the gap', () => {
      const inGap = parseScheduleTime('2026-03-08T02:30', zone);
      expect(iso(inGap)).toBe('2026-03-08T07:30:00.000Z');
      expect(inGap!).toBeGreaterThan(parseScheduleTime('2026-03-08T01:59', zone)!);
      expect(iso(parseScheduleTime('2026-03-08T02:00', zone))).toBe('2026-03-08T07:00:00.000Z');
    });

    it('resolves the repeated hour to its second occurrence (EST)', () => {
      expect(iso(parseScheduleTime('2026-11-01T01:30', zone))).toBe('2026-11-01T06:30:00.000Z');
      expect(iso(parseScheduleTime('2026-11-01T00:59', zone))).toBe('2026-11-01T04:59:00.000Z'); // still EDT
    });

    it('does the same in Europe (Berlin, 2026-03-29)', () => {
      expect(iso(parseScheduleTime('2026-03-29T02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
      expect(iso(parseScheduleTime('2026-03-29T01:59', 'Europe/Berlin'))).toBe('2026-03-29T00:59:00.000Z');
    });
  });

  it.each([
    '2026-02-30T10:00', // no such day
    '2026-02-29T10:00', // 2026 is not a leap year
    '2026-04-31T10:00',
    '2026-13-01T10:00',
    '2026-00-10T10:00',
    '2026-06-01T24:00',
    '2026-06-01T23:60',
    '2026-06-01T23:59:60',
    '2026-02-30T10:00:00Z', // with an offset too: Date.parse would roll these into March
    '2026-02-30T10:00:00+08:00',
    '2026-04-31T10:00+09:00',
    '2026-06-01T24:00:00Z',
    '2026-06-01T10:00:61Z',
  ])('refuses the impossible date or time %s', (text) => {
    expect(parseScheduleTime(text, 'Asia/Taipei')).toBeNull();
  });

  it('accepts 29 February of a leap year', () => {
    expect(iso(parseScheduleTime('2028-02-29T10:00', 'UTC'))).toBe('2028-02-29T10:00:00.000Z');
    expect(iso(parseScheduleTime('2028-02-29T10:00Z', 'Asia/Taipei'))).toBe('2028-02-29T10:00:00.000Z');
  });

  it.each([
    '', 'garbage', 'tomorrow 9am', '2026-06-01', '09:30', '2026/06/01 09:30', '2026-6-1T9:30', '1780300000000',
    '2026-06-01T09:30:00+25:00', '2026-06-01T09:30:00 +08:00', '2026-06-01T09:30:00+8', '2026-06-01T09:30:00EST',
    '2026-06-01T09:30:00.1234Z', '２０２６-06-01T09:30',
  ])('refuses %j', (text) => {
    expect(parseScheduleTime(text, 'Asia/Taipei')).toBeNull();
  });

  it('never throws, and what it accepts round-trips through toIso (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('Asia/Taipei', 'America/New_York', 'UTC'), (text, zone) => {
        const ms = parseScheduleTime(text, zone);
        if (ms !== null) expect(parseScheduleTime(toIso(ms)!, zone)).toBe(ms);
      }),
    );
  });

  it('reads every valid UTC instant back exactly (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(parseScheduleTime(d.toISOString(), 'Asia/Tokyo')).toBe(d.getTime());
      }),
    );
  });
});

describe('toIso and systemTimeZone', () => {
  it('turns milliseconds into ISO-8601 UTC and passes null on', () => {
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIso(null)).toBeNull();
    expect(toIso(undefined)).toBeNull();
  });

  it('names a zone Intl accepts', () => {
    expect(() => new Intl.DateTimeFormat('en', { timeZone: systemTimeZone() })).not.toThrow();
  });
});

describe('FakeClock (the tests’ clock)', () => {
  it('fires due timers in time order, then in the order they were set, at their due time', () => {
    const clock = new FakeClock(1000);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 200);
    clock.setTimeout(() => seen.push(`late@${clock.now()}`), 301);
    expect(clock.advance(300)).toBe(3);
    expect(seen).toEqual(['a@1100', 'b@1200', 'c@1200']);
    expect(clock.now()).toBe(1300);
    expect(clock.pendingDelays()).toEqual([1]);
  });

  it('fires timers set by a timer when they fall due within the same advance', () => {
    const clock = new FakeClock(0);
    const seen: number[] = [];
    const again = () => {
      seen.push(clock.now());
      clock.setTimeout(again, 40);
    };
    clock.setTimeout(again, 40);
    clock.advance(100);
    expect(seen).toEqual([40, 80]);
    expect(clock.nextDueAt()).toBe(120);
  });

  it('does not fire a cleared timer, nor any timer before its time', () => {
    const clock = new FakeClock(0);
    let fired = 0;
    const h = clock.setTimeout(() => fired++, 10);
    clock.setTimeout(() => fired++, 50);
    clock.clearTimeout(h);
    clock.clearTimeout(undefined);
    clock.advance(49);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
  });

  it('jumps without firing, and runAll fires everything in order', () => {
    const clock = new FakeClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 5000);
    clock.setTimeout(() => seen.push(clock.now()), 10);
    clock.jump(20_000);
    expect(seen).toEqual([]);
    expect(clock.runAll()).toBe(2);
    expect(seen).toEqual([20_000, 20_000]); // overdue timers fire at the time they are noticed
  });

  it('refuses to spin forever on a timer that re-arms itself with no delay', () => {
    const clock = new FakeClock(0);
    const spin = () => clock.setTimeout(spin, 0);
    clock.setTimeout(spin, 0);
    expect(() => clock.advance(1)).toThrow(/busy loop/);
  });
});
