// The settings registry: every setting once, with its type and default; parseSettingText turns what a
// person typed (`smsdesk settings set KEY VALUE`) into that type or refuses it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { languages } from '../../src-shared/i18n/languages';
import {
  isSettingKey, isValidTimeZone, parseSettingText, settingDefinitions, settingGroups, settingKeys,
} from '../../src-shared/settings/registry';

describe('parseSettingText', () => {
  it.each<[string, string, unknown]>([
    ['sending.paused', 'true', true],
    ['sending.paused', 'on', true],
    ['sending.paused', '1', true],
    ['sending.paused', 'false', false],
    ['sending.paused', 'off', false],
    ['sending.paused', '0', false],
    ['sandbox.deliveryDelayMs', '200', 200],
    ['sandbox.deliveryDelayMs', ' 600000 ', 600_000],
    ['sandbox.deliveryDelayMs', '0', 0],
    ['shop.timeZone', 'Asia/Taipei', 'Asia/Taipei'],
    ['shop.timeZone', 'America/New_York', 'America/New_York'],
    ['shop.region', 'JP', 'JP'],
    ['ui.language', 'ja', 'ja'],
    ['ui.language', 'en', 'en'],
    ['shop.name', '  測試店  ', '測試店'],
    ['shop.name', '', ''],
  ])('%s %j → %j', (key, text, expected) => {
    expect(parseSettingText(key as never, text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['sending.paused', 'yes please'],
    ['sending.paused', 'TRUE!'],
    ['sending.paused', ''],
    ['sandbox.deliveryDelayMs', 'abc'],
    ['sandbox.deliveryDelayMs', '1.5'],
    ['sandbox.deliveryDelayMs', '-1'],
    ['sandbox.deliveryDelayMs', '600001'],
    ['sandbox.deliveryDelayMs', '1e3'],
    ['sandbox.deliveryDelayMs', ''],
    ['shop.timeZone', 'Mars/Olympus_Mons'],
    ['shop.timeZone', ''],
    ['shop.region', 'tw'],
    ['shop.region', 'XX'],
    ['ui.language', 'fr'],
    ['ui.language', 'zh-tw'],
    ['shop.name', 'x'.repeat(41)],
  ])('%s %j is refused with a ZodError', (key, text) => {
    expect(() => parseSettingText(key as never, text)).toThrow(z.ZodError);
  });
});

describe('the registry', () => {
  it('knows its keys, and nothing inherited from Object.prototype', () => {
    for (const key of settingKeys) expect(isSettingKey(key)).toBe(true);
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'nope', '']) expect(isSettingKey(key)).toBe(false);
  });

  it('holds the settings the foundation documents', () => {
    expect(settingKeys).toEqual(expect.arrayContaining(['ui.language', 'shop.timeZone', 'shop.region', 'sending.paused', 'sandbox.deliveryDelayMs']));
  });

  it('gives every setting a known group, and a default its own schema accepts (or null: computed by the core)', () => {
    for (const key of settingKeys) {
      const d = settingDefinitions[key];
      expect(settingGroups).toContain(d.group);
      if (d.default !== null) expect(d.schema.safeParse(d.default).success, key).toBe(true);
    }
  });

  it('lists the options an enum setting accepts, and only those', () => {
    expect(settingDefinitions['ui.language'].options).toEqual(languages);
    for (const key of settingKeys) {
      const d = settingDefinitions[key] as { kind: string; options?: readonly string[]; schema: z.ZodType };
      if (d.kind !== 'enum') continue;
      for (const option of d.options ?? []) expect(d.schema.safeParse(option).success).toBe(true);
      expect(d.schema.safeParse('not-an-option').success).toBe(false);
    }
  });

  it('enforces the documented bounds of integer settings', () => {
    const d = settingDefinitions['sandbox.deliveryDelayMs'];
    expect([d.min, d.max]).toEqual([0, 600_000]);
    expect(d.schema.safeParse(0).success).toBe(true);
    expect(d.schema.safeParse(600_000).success).toBe(true);
    expect(d.schema.safeParse(-1).success).toBe(false);
    expect(d.schema.safeParse(600_001).success).toBe(false);
    expect(d.default).toBe(1000);
  });

  it('tells time zones Intl knows from the rest', () => {
    expect(isValidTimeZone('Asia/Taipei')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
