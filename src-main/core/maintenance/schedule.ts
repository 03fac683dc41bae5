// Scheduled backups: daily at a time of day in the shop's time zone; and the weekly full check. Only the lease holder (the
// process that sends) runs them, so the app and `smsdesk run` never both do. The timer is armed for
// min(due, now + 30 s) and compares wall-clock time on each wake (DESIGN.md §7); the last scheduled
// backup's time is read from the backups folder, so a day missed while the PC was off is caught up
// at the next start, once.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Clock } from '../types';

dayjs.extend(utc);
dayjs.extend(timezone);

const MAX_WAIT_MS = 30_000;

/**
 * When the next scheduled backup is due: now (catch-up) if the latest occurrence has no backup yet.
 * `since` is the last scheduled backup, or when the data dir was created (none is due before that).
 */
export function nextBackupDue(since: number, now: number, time: string, timeZone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const today = dayjs(now).tz(timeZone);
  const at = (day: dayjs.Dayjs) => dayjs.tz(`${day.format('YYYY-MM-DD')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, timeZone).valueOf();
  let latest = at(today);
  if (latest > now) latest = at(today.subtract(1, 'day'));
  if (since < latest) return now;
  return at(dayjs(latest).tz(timeZone).add(1, 'day'));
}

/** The weekly full check (issue 8): due a week after the last full check, whatever made it (a backup includes one). */
export const FULL_CHECK_EVERY_MS = 7 * 86_400_000;

export function nextFullCheckDue(lastFullCheck: number): number {
  return lastFullCheck + FULL_CHECK_EVERY_MS;
}

export interface DueSchedulerDeps {
  clock: Clock;
  /** When the work is next due (now or earlier: run at the next wake); null: not scheduled. Read on each wake. */
  due(): number | null;
  isLeaseHolder(): boolean;
  run(): Promise<void>;
  /** For the log line when a run fails ("scheduled backup", "weekly check"). */
  what: string;
  log(line: string): void;
}

export interface DueScheduler {
  nextDueAt(): number | null;
  wake(): void;
  stop(): void;
}

/** Runs `run` when `due()` says, in the lease holder only; scheduled backups and the weekly check. */
export function createDueScheduler(deps: DueSchedulerDeps): DueScheduler {
  let timer: unknown = null;
  let stopped = false;
  let running = false;
  const due = deps.due;

  /** `soon`: a due backup may run at once; after a wake that could not run it, look again in 30 s. */
  const arm = (soon = true) => {
    if (stopped) return;
    deps.clock.clearTimeout(timer);
    let wait = MAX_WAIT_MS;
    try {
      const next = due();
      const now = deps.clock.now();
      if (next !== null && (next > now || soon)) wait = Math.min(MAX_WAIT_MS, Math.max(0, next - now));
    } catch (err) {
      deps.log(`${deps.what} schedule could not be computed: ${(err as Error).message}`);
    }
    timer = deps.clock.setTimeout(() => void fire(), wait);
  };

  const fire = async () => {
    if (stopped || running) return;
    running = true;
    try {
      const next = due();
      if (next !== null && next <= deps.clock.now() && deps.isLeaseHolder()) await deps.run();
    } catch (err) {
      deps.log(`${deps.what} failed: ${(err as Error).message}`);
    } finally {
      running = false;
      arm(false);
    }
  };

  arm();
  return {
    nextDueAt: () => {
      try {
        return due();
      } catch {
        return null;
      }
    },
    wake: () => arm(true),
    stop() {
      stopped = true;
      deps.clock.clearTimeout(timer);
    },
  };
}
