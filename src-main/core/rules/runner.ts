// The rule runner: while this process holds the dispatcher lease, it runs each enabled rule's
// occurrences that came due since the rule's cursor (the last occurrence handled). Its timer is armed
// for min(next run, now + 30 s) and compares wall-clock time on every wake (DESIGN.md §7), so long
// waits, sleep and clock jumps neither fire a run early nor lose one. An occurrence found late runs
// within the grace window and is recorded as missed beyond it (catch-up.ts).
//
// Exactly once per contact per occurrence: in one IMMEDIATE transaction the runner checks it still
// holds the lease, records (rule, occurrence, contact) under a unique key, queues the message under a
// key derived from the same triple, and moves the cursor. A restart, a clock set back, or a second
// process finds the records and queues nothing more.
import { ApiError } from '../../../src-shared/api/errors';
import type { QuietHours } from '../../../src-shared/time/quiet-hours';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { Clock } from '../types';
import type { Lease } from '../dispatcher/lease';
import { nextRun, occurrencesBetween } from './cadence';
import { decideOccurrence } from './catch-up';
import type { RuleDelivery } from './delivery';
import type { RuleRecord, RuleRepository } from './repository';
import { ruleRunKey } from './run-key';
import type { createTargetQuery, LeapDayBirthday } from './target';
import { localDateText } from './wall-clock';

export const MAX_TIMER_MS = 30_000;
/** Occurrences handled per rule per pass; more (a long-closed app, a busy cron) continue on the next pass. */
const BATCH = 500;

export interface RunnerDeps {
  db: Db;
  repo: RuleRepository;
  targets: ReturnType<typeof createTargetQuery>;
  delivery: RuleDelivery;
  clock: Clock;
  bus: EventBus;
  lease: Lease;
  log: (line: string) => void;
  graceMs: () => number;
  quietHours: () => QuietHours;
  leapDay: () => LeapDayBirthday;
  /** Something was queued: the dispatcher should look. */
  wakeDispatcher: () => void;
}

export interface RunOutcome {
  occurrenceAt: number;
  recipients: number;
  queued: number;
  skipped: number;
  already: number;
}

export const scheduleOf = (r: Pick<RuleRecord, 'cadence' | 'time' | 'timeZone'>) => ({ cadence: r.cadence, time: r.time, timeZone: r.timeZone });

export function createRuleRunner(deps: RunnerDeps) {
  const { db, repo, clock, lease } = deps;
  let timer: unknown = null;
  let stopped = false;
  let started = false;
  let running = false;
  let again = false;
  /** The earliest time an occurrence held by quiet hours may run. */
  let waitUntil = Infinity;

  // Renews the heartbeat only if this process holds the lease (the dispatcher takes it; the runner
  // never takes it over, which would skip the dispatcher's reconciliation of a crashed holder's rows).
  const renew = db.prepare('update dispatcher_lease set heartbeat_at = max(heartbeat_at, ?) where id = 1 and holder_id = ?');
  function holdsLease(now: number): boolean {
    return renew.run(now, lease.holderId).changes > 0;
  }

  /**
   * Runs one occurrence for the contacts its target selects on its day. `scheduled`: only the lease
   * holder, and the cursor moves; `manual`: the operator's run now / send a missed run.
   */
  function runOccurrence(rule: RuleRecord, at: number, trigger: 'scheduled' | 'manual'): RunOutcome | null {
    const localDate = localDateText(at, rule.timeZone);
    const now = clock.now();
    try {
      return db.transaction((): RunOutcome | null => {
        if (trigger === 'scheduled' && !holdsLease(now)) return null;
        const ids = deps.targets.contactIds(rule.target, localDate, deps.leapDay());
        const done = repo.contactsDone(rule.id, at);
        const fresh = ids.filter((id) => !done.has(id));
        const result = fresh.length > 0 ? deps.delivery.enqueue(rule, fresh, localDate, (contactId) => ruleRunKey(rule.id, contactId, at)) : { queued: [], skipped: [] };
        for (const q of result.queued) repo.recordRun(rule.id, at, q.contactId, q.messageId, 'queued', null, now);
        for (const s of result.skipped) repo.recordRun(rule.id, at, s.contactId, null, 'skipped', s.reason, now);
        repo.saveOccurrence({
          ruleId: rule.id, at, localDate, outcome: 'ran', trigger, recipients: fresh.length,
          queued: result.queued.length, skipped: result.skipped.length, errorKey: null, errorParams: null,
        }, now);
        if (trigger === 'scheduled') repo.advanceCursor(rule.id, at);
        return { occurrenceAt: at, recipients: ids.length, queued: result.queued.length, skipped: result.skipped.length, already: ids.length - fresh.length };
      }).immediate();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Nothing could be sent (the template or the account is gone …): recorded, shown, not retried blindly.
      db.transaction(() => {
        repo.saveOccurrence({ ruleId: rule.id, at, localDate, outcome: 'failed', trigger, recipients: 0, queued: 0, skipped: 0, errorKey: err.key, errorParams: err.params ?? null }, now);
        if (trigger === 'scheduled') repo.advanceCursor(rule.id, at);
      }).immediate();
      if (trigger === 'manual') throw err;
      return { occurrenceAt: at, recipients: 0, queued: 0, skipped: 0, already: 0 };
    }
  }

  function recordMissed(rule: RuleRecord, at: number): void {
    const now = clock.now();
    db.transaction(() => {
      if (!holdsLease(now)) return;
      if (repo.occurrence(rule.id, at) === null) {
        repo.saveOccurrence({ ruleId: rule.id, at, localDate: localDateText(at, rule.timeZone), outcome: 'missed', trigger: 'scheduled', recipients: 0, queued: 0, skipped: 0, errorKey: null, errorParams: null }, now);
      }
      repo.advanceCursor(rule.id, at);
    }).immediate();
  }

  /** One pass: every enabled rule's due occurrences. Returns whether anything was handled. */
  function pass(): boolean {
    waitUntil = Infinity;
    // No rule, no write: a shop without rules never takes the write lock for them.
    const enabledRules = repo.enabled();
    if (enabledRules.length === 0) return false;
    if (!db.transaction(() => holdsLease(clock.now())).immediate()) return false;
    let handled = false;
    let queuedAny = false;
    for (const rule of enabledRules) {
      const now = clock.now();
      const due = occurrencesBetween(scheduleOf(rule), rule.cursorAt, now, BATCH);
      for (const at of due) {
        if (!holdsLease(clock.now())) return handled;
        const decision = decideOccurrence(at, clock.now(), deps.graceMs(), deps.quietHours());
        // Held by quiet hours: this and the rule's later occurrences wait (the cursor stays).
        if (decision.action === 'wait') {
          waitUntil = Math.min(waitUntil, decision.until);
          break;
        }
        if (decision.action === 'run') {
          const outcome = runOccurrence(rule, at, 'scheduled');
          if (outcome && outcome.queued > 0) queuedAny = true;
        } else {
          recordMissed(rule, at);
        }
        handled = true;
      }
      if (due.length >= BATCH) again = true;
    }
    if (handled) deps.bus.emit({ type: 'rules.changed' });
    if (queuedAny) deps.wakeDispatcher();
    return handled;
  }

  function arm(): void {
    if (stopped || !started) return;
    clock.clearTimeout(timer);
    let delay = MAX_TIMER_MS;
    try {
      const now = clock.now();
      if (waitUntil !== Infinity) delay = Math.min(delay, Math.max(0, waitUntil - now));
      for (const rule of repo.enabled()) {
        const next = nextRun(scheduleOf(rule), Math.max(rule.cursorAt, now - 1));
        if (next !== null) delay = Math.min(delay, Math.max(0, next - now));
      }
    } catch (err) {
      // The timer must be armed whatever happens, or no rule runs again.
      deps.log(`rule runner could not compute its next wake-up: ${(err as Error).message}`);
      delay = 1000;
    }
    timer = clock.setTimeout(() => tick(), again ? 0 : delay);
  }

  function tick(): void {
    if (stopped || !started) return;
    if (running) return;
    running = true;
    try {
      again = false;
      pass();
    } catch (err) {
      deps.log(`rule runner pass failed: ${(err as Error).stack ?? String(err)}`);
    } finally {
      running = false;
      arm();
    }
  }

  return {
    /** Starts firing (after the start-up check, with the dispatcher). */
    start(): void {
      if (stopped) return;
      started = true;
      wake();
    },
    /** A rule changed or another process wrote: look again now. */
    wake,
    tick,
    runOccurrence,
    stop(): void {
      stopped = true;
      clock.clearTimeout(timer);
    },
  };

  function wake(): void {
    if (stopped || !started) return;
    clock.clearTimeout(timer);
    timer = clock.setTimeout(() => tick(), 0);
  }
}

export type RuleRunner = ReturnType<typeof createRuleRunner>;
