import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/**
 * The dispatcher lease (DESIGN.md §5): at most one row (id = 1). Whoever holds it sends; it is taken in
 * BEGIN IMMEDIATE, renewed by heartbeat, and taken over at once when the holder's PID on this host is gone.
 */
export const dispatcherLease = sqliteTable('dispatcher_lease', {
  id: integer('id').primaryKey(),
  holderId: text('holder_id').notNull(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  processStartedAt: integer('process_started_at').notNull(),
  acquiredAt: integer('acquired_at').notNull(),
  heartbeatAt: integer('heartbeat_at').notNull(),
});
