// Every API method, declared once: name → zod input → zod output. Hosts validate every call against
// this (the web host is a network surface, the renderer untrusted input); the renderer's typed client
// is inferred from it. No host adds methods of its own.
import { z } from 'zod';
import {
  accountViewSchema, balanceSchema, dispatcherStatusSchema, messageStatusSchema,
  messageViewSchema, rejectionSchema, settingValueSchema, providerNames, messagePurposes, messageEventSchema,
} from './schemas';
import { accountVerificationSchema } from './schemas';
import { languages } from '../i18n/languages';
import { contactsContract } from './contacts-schemas';
import { dataContract } from './data-schemas';
import { checkCodes, composeContract } from './compose-schemas';
import { rulesContract } from './rules-schemas';
import { schedulerContract } from './scheduler-schemas';
import { logContract, logFilterFields } from './log-schemas';

const empty = z.object({}).strict();

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      /** The default account is the sandbox: nothing is really sent. */
      testMode: z.boolean(),
      defaultAccount: z.string().nullable(),
      timeZone: z.string(),
      region: z.string(),
      language: z.enum(languages),
    }),
  },
  'settings.list': {
    input: empty,
    output: z.object({ settings: z.array(z.object({ key: z.string(), value: settingValueSchema, isDefault: z.boolean() })) }),
  },
  'settings.set': {
    input: z.object({ key: z.string().min(1).max(100), value: settingValueSchema }).strict(),
    output: z.object({ key: z.string(), value: settingValueSchema }),
  },
  'accounts.list': {
    input: empty,
    output: z.object({ accounts: z.array(accountViewSchema) }),
  },
  'accounts.balance': {
    input: z.object({ name: z.string().min(1).max(100).optional() }).strict(),
    output: balanceSchema,
  },
  'accounts.setDefault': {
    input: z.object({ name: z.string().min(1).max(100) }).strict(),
    output: z.object({ accounts: z.array(accountViewSchema) }),
  },
  'accounts.add': {
    input: z.object({
      provider: z.enum(providerNames),
      name: z.string().trim().min(1).max(100),
      /** TwSMS/EVERY8D/Mitake user id; Twilio Account SID. */
      username: z.string().max(200).optional(),
      /** Password or Twilio Auth Token: sealed at once, never returned. */
      password: z.string().min(1).max(500).optional(),
      /** Twilio: From number, alphanumeric sender or Messaging Service SID (MG…). */
      sender: z.string().max(100).optional(),
      /** Replaces the documented scheme and host (paths stay as documented). */
      baseUrl: z.string().max(300).optional(),
      priceDomestic: z.number().min(0).max(1_000_000).optional(),
      priceInternational: z.number().min(0).max(1_000_000).optional(),
      default: z.boolean().optional(),
      noVerify: z.boolean().optional(),
    }).strict(),
    output: z.object({ account: accountViewSchema, verification: accountVerificationSchema }),
  },
  'accounts.update': {
    input: z.object({
      name: z.string().min(1).max(100),
      newName: z.string().trim().min(1).max(100).optional(),
      username: z.string().max(200).nullable().optional(),
      password: z.string().min(1).max(500).optional(),
      sender: z.string().max(100).nullable().optional(),
      baseUrl: z.string().max(300).nullable().optional(),
      priceDomestic: z.number().min(0).max(1_000_000).nullable().optional(),
      priceInternational: z.number().min(0).max(1_000_000).nullable().optional(),
      noVerify: z.boolean().optional(),
    }).strict(),
    output: z.object({ account: accountViewSchema, verification: accountVerificationSchema }),
  },
  'accounts.remove': {
    /** moveTo: the account that takes over this one's waiting (draft/scheduled/queued) messages. */
    input: z.object({ name: z.string().min(1).max(100), moveTo: z.string().min(1).max(100).optional() }).strict(),
    output: z.object({ removed: z.string(), moved: z.number().int(), accounts: z.array(accountViewSchema) }),
  },
  'accounts.test': {
    input: z.object({ name: z.string().min(1).max(100).optional() }).strict(),
    output: z.object({ account: z.string(), verification: accountVerificationSchema }),
  },
  'messages.send': {
    input: z.object({
      /** Numbers as typed: one string split like the CLI does (commas, semicolons, tabs, new lines…), or a list. */
      to: z.union([z.string().max(1_000_000), z.array(z.string().max(200)).max(100_000)]),
      text: z.string().max(10_000),
      /** ISO-8601; without an offset it is local time in the shop's time zone. */
      at: z.string().max(64).optional(),
      account: z.string().min(1).max(100).optional(),
      memo: z.string().max(500).optional(),
      origin: z.enum(['composer', 'cli', 'api']).default('composer'),
      /** Marketing messages wait for the end of quiet hours even when sent by hand. */
      purpose: z.enum(messagePurposes).optional(),
    }).strict(),
    output: z.object({
      messages: z.array(z.object({ id: z.number().int(), to: z.string(), status: messageStatusSchema })),
      rejected: z.array(rejectionSchema),
    }),
  },
  'messages.list': {
    input: z.object({
      // The log's filter (log-schemas.ts): status, since, until, search, account and the rest.
      ...logFilterFields,
      limit: z.number().int().min(1).max(1000).default(100),
      /** Keyset paging: only messages with a smaller id (newest first). */
      beforeId: z.number().int().positive().optional(),
    }).strict(),
    output: z.object({ messages: z.array(messageViewSchema), nextBeforeId: z.number().int().nullable() }),
  },
  'messages.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: messageViewSchema,
  },
  'messages.cancel': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: messageViewSchema,
  },
  'messages.resend': {
    input: z.object({
      id: z.number().int().positive(),
      origin: z.enum(['composer', 'cli']).optional(),
      /** The warnings of the pre-send check (messages.resendCheck) the operator has seen and accepted. */
      acknowledged: z.array(z.enum(checkCodes)).max(40).optional(),
    }).strict(),
    /** The new message (its resendOf names the original). */
    output: messageViewSchema,
  },
  'messages.markFailed': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: messageViewSchema,
  },
  'messages.events': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ events: z.array(messageEventSchema) }),
  },
  'accounts.resume': {
    input: z.object({ name: z.string().min(1).max(100) }).strict(),
    output: z.object({ accounts: z.array(accountViewSchema) }),
  },
  'dispatcher.status': {
    input: empty,
    output: dispatcherStatusSchema,
  },
  'dispatcher.setPaused': {
    input: z.object({ paused: z.boolean() }).strict(),
    output: dispatcherStatusSchema,
  },
  ...contactsContract,
  ...dataContract,
  ...composeContract,
  ...rulesContract,
  ...schedulerContract,
  ...logContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** What the core implements: one handler per method, receiving already-validated input. */
export type ApiHandlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M> };

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export { providerNames };
