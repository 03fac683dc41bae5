// Checks that i18n keys exist in every language (a missing key would show its raw name to a person).
import { expect } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { languages } from '../../../src-shared/i18n/languages';

export function expectTranslated(keys: string[]): void {
  const missing: string[] = [];
  for (const lang of languages) {
    const t = createI18n(lang).t;
    for (const key of new Set(keys)) if (t(key, { defaultValue: '\u0000missing' }) === '\u0000missing') missing.push(`${lang}:${key}`);
  }
  expect(missing).toEqual([]);
}
