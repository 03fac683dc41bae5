// The dispatcher: while this process holds the lease, it moves due scheduled rows to the queue,
// claims queued rows, hands them to their provider, and polls delivery reports. Its timer is armed
// for min(next due, now + 30 s) and compares wall-clock time on every wake (DESIGN.md §7), so long
// waits, sleep and clock jumps cannot make it fire early or never.
import type { AccountsService } from '../accounts/service';
import type { EventBus } from '../events/bus';
import type { MessageRepository, MessageRow } from '../outbox/repository';
import type { Transitioner } from '../outbox/transitions';
import type { OutgoingMessage, Provider, SendOutcome, StatusOutcome } from '../providers/types';
import { ApiError } from '../../../src-shared/api/errors';
import type { SettingsService } from '../settings/service';
import type { Clock } from '../types';
import type { Db } from '../db/client';
import type { Lease } from './lease';
import { retryDelayMs, statusPollDelayMs, MAX_SEND_ATTEMPTS } from './backoff';

export const MAX_TIMER_MS = 30_000;
const HEARTBEAT_MS = 10_000;
const CLAIM_BATCH = 50;
const STATUS_BATCH = 100;

export interface DispatcherDeps {
  db: Db;
  repo: MessageRepository;
  transitions: Transitioner;
  accounts: AccountsService;
  settings: SettingsService;
  bus: EventBus;
  clock: Clock;
  lease: Lease;
  log: (line: string) => void;
  random?: () => number;
}

export interface Dispatcher {
  /** Runs one pass now (or joins the one running) and re-arms the timer. */
  tick(): Promise<void>;
  /** Something changed (a new message, another process wrote): look again soon. */
  wake(): void;
  isActive(): boolean;
  stop(): Promise<void>;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { repo, transitions, accounts, settings, bus, clock, lease } = deps;
  const random = deps.random ?? Math.random;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let active = false;
  const touched = new Set<number>();
  const pauseStmt = deps.db.prepare('update accounts set paused_reason = ?, updated_at = ? where id = ? and paused_reason is null');
  const noReportStmt = deps.db.prepare(`update messages set next_action_at = null, status_checks = ?, error_code = 'no_report', error_key = 'errors.provider.noReport', updated_at = ? where id = ? and status = 'sent'`);
  const nextPollStmt = deps.db.prepare(`update messages set next_action_at = ?, status_checks = ?, updated_at = ? where id = ? and status = 'sent'`);
  const deferPollStmt = deps.db.prepare(`update messages set next_action_at = ? where id = ? and status = 'sent'`);

  /** Pauses an account with the reason (an i18n key) shown in its banner; the first reason stays. */
  function pauseAccount(accountId: number, key: string, now: number): void {
    if (pauseStmt.run(key, now, accountId).changes > 0) bus.emit({ type: 'accounts.changed' });
  }

  const problemPatch = (p: { code: string; key: string; params?: Record<string, string | number>; detail: string | null }) => ({
    error_code: p.code,
    error_key: p.key,
    error_params: p.params ? JSON.stringify(p.params) : null,
    error_detail: p.detail,
  });

  function reconcileOrphans(now: number): void {
    // A previous dispatcher died between marking rows `sending` and recording the provider's answer.
    // They may have reached the provider: never resend them automatically.
    for (const row of repo.orphanedSending()) {
      const moved = transitions.transition(row.id, 'sending', 'unknown', now,
        { next_action_at: null, final_at: now, error_code: 'interrupted', error_key: 'errors.provider.crashed', error_params: null, error_detail: null },
        { code: 'interrupted' });
      if (moved) touched.add(row.id);
    }
  }

  /** A definite refusal; also resolves a row a takeover had marked `unknown` meanwhile. */
  function failDefinitely(id: number, outcome: { code: string; key: string; params?: Record<string, string | number>; detail: string | null }, now: number): boolean {
    const patch = { ...problemPatch(outcome), final_at: now, next_action_at: null };
    const note = { code: outcome.code, detail: outcome.detail };
    return transitions.transition(id, 'sending', 'failed', now, patch, note) || transitions.transition(id, 'unknown', 'failed', now, patch, note);
  }

  function applySend(row: MessageRow, outcome: SendOutcome, now: number, accountId: number): void {
    let moved = false;
    switch (outcome.kind) {
      case 'accepted': {
        const patch = { provider_message_id: outcome.providerMessageId, sent_at: now, next_action_at: now + statusPollDelayMs(0), status_checks: 0, final_at: null };
        const note = { code: 'accepted', detail: outcome.providerMessageId };
        // If another dispatcher took the lease meanwhile and marked the row `unknown`, the provider's
        // answer still resolves it: it was accepted.
        moved = transitions.transition(row.id, 'sending', 'sent', now, patch, note) || transitions.transition(row.id, 'unknown', 'sent', now, patch, note);
        break;
      }
      case 'rejected':
        moved = failDefinitely(row.id, outcome, now);
        break;
      case 'account':
        moved = failDefinitely(row.id, outcome, now);
        pauseAccount(accountId, outcome.key, now);
        break;
      case 'no_credit':
        moved = transitions.transition(row.id, 'sending', 'queued', now, { ...problemPatch(outcome), next_action_at: now }, { code: outcome.code, detail: outcome.detail });
        pauseAccount(accountId, outcome.key, now);
        break;
      case 'retry':
        if (row.attempts >= MAX_SEND_ATTEMPTS) {
          moved = transitions.transition(row.id, 'sending', 'failed', now, { ...problemPatch(outcome), final_at: now, next_action_at: null }, { code: outcome.code, detail: outcome.detail });
        } else {
          const delay = Math.max(retryDelayMs(row.attempts, random), outcome.retryAfterMs ?? 0);
          moved = transitions.transition(row.id, 'sending', 'queued', now, { ...problemPatch(outcome), next_action_at: now + delay }, { code: outcome.code, detail: outcome.detail });
        }
        break;
      case 'unknown':
        moved = transitions.transition(row.id, 'sending', 'unknown', now, { ...problemPatch(outcome), final_at: now, next_action_at: null }, { code: outcome.code, detail: outcome.detail });
        break;
    }
    if (moved) touched.add(row.id);
  }

  /** The account's adapter; when it cannot be built (no adapter for it yet), the account is paused with the reason. */
  function providerOrPause(accountId: number): Provider | null {
    try {
      return accounts.provider(accountId);
    } catch (err) {
      const key = err instanceof ApiError ? err.key : 'errors.internal';
      pauseAccount(accountId, key, clock.now());
      deps.log(`account ${accountId} paused: ${key}`);
      return null;
    }
  }

  async function sendClaimed(rows: MessageRow[]): Promise<void> {
    const byAccount = new Map<number, MessageRow[]>();
    for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
    for (const [accountId, batch] of byAccount) {
      const outgoing: OutgoingMessage[] = batch.map((r) => ({
        messageId: r.id, idempotencyKey: r.idempotency_key, to: r.to_e164, text: r.text, segments: r.segments, encoding: r.encoding,
      }));
      const provider = providerOrPause(accountId);
      if (!provider) {
        // Nothing left this process: the rows go back to the queue and wait for the account.
        const now = clock.now();
        deps.db.transaction(() => {
          for (const row of batch) {
            if (transitions.transition(row.id, 'sending', 'queued', now, { next_action_at: now }, { code: 'account_unavailable' })) touched.add(row.id);
          }
        })();
        continue;
      }
      let outcomes: SendOutcome[];
      try {
        outcomes = await provider.send(outgoing);
      } catch (err) {
        // An unexpected failure after the request may have gone out: the honest answer is "unknown".
        deps.log(`provider send failed: ${(err as Error).message}`);
        outcomes = batch.map(() => ({ kind: 'unknown', code: 'exception', key: 'errors.provider.unknown', detail: null }));
      }
      const now = clock.now();
      deps.db.transaction(() => batch.forEach((row, i) => applySend(row, outcomes[i] ?? { kind: 'unknown', code: 'no_answer', key: 'errors.provider.unknown', detail: null }, now, accountId)))();
    }
  }

  function applyStatus(row: MessageRow, outcome: StatusOutcome, now: number, deadlineMs: number): void {
    if (outcome.state === 'delivered') {
      if (transitions.transition(row.id, 'sent', 'delivered', now, { delivered_at: outcome.at, final_at: now, next_action_at: null }, { code: 'delivered' })) touched.add(row.id);
      return;
    }
    if (outcome.state === 'failed' || outcome.state === 'expired') {
      if (transitions.transition(row.id, 'sent', outcome.state, now, { ...problemPatch(outcome), final_at: now, next_action_at: null }, { code: outcome.code, detail: outcome.detail })) touched.add(row.id);
      return;
    }
    const checks = row.status_checks + 1;
    const sentAt = row.sent_at ?? now;
    if (now - sentAt >= deadlineMs) {
      // No final report by the provider's deadline: it stays `sent`, flagged, and is never resent.
      noReportStmt.run(checks, now, row.id);
      touched.add(row.id);
      return;
    }
    nextPollStmt.run(Math.min(now + statusPollDelayMs(checks), sentAt + deadlineMs), checks, now, row.id);
  }

  async function pollStatuses(now: number): Promise<void> {
    const due = repo.dueStatusChecks(now, STATUS_BATCH);
    const byAccount = new Map<number, MessageRow[]>();
    for (const r of due) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
    for (const [accountId, batch] of byAccount) {
      const provider = providerOrPause(accountId);
      if (!provider) {
        const later = clock.now() + statusPollDelayMs(10);
        for (const row of batch) deferPollStmt.run(later, row.id);
        continue;
      }
      let outcomes: StatusOutcome[];
      try {
        outcomes = await provider.status(batch.map((r) => ({ providerMessageId: r.provider_message_id ?? '', to: r.to_e164, acceptedAt: r.sent_at ?? now })));
      } catch (err) {
        deps.log(`status query failed: ${(err as Error).message}`);
        outcomes = batch.map(() => ({ state: 'pending' }));
      }
      const at = clock.now();
      deps.db.transaction(() => batch.forEach((row, i) => applyStatus(row, outcomes[i] ?? { state: 'pending' }, at, provider.capabilities.reportDeadlineMs)))();
    }
  }

  async function pass(): Promise<void> {
    const now = clock.now();
    const { held, fresh } = lease.acquire(now);
    if (held !== active) {
      active = held;
      bus.emit({ type: 'dispatcher.changed' });
    }
    if (!held) return;
    if (fresh) reconcileOrphans(now);
    for (const id of repo.promoteScheduled(now)) touched.add(id);
    // After waiting on a provider, check the lease again before claiming or polling more: a holder
    // that stalled may have lost it meanwhile (and only the holder asks providers for reports).
    let waited = false;
    const stillHeld = () => !waited || lease.acquire(clock.now()).held;
    if (!settings.get('sending.paused')) {
      for (;;) {
        if (!stillHeld()) return;
        const claimed = repo.claimDue(clock.now(), CLAIM_BATCH, accounts.pausedAccountIds());
        if (claimed.length === 0) break;
        claimed.forEach((r) => touched.add(r.id));
        await sendClaimed(claimed);
        waited = true;
        if (stopped || claimed.length < CLAIM_BATCH) break;
      }
    }
    if (!stillHeld()) return;
    await pollStatuses(clock.now());
  }

  function arm(): void {
    if (stopped) return;
    clock.clearTimeout(timer);
    let delay: number = MAX_TIMER_MS;
    try {
      const next = active ? repo.nextDueAt({ queued: settings.get('sending.paused'), pausedAccountIds: accounts.pausedAccountIds() }) : null;
      if (next !== null) delay = Math.max(0, next - clock.now());
    } catch (err) {
      // The timer must be armed whatever happens (e.g. the database is busy): otherwise nothing is sent again.
      deps.log(`dispatcher could not compute its next wake-up: ${(err as Error).message}`);
      delay = 1000;
    }
    delay = Math.min(delay, active ? HEARTBEAT_MS : 5000, MAX_TIMER_MS);
    timer = clock.setTimeout(() => void tick(), delay);
  }

  function flushTouched(): void {
    if (touched.size === 0) return;
    const ids = [...touched];
    touched.clear();
    bus.emit({ type: 'messages.changed', ids, source: 'local' });
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
          flushTouched();
        } while (again && !stopped);
      } catch (err) {
        deps.log(`dispatcher pass failed: ${(err as Error).stack ?? String(err)}`);
        flushTouched();
      } finally {
        running = null;
        arm();
      }
    })();
    return running;
  }

  return {
    tick,
    wake() {
      if (stopped) return;
      clock.clearTimeout(timer);
      timer = clock.setTimeout(() => void tick(), 0);
    },
    isActive: () => active,
    async stop() {
      stopped = true;
      clock.clearTimeout(timer);
      if (running) await running;
      if (active) lease.release();
      active = false;
    },
  };
}
