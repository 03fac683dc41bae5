// Reminder rules (issue 7): a target over contacts, a template, a cadence in a time zone, an account.
// The contract (contract.ts) spreads `rulesContract` in; the core implements it in src-main/core/rules.
import { z } from 'zod';
import { isoInstant } from './schemas';
import { contactFilterSchema, dateFieldRefSchema } from './contacts-schemas';

const id = z.number().int().positive();

/** A wall-clock time of day, 24-hour HH:MM. */
export const timeOfDaySchema = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const rulePresets = ['birthday', 'inspection', 'insurance'] as const;
export type RulePreset = (typeof rulePresets)[number];

/**
 * When a rule runs. Weekly days: 0 = Sunday … 6 = Saturday. Monthly on day N runs on min(N, the
 * month's last day). A cron expression (5 fields: minute hour day month weekday) carries its own time.
 */
export const ruleCadenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily') }).strict(),
  z.object({ kind: z.literal('weekly'), days: z.array(z.number().int().min(0).max(6)).min(1).max(7) }).strict(),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31) }).strict(),
  z.object({ kind: z.literal('cron'), expression: z.string().trim().min(1).max(120) }).strict(),
]);
export type RuleCadence = z.infer<typeof ruleCadenceSchema>;

/**
 * Conditions relative to the day a rule runs (its calendar date in the rule's zone):
 * - birthdayToday: the birthday is that day (29 February birthdays: see the rules.leapDayBirthday setting);
 * - daysFromRun: the date field is that day plus any of `days` (negative: behind; "insurance expires in 30 or 7 days");
 * - monthFromRun: the field's month is the run's month plus `months` ("inspection due next month": 1).
 */
export const ruleConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('birthdayToday') }).strict(),
  z.object({ kind: z.literal('daysFromRun'), field: dateFieldRefSchema, days: z.array(z.number().int().min(-3650).max(3650)).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('monthFromRun'), field: dateFieldRefSchema, months: z.number().int().min(-24).max(24) }).strict(),
]);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

/** Who receives it: everyone the contact filter selects and every condition holds for. */
export const ruleTargetSchema = z.object({
  filter: contactFilterSchema.default({}),
  conditions: z.array(ruleConditionSchema).max(5).default([]),
}).strict();
export type RuleTarget = z.output<typeof ruleTargetSchema>;

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1).max(60),
  enabled: z.boolean().default(true),
  preset: z.enum(rulePresets).nullable().default(null),
  target: ruleTargetSchema,
  templateId: id,
  cadence: ruleCadenceSchema,
  /** HH:MM; required unless the cadence is a cron expression. */
  time: timeOfDaySchema.optional(),
  /** IANA zone; default the shop's. */
  timeZone: z.string().max(64).optional(),
  /** Account name; absent or null: the default account at the time it runs. */
  account: z.string().min(1).max(100).nullable().optional(),
  /**
   * Add the shop's default prefix (the sender tag, 【店名】) and suffix (its signature) from the
   * settings, as the composer's switches do: a reminder is a notification and wants a sender tag.
   */
  usePrefix: z.boolean().default(true),
  useSuffix: z.boolean().default(true),
}).strict();
export type RuleInput = z.input<typeof ruleInputSchema>;

export const ruleOutcomes = ['ran', 'missed', 'failed', 'dismissed'] as const;
export type RuleOutcome = (typeof ruleOutcomes)[number];

export const ruleSchema = z.object({
  id,
  name: z.string(),
  enabled: z.boolean(),
  preset: z.enum(rulePresets).nullable(),
  target: ruleTargetSchema,
  templateId: z.number().int(),
  cadence: ruleCadenceSchema,
  time: z.string().nullable(),
  timeZone: z.string(),
  account: z.string().nullable(),
  usePrefix: z.boolean(),
  useSuffix: z.boolean(),
  /** The next time it runs (null when off, or when the cadence never matches again). */
  nextRunAt: isoInstant.nullable(),
  lastRunAt: isoInstant.nullable(),
  /** Missed occurrences waiting for the operator (send now or dismiss). */
  missed: z.number().int().nonnegative(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type RuleView = z.infer<typeof ruleSchema>;

export const ruleOccurrenceSchema = z.object({
  ruleId: z.number().int(),
  occurrenceAt: isoInstant,
  localDate: z.string(),
  outcome: z.enum(ruleOutcomes),
  trigger: z.enum(['scheduled', 'manual']),
  recipients: z.number().int(),
  queued: z.number().int(),
  skipped: z.number().int(),
  error: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
});
export type RuleOccurrenceView = z.infer<typeof ruleOccurrenceSchema>;

export const rulePreviewSampleSchema = z.object({
  contactId: z.number().int(),
  name: z.string(),
  to: z.string(),
  text: z.string(),
  segments: z.number().int(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
});

export const rulePreviewSchema = z.object({
  /** The occurrence previewed: the next run (null when there is none). */
  occurrenceAt: isoInstant.nullable(),
  localDate: z.string().nullable(),
  /** Everyone the target selects on that day. */
  recipients: z.number().int(),
  /** Rendered texts for the first of them. */
  samples: z.array(rulePreviewSampleSchema),
  /** The next few run times after it. */
  upcoming: z.array(isoInstant),
});
export type RulePreview = z.infer<typeof rulePreviewSchema>;

const runResultSchema = z.object({
  occurrenceAt: isoInstant,
  recipients: z.number().int(),
  queued: z.number().int(),
  skipped: z.number().int(),
  /** Contacts who had this occurrence already (a repeated "run now"). */
  already: z.number().int(),
});

export const rulesContract = {
  'rules.list': {
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(ruleSchema) }),
  },
  'rules.get': {
    input: z.object({ id }).strict(),
    output: ruleSchema,
  },
  'rules.create': {
    input: ruleInputSchema,
    output: ruleSchema,
  },
  'rules.update': {
    input: z.object({ id, rule: ruleInputSchema }).strict(),
    output: ruleSchema,
  },
  'rules.remove': {
    input: z.object({ id }).strict(),
    output: z.object({ removed: id }),
  },
  'rules.setEnabled': {
    input: z.object({ id, enabled: z.boolean() }).strict(),
    output: ruleSchema,
  },
  /** The next run of a saved rule (`id`) or of one being edited (`rule`): when, who, and the texts. Sends nothing. */
  'rules.preview': {
    input: z.object({ id: id.optional(), rule: ruleInputSchema.optional(), limit: z.number().int().min(1).max(50).default(5) }).strict(),
    output: rulePreviewSchema,
  },
  /** Runs the rule now, for today (once per contact: a repeated run in the same minute queues nothing more). */
  'rules.runNow': {
    input: z.object({ id }).strict(),
    output: runResultSchema,
  },
  'rules.history': {
    input: z.object({ id: id.optional(), outcome: z.enum(ruleOutcomes).optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ occurrences: z.array(ruleOccurrenceSchema) }),
  },
  /** The operator's answer to a missed run: send it now, or dismiss it. */
  'rules.resolveMissed': {
    input: z.object({ id, occurrenceAt: isoInstant, action: z.enum(['run', 'dismiss']) }).strict(),
    output: ruleOccurrenceSchema,
  },
} as const;
