import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Reminder rules (issue 7). A rule sends a template to the contacts its target selects, on a cadence
 * in an explicit time zone. `cursor_at` is the last occurrence handled (run or recorded as missed):
 * the runner computes the occurrences after it, so time the app was closed is covered. It lives on
 * the rule, not in the history, so clearing the history never makes a rule run again.
 * No foreign key to templates or accounts: those can be removed while the rule stays (the run then
 * records why it could not send). Times are UTC epoch milliseconds.
 */
export const rules = sqliteTable('rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** birthday | inspection | insurance, or null for a rule made by hand. */
  preset: text('preset'),
  /** RuleTarget as JSON (rules-schemas.ts). */
  targetJson: text('target_json').notNull(),
  templateId: integer('template_id').notNull(),
  /** RuleCadence as JSON. */
  cadenceJson: text('cadence_json').notNull(),
  /** HH:MM wall-clock time (null for a cron expression, which carries its own). */
  timeOfDay: text('time_of_day'),
  timeZone: text('time_zone').notNull(),
  /** Account name; null = the default account when it runs. */
  account: text('account'),
  /**
   * Add the composer's default prefix (the sender tag) and suffix (the shop's signature), as the
   * composer's switches do. New rules have them on (the rule input's default); rules made before the
   * switches existed keep the texts they had (off).
   */
  usePrefix: integer('use_prefix', { mode: 'boolean' }).notNull().default(false),
  useSuffix: integer('use_suffix', { mode: 'boolean' }).notNull().default(false),
  cursorAt: integer('cursor_at').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One row per (rule, occurrence, contact) that was handled: the unique key is what makes a reminder
 * go out exactly once, whatever restarts, clock jumps or second processes happen. Inserted in the same
 * transaction as the message it queued.
 */
export const ruleRuns = sqliteTable(
  'rule_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ruleId: integer('rule_id').notNull().references(() => rules.id, { onDelete: 'cascade' }),
    occurrenceAt: integer('occurrence_at').notNull(),
    contactId: integer('contact_id').notNull(),
    /** The message queued for the contact; null when the pre-send check left the contact out. */
    messageId: integer('message_id'),
    /** queued | skipped */
    status: text('status').notNull(),
    /** Why a contact was left out (a check code: opted_out, invalid_number …). */
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('rule_runs_once_unique').on(t.ruleId, t.occurrenceAt, t.contactId),
    index('rule_runs_contact_idx').on(t.contactId),
  ],
);

/** What became of each occurrence of a rule: ran (with counts), missed (too late), failed (why). */
export const ruleOccurrences = sqliteTable(
  'rule_occurrences',
  {
    ruleId: integer('rule_id').notNull().references(() => rules.id, { onDelete: 'cascade' }),
    occurrenceAt: integer('occurrence_at').notNull(),
    /** The occurrence's calendar date in the rule's zone (what "today" meant for the target). */
    localDate: text('local_date').notNull(),
    /** ran | missed | failed | dismissed */
    outcome: text('outcome').notNull(),
    /** manual for "run now" and a missed run the operator sent; scheduled otherwise. */
    trigger: text('trigger').notNull().default('scheduled'),
    recipients: integer('recipients').notNull().default(0),
    queued: integer('queued').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errorKey: text('error_key'),
    errorParams: text('error_params'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.occurrenceAt] }), index('rule_occurrences_outcome_idx').on(t.outcome, t.ruleId)],
);
