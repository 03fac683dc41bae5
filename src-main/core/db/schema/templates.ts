import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Phrase templates (issue 5). Names are unique (the CLI's `send --template NAME` finds one by name);
 * a template with `event_kind` is that event's template for the integration API, at most one per kind.
 * Messages sent from a template keep its id (messages.template_id) for the log and the repeat check.
 */
export const templates = sqliteTable(
  'templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    category: text('category'),
    body: text('body').notNull(),
    purpose: text('purpose').notNull().default('notification'),
    eventKind: text('event_kind'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [
    uniqueIndex('templates_name_unique').on(t.name),
    uniqueIndex('templates_event_kind_unique').on(t.eventKind).where(sql`event_kind is not null`),
    index('templates_category_idx').on(t.category, t.name),
  ],
);
