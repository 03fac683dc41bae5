// SQL over the messages table: inserting, claiming, finding due work, and reading the log.
import type { MessagePurpose, MessageStatus, MessageView, Origin, ProviderName } from '../../../src-shared/api/schemas';
import { toIso } from '../../../src-shared/time/zoned';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client';

export interface MessageRow {
  id: number;
  idempotency_key: string;
  account_id: number;
  to_e164: string;
  to_raw: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  status: MessageStatus;
  origin: Origin;
  memo: string | null;
  test_mode: number;
  scheduled_at: number | null;
  scheduled_tz: string | null;
  next_action_at: number | null;
  attempts: number;
  status_checks: number;
  provider_message_id: string | null;
  error_code: string | null;
  error_key: string | null;
  error_params: string | null;
  error_detail: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  delivered_at: number | null;
  final_at: number | null;
  purpose: MessagePurpose;
  resend_of: number | null;
  operator: string | null;
}

export interface NewMessage {
  idempotencyKey: string;
  accountId: number;
  toE164: string;
  toRaw: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  status: 'queued' | 'scheduled';
  origin: Origin;
  memo: string | null;
  testMode: boolean;
  scheduledAt: number | null;
  scheduledTz: string | null;
  nextActionAt: number;
  createdAt: number;
  purpose?: MessagePurpose;
  resendOf?: number | null;
  /** What it was made from (compose: the template and the contact; reminder rules: the rule). */
  templateId?: number | null;
  ruleId?: number | null;
  contactId?: number | null;
  /** The OS user of the process that enqueued it. */
  operator?: string | null;
}

type ViewRow = MessageRow & { account_name: string; provider: ProviderName };

/** Statuses the dispatcher acts on by time; each such row has a next_action_at. */
export const TIMED_STATUSES = ['scheduled', 'queued', 'sent', 'unknown'] as const;

export function createMessageRepository(db: Db) {
  // Positional parameters: binding by name costs more than the rest of a row's insert in a bulk enqueue.
  // Many rows per statement (each statement also rewrites the AUTOINCREMENT counter and crosses into
  // the native module once): full chunks share one prepared statement, the rest one of its size.
  const COLUMNS = `idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status,
    origin, memo, test_mode, scheduled_at, scheduled_tz, next_action_at, created_at, updated_at, purpose, resend_of, template_id, rule_id, contact_id, operator`;
  const PER_ROW = 22;
  const CHUNK = 100;
  const insertStmts = new Map<number, Statement<unknown[], number>>();
  const insertOf = (rows: number) => {
    let stmt = insertStmts.get(rows);
    if (!stmt) {
      const values = Array.from({ length: rows }, () => `(${Array.from({ length: PER_ROW }, () => '?').join(', ')})`).join(', ');
      stmt = db.prepare<unknown[], number>(`insert into messages (${COLUMNS}) values ${values} returning id`).pluck();
      if (insertStmts.size > 8) insertStmts.clear();
      insertStmts.set(rows, stmt);
    }
    return stmt;
  };
  const valuesOf = (r: NewMessage): unknown[] => [
    r.idempotencyKey, r.accountId, r.toE164, r.toRaw, r.text, r.encoding, r.segments, r.status, r.origin, r.memo, r.testMode ? 1 : 0,
    r.scheduledAt, r.scheduledTz, r.nextActionAt, r.createdAt, r.createdAt, r.purpose ?? 'notification', r.resendOf ?? null,
    r.templateId ?? null, r.ruleId ?? null, r.contactId ?? null, r.operator ?? null,
  ];
  const insertEvents = db.prepare(`insert into message_events (message_id, at, from_status, to_status)
    select m.id, m.created_at, null, m.status from json_each(?) j join messages m on m.id = j.value order by j.key`);

  const viewSelect = `select m.*, a.name as account_name, a.provider as provider from messages m join accounts a on a.id = m.account_id`;
  const getStmt = db.prepare<[number], ViewRow>(`${viewSelect} where m.id = ?`);
  // `is not null` (min ignores nulls anyway) lets SQLite answer from the partial due index.
  const minDue = db.prepare<[string], { t: number | null }>('select min(next_action_at) as t from messages where status = ? and next_action_at is not null');
  const countStatus = db.prepare<[string], { n: number }>('select count(*) as n from messages where status = ?');

  return {
    insertMany(rows: NewMessage[]): number[] {
      return db.transaction(() => {
        const ids: number[] = [];
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = rows.slice(i, i + CHUNK);
          const params: unknown[] = [];
          for (const r of chunk) params.push(...valuesOf(r));
          // AUTOINCREMENT ids grow in the order of the VALUES rows; RETURNING promises no order, so sort.
          ids.push(...insertOf(chunk.length).all(...params).sort((a, b) => a - b));
        }
        // Each message's first event, in one statement (ids of one transaction's inserts are consecutive
        // here, but the list is passed as is so that nothing depends on it).
        if (ids.length > 0) insertEvents.run(JSON.stringify(ids));
        return ids;
      })();
    },

    /** Moves due scheduled rows to the queue. Returns their ids. */
    promoteScheduled(now: number): number[] {
      return db.transaction(() => {
        const rows = db.prepare(`update messages set status = 'queued', updated_at = ? where status = 'scheduled' and next_action_at <= ? returning id`).all(now, now) as { id: number }[];
        const ev = db.prepare(`insert into message_events (message_id, at, from_status, to_status) values (?, ?, 'scheduled', 'queued')`);
        for (const r of rows) ev.run(r.id, now);
        return rows.map((r) => r.id);
      }).immediate();
    },

    /**
     * Claims due queued rows: marks them `sending` (and counts the attempt) in one statement, committed
     * before any request goes out, so a crash leaves evidence rather than a silent resend.
     */
    claimDue(now: number, limit: number, pausedAccountIds: number[]): MessageRow[] {
      const exclude = pausedAccountIds.length ? `and account_id not in (${pausedAccountIds.map(Number).join(',')})` : '';
      return db.transaction(() => {
        const rows = db.prepare(`update messages set status = 'sending', attempts = attempts + 1, updated_at = ?, next_action_at = null
          where id in (select id from messages where status = 'queued' and next_action_at <= ? ${exclude} order by next_action_at, id limit ?)
          returning *`).all(now, now, limit) as MessageRow[];
        const ev = db.prepare(`insert into message_events (message_id, at, from_status, to_status) values (?, ?, 'queued', 'sending')`);
        for (const r of rows) ev.run(r.id, now);
        return rows;
      }).immediate();
    },

    dueStatusChecks(now: number, limit: number): MessageRow[] {
      return db.prepare(`select * from messages where status = 'sent' and next_action_at <= ? order by next_action_at limit ?`).all(now, limit) as MessageRow[];
    },

    /** `unknown` rows still being resolved through the provider's status query. */
    dueUnknownChecks(now: number, limit: number): MessageRow[] {
      return db.prepare(`select * from messages where status = 'unknown' and next_action_at <= ? order by next_action_at limit ?`).all(now, limit) as MessageRow[];
    },

    stopChecking(id: number, now: number): void {
      db.prepare(`update messages set next_action_at = null, updated_at = ? where id = ? and status = 'unknown'`).run(now, id);
    },

    /** The story of a message: every transition and attempt with the provider's code and words. */
    events(id: number): { at: number; from_status: MessageStatus | null; to_status: MessageStatus; code: string | null; detail: string | null }[] {
      return db.prepare('select at, from_status, to_status, code, detail from message_events where message_id = ? order by id').all(id) as never;
    },

    row(id: number): MessageRow | undefined {
      return db.prepare('select * from messages where id = ?').get(id) as MessageRow | undefined;
    },

    /** Rows a previous dispatcher left in `sending`: they may or may not have reached the provider. */
    orphanedSending(): MessageRow[] {
      return db.prepare(`select * from messages where status = 'sending'`).all() as MessageRow[];
    },

    /**
     * The earliest time a row needs the dispatcher. Queued rows it may not claim now (sending paused,
     * or their account paused) are left out: counting them would re-arm the timer at once, forever.
     */
    nextDueAt(skip: { queued?: boolean; pausedAccountIds?: number[] } = {}): number | null {
      let min: number | null = null;
      const paused = skip.pausedAccountIds ?? [];
      for (const s of TIMED_STATUSES) {
        if (s === 'queued' && skip.queued) continue;
        const t = s === 'queued' && paused.length
          ? ((db.prepare(`select min(next_action_at) as t from messages where status = 'queued' and next_action_at is not null and account_id not in (${paused.map(Number).join(',')})`).get() as { t: number | null }).t ?? null)
          : (minDue.get(s)?.t ?? null);
        if (t !== null && (min === null || t < min)) min = t;
      }
      return min;
    },

    count(status: MessageStatus): number {
      return countStatus.get(status)?.n ?? 0;
    },

    get(id: number): ViewRow | undefined {
      return getStmt.get(id);
    },
  };
}

export type MessageRepository = ReturnType<typeof createMessageRepository>;

export function toMessageView(r: ViewRow): MessageView {
  let params: Record<string, string | number> | undefined;
  if (r.error_params) {
    try {
      params = JSON.parse(r.error_params) as Record<string, string | number>;
    } catch {
      params = undefined;
    }
  }
  return {
    id: r.id,
    to: r.to_e164,
    toRaw: r.to_raw,
    text: r.text,
    status: r.status,
    segments: r.segments,
    encoding: r.encoding,
    accountId: r.account_id,
    account: r.account_name,
    provider: r.provider,
    testMode: r.test_mode === 1,
    providerMessageId: r.provider_message_id,
    error: r.error_code ? { code: r.error_code, key: r.error_key ?? 'errors.internal', ...(params ? { params } : {}), detail: r.error_detail } : null,
    origin: r.origin,
    memo: r.memo,
    createdAt: toIso(r.created_at)!,
    scheduledAt: toIso(r.scheduled_at),
    scheduledTimeZone: r.scheduled_tz,
    sentAt: toIso(r.sent_at),
    deliveredAt: toIso(r.delivered_at),
    updatedAt: toIso(r.updated_at)!,
    nextActionAt: toIso(r.next_action_at),
    purpose: r.purpose,
    resendOf: r.resend_of,
  };
}
