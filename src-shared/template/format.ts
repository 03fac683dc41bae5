// How contact values read inside a message, in the shop's language: a birthday "3月5日" / "March 5",
// an inspection month "2026年4月" / "2026-04", a date "2026年4月30日" / "2026-04-30". Stored values are
// ISO text (YYYY-MM-DD, --MM-DD, YYYY-MM); anything else is inserted as it is.
import type { FieldType } from '../api/contacts-schemas';

type Language = 'zh-TW' | 'zh-CN' | 'ja' | 'en';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatMonthDay(month: number, day: number, language: Language): string {
  return language === 'en' ? `${EN_MONTHS[month - 1]} ${day}` : `${month}月${day}日`;
}

/** A birthday shows month and day only (the year is nobody's business in a greeting). */
export function formatBirthday(value: string, language: Language): string {
  const m = /^(?:\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  return m ? formatMonthDay(Number(m[1]), Number(m[2]), language) : value;
}

export function formatDateValue(value: string, type: FieldType, language: Language): string {
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return value;
    return language === 'en' ? value : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  }
  if (type === 'yearMonth') {
    const m = /^(\d{4})-(\d{2})$/.exec(value);
    if (!m) return value;
    return language === 'en' ? value : `${m[1]}年${Number(m[2])}月`;
  }
  return value;
}
