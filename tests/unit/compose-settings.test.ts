// The compose settings (issue 5) appear on the Settings page in their own group, with a translated title
// and a label and help text per setting in every language; their defaults fit their own schemas.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src-shared/i18n';
import { languages } from '../../src-shared/i18n/languages';
import { settingDefinitions, settingGroups, settingKeys } from '../../src-shared/settings/registry';

const composeKeys = settingKeys.filter((k) => settingDefinitions[k].group === 'compose');

describe('compose settings', () => {
  it('form their own group with the sender tag, prefix, suffix, opt-out text, test number and repeat days', () => {
    expect(settingGroups).toContain('compose');
    expect(composeKeys.sort()).toEqual(['compose.optOutLine', 'compose.prefix', 'compose.senderTag', 'compose.suffix', 'compose.templateRepeatDays', 'compose.testNumber']);
    expect(settingDefinitions['shop.phone'].group).toBe('shop');
  });

  it('have defaults their schemas accept', () => {
    for (const key of [...composeKeys, 'shop.phone' as const]) expect(settingDefinitions[key].schema.safeParse(settingDefinitions[key].default).success).toBe(true);
  });

  for (const language of languages) {
    it(`are labelled and explained in ${language}`, () => {
      const t = createI18n(language).t;
      const missing = (key: string) => t(key, { defaultValue: '\u0000' }) === '\u0000';
      expect(missing('settings.groups.compose.title') || missing('settings.groups.compose.help')).toBe(false);
      const lacking = [...composeKeys, 'shop.phone'].filter((k) => missing(`settings.keys.${k}.label`) || missing(`settings.keys.${k}.help`));
      expect(lacking).toEqual([]);
    });
  }
});
