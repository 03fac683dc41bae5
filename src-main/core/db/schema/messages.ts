import { sql, type SQL } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, check, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { messageStatuses, origins } from '../../../../src-shared/api/schemas';
import { accounts } from './accounts';

/** `column = 'a' or column = 'b' …`: the values are our own constants, never user input. */
function oneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${column} = ${sql.raw(`'${v.replace(/'/g, "''")}'`)}`),
    sql.raw(' or '),
  );
}

/**
 * The outbox and the send log in one table (DESIGN.md §5). Times are UTC epoch milliseconds; a time a
 * person scheduled also keeps its IANA zone. `next_action_at` is when the dispatcher next looks at a
 * non-final row (send, retry, status poll): every non-final row has one, so nothing is stuck.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    toE164: text('to_e164').notNull(),
    toRaw: text('to_raw').notNull(),
    text: text('text').notNull(),
    encoding: text('encoding').notNull(),
    segments: integer('segments').notNull(),
    status: text('status').notNull(),
    origin: text('origin').notNull(),
    memo: text('memo'),
    testMode: integer('test_mode', { mode: 'boolean' }).notNull().default(false),
    templateId: integer('template_id'),
    ruleId: integer('rule_id'),
    contactId: integer('contact_id'),
    scheduledAt: integer('scheduled_at'),
    scheduledTz: text('scheduled_tz'),
    nextActionAt: integer('next_action_at'),
    attempts: integer('attempts').notNull().default(0),
    statusChecks: integer('status_checks').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    errorKey: text('error_key'),
    errorParams: text('error_params'),
    errorDetail: text('error_detail'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    sentAt: integer('sent_at'),
    deliveredAt: integer('delivered_at'),
    finalAt: integer('final_at'),
    /** notification | marketing: marketing messages are held back by quiet hours whoever sent them. */
    purpose: text('purpose').notNull().default('notification'),
    /** The message this one re-sends (the operator's "resend" of an `unknown` one). */
    resendOf: integer('resend_of'),
    /** Who put it in the outbox: the OS user of the process (until operator accounts exist). */
    operator: text('operator'),
  },
  (t) => [
    uniqueIndex('messages_idempotency_key_unique').on(t.idempotencyKey),
    // Partial: only rows the dispatcher will look at again. A claim then takes a row out of it (its
    // next_action_at becomes null) instead of moving it, and final rows never enter it. Queries use it
    // through `next_action_at <= ?` or an explicit `next_action_at is not null`.
    index('messages_due_idx').on(t.status, t.nextActionAt).where(sql`${t.nextActionAt} is not null`),
    index('messages_to_idx').on(t.toE164, t.createdAt),
    // With the status: the log's counts per status for a period read the index alone.
    index('messages_created_idx').on(t.createdAt, t.status),
    index('messages_account_idx').on(t.accountId, t.id),
    // Partial: almost no message is a resend, and a bulk enqueue should not pay for indexing nulls.
    // The log's filters, each with the id so that a page comes out newest first without sorting.
    index('messages_status_id_idx').on(t.status, t.id),
    index('messages_origin_id_idx').on(t.origin, t.id),
    index('messages_rule_idx').on(t.ruleId, t.id).where(sql`${t.ruleId} is not null`),
    index('messages_contact_idx').on(t.contactId).where(sql`${t.contactId} is not null`),
    index('messages_resend_of_idx').on(t.resendOf).where(sql`${t.resendOf} is not null`),
    // The pre-send check's "same template within X days" (issue 5); partial: most messages have none.
    index('messages_template_idx').on(t.templateId, t.createdAt).where(sql`${t.templateId} is not null`),
    // Written as `=` … `or` rather than `in (…)`: SQLite builds a temporary b-tree for an IN list
    // every time a CHECK is evaluated (every insert, every update, every row of an integrity check:
    // 1.3 s of a 1M-message check, about a quarter of it).
    check('messages_status_check', oneOf(t.status, messageStatuses)),
    check('messages_origin_check', oneOf(t.origin, origins)),
  ],
);

/** Every transition of a message, with the provider's code and words (the log's story of a message). */
export const messageEvents = sqliteTable(
  'message_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    code: text('code'),
    detail: text('detail'),
  },
  (t) => [index('message_events_message_idx').on(t.messageId, t.at)],
);
