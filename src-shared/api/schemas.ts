// zod schemas shared by the contract: the shapes that cross the boundary between a host and its callers.
import { z } from 'zod';

export const messageStatuses = [
  'draft', 'scheduled', 'queued', 'sending', 'sent', 'delivered',
  'failed', 'expired', 'unknown', 'cancelled', 'blocked', 'missed',
] as const;
export type MessageStatus = (typeof messageStatuses)[number];
export const messageStatusSchema = z.enum(messageStatuses);

/** Final statuses: nothing more happens to these rows by itself (DESIGN.md §5). */
export const finalStatuses: readonly MessageStatus[] = ['delivered', 'failed', 'expired', 'cancelled', 'blocked', 'unknown', 'missed'];
export const isFinalStatus = (s: MessageStatus): boolean => finalStatuses.includes(s);

export const origins = ['composer', 'cli', 'rule', 'api', 'catch-up'] as const;
export type Origin = (typeof origins)[number];
export const originSchema = z.enum(origins);

export const messagePurposes = ['notification', 'marketing'] as const;
export type MessagePurpose = (typeof messagePurposes)[number];

export const providerNames = ['sandbox', 'twsms', 'every8d', 'mitake', 'twilio'] as const;
export type ProviderName = (typeof providerNames)[number];

export const encodingSchema = z.enum(['GSM-7', 'UCS-2']);

/** An ISO-8601 instant with an explicit offset or Z, as every time crosses the boundary. */
export const isoInstant = z.iso.datetime({ offset: true });

export const messageErrorSchema = z.object({
  /** Stable code: the provider's own code, or ours (e.g. `sandbox_undeliverable`). */
  code: z.string(),
  /** i18n key explaining it in the reader's language. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The provider's own words, if any (never contains credentials). */
  detail: z.string().nullable(),
});
export type MessageError = z.infer<typeof messageErrorSchema>;

export const messageViewSchema = z.object({
  id: z.number().int(),
  to: z.string(),
  toRaw: z.string(),
  text: z.string(),
  status: messageStatusSchema,
  segments: z.number().int(),
  encoding: encodingSchema,
  accountId: z.number().int(),
  account: z.string(),
  provider: z.enum(providerNames),
  testMode: z.boolean(),
  providerMessageId: z.string().nullable(),
  error: messageErrorSchema.nullable(),
  origin: originSchema,
  memo: z.string().nullable(),
  createdAt: isoInstant,
  scheduledAt: isoInstant.nullable(),
  scheduledTimeZone: z.string().nullable(),
  sentAt: isoInstant.nullable(),
  deliveredAt: isoInstant.nullable(),
  updatedAt: isoInstant,
  nextActionAt: isoInstant.nullable(),
  /** Marketing messages wait for the end of quiet hours whoever sends them. */
  purpose: z.enum(messagePurposes),
  /** The message this one re-sends (after an `unknown`). */
  resendOf: z.number().int().nullable(),
  /** The OS user who enqueued it (issue 9). */
  operator: z.string().nullable().optional(),
  templateId: z.number().int().nullable().optional(),
  ruleId: z.number().int().nullable().optional(),
  /** The recipient's contact: the one linked at sending, else the live contact with this number. */
  contact: z.object({ id: z.number().int(), name: z.string() }).nullable().optional(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

/** One step in a message's story (message_events): each attempt with the provider's code and words. */
export const messageEventSchema = z.object({
  at: isoInstant,
  from: messageStatusSchema.nullable(),
  to: messageStatusSchema,
  code: z.string().nullable(),
  detail: z.string().nullable(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const rejectionCodes = ['invalid_number', 'not_mobile', 'duplicate', 'opted_out', 'empty'] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export const rejectionSchema = z.object({
  /** As the operator typed it. */
  to: z.string(),
  code: z.enum(rejectionCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const accountViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  provider: z.enum(providerNames),
  default: z.boolean(),
  baseUrl: z.string().nullable(),
  username: z.string().nullable(),
  sender: z.string().nullable(),
  /** Whether a password/token is stored, and whether it can be opened here (`needed`: enter it again). */
  secretState: z.enum(['none', 'stored', 'needed']).optional(),
  priceDomestic: z.number().nullable().optional(),
  priceInternational: z.number().nullable().optional(),
  testMode: z.boolean(),
  paused: z.boolean(),
  pausedReason: z.string().nullable(),
  /** The last balance the provider reported (null: never asked, or the provider has none) and when. */
  balance: z.number().nullable(),
  balanceUnit: z.string().nullable(),
  balanceCheckedAt: isoInstant.nullable(),
  /** Below the low-balance setting. */
  lowBalance: z.boolean(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** What asking the provider about an account's credentials came to. */
export const accountVerificationSchema = z.object({
  /** ok; refused: a definite no (wrong password…); failed: could not tell (network…); unsupported; skipped. */
  status: z.enum(['ok', 'refused', 'failed', 'unsupported', 'skipped']),
  balance: z.number().nullable(),
  unit: z.string().nullable(),
  problem: z.object({ code: z.string(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
});
export type AccountVerification = z.infer<typeof accountVerificationSchema>;

export const balanceSchema = z.object({
  account: z.string(),
  balance: z.number().nullable(),
  unit: z.string().nullable(),
  supported: z.boolean(),
});

export const dispatcherStatusSchema = z.object({
  paused: z.boolean(),
  /** This process holds the dispatcher lease and sends. */
  active: z.boolean(),
  /** `live`: the heartbeat is fresh and the holder's process still exists (as far as this host can tell). */
  holder: z.object({ host: z.string(), pid: z.number().int(), since: isoInstant, heartbeatAt: isoInstant, live: z.boolean() }).nullable(),
  counts: z.object({ queued: z.number().int(), scheduled: z.number().int(), sending: z.number().int(), sent: z.number().int() }),
});
export type DispatcherStatus = z.infer<typeof dispatcherStatusSchema>;

export const settingValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
