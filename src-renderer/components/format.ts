// Dates and numbers for the reader's locale, dates in the shop's time zone (not the PC's: a shop in
// Taipei looks at Taipei time even on a laptop set to another zone).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, toLanguage } from '../../src-shared/i18n/languages';
import { formatDateTime, formatNumber, type DateStyle } from '../../src-shared/format/datetime';

export function useLocaleTag(): string {
  const { i18n } = useTranslation();
  return intlLocale[toLanguage(i18n.language)];
}

export function useNumberFormat(): (n: number) => string {
  const locale = useLocaleTag();
  return useCallback((n: number) => formatNumber(n, locale), [locale]);
}

export function useDateTimeFormat(timeZone: string): (iso: string, style?: DateStyle) => string {
  const locale = useLocaleTag();
  return useCallback((iso: string, style: DateStyle = 'full') => formatDateTime(iso, locale, timeZone, style), [locale, timeZone]);
}
