// One place that switches the language: i18next, dayjs, antd's locale, <html lang> and the font stack
// change together, so dates in a picker never speak a different language than the labels around it.
import type { i18n } from 'i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/ja';
import 'dayjs/locale/en';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { ConfigProviderProps } from 'antd';
import zhTW from 'antd/locale/zh_TW';
import zhCN from 'antd/locale/zh_CN';
import jaJP from 'antd/locale/ja_JP';
import enUS from 'antd/locale/en_US';
import { defaultLanguage, languages, type Language } from '../../src-shared/i18n/languages';

dayjs.extend(utc);
dayjs.extend(timezone);

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

export const antdLocales: Record<Language, AntdLocale> = { 'zh-TW': zhTW, 'zh-CN': zhCN, ja: jaJP, en: enUS };
const dayjsLocales: Record<Language, string> = { 'zh-TW': 'zh-tw', 'zh-CN': 'zh-cn', ja: 'ja', en: 'en' };

/** CJK fonts per script: Traditional and Simplified Chinese and Japanese share code points but not glyphs. */
const cjkFonts: Record<Language, string> = {
  'zh-TW': '"PingFang TC", "Microsoft JhengHei", "Noto Sans TC", "Noto Sans CJK TC"',
  'zh-CN': '"PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC"',
  ja: '"Hiragino Sans", "Yu Gothic UI", "Meiryo", "Noto Sans JP", "Noto Sans CJK JP"',
  en: '"Noto Sans CJK TC"',
};

export function fontFamily(lang: Language): string {
  return `-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, ${cjkFonts[lang]}, sans-serif`;
}

// Remembered only so the next start paints in the right language before the core has answered.
const STORAGE_KEY = 'smsdesk.language';

export function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage may be unavailable (privacy mode); the default is fine.
  }
  return defaultLanguage;
}

export function applyLanguage(i18n: i18n, lang: Language): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  dayjs.locale(dayjsLocales[lang]);
  document.documentElement.lang = lang;
  document.title = i18n.getFixedT(lang)('common.appName');
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See rememberedLanguage.
  }
}
