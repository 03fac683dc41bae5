// node-cron 4 as a parser and matcher only: it validates an expression and says whether a day and a
// time of day match it. Firing is ours (the rule runner's timer); no node-cron task is ever started.
// Matching runs on a task whose zone is UTC and is fed the wall-clock reading as if it were UTC, so
// the answer is about the wall clock of the rule's zone; daylight-saving gaps and repeated hours are
// then resolved by wall-clock.ts (node-cron itself would skip a run that falls in a gap).
import cron from 'node-cron';
import type { LocalDate } from './wall-clock';

// node-cron logs to the console by default; the CLI's stdout is for results and JSON.
cron.setLogger({ info() {}, warn() {}, error() {}, debug() {} });

export interface CronMatcher {
  /** Does this calendar day match (day of month, month, weekday)? */
  matchesDay(d: LocalDate): boolean;
  /** The times of day (hour, minute) the expression fires on a matching day, in order. */
  times: { hour: number; minute: number }[];
  /** The same expression in a real zone (for checks against node-cron's own computation). */
  inZone(timeZone: string): { getNextRuns(count: number): Date[]; match(date: Date): boolean; destroy(): void };
}

/** Why an expression is refused (an i18n key), or null when it is fine. Only 5-field (or second 0) expressions. */
export function cronProblem(expression: string): string | null {
  if (!cron.validate(expression)) return 'rules.errors.cronInvalid';
  const fields = cron.parse(expression);
  if (fields.second.length !== 1 || fields.second[0] !== 0) return 'rules.errors.cronSeconds';
  return null;
}

export function cronMatcher(expression: string): CronMatcher {
  const fields = cron.parse(expression);
  const hours = [...fields.hour].sort((a, b) => a - b);
  const minutes = [...fields.minute].sort((a, b) => a - b);
  const times = hours.flatMap((hour) => minutes.map((minute) => ({ hour, minute })));
  const first = times[0]!;
  const utcTask = cron.createTask(expression, () => undefined, { timezone: 'UTC' });
  // The task is only asked questions; it is never started, so it holds no timer. Remove it from
  // node-cron's registry at once (match keeps working on the object).
  void utcTask.destroy();
  return {
    times,
    matchesDay: (d) => utcTask.match(new Date(Date.UTC(d.year, d.month - 1, d.day, first.hour, first.minute, 0))),
    inZone(timeZone) {
      const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
      return { getNextRuns: (n) => task.getNextRuns(n), match: (date) => task.match(date), destroy: () => void task.destroy() };
    },
  };
}
