export const languages = ['zh-TW', 'en', 'zh-CN', 'ja'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-TW';

/** BCP 47 tags for Intl formatting of dates and numbers. */
export const intlLocale: Record<Language, string> = { 'zh-TW': 'zh-TW', en: 'en-US', 'zh-CN': 'zh-CN', ja: 'ja-JP' };

export function toLanguage(tag: string | undefined | null): Language {
  if (!tag) return defaultLanguage;
  const t = tag.replace('_', '-').toLowerCase();
  if (t.startsWith('zh')) return t.includes('cn') || t.includes('hans') || t.includes('sg') ? 'zh-CN' : 'zh-TW';
  if (t.startsWith('ja')) return 'ja';
  if (t.startsWith('en')) return 'en';
  return defaultLanguage;
}
