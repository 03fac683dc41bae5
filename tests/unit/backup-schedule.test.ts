// When scheduled backups are due, and that only the lease holder makes them (fake clock, no real time).
import { describe, expect, it } from 'vitest';
import { createDueScheduler, nextBackupDue } from '../../src-main/core/maintenance/schedule';
import { FakeClock } from '../helpers/fake-clock';

const TZ = 'Asia/Taipei';
/** 2026-06-01 09:00 Taipei. */
const NINE_AM = Date.UTC(2026, 5, 1, 1, 0);
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 5, day, hour - 8, minute);

describe('nextBackupDue', () => {
  it('is today at the time when yesterday’s backup was made', () => {
    expect(nextBackupDue(Date.UTC(2026, 4, 31, 13, 30), NINE_AM, '21:30', TZ)).toBe(at(1, 21, 30));
    expect(nextBackupDue(Date.UTC(2026, 4, 31, 13, 31), NINE_AM, '21:30', TZ)).toBe(at(1, 21, 30));
  });

  it('catches up at once when the latest occurrence has no backup (the PC was off at 21:30)', () => {
    expect(nextBackupDue(Date.UTC(2026, 4, 30, 13, 31), NINE_AM, '21:30', TZ)).toBe(NINE_AM);
  });

  it('counts from the data dir’s creation: nothing is due before the first time comes round', () => {
    const created = NINE_AM - 60_000;
    expect(nextBackupDue(created, NINE_AM, '21:30', TZ)).toBe(at(1, 21, 30));
    expect(nextBackupDue(created, at(1, 21, 30), '21:30', TZ)).toBe(at(1, 21, 30));
    expect(nextBackupDue(created, at(2, 8, 0), '21:30', TZ)).toBe(at(2, 8, 0));
  });

  it('uses the shop’s time zone, not the computer’s', () => {
    const created = Date.UTC(2026, 5, 1, 0, 0);
    expect(nextBackupDue(created, created, '09:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 5, 2, 0, 0));
    expect(nextBackupDue(created, created, '09:00', 'UTC')).toBe(Date.UTC(2026, 5, 1, 9, 0));
  });
});

describe('the backup scheduler', () => {
  const setup = (holder: { lease: boolean }) => {
    const clock = new FakeClock(NINE_AM);
    const runs: number[] = [];
    let last = NINE_AM - 60_000; // created a minute ago
    const scheduler = createDueScheduler({
      clock,
      due: () => nextBackupDue(last, clock.now(), '21:30', TZ),
      isLeaseHolder: () => holder.lease,
      what: 'scheduled backup',
      run: async () => {
        runs.push(clock.now());
        last = clock.now();
      },
      log: () => {},
    });
    return { clock, runs, scheduler };
  };

  it('runs once a day at the time, with timers never longer than 30 s', async () => {
    const { clock, runs, scheduler } = setup({ lease: true });
    await clock.advanceAsync(86_400_000 * 2);
    expect(runs).toEqual([at(1, 21, 30), at(2, 21, 30)]);
    expect(Math.max(...clock.pendingDelays())).toBeLessThanOrEqual(30_000);
    scheduler.stop();
    expect(clock.pendingCount()).toBe(0);
  });

  it('does nothing while another process holds the lease, and catches up once it is ours', async () => {
    const holder = { lease: false };
    const { clock, runs, scheduler } = setup(holder);
    await clock.advanceAsync(86_400_000);
    expect(runs).toEqual([]);
    holder.lease = true;
    await clock.advanceAsync(30_000);
    expect(runs).toHaveLength(1);
    await clock.advanceAsync(3600_000);
    expect(runs).toHaveLength(1);
    scheduler.stop();
  });
});
