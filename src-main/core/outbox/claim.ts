// Claiming due messages for sending (DESIGN.md §5). In one BEGIN IMMEDIATE transaction, and only while
// this dispatcher holds the lease: the due rows of one account are read, checked again (number
// validity, opt-out, the per-recipient frequency cap → `blocked`; quiet hours → deferred, the row
// stays `queued` with its next time at the window's end), and the rest are marked `sending` with
// UPDATE … RETURNING and committed before any request goes out.
import type { Origin } from '../../../src-shared/api/schemas';
import { isMobileNumber } from '../../../src-shared/phone/parse';
import { checkQuietHours, type QuietHours } from '../../../src-shared/time/quiet-hours';
import type { Db } from '../db/client';
import type { MessageRow } from './repository';
import type { Transitioner } from './transitions';

const DAY_MS = 24 * 3600_000;

/** Who decides the numbers that said "no more messages" (contacts). Returns the opted-out subset. */
export type OptedOut = (e164s: string[]) => Set<string>;

/** The default until contacts exist: nobody has opted out. */
export const nobodyOptedOut: OptedOut = () => new Set();

/** Sent by the app on its own (not an operator's explicit send): quiet hours govern these. */
const AUTOMATIC_ORIGINS: readonly Origin[] = ['rule', 'api', 'catch-up'];

/** Quiet hours apply to automatic origins, to marketing, and to automatic retries (a row tried before). */
export function quietHoursApply(row: Pick<MessageRow, 'origin' | 'purpose' | 'attempts'>): boolean {
  return AUTOMATIC_ORIGINS.includes(row.origin) || row.purpose === 'marketing' || row.attempts > 0;
}

/** What reached (or may have reached) a number in the 24 h before now: in flight, accepted, or unknown. */
const RECENT = `(status = 'sending' or sent_at >= @since or (status = 'unknown' and updated_at >= @since))`;

/**
 * The frequency cap's count of messages per number in the 24 h before `now`. The claim and the
 * pre-send check (compose) both count with this: `count` per number, or `counter` for a whole send
 * (per number for a few, or — `numbers` null — one pass over the log for many).
 */
export function createRecentCount(db: Db) {
  const one = db.prepare<[{ e164: string; since: number }], { n: number }>(`select count(*) as n from messages where to_e164 = @e164 and ${RECENT}`);
  const all = db.prepare<[{ since: number }], { to_e164: string; n: number }>(`select to_e164, count(*) as n from messages where ${RECENT} group by to_e164`);
  const count = (e164: string, now: number): number => one.get({ e164, since: now - DAY_MS })?.n ?? 0;
  return {
    count,
    counter(now: number, numbers: readonly string[] | null): (e164: string) => number {
      if (numbers !== null) {
        const counts = new Map(numbers.map((n) => [n, count(n, now)]));
        return (e164) => counts.get(e164) ?? count(e164, now);
      }
      const counts = new Map(all.all({ since: now - DAY_MS }).map((r) => [r.to_e164, r.n]));
      return (e164) => counts.get(e164) ?? 0;
    },
  };
}

/** What the claim's checks and the dispatcher's request read of a row; the claim returns these. */
const CLAIMED_FIELDS = ['id', 'account_id', 'idempotency_key', 'to_e164', 'text', 'segments', 'encoding', 'status', 'origin', 'purpose',
  'attempts', 'resend_of', 'provider_message_id', 'next_action_at', 'updated_at'] as const satisfies readonly (keyof MessageRow)[];
const CLAIMED_COLUMNS = CLAIMED_FIELDS.join(', ');
export type ClaimedRow = Pick<MessageRow, (typeof CLAIMED_FIELDS)[number]>;

export interface ClaimPolicy {
  region: string;
  quietHours: QuietHours;
  /** Max messages per number per 24 h; 0 = no cap. */
  frequencyCap: number;
  optedOut: OptedOut;
}

export interface ClaimResult {
  claimed: ClaimedRow[];
  /** Rows that changed without being claimed (blocked, deferred), for the change events. */
  touched: number[];
  /** This dispatcher no longer holds the lease: it must stop sending. */
  lost?: boolean;
}

export function createClaimer(db: Db, transitions: Transitioner) {
  const pausedStmt = db.prepare<[number], { paused_reason: string | null }>('select paused_reason from accounts where id = ?');
  const holderStmt = db.prepare<[], { holder_id: string }>('select holder_id from dispatcher_lease where id = 1');
  const nextAccountBase = `select account_id from messages where status = 'queued' and next_action_at <= ?`;
  // Only what the checks and the request need: turning a whole row (30-odd columns) into an object
  // cost more than the rest of the claim.
  const candidatesStmt = db.prepare<[number, number, number], ClaimedRow>(
    `select ${CLAIMED_COLUMNS} from messages where status = 'queued' and account_id = ? and next_action_at <= ? order by next_action_at, id limit ?`,
  );
  const deferStmt = db.prepare(`update messages set next_action_at = ?, updated_at = ? where id = ? and status = 'queued'`);
  const recent = createRecentCount(db);

  const nextAccountStmts = new Map<string, ReturnType<Db['prepare']>>();
  const claimStmt = db.prepare<[number, string], { id: number }>(`update messages set status = 'sending', attempts = attempts + 1, updated_at = ?, next_action_at = null
    where status = 'queued' and id in (select value from json_each(?)) returning id`);
  // The claim's event of every row taken, in one statement (the ids as a JSON array, in claim order).
  const claimEventsStmt = db.prepare<[number, string]>(`insert into message_events (message_id, at, from_status, to_status, code, detail)
    select m.id, ?, 'queued', 'sending', 'claimed', 'attempt ' || m.attempts from json_each(?) j join messages m on m.id = j.value order by j.key`);

  // Validity of a number does not change while the program runs: remember recent answers.
  const validity = new Map<string, boolean>();
  const isValidMobile = (e164: string, region: string): boolean => {
    let ok = validity.get(e164);
    if (ok === undefined) {
      ok = isMobileNumber(e164, region);
      if (validity.size >= 20_000) validity.clear();
      validity.set(e164, ok);
    }
    return ok;
  };

  /** The account of the earliest due queued row, leaving out the given accounts; null when none. */
  function nextAccount(now: number, exclude: Iterable<number>): number | null {
    const ids = [...exclude].map(Number).sort((a, b) => a - b);
    const key = ids.join(',');
    let stmt = nextAccountStmts.get(key);
    if (!stmt) {
      stmt = db.prepare(`${nextAccountBase} ${ids.length ? `and account_id not in (${key})` : ''} order by next_action_at, id limit 1`);
      if (nextAccountStmts.size > 64) nextAccountStmts.clear();
      nextAccountStmts.set(key, stmt);
    }
    return (stmt.get(now) as { account_id: number } | undefined)?.account_id ?? null;
  }

  /** `before` runs first inside the same transaction (the dispatcher records answers there: one commit for both). */
  function claim(holderId: string, accountId: number, now: number, limit: number, policy: ClaimPolicy, before?: () => void): ClaimResult {
    return db.transaction((): ClaimResult => {
      before?.();
      // The lease is checked inside the same write transaction: a dispatcher that lost it claims nothing.
      if (holderStmt.get()?.holder_id !== holderId) return { claimed: [], touched: [], lost: true };
      // The answers just recorded may have paused the account (refused credentials, no credit).
      if (pausedStmt.get(accountId)?.paused_reason) return { claimed: [], touched: [] };
      const candidates = candidatesStmt.all(accountId, now, limit);
      if (candidates.length === 0) return { claimed: [], touched: [] };
      const optedOut = policy.optedOut([...new Set(candidates.map((c) => c.to_e164))]);
      const quiet = checkQuietHours(now, policy.quietHours);
      const inBatch = new Map<string, number>();
      const accepted: ClaimedRow[] = [];
      const touched: number[] = [];
      const block = (row: ClaimedRow, code: string, key: string, params?: Record<string, string | number>) => {
        const patch = { next_action_at: null, final_at: now, error_code: code, error_key: key, error_params: params ? JSON.stringify(params) : null, error_detail: null };
        if (transitions.transition(row.id, 'queued', 'blocked', now, patch, { code })) touched.push(row.id);
      };
      for (const row of candidates) {
        if (!isValidMobile(row.to_e164, policy.region)) {
          block(row, 'invalid_number', 'sending.blocked.invalidNumber');
          continue;
        }
        if (optedOut.has(row.to_e164)) {
          block(row, 'opted_out', 'sending.blocked.optedOut');
          continue;
        }
        if (quiet.inside && quietHoursApply(row)) {
          deferStmt.run(quiet.allowedAt, now, row.id);
          transitions.record(row.id, 'queued', 'queued', now, { code: 'quiet_hours', detail: new Date(quiet.allowedAt).toISOString() });
          touched.push(row.id);
          continue;
        }
        if (policy.frequencyCap > 0) {
          const sent = recent.count(row.to_e164, now) + (inBatch.get(row.to_e164) ?? 0);
          if (sent >= policy.frequencyCap) {
            block(row, 'frequency_cap', 'sending.blocked.frequencyCap', { max: policy.frequencyCap });
            continue;
          }
          inBatch.set(row.to_e164, (inBatch.get(row.to_e164) ?? 0) + 1);
        }
        accepted.push(row);
      }
      if (accepted.length === 0) return { claimed: [], touched };
      // The rows were read in this same write transaction; RETURNING says which the update took.
      const taken = new Set(claimStmt.all(now, JSON.stringify(accepted.map((r) => r.id))).map((r) => r.id));
      // In the order they were due (RETURNING promises none); as the update left them (read in this same transaction).
      const claimed: ClaimedRow[] = [];
      for (const r of accepted) {
        if (taken.has(r.id)) claimed.push({ ...r, status: 'sending', attempts: r.attempts + 1, updated_at: now, next_action_at: null });
      }
      if (claimed.length > 0) claimEventsStmt.run(now, JSON.stringify(claimed.map((r) => r.id)));
      return { claimed, touched };
    }).immediate();
  }

  return { nextAccount, claim };
}

export type Claimer = ReturnType<typeof createClaimer>;
