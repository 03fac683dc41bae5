// Every API method, declared once: name → zod input → zod output. Hosts validate every call against
// this (the web host is a network surface, the renderer untrusted input); the renderer's typed client
// is inferred from it. No host adds methods of its own.
import { z } from 'zod';
import {
  accountViewSchema, balanceSchema, dispatcherStatusSchema, isoInstant, messageStatusSchema,
  messageViewSchema, rejectionSchema, settingValueSchema, providerNames,
} from './schemas';
import { languages } from '../i18n/languages';
import { dataContract } from './data-schemas';

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
  'messages.send': {
    input: z.object({
      /** Numbers as typed: one string split like the CLI does (commas, semicolons, tabs, new lines…), or a list. */
      to: z.union([z.string().max(1_000_000), z.array(z.string().max(200)).max(100_000)]),
      text: z.string().max(10_000),
      /** ISO-8601; without an offset it is local time in the shop's time zone. */
      at: z.string().max(64).optional(),
      account: z.string().min(1).max(100).optional(),
      memo: z.string().max(500).optional(),
      origin: z.enum(['composer', 'cli']).default('composer'),
    }).strict(),
    output: z.object({
      messages: z.array(z.object({ id: z.number().int(), to: z.string(), status: messageStatusSchema })),
      rejected: z.array(rejectionSchema),
    }),
  },
  'messages.list': {
    input: z.object({
      status: z.array(messageStatusSchema).max(12).optional(),
      since: isoInstant.optional(),
      until: isoInstant.optional(),
      search: z.string().max(200).optional(),
      account: z.string().max(100).optional(),
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
  'dispatcher.status': {
    input: empty,
    output: dispatcherStatusSchema,
  },
  'dispatcher.setPaused': {
    input: z.object({ paused: z.boolean() }).strict(),
    output: dispatcherStatusSchema,
  },
  ...dataContract,
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
