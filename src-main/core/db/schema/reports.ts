import { sqliteTable, integer, real, text, index } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';

/**
 * Balance readings over time (issue 9, the Reports room's balance line). The account row keeps only
 * the latest reading; this keeps one row per reading that differs from the one before it.
 */
export const balanceReadings = sqliteTable(
  'balance_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    balance: real('balance').notNull(),
    unit: text('unit'),
  },
  (t) => [index('balance_readings_account_at_idx').on(t.accountId, t.at)],
);
