// Quiet hours with a fixed clock in Asia/Taipei (UTC+8) and Asia/Tokyo (UTC+9): the boundaries are
// half-open ([start, end)), the window crosses midnight, and the allowed time is the window's end.
import { describe, expect, it } from 'vitest';
import { checkQuietHours, isInsideWindow, type QuietHours } from '../../../src-shared/time/quiet-hours';

const taipei: QuietHours = { enabled: true, start: '21:00', end: '09:00', timeZone: 'Asia/Taipei' };
const tokyo: QuietHours = { ...taipei, timeZone: 'Asia/Tokyo' };
/** An instant given as local wall-clock time with the zone's fixed offset. */
const at = (local: string, offset: string) => Date.parse(`${local}${offset}`);
const tw = (local: string) => at(local, '+08:00');
const jp = (local: string) => at(local, '+09:00');

describe('checkQuietHours', () => {
  it.each<[string, number, boolean, number]>([
    ['Taipei 20:59:59 is outside', tw('2026-06-01T20:59:59'), false, tw('2026-06-01T20:59:59')],
    ['Taipei 21:00 is inside, allowed at 09:00 next day', tw('2026-06-01T21:00:00'), true, tw('2026-06-02T09:00:00')],
    ['Taipei 23:59 is inside', tw('2026-06-01T23:59:00'), true, tw('2026-06-02T09:00:00')],
    ['Taipei 00:00 (after midnight) is inside, same morning', tw('2026-06-02T00:00:00'), true, tw('2026-06-02T09:00:00')],
    ['Taipei 08:59:59 is inside', tw('2026-06-02T08:59:59'), true, tw('2026-06-02T09:00:00')],
    ['Taipei 09:00 is outside', tw('2026-06-02T09:00:00'), false, tw('2026-06-02T09:00:00')],
    ['Taipei, month end crossing', tw('2026-06-30T22:30:00'), true, tw('2026-07-01T09:00:00')],
    ['Taipei, year end crossing', tw('2026-12-31T21:00:00'), true, tw('2027-01-01T09:00:00')],
  ])('%s', (_name, now, inside, allowedAt) => {
    expect(checkQuietHours(now, taipei)).toEqual({ inside, allowedAt });
  });

  it.each<[string, number, boolean, number]>([
    ['Tokyo 20:59 is outside', jp('2026-06-01T20:59:00'), false, jp('2026-06-01T20:59:00')],
    ['Tokyo 21:00 is inside', jp('2026-06-01T21:00:00'), true, jp('2026-06-02T09:00:00')],
    ['Tokyo 03:00 is inside', jp('2026-06-02T03:00:00'), true, jp('2026-06-02T09:00:00')],
    ['Tokyo 09:00 is outside', jp('2026-06-02T09:00:00'), false, jp('2026-06-02T09:00:00')],
  ])('%s', (_name, now, inside, allowedAt) => {
    expect(checkQuietHours(now, tokyo)).toEqual({ inside, allowedAt });
  });

  it('one instant is quiet in Tokyo but not yet in Taipei (the zone decides)', () => {
    const instant = jp('2026-06-01T21:30:00'); // 20:30 in Taipei
    expect(checkQuietHours(instant, tokyo).inside).toBe(true);
    expect(checkQuietHours(instant, taipei).inside).toBe(false);
    // 08:30 in Taipei is 09:30 in Tokyo.
    const morning = tw('2026-06-02T08:30:00');
    expect(checkQuietHours(morning, taipei)).toEqual({ inside: true, allowedAt: tw('2026-06-02T09:00:00') });
    expect(checkQuietHours(morning, tokyo).inside).toBe(false);
  });

  it('a window inside one day (12:00–13:30) and an empty one (start = end)', () => {
    const lunch = { ...taipei, start: '12:00', end: '13:30' };
    expect(checkQuietHours(tw('2026-06-01T11:59:00'), lunch).inside).toBe(false);
    expect(checkQuietHours(tw('2026-06-01T12:00:00'), lunch)).toEqual({ inside: true, allowedAt: tw('2026-06-01T13:30:00') });
    expect(checkQuietHours(tw('2026-06-01T13:30:00'), lunch).inside).toBe(false);
    expect(checkQuietHours(tw('2026-06-01T23:00:00'), { ...taipei, start: '09:00', end: '09:00' }).inside).toBe(false);
  });

  it('turned off: never inside', () => {
    expect(checkQuietHours(tw('2026-06-01T23:00:00'), { ...taipei, enabled: false })).toEqual({ inside: false, allowedAt: tw('2026-06-01T23:00:00') });
  });

  it('isInsideWindow is half-open on both kinds of window', () => {
    expect([0, 539, 540, 1259, 1260, 1439].map((m) => isInsideWindow(m, '21:00', '09:00'))).toEqual([true, true, false, false, true, true]);
    expect([719, 720, 809, 810].map((m) => isInsideWindow(m, '12:00', '13:30'))).toEqual([false, true, true, false]);
  });
});
