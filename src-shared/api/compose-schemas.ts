// The compose part of the contract (issue 5): phrase templates, rendering with placeholders, and the
// pre-send check. One draft shape (`composeDraftSchema`) goes to preview, check and send, so the
// screen, the CLI and the integration API ask the same core functions the same question.
import { z } from 'zod';
import { isoInstant, messagePurposes, messageStatusSchema, rejectionSchema } from './schemas';
import { contactFilterSchema } from './contacts-schemas';

const id = z.number().int().positive();
const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

// ── Templates ───────────────────────────────────────────────────────────────────────────────────

/**
 * Event kinds whose per-event template the integration API renders (短信通's 消费提醒, 余额提醒, 售卡提醒…).
 * A template with `eventKind` set is that kind's template; at most one per kind.
 */
export const eventKinds = ['purchase', 'balance', 'cardSold', 'recharge', 'points', 'appointment'] as const;
export type EventKind = (typeof eventKinds)[number];

/** Event variables a per-event template may use, by kind ({金額} is the key `amount` …). */
export const eventVariableKeys = ['amount', 'balance', 'points', 'cardNumber', 'date', 'item'] as const;
export type EventVariableKey = (typeof eventVariableKeys)[number];

export const templateSchema = z.object({
  id,
  name: z.string(),
  category: z.string().nullable(),
  /** The text with placeholders in braces: {name}, {姓名}, {field.key}, {shop.name}, {event.amount}… */
  body: z.string(),
  purpose: z.enum(messagePurposes),
  eventKind: z.enum(eventKinds).nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  lastUsedAt: isoInstant.nullable(),
});
export type TemplateView = z.infer<typeof templateSchema>;

export const templateSaveSchema = z.object({
  /** Absent: a new template. */
  id: id.optional(),
  name: z.string().trim().min(1).max(60),
  category: z.string().trim().max(40).nullable().optional(),
  body: z.string().min(1).max(2000),
  purpose: z.enum(messagePurposes).default('notification'),
  eventKind: z.enum(eventKinds).nullable().optional(),
}).strict();

/** A placeholder the composer offers as a chip, with the token to insert and where its value comes from. */
export const placeholderSchema = z.object({
  /** What goes between the braces, e.g. `姓名` or `name` (both work; the chip inserts this one). */
  token: z.string(),
  source: z.enum(['contact', 'field', 'vehicle', 'member', 'shop', 'event']),
  /** i18n key of its label, or null when `label` is the operator's own (a custom field's label). */
  labelKey: z.string().nullable(),
  label: z.string().nullable(),
});
export type PlaceholderView = z.infer<typeof placeholderSchema>;

// ── The draft: what the operator is about to send ──────────────────────────────────────────────

export const composeRecipientsSchema = z.object({
  /** Typed or pasted numbers (commas, spaces, new lines, an Excel column), or a list. */
  numbers: z.union([z.string().max(1_000_000), z.array(z.string().max(200)).max(100_000)]).optional(),
  contactIds: z.array(id).max(200_000).optional(),
  /** Everyone matching a filter (categories, saved filters' conditions…). */
  filter: contactFilterSchema.optional(),
  /** Contacts left out of `filter` by hand. */
  exceptContactIds: z.array(id).max(200_000).optional(),
}).strict();
export type ComposeRecipients = z.infer<typeof composeRecipientsSchema>;

export const composeDraftSchema = z.object({
  recipients: composeRecipientsSchema,
  /** The message with placeholders. */
  text: z.string().max(10_000),
  /** The template it came from (its last use is recorded; the log can filter by it). */
  templateId: id.optional(),
  purpose: z.enum(messagePurposes).default('notification'),
  /** Add the default prefix ("親愛的 {姓名} {稱謂}") and suffix (the shop's signature) from the settings. */
  usePrefix: z.boolean().default(false),
  useSuffix: z.boolean().default(false),
  /** Values for {event.*} placeholders (the integration API's events; a test send). */
  variables: z.record(z.string().max(40), z.union([z.string().max(500), z.number()])).optional(),
  account: z.string().min(1).max(100).optional(),
  /** ISO-8601; without an offset it is wall-clock time in `timeZone` (default: the shop's zone). */
  at: z.string().max(64).optional(),
  timeZone: z.string().max(64).optional(),
  memo: z.string().max(500).optional(),
}).strict();
export type ComposeDraft = z.input<typeof composeDraftSchema>;
export type ParsedComposeDraft = z.output<typeof composeDraftSchema>;

// ── The check ───────────────────────────────────────────────────────────────────────────────────

/** Every rule of the pre-send check; each is an error (blocks, or leaves the recipient out) or a warning. */
export const checkCodes = [
  // per recipient
  'invalid_number', 'not_mobile', 'duplicate', 'opted_out', 'missing_value', 'too_long',
  'unsupported_chars', 'frequency_cap', 'template_repeat',
  // per send
  'empty_text', 'no_recipients', 'quiet_hours', 'no_sender_tag', 'no_opt_out_line', 'low_balance',
  'past_time', 'unresolved_placeholder',
] as const;
export type CheckCode = (typeof checkCodes)[number];

export const checkIssueSchema = z.object({
  code: z.enum(checkCodes),
  severity: z.enum(['error', 'warning']),
  /** How many recipients it concerns (0 for a rule about the whole send). */
  count: z.number().int(),
  /** A few of them, for the confirm screen (number as typed, the contact's name, and the detail). */
  examples: z.array(z.object({
    to: z.string(),
    contactId: z.number().int().nullable(),
    name: z.string().nullable(),
    params: paramsSchema.optional(),
  })).max(20),
  /** For the message: e.g. { chars: '①' }, { allowedAt: ISO } for quiet hours, { field: '生日' }. */
  params: paramsSchema.optional(),
});
export type CheckIssue = z.infer<typeof checkIssueSchema>;

export const renderedSampleSchema = z.object({
  to: z.string(),
  contactId: z.number().int().nullable(),
  name: z.string().nullable(),
  text: z.string(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  segments: z.number().int(),
});
export type RenderedSample = z.infer<typeof renderedSampleSchema>;

export const composeCheckReportSchema = z.object({
  recipients: z.number().int(),
  /** Those that would be sent if the operator leaves the ones with errors out. */
  sendable: z.number().int(),
  issues: z.array(checkIssueSchema),
  totals: z.object({
    messages: z.number().int(),
    segments: z.number().int(),
    minSegments: z.number().int(),
    maxSegments: z.number().int(),
    /** Characters (GSM-7 septets or UCS-2 units, as countSegments counts) of the shortest and longest text. */
    minUnits: z.number().int().optional(),
    maxUnits: z.number().int().optional(),
    /** Units per part of the longest text (its encoding's capacity: 160/153 or 70/67). */
    unitsPerSegment: z.number().int().optional(),
    /** Estimated from the account's price per segment; null when no price is set. */
    cost: z.number().nullable(),
    balance: z.number().nullable(),
    balanceUnit: z.string().nullable(),
  }),
  /** The first few rendered texts (different per recipient with personalisation). */
  samples: z.array(renderedSampleSchema).max(20),
  /** When quiet hours hold an explicit send: the time it could go instead. */
  quietUntil: isoInstant.nullable(),
  /** The resolved send time (null: now). */
  at: isoInstant.nullable(),
});
export type ComposeCheckReport = z.infer<typeof composeCheckReportSchema>;

export const composeContract = {
  'templates.list': {
    input: z.object({ search: z.string().max(200).optional(), category: z.string().max(40).optional() }).strict(),
    output: z.object({ templates: z.array(templateSchema), categories: z.array(z.string()) }),
  },
  'templates.save': {
    input: templateSaveSchema,
    output: templateSchema,
  },
  'templates.remove': {
    input: z.object({ id }).strict(),
    output: z.object({ removed: id }),
  },
  'compose.placeholders': {
    input: z.object({}).strict(),
    output: z.object({ placeholders: z.array(placeholderSchema) }),
  },
  /** Rendered samples for the live preview (cheap; no per-recipient checks beyond rendering). */
  'compose.preview': {
    input: z.object({ draft: composeDraftSchema, limit: z.number().int().min(1).max(20).default(3) }).strict(),
    output: z.object({ samples: z.array(renderedSampleSchema), recipients: z.number().int() }),
  },
  'compose.check': {
    input: z.object({ draft: composeDraftSchema }).strict(),
    output: composeCheckReportSchema,
  },
  'compose.send': {
    input: z.object({
      draft: composeDraftSchema,
      /** Leave recipients with errors out (otherwise any error refuses the whole send). */
      leaveOut: z.boolean().default(false),
      /** The warning codes the operator has seen and accepted; an unacknowledged warning refuses the send. */
      acknowledged: z.array(z.enum(checkCodes)).max(40).default([]),
      origin: z.enum(['composer', 'cli', 'api']).default('composer'),
    }).strict(),
    output: z.object({
      messages: z.array(z.object({ id: z.number().int(), to: z.string(), status: messageStatusSchema })),
      rejected: z.array(rejectionSchema.extend({ code: z.string() })),
      report: composeCheckReportSchema,
    }),
  },
  /** The pre-send check of resending a message from the log (messages.resend): its text as sent, same number and account. */
  'messages.resendCheck': {
    input: z.object({ id, origin: z.enum(['composer', 'cli']).default('composer') }).strict(),
    output: composeCheckReportSchema,
  },
  /** Send the draft, rendered for its first recipient (or a sample contact), to the shop's own number. */
  'compose.sendTest': {
    input: z.object({ draft: composeDraftSchema, to: z.string().max(40).optional() }).strict(),
    output: z.object({ id: z.number().int(), to: z.string(), text: z.string() }),
  },
} as const;
