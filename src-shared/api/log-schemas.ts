// The send log and reports part of the contract (issue 9). One filter shape (`logFilterSchema`) is
// used by the list, the counts per status and the export, so the screen, the CLI and an export
// always agree on which messages "the current filter" means.
import { z } from 'zod';
import { isoInstant, messageStatusSchema, originSchema } from './schemas';

const id = z.number().int().positive();

export const logFilterFields = {
  status: z.array(messageStatusSchema).max(12).optional(),
  /** Created at or after. */
  since: isoInstant.optional(),
  /** Created before. */
  until: isoInstant.optional(),
  /** A fragment of the number, the text or the memo (the CLI's --search). */
  search: z.string().max(200).optional(),
  /** A fragment of the recipient's number (in any form: its digits are matched) or of the contact's name. */
  recipient: z.string().max(200).optional(),
  /** A fragment of the message text (letters A–Z in any case). */
  text: z.string().max(200).optional(),
  /** A fragment of the memo. */
  memo: z.string().max(200).optional(),
  /** Account by name (the CLI) or by id (the screen). */
  account: z.string().max(100).optional(),
  accountId: id.optional(),
  templateId: id.optional(),
  ruleId: id.optional(),
  /** Template by name (the CLI's --template; the screen picks one from the list by name, sending its id). */
  template: z.string().max(60).optional(),
  /** Reminder rule by name (every rule of that name). */
  rule: z.string().max(100).optional(),
  origin: z.array(originSchema).max(5).optional(),
  /** The OS user who sent it (exact). */
  operator: z.string().max(200).optional(),
};
export const logFilterSchema = z.object(logFilterFields).strict();
export type LogFilterInput = z.infer<typeof logFilterSchema>;

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Most rows one export writes (the file is built in memory and crosses the API as base64). */
export const EXPORT_MAX_ROWS = 500_000;

export const reportGroupings = ['day', 'week', 'month'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

export const reportSummarySchema = z.object({
  /** One bucket per period with messages: its first day (YYYY-MM-DD, shop time) and counts by status. */
  periods: z.array(z.object({ period: z.string(), counts: z.record(z.string(), z.number().int()) })),
  totals: z.object({
    messages: z.number().int(),
    segments: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
    /** delivered / (delivered + failed + expired); null when none reached a final answer. */
    deliveryRate: z.number().nullable(),
  }),
  /** Estimated cost per account: segments × the account's price (domestic or international by number). */
  costs: z.array(z.object({
    accountId: z.number().int(),
    account: z.string(),
    segmentsDomestic: z.number().int(),
    segmentsInternational: z.number().int(),
    /** null when the account has no price set. */
    cost: z.number().nullable(),
  })),
  /** Balance readings in the range, per account. */
  balances: z.array(z.object({ accountId: z.number().int(), account: z.string(), unit: z.string().nullable(), at: isoInstant, balance: z.number() })),
  /** Most common failure reasons: the error key (translated by the reader) and how often. */
  failures: z.array(z.object({ key: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), count: z.number().int() })),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const logContract = {
  /** How many messages of each status match the filter (its status part ignored). */
  'messages.counts': {
    input: logFilterSchema,
    output: z.object({ counts: z.record(z.string(), z.number().int()), total: z.number().int() }),
  },
  /** The filtered log as CSV (UTF-8 with BOM) or XLSX, newest first, formulas neutralised. */
  'messages.export': {
    input: z.object({
      format: z.enum(exportFormats).default('csv'),
      filter: logFilterSchema.optional(),
      /** At most this many (the newest); default all, up to EXPORT_MAX_ROWS. */
      limit: z.number().int().min(1).max(EXPORT_MAX_ROWS).optional(),
    }).strict(),
    /** `total`: how many messages the filter matched; more than `count` when the limit (or the cap) cut the file. */
    output: z.object({ fileName: z.string(), fileBase64: z.string(), count: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  },
  /** Aggregates for the Reports room over [since, until). */
  'reports.summary': {
    input: z.object({ since: isoInstant, until: isoInstant, groupBy: z.enum(reportGroupings).default('day') }).strict(),
    output: reportSummarySchema,
  },
} as const;
