// The scheduler part of the contract (issue 7): the status summary the tray and the header show, the
// notice of messages catch-up marked missed, and the integration API's keys and requests.
import { z } from 'zod';
import { isoInstant, messageViewSchema, messageStatusSchema, rejectionSchema } from './schemas';

const id = z.number().int().positive();

export const schedulerStates = ['idle', 'sending', 'paused', 'attention'] as const;
export type SchedulerState = (typeof schedulerStates)[number];

export const schedulerStatusSchema = z.object({
  /** attention (something needs the operator) > paused > sending (work is waiting or in flight) > idle. */
  state: z.enum(schedulerStates),
  paused: z.boolean(),
  queued: z.number().int(),
  scheduled: z.number().int(),
  /** The next scheduled message's time (null: none waiting). */
  nextDueAt: isoInstant.nullable(),
  attention: z.object({
    /** Failed messages of the last days nobody dismissed or resent. */
    failed: z.number().int(),
    /** Messages catch-up marked missed, not yet sent again or dismissed. */
    missed: z.number().int(),
    /** Messages whose fate the provider could not tell, waiting for the operator. */
    unknown: z.number().int(),
    /** Accounts whose balance is below the low-balance setting. */
    lowBalance: z.array(z.string()),
    pausedAccounts: z.array(z.string()),
    /** Reminder-rule runs found too late (issue 7's rules), waiting for the operator in the Rules room. */
    missedRuns: z.number().int().optional(),
  }),
});
export type SchedulerStatus = z.infer<typeof schedulerStatusSchema>;

export const integrationKeySchema = z.object({
  id,
  name: z.string(),
  /** The first characters of the key, to tell keys apart (the key itself is never shown again). */
  prefix: z.string(),
  createdAt: isoInstant,
  lastUsedAt: isoInstant.nullable(),
  revokedAt: isoInstant.nullable(),
});
export type IntegrationKeyView = z.infer<typeof integrationKeySchema>;

/** Empty when the caller sent none: the core answers that with `integration.errors.noKey`. */
const apiKey = z.string().max(200);
const variables = z.record(z.string().max(40), z.union([z.string().max(500), z.number()]));

/** POST /v1/messages: plain text, or a saved template (by id or name) filled with variables. */
export const integrationMessageInputSchema = z.object({
  to: z.union([z.string().min(1).max(10_000), z.array(z.string().max(200)).min(1).max(1000)]),
  text: z.string().min(1).max(10_000).optional(),
  template: z.union([id, z.string().min(1).max(60)]).optional(),
  variables: variables.optional(),
  /** ISO-8601; without an offset it is wall-clock time in the shop's zone. */
  sendAt: z.string().max(64).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  account: z.string().min(1).max(100).optional(),
}).strict().refine((v) => (v.text === undefined) !== (v.template === undefined), { message: 'exactly one of text and template', path: ['text'] });

/** POST /v1/events/<kind>: the kind's per-event template, filled with the event's values. */
export const integrationEventInputSchema = z.object({
  to: z.union([z.string().min(1).max(10_000), z.array(z.string().max(200)).min(1).max(1000)]),
  amount: z.union([z.number(), z.string().max(100)]).optional(),
  balance: z.union([z.number(), z.string().max(100)]).optional(),
  points: z.union([z.number(), z.string().max(100)]).optional(),
  cardNumber: z.string().max(100).optional(),
  date: z.string().max(100).optional(),
  item: z.string().max(200).optional(),
  variables: variables.optional(),
  sendAt: z.string().max(64).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  account: z.string().min(1).max(100).optional(),
}).strict();

export const integrationSendResultSchema = z.object({
  messages: z.array(z.object({ id: z.number().int(), to: z.string(), status: messageStatusSchema })),
  rejected: z.array(rejectionSchema.extend({ code: z.string() })),
  /** True when this is the stored answer to an earlier request with the same idempotency key. */
  replayed: z.boolean(),
});
export type IntegrationSendResult = z.infer<typeof integrationSendResultSchema>;

export const schedulerContract = {
  'scheduler.status': {
    input: z.object({}).strict(),
    output: schedulerStatusSchema,
  },
  /** Messages waiting for the operator's word: missed by catch-up (and failed ones), not yet dismissed. */
  'scheduler.missed': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ messages: z.array(messageViewSchema), total: z.number().int() }),
  },
  /** Dismisses missed or failed messages from the notice (they stay in the log); `all` for every one. */
  'scheduler.acknowledge': {
    input: z.object({ ids: z.array(id).max(10_000).optional(), all: z.enum(['missed', 'failed']).optional() }).strict(),
    output: z.object({ acknowledged: z.number().int() }),
  },
  'integration.keys.list': {
    input: z.object({}).strict(),
    output: z.object({ keys: z.array(integrationKeySchema) }),
  },
  /** The key is in this answer and nowhere else, ever: only its hash is kept. */
  'integration.keys.create': {
    input: z.object({ name: z.string().trim().min(1).max(60) }).strict(),
    output: z.object({ key: integrationKeySchema, secret: z.string() }),
  },
  'integration.keys.revoke': {
    input: z.object({ id }).strict(),
    output: integrationKeySchema,
  },
  /** The integration API's calls: each carries the caller's API key, checked by the core. */
  'integration.messages.create': {
    input: z.object({ apiKey, request: integrationMessageInputSchema }).strict(),
    output: integrationSendResultSchema,
  },
  'integration.events.create': {
    input: z.object({ apiKey, kind: z.string().min(1).max(40), request: integrationEventInputSchema }).strict(),
    output: integrationSendResultSchema,
  },
  'integration.messages.get': {
    input: z.object({ apiKey, id }).strict(),
    output: messageViewSchema,
  },
} as const;
