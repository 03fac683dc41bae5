// Values as shops write them → the canonical text the database keeps: dates YYYY-MM-DD, year-months
// YYYY-MM, birthdays YYYY-MM-DD or --MM-DD, numbers without grouping. Taiwanese files often use the
// ROC calendar (民國 113/05/01 = 2024-05-01): a 2–3 digit year is read that way.
import { isRealDate, isRealMonthDay, type FieldType } from '../../../src-shared/api/contacts-schemas';

const ROC_OFFSET = 1911;
const pad = (n: number) => String(n).padStart(2, '0');

function year(y: string): number {
  const n = Number(y);
  return y.length <= 3 ? n + ROC_OFFSET : n;
}

/** null when the text is not a date. */
export function normaliseDate(text: string): string | null {
  const s = text.normalize('NFKC').trim().replace(/^民國\s*/, '');
  let m = /^(\d{2,4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const out = `${year(m[1]!)}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isRealDate(out) ? out : null;
}

export function normaliseYearMonth(text: string): string | null {
  const s = text.normalize('NFKC').trim().replace(/^民國\s*/, '');
  const date = normaliseDate(s);
  if (date) return date.slice(0, 7);
  let m = /^(\d{2,4})[/.\-年](\d{1,2})月?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${year(m[1]!)}-${pad(month)}`;
}

export function normaliseBirthday(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  if (/^--\d{2}-\d{2}$/.test(s)) return isRealMonthDay(s.slice(2)) ? s : null;
  const date = normaliseDate(s);
  if (date) return date;
  const m = /^(\d{1,2})[/.\-月](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const md = `${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  return isRealMonthDay(md) ? `--${md}` : null;
}

export function birthdayMonthDay(birthday: string | null): string | null {
  return birthday ? birthday.slice(-5) : null;
}

export function normaliseNumber(text: string): string | null {
  const s = text.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? String(n) : null;
}

/** The canonical text of a field value, or null when it does not fit the type. Empty stays empty. */
export function normaliseFieldValue(type: FieldType, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  switch (type) {
    case 'text':
      return trimmed.slice(0, 1000);
    case 'number':
      return normaliseNumber(trimmed);
    case 'date':
      return normaliseDate(trimmed);
    case 'yearMonth':
      return normaliseYearMonth(trimmed);
  }
}
