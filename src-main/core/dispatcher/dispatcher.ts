// The dispatcher: while this process holds the lease, it moves due scheduled rows to the queue,
// claims queued rows, hands them to their provider, polls delivery reports and resolves `unknown`
// rows. Its timer is armed for min(next due, now + 30 s) and compares wall-clock time on every wake
// (DESIGN.md §7), so long waits, sleep and clock jumps cannot make it fire early or never.
//
// Sending keeps up to `concurrency` requests in flight per account, at most `rate` messages per
// second, and claims only as many rows as it can hand to a request at once, so a row spends as little
// time as possible in `sending` before its request goes out. Answers are recorded in one transaction
// per wake-up of the loop (group commit), which is what lets a small PC keep many requests going.
import type { AccountsService } from '../accounts/service';
import type { EventBus } from '../events/bus';
import type { MessageRepository, MessageRow } from '../outbox/repository';
import type { Transitioner } from '../outbox/transitions';
import type { OutgoingMessage, Provider, SendOutcome, StatusOutcome } from '../providers/types';
import { ApiError } from '../../../src-shared/api/errors';
import type { QuietHours } from '../../../src-shared/time/quiet-hours';
import type { ProviderName } from '../../../src-shared/api/schemas';
import type { SettingsService } from '../settings/service';
import type { Clock } from '../types';
import type { Db } from '../db/client';
import { createClaimer, nobodyOptedOut, type ClaimedRow, type ClaimPolicy, type OptedOut } from '../outbox/claim';
import { classifyTransportFailure, isProviderRetryable, planRetry, type RetrySettings } from '../outbox/retry-policy';
import type { Lease } from './lease';
import { statusPollDelayMs } from './backoff';
import { createBalanceKeeper, NO_CREDIT_REASON, type BalanceKeeper } from './balance';
import { RateLimiter } from './rate-limiter';
import type { CatchUpRunner } from '../scheduler/catch-up-runner';
import { createWakeWatch } from '../scheduler/wake-watch';

export const MAX_TIMER_MS = 30_000;
const HEARTBEAT_MS = 10_000;
const STATUS_BATCH = 100;
/** An answer waits at most about this long for the next claim's commit before it is committed alone. */
const ANSWER_WAIT_MS = 20;
const DEFAULT_CONCURRENCY = 4;
/**
 * Per-account limits where the adapter states none (providers.md): TwSMS's platform takes 40–50
 * requests a second in all, so one shop keeps to 10; Mitake allows 15 connections per account.
 * An account's own rate_per_second / concurrency columns override these.
 */
const PROVIDER_LIMITS: Partial<Record<ProviderName, { ratePerSecond?: number; concurrency?: number }>> = {
  twsms: { ratePerSecond: 10, concurrency: 4 },
  mitake: { concurrency: 4 },
  every8d: { ratePerSecond: 10, concurrency: 2 },
  twilio: { concurrency: 4 },
};
const DEFAULT_MAX_BATCH = 100;
/** Status queries for an `unknown` row that themselves fail, before it is left to the operator. */
const MAX_UNKNOWN_CHECKS = 12;

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
  /** Numbers that opted out (contacts); by default nobody. */
  optedOut?: OptedOut;
  balances?: BalanceKeeper;
  /** Overdue timed messages after a closed app, a sleep or a clock jump (issue 7); none without it. */
  catchUp?: CatchUpRunner;
}

export interface Dispatcher {
  /** Runs one pass now (or joins the one running) and re-arms the timer. */
  tick(): Promise<void>;
  /** Something changed (a new message, another process wrote): look again soon. */
  wake(): void;
  isActive(): boolean;
  stop(): Promise<void>;
}

interface AccountFlow {
  /** The adapter and limits as last read (again after a second or when the adapter changes). */
  provider: Provider;
  checkedAt: number;
  inflight: number;
  concurrency: number;
  maxBatch: number;
  limiter: RateLimiter;
}

type Problem = { code: string; key: string; params?: Record<string, string | number>; detail: string | null };

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { db, repo, transitions, accounts, settings, bus, clock, lease } = deps;
  const random = deps.random ?? Math.random;
  const optedOut = deps.optedOut ?? nobodyOptedOut;
  const claimer = createClaimer(db, transitions);
  const balances = deps.balances ?? createBalanceKeeper(db, accounts, bus, clock, deps.log);
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let active = false;
  const touched = new Set<number>();
  // Lost time (sleep, clock jump) seen by a timer wake: overdue timed messages go through catch-up.
  const wakeWatch = createWakeWatch(clock);
  let lostTime = false;
  /** Accepted and refused by providers during this pass (the "batch" notification). */
  const batch = { accepted: 0, failed: 0 };
  const flows = new Map<number, AccountFlow>();
  const pauseStmt = db.prepare('update accounts set paused_reason = ?, updated_at = ? where id = ? and paused_reason is null');
  const limitsStmt = db.prepare<[number], { rate_per_second: number | null; concurrency: number | null }>('select rate_per_second, concurrency from accounts where id = ?');
  const noReportStmt = db.prepare(`update messages set next_action_at = null, status_checks = ?, error_code = 'no_report', error_key = 'errors.provider.noReport', updated_at = ? where id = ? and status = 'sent'`);
  const nextPollStmt = db.prepare(`update messages set next_action_at = ?, status_checks = ?, updated_at = ? where id = ? and status = ?`);
  const deferPollStmt = db.prepare(`update messages set next_action_at = ? where id = ? and status = ?`);

  /** Pauses an account with the reason (an i18n key) shown in its banner; the first reason stays. */
  function pauseAccount(accountId: number, key: string, now: number): void {
    if (pauseStmt.run(key, now, accountId).changes > 0) bus.emit({ type: 'accounts.changed' });
  }

  const problemPatch = (p: Problem) => ({
    error_code: p.code,
    error_key: p.key,
    error_params: p.params ? JSON.stringify(p.params) : null,
    error_detail: p.detail,
  });

  function quietHours(): QuietHours {
    return {
      enabled: settings.get('sending.quietHours.enabled'),
      start: settings.get('sending.quietHours.start'),
      end: settings.get('sending.quietHours.end'),
      timeZone: settings.get('shop.timeZone') as string,
    };
  }

  function retrySettings(): RetrySettings {
    return {
      maxAttempts: settings.get('sending.maxAttempts'),
      baseMs: settings.get('sending.retryBaseMs'),
      capMs: settings.get('sending.retryCapMs'),
      quietHours: quietHours(),
      quietRetryFails: settings.get('sending.quietHours.retryFails'),
    };
  }

  // Settings are read at most once a second while sending (reading the OS zone is not free).
  // Another process's change arrives as an event too (the data_version watcher), which drops the cache.
  let policyCache: { at: number; claim: ClaimPolicy; retry: RetrySettings; paused: boolean; pausedAccounts: number[] } | null = null;
  const policies = () => {
    const now = clock.now();
    if (!policyCache || now - policyCache.at >= 1000 || now < policyCache.at) {
      policyCache = {
        at: now,
        claim: { region: settings.get('shop.region'), quietHours: quietHours(), frequencyCap: settings.get('sending.frequencyCap'), optedOut },
        retry: retrySettings(),
        paused: settings.get('sending.paused'),
        pausedAccounts: accounts.pausedAccountIds(),
      };
    }
    return policyCache;
  };
  const claimPolicy = () => policies().claim;
  bus.subscribe((e) => {
    if (e.type === 'settings.changed' || e.type === 'accounts.changed') policyCache = null;
  });

  /**
   * An `unknown` row can be settled without the operator: by the status query when we have the
   * provider's id, or by sending again under the same key where the provider drops duplicates of it
   * (Mitake's clientid) — the provider's duplicate guard, not a blind resend.
   */
  const canResolve = (provider: Provider | null, row: ClaimedRow) => row.provider_message_id !== null || (provider?.capabilities.idempotencyKey ?? false);

  function providerQuietly(accountId: number): Provider | null {
    try {
      return accounts.provider(accountId);
    } catch {
      return null;
    }
  }

  function reconcileOrphans(now: number): void {
    // A previous dispatcher died between marking rows `sending` and recording the provider's answer.
    // They may have reached the provider: never resend them blindly; ask the provider where it can tell.
    for (const row of repo.orphanedSending()) {
      const lookUp = canResolve(providerQuietly(row.account_id), row);
      const moved = transitions.transition(row.id, 'sending', 'unknown', now,
        { next_action_at: lookUp ? now : null, final_at: now, status_checks: 0, error_code: 'interrupted', error_key: 'errors.provider.crashed', error_params: null, error_detail: null },
        { code: 'interrupted' });
      if (moved) touched.add(row.id);
    }
  }

  /** A definite refusal; also resolves a row a takeover had marked `unknown` meanwhile. */
  function failDefinitely(id: number, outcome: Problem, now: number): boolean {
    const patch = { ...problemPatch(outcome), final_at: now, next_action_at: null };
    const note = { code: outcome.code, detail: outcome.detail };
    return transitions.transition(id, 'sending', 'failed', now, patch, note) || transitions.transition(id, 'unknown', 'failed', now, patch, note);
  }

  function applyRetry(row: ClaimedRow, outcome: Problem & { retryAfterMs?: number }, now: number): boolean {
    const plan = planRetry(row.attempts, outcome.retryAfterMs, now, policies().retry, random);
    const note = { code: outcome.code, detail: outcome.detail };
    if (plan.action === 'fail') {
      const patch = plan.reason === 'quiet_hours'
        ? { ...problemPatch({ code: 'quiet_hours', key: 'sending.retry.quietHours', detail: outcome.detail }), final_at: now, next_action_at: null }
        : { ...problemPatch({ ...outcome, key: 'sending.retry.exhausted', params: { attempts: row.attempts } }), final_at: now, next_action_at: null };
      return transitions.transition(row.id, 'sending', 'failed', now, patch, note);
    }
    return transitions.transition(row.id, 'sending', 'queued', now, { ...problemPatch(outcome), next_action_at: plan.at }, note);
  }

  function applySend(row: ClaimedRow, outcome: SendOutcome, now: number, accountId: number, provider: Provider): void {
    let moved = false;
    switch (outcome.kind) {
      case 'accepted': {
        const patch = { provider_message_id: outcome.providerMessageId, sent_at: now, next_action_at: now + statusPollDelayMs(0), status_checks: 0, final_at: null };
        const note = { code: 'accepted', detail: outcome.providerMessageId };
        // If another dispatcher took the lease meanwhile and marked the row `unknown`, the provider's
        // answer still resolves it: it was accepted.
        moved = transitions.transition(row.id, 'sending', 'sent', now, patch, note) || transitions.transition(row.id, 'unknown', 'sent', now, patch, note);
        if (moved) batch.accepted++;
        break;
      }
      case 'rejected':
        // A provider's documented "please send again" is a refusal before acceptance: retry it.
        if (isProviderRetryable(provider.name, outcome.code)) moved = applyRetry(row, outcome, now);
        else if ((moved = failDefinitely(row.id, outcome, now))) batch.failed++;
        break;
      case 'account':
        moved = failDefinitely(row.id, outcome, now);
        pauseAccount(accountId, outcome.key, now);
        break;
      case 'no_credit':
        // Nothing was sent: back to the queue, the account waits for credit (or the operator).
        moved = transitions.transition(row.id, 'sending', 'queued', now, { ...problemPatch(outcome), next_action_at: now }, { code: outcome.code, detail: outcome.detail });
        pauseAccount(accountId, NO_CREDIT_REASON, now);
        balances.record(accountId, 0, null, now);
        break;
      case 'retry':
        moved = applyRetry(row, outcome, now);
        break;
      case 'unknown':
        moved = transitions.transition(row.id, 'sending', 'unknown', now,
          { ...problemPatch(outcome), final_at: now, status_checks: 0, next_action_at: canResolve(provider, row) ? now + statusPollDelayMs(0) : null },
          { code: outcome.code, detail: outcome.detail });
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

  function flowFor(accountId: number, provider: Provider): AccountFlow {
    const cached = flows.get(accountId);
    if (cached && cached.provider === provider && clock.now() - cached.checkedAt < 1000) return cached;
    const limits = limitsStmt.get(accountId);
    const known = PROVIDER_LIMITS[provider.name];
    const concurrency = Math.max(1, limits?.concurrency ?? provider.capabilities.defaultConcurrency ?? known?.concurrency ?? DEFAULT_CONCURRENCY);
    const rate = limits?.rate_per_second ?? provider.capabilities.defaultRatePerSecond ?? known?.ratePerSecond ?? null;
    const batches = provider.capabilities.multiRecipient || provider.capabilities.mixedTexts;
    const maxBatch = batches ? Math.max(1, provider.capabilities.maxRecipientsPerRequest ?? DEFAULT_MAX_BATCH) : 1;
    let flow = flows.get(accountId);
    if (!flow) {
      flow = { inflight: 0, concurrency, maxBatch, limiter: new RateLimiter(rate, clock.now()), provider, checkedAt: clock.now() };
      flows.set(accountId, flow);
    } else {
      flow.concurrency = concurrency;
      flow.maxBatch = maxBatch;
      flow.provider = provider;
      flow.checkedAt = clock.now();
      if (!flow.limiter.sameRate(rate)) flow.limiter = new RateLimiter(rate, clock.now());
    }
    return flow;
  }

  /**
   * One request per text: a multi-recipient request carries one text to many numbers. A provider with
   * bulk requests of mixed texts takes the rows as they come, up to its batch size.
   */
  function requestsOf(rows: ClaimedRow[], maxBatch: number, mixedTexts: boolean): ClaimedRow[][] {
    if (maxBatch <= 1) return rows.map((r) => [r]);
    if (mixedTexts) return Array.from({ length: Math.ceil(rows.length / maxBatch) }, (_, i) => rows.slice(i * maxBatch, (i + 1) * maxBatch));
    const byText = new Map<string, ClaimedRow[][]>();
    for (const r of rows) {
      const groups = byText.get(r.text) ?? [];
      const last = groups[groups.length - 1];
      if (last && last.length < maxBatch) last.push(r);
      else groups.push([r]);
      byText.set(r.text, groups);
    }
    return [...byText.values()].flat();
  }

  const wasUnknownStmt = db.prepare<[number], { n: number }>(`select count(*) as n from message_events where message_id = ? and to_status = 'unknown'`);
  const statusStmt = db.prepare<[number], { status: string }>('select status from messages where id = ?');
  /** This message (or the one it re-sends) may already be at the provider: its duplicate guard should apply. */
  function afterUnknown(row: ClaimedRow): boolean {
    if (row.resend_of !== null && statusStmt.get(row.resend_of)?.status === 'unknown') return true;
    return row.attempts > 1 && (wasUnknownStmt.get(row.id)?.n ?? 0) > 0;
  }

  /**
   * Waits for the next answer, then lets every other answer already back (those the same turn of the
   * event loop delivers) arrive too: a freed slot is refilled at once, never left to wait for others,
   * and answers that come back together still share one claim's commit.
   */
  const nextAnswer = async (inflight: Set<Promise<void>>) => {
    await Promise.race(inflight);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

  async function sendLoop(): Promise<void> {
    const inflight = new Set<Promise<void>>();
    const answers: (() => void)[] = [];
    // Every answer that came back is recorded in one transaction before the next claim.
    const recordAnswers = () => {
      if (answers.length > 0) db.transaction(() => answers.splice(0).forEach((f) => f()))();
    };
    /** When the oldest answer not yet recorded arrived. */
    let answersSince = Infinity;
    const arrivedAnswer = () => {
      if (answers.length === 1) answersSince = clock.now();
    };
    let heartbeatAt = clock.now();
    const skipped = new Set<number>();
    try {
      for (;;) {
        if (stopped || policies().paused) break;
        const now = clock.now();
        if (now - heartbeatAt >= HEARTBEAT_MS) {
          if (!lease.acquire(now).held) break;
          heartbeatAt = now;
        }
        const exclude = new Set([...policies().pausedAccounts, ...skipped]);
        let soonest: number | null = null;
        for (const [id, flow] of flows) {
          if (flow.inflight >= flow.concurrency) exclude.add(id);
          else {
            const wait = flow.limiter.waitMs(now);
            if (wait > 0) {
              exclude.add(id);
              soonest = soonest === null ? now + wait : Math.min(soonest, now + wait);
            }
          }
        }
        const accountId = claimer.nextAccount(now, exclude);
        if (accountId === null) {
          recordAnswers();
          if (inflight.size > 0) await nextAnswer(inflight);
          else if (soonest !== null) await sleep(soonest - now);
          else break;
          continue;
        }
        const known = flows.get(accountId);
        const provider = known && now - known.checkedAt < 1000 ? known.provider : providerOrPause(accountId);
        if (!provider) continue;
        const flow = flowFor(accountId, provider);
        const free = flow.concurrency - flow.inflight;
        // Every free slot is refilled as soon as it frees (a slot left waiting for others is lost
        // sending time); the answers that freed it are recorded in the same commit as the claim.
        if (free <= 0) {
          // Answers ride on the next claim's commit, unless they have waited a while already.
          if (inflight.size === 0 || now - answersSince >= ANSWER_WAIT_MS) recordAnswers();
          if (inflight.size > 0) await nextAnswer(inflight);
          continue;
        }
        const limit = Math.max(1, Math.min(free * flow.maxBatch, flow.limiter.available(now)));
        const arrived = answers.splice(0);
        let result;
        try {
          result = claimer.claim(lease.holderId, accountId, now, limit, claimPolicy(), () => arrived.forEach((f) => f()));
        } catch (err) {
          // Rolled back: the answers are recorded by the next commit instead.
          answers.unshift(...arrived);
          throw err;
        }
        result.touched.forEach((id) => touched.add(id));
        if (result.lost) break;
        if (result.claimed.length === 0) {
          // Nothing taken and nothing changed: the account was paused meanwhile. Leave it for this pass.
          if (result.touched.length === 0) {
            skipped.add(accountId);
            policyCache = null;
          }
          continue;
        }
        for (const request of requestsOf(result.claimed, flow.maxBatch, flow.provider.capabilities.mixedTexts === true)) {
          request.forEach((r) => touched.add(r.id));
          flow.limiter.take(request.length, now);
          flow.inflight++;
          const p: Promise<void> = sendRequest(provider, accountId, request, answers).then(arrivedAnswer).finally(() => {
            flow.inflight--;
            inflight.delete(p);
          });
          inflight.add(p);
        }
      }
    } finally {
      await Promise.allSettled(inflight);
      recordAnswers();
    }
  }

  async function sendRequest(provider: Provider, accountId: number, rows: ClaimedRow[], answers: (() => void)[]): Promise<void> {
    const outgoing: OutgoingMessage[] = rows.map((r) => ({
      messageId: r.id, idempotencyKey: r.idempotency_key, to: r.to_e164, text: r.text, segments: r.segments, encoding: r.encoding,
      ...(afterUnknown(r) ? { previousAttemptUnknown: true } : {}),
    }));
    let outcomes: SendOutcome[];
    try {
      outcomes = await provider.send(outgoing);
    } catch (err) {
      // An adapter let a transport error through: the same table decides whether it may be retried.
      deps.log(`provider send threw: ${(err as Error).message}`);
      const outcome = classifyTransportFailure({ error: err });
      outcomes = rows.map(() => outcome);
    }
    const at = clock.now();
    balances.noteSent(accountId);
    answers.push(() => rows.forEach((row, i) => applySend(row, outcomes[i] ?? { kind: 'unknown', code: 'no_answer', key: 'errors.provider.unknown', detail: null }, at, accountId, provider)));
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
    nextPollStmt.run(Math.min(now + statusPollDelayMs(checks), sentAt + deadlineMs), checks, now, row.id, 'sent');
  }

  /** What the provider says about a message we never heard back about. */
  function applyUnknown(row: MessageRow, outcome: StatusOutcome | null, now: number, provider: Provider): void {
    const note = (code: string, detail: string | null = null) => ({ code, detail });
    let moved = false;
    if (outcome === null) {
      // The query itself failed: ask again later, a bounded number of times, then leave it to the operator.
      const checks = row.status_checks + 1;
      nextPollStmt.run(checks >= MAX_UNKNOWN_CHECKS ? null : now + statusPollDelayMs(checks + 2), checks, now, row.id, 'unknown');
      return;
    }
    switch (outcome.state) {
      case 'delivered':
        moved = transitions.transition(row.id, 'unknown', 'delivered', now, { delivered_at: outcome.at, sent_at: row.sent_at ?? row.updated_at, final_at: now, next_action_at: null, error_code: null, error_key: null, error_params: null, error_detail: null }, note('resolved_delivered'));
        break;
      case 'failed':
      case 'expired':
        moved = transitions.transition(row.id, 'unknown', outcome.state, now, { ...problemPatch(outcome), final_at: now, next_action_at: null }, note(outcome.code, outcome.detail));
        break;
      case 'pending':
        // The provider holds it: it was accepted; follow its delivery report like any sent message.
        moved = transitions.transition(row.id, 'unknown', 'sent', now, { sent_at: row.sent_at ?? row.updated_at, final_at: null, status_checks: 0, next_action_at: now + statusPollDelayMs(0), error_code: null, error_key: null, error_params: null, error_detail: null }, note('resolved_accepted'));
        break;
      case 'not_found':
        if (provider.capabilities.idempotencyKey) {
          // It never arrived. Sending again under the same key is safe: the provider drops duplicates.
          moved = transitions.transition(row.id, 'unknown', 'queued', now, { final_at: null, next_action_at: now, error_code: null, error_key: null, error_params: null, error_detail: null }, note('resolved_not_found'));
        } else {
          nextPollStmt.run(null, row.status_checks + 1, now, row.id, 'unknown');
          moved = true;
        }
        break;
    }
    if (moved) touched.add(row.id);
  }

  async function pollStatuses(now: number): Promise<void> {
    for (const status of ['sent', 'unknown'] as const) {
      const due = status === 'sent' ? repo.dueStatusChecks(now, STATUS_BATCH) : repo.dueUnknownChecks(now, STATUS_BATCH);
      const byAccount = new Map<number, MessageRow[]>();
      for (const r of due) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
      for (const [accountId, due] of byAccount) {
        let batch = due;
        const provider = providerOrPause(accountId);
        if (!provider) {
          const later = clock.now() + statusPollDelayMs(10);
          for (const row of batch) deferPollStmt.run(later, row.id, status);
          continue;
        }
        if (status === 'unknown') {
          // No provider id: only the duplicate guard can settle it (send again under the same key).
          const keyed = batch.filter((r) => r.provider_message_id === null);
          const at = clock.now();
          db.transaction(() => keyed.forEach((row) => {
            const moved = provider.capabilities.idempotencyKey
              ? transitions.transition(row.id, 'unknown', 'queued', at, { final_at: null, next_action_at: at, error_code: null, error_key: null, error_params: null, error_detail: null }, { code: 'resend_same_key', detail: row.idempotency_key })
              : nextPollStmt.run(null, row.status_checks, at, row.id, 'unknown').changes > 0;
            if (moved) touched.add(row.id);
          }))();
          batch = batch.filter((r) => r.provider_message_id !== null);
          if (batch.length === 0) continue;
        }
        let outcomes: (StatusOutcome | null)[];
        try {
          outcomes = await provider.status(batch.map((r) => ({ providerMessageId: r.provider_message_id ?? '', idempotencyKey: r.idempotency_key, to: r.to_e164, acceptedAt: r.sent_at ?? r.updated_at })));
        } catch (err) {
          deps.log(`status query did not answer: ${(err as Error).message}`);
          outcomes = batch.map(() => null);
        }
        const at = clock.now();
        db.transaction(() => batch.forEach((row, i) => {
          const outcome = outcomes[i] ?? null;
          if (status === 'sent') applyStatus(row, outcome ?? { state: 'pending' }, at, provider.capabilities.reportDeadlineMs);
          else applyUnknown(row, outcome, at, provider);
        }))();
      }
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
    // Nobody sent while the lease was free (the app was closed) or while time was lost: what is
    // overdue by then follows the catch-up policy before anything due is promoted.
    if ((fresh || lostTime) && deps.catchUp) {
      lostTime = false;
      const caught = deps.catchUp.run(now);
      const changed = [...caught.sent, ...caught.waiting, ...caught.missed];
      changed.forEach((id) => touched.add(id));
      if (changed.length > 0) deps.log(`catch-up: ${caught.sent.length} sent late, ${caught.waiting.length} wait for the end of quiet hours, ${caught.missed.length} missed`);
      if (caught.missed.length > 0 || caught.waiting.length > 0) bus.emit({ type: 'scheduler.changed', missed: caught.missed });
    }
    for (const id of repo.promoteScheduled(now)) touched.add(id);
    batch.accepted = 0;
    batch.failed = 0;
    await sendLoop();
    if (batch.accepted > 0) bus.emit({ type: 'scheduler.batch', accepted: batch.accepted, failed: batch.failed });
    // After waiting on providers, check the lease again before polling: a holder that stalled may
    // have lost it meanwhile (and only the holder asks providers for reports).
    if (stopped || !lease.acquire(clock.now()).held) return;
    await pollStatuses(clock.now());
    if (stopped) return;
    await balances.refreshDue(clock.now());
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
    wakeWatch.armed(delay);
    timer = clock.setTimeout(() => {
      noteLostTime();
      void tick();
    }, delay);
  }

  /** Did the wall clock lose or gain time since the timer was armed? Then catch-up runs on the next pass. */
  function noteLostTime(): void {
    const lost = wakeWatch.woke();
    if (!lost) return;
    lostTime = true;
    deps.log(`timer wake shows lost time (${lost.kind}, ${Math.round(lost.ms / 1000)} s): overdue timed messages follow the catch-up policy`);
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
      // The armed timer is replaced: whatever it would have noticed about lost time is noticed now.
      noteLostTime();
      clock.clearTimeout(timer);
      wakeWatch.armed(0);
      timer = clock.setTimeout(() => {
        noteLostTime();
        void tick();
      }, 0);
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
