import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { messages } from './messages';

/**
 * Messages the operator has seen in the scheduler's notice (missed by catch-up, or failed) and
 * dismissed: they stay in the log, but no longer ask for attention in the tray and the banner.
 */
export const schedulerAcknowledged = sqliteTable('scheduler_acknowledged', {
  messageId: integer('message_id').primaryKey().references(() => messages.id, { onDelete: 'cascade' }),
  at: integer('at').notNull(),
});

/**
 * API keys of the local integration API (issue 7). Only a SHA-256 hash of the key is kept (a key is
 * 32 random bytes, so a fast hash is enough); `prefix` is the first characters, to tell keys apart.
 */
export const integrationKeys = sqliteTable(
  'integration_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('integration_keys_hash_unique').on(t.hash)],
);

/** The first answer to each idempotency key of each API key: a repeated request gets it again. */
export const integrationRequests = sqliteTable(
  'integration_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    keyId: integer('key_id').notNull().references(() => integrationKeys.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** A hash of the request body: the same key with another body is refused, not answered wrongly. */
    fingerprint: text('fingerprint').notNull(),
    response: text('response').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('integration_requests_key_unique').on(t.keyId, t.idempotencyKey)],
);
