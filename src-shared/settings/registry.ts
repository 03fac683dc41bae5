// Every setting the app knows, once: its group on the Settings page, its type and its default.
// The core stores only values that differ from the default; the CLI's `settings` command, the
// Settings page and the core all read this registry. Each issue adds its settings here.
import { z } from 'zod';
import { languages } from '../i18n/languages';

export const settingGroups = ['general', 'shop', 'sending', 'compose', 'data'] as const;
export type SettingGroup = (typeof settingGroups)[number];

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** A wall-clock time of day, 24-hour HH:MM (quiet hours). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const regionCodes = ['TW', 'CN', 'HK', 'MO', 'JP', 'US', 'SG', 'MY'] as const;

interface SettingDefinition<T> {
  group: SettingGroup;
  schema: z.ZodType<T>;
  /** `null` for "computed by the core" (e.g. the OS time zone). */
  default: T | null;
  kind: 'enum' | 'string' | 'integer' | 'boolean' | 'timeZone';
  options?: readonly string[];
  min?: number;
  max?: number;
}

function def<T>(d: SettingDefinition<T>): SettingDefinition<T> {
  return d;
}

export const settingDefinitions = {
  'ui.language': def({ group: 'general', kind: 'enum', options: languages, schema: z.enum(languages), default: 'zh-TW' }),
  'shop.name': def({ group: 'shop', kind: 'string', schema: z.string().trim().max(40), default: '' }),
  'shop.timeZone': def({
    group: 'shop',
    kind: 'timeZone',
    schema: z.string().refine(isValidTimeZone, { message: 'invalid time zone' }),
    default: null,
  }),
  'shop.region': def({ group: 'shop', kind: 'enum', options: regionCodes, schema: z.enum(regionCodes), default: 'TW' }),
  // The shop's phone, for the {電話} placeholder (the signature suffix, templates).
  'shop.phone': def({ group: 'shop', kind: 'string', schema: z.string().trim().max(30), default: '' }),
  'sending.paused': def({ group: 'sending', kind: 'boolean', schema: z.boolean(), default: false }),
  // Sending engine (issue 6): retries, quiet hours, claim-time checks, balance warning.
  'sending.maxAttempts': def({ group: 'sending', kind: 'integer', min: 1, max: 20, schema: z.number().int().min(1).max(20), default: 5 }),
  'sending.retryBaseMs': def({ group: 'sending', kind: 'integer', min: 100, max: 600_000, schema: z.number().int().min(100).max(600_000), default: 2000 }),
  'sending.retryCapMs': def({ group: 'sending', kind: 'integer', min: 1000, max: 86_400_000, schema: z.number().int().min(1000).max(86_400_000), default: 300_000 }),
  'sending.quietHours.enabled': def({ group: 'sending', kind: 'boolean', schema: z.boolean(), default: true }),
  'sending.quietHours.start': def({ group: 'sending', kind: 'string', schema: z.string().trim().regex(CLOCK_TIME), default: '21:00' }),
  'sending.quietHours.end': def({ group: 'sending', kind: 'string', schema: z.string().trim().regex(CLOCK_TIME), default: '09:00' }),
  'sending.quietHours.retryFails': def({ group: 'sending', kind: 'boolean', schema: z.boolean(), default: false }),
  'sending.frequencyCap': def({ group: 'sending', kind: 'integer', min: 0, max: 1000, schema: z.number().int().min(0).max(1000), default: 0 }),
  'sending.lowBalance': def({ group: 'sending', kind: 'integer', min: 0, max: 10_000_000, schema: z.number().int().min(0).max(10_000_000), default: 100 }),
  'sandbox.deliveryDelayMs': def({
    group: 'sending',
    kind: 'integer',
    min: 0,
    max: 600_000,
    schema: z.number().int().min(0).max(600_000),
    default: 1000,
  }),
  // Compose (issue 5): how the shop signs its messages, and what the pre-send check looks for.
  /** e.g. 【店名】; '' = 【shop.name】 when the shop has a name. */
  'compose.senderTag': def({ group: 'compose', kind: 'string', schema: z.string().trim().max(30), default: '' }),
  /** Added before the message when "prefix" is on; a template itself ({senderTag} is the sender tag). */
  'compose.prefix': def({ group: 'compose', kind: 'string', schema: z.string().max(200), default: '{senderTag}' }),
  /** Added after the message when "suffix" is on: the shop's signature. */
  'compose.suffix': def({ group: 'compose', kind: 'string', schema: z.string().max(200), default: '' }),
  /** The unsubscribe text marketing messages must carry; '' = the region's (退訂 / 退订 / 配信停止 / STOP). */
  'compose.optOutLine': def({ group: 'compose', kind: 'string', schema: z.string().trim().max(60), default: '' }),
  /** The shop's own mobile, where "send a test" goes. */
  'compose.testNumber': def({ group: 'compose', kind: 'string', schema: z.string().trim().max(40), default: '' }),
  /** The same template to the same number within this many days is a warning (0 = no check). */
  'compose.templateRepeatDays': def({ group: 'compose', kind: 'integer', min: 0, max: 365, schema: z.number().int().min(0).max(365), default: 7 }),
  // Data maintenance: '' = the default folder beside the data folder (see core/maintenance/locations.ts).
  'data.backupDir': def({ group: 'data', kind: 'string', schema: z.string().trim().max(1000), default: '' }),
  'data.autoBackup': def({ group: 'data', kind: 'boolean', schema: z.boolean(), default: true }),
  'data.autoBackupTime': def({
    group: 'data',
    kind: 'string',
    schema: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' }),
    default: '21:30',
  }),
  'data.keepBackups': def({ group: 'data', kind: 'integer', min: 1, max: 365, schema: z.number().int().min(1).max(365), default: 14 }),
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefinitions)[K]['schema']>;
export type SettingsMap = { [K in SettingKey]: SettingValue<K> };
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}

/** Turns the text a person typed (CLI `settings set`) into the setting's type; throws a ZodError if it does not fit. */
export function parseSettingText(key: SettingKey, text: string): unknown {
  const d = settingDefinitions[key];
  let value: unknown = text;
  if (d.kind === 'boolean') value = text === 'true' || text === 'on' || text === '1' ? true : text === 'false' || text === 'off' || text === '0' ? false : text;
  if (d.kind === 'integer' && /^-?\d+$/.test(text.trim())) value = Number(text.trim());
  return d.schema.parse(value);
}
