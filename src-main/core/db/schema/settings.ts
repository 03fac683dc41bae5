import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** Settings that differ from their defaults (src-shared/settings/registry.ts). Value is JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
