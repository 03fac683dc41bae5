import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Provider accounts. The password/token is sealed by the SecretBox (never plain text here). */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    provider: text('provider').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    baseUrl: text('base_url'),
    username: text('username'),
    secretSealed: text('secret_sealed'),
    sender: text('sender'),
    /** Removed by the operator while messages still refer to it: hidden from lists, its name freed. */
    removedAt: integer('removed_at'),
    /** Price per segment, for cost estimates (in the account's currency). */
    priceDomestic: real('price_domestic'),
    priceInternational: real('price_international'),
    pausedReason: text('paused_reason'),
    /** Sending limits; null means the provider's default (its capabilities). */
    ratePerSecond: real('rate_per_second'),
    concurrency: integer('concurrency'),
    /** The last balance the provider told us, and when (refreshed by the dispatcher). */
    balance: real('balance'),
    balanceUnit: text('balance_unit'),
    balanceCheckedAt: integer('balance_checked_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // Names are unique among the accounts in use; a removed one keeps its name for the log.
  (t) => [uniqueIndex('accounts_name_unique').on(t.name).where(sql`removed_at is null`)],
);
