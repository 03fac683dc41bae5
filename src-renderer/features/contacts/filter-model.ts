// The filter the operator builds, as the contract's ContactFilter (so a saved filter loads back as is),
// with the helpers the filter panel needs: a birthday month as a day range, "within N days",
// "due in a month", and a canonical form for query keys and saving.
import type { ContactFilter, DateCondition } from '../../../src-shared/api/contacts-schemas';

export type DateFieldRef = DateCondition['field'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Days in a month of a leap year: a birthday month includes 29 February. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function birthdayMonthRange(month: number): { from: string; to: string } {
  return { from: `${pad(month)}-01`, to: `${pad(month)}-${DAYS_IN_MONTH[month - 1]}` };
}

/** The month a birthday range covers exactly, or null when it is some other range. */
export function monthOfBirthdayRange(range: { from: string; to: string }): number | null {
  const month = Number(range.from.slice(0, 2));
  const whole = birthdayMonthRange(month);
  return whole.from === range.from && whole.to === range.to ? month : null;
}

export function dueInMonth(field: DateFieldRef, yearMonth: string): DateCondition {
  return { field, range: { kind: 'absolute', from: yearMonth, to: yearMonth } };
}

/** From today to `days` ahead (positive), or from `days` ago to today (negative). */
export function withinDays(field: DateFieldRef, days: number): DateCondition {
  return { field, range: { kind: 'relative', fromDays: Math.min(0, days), toDays: Math.max(0, days) } };
}

export function betweenDates(field: DateFieldRef, from: string | undefined, to: string | undefined): DateCondition {
  return { field, range: { kind: 'absolute', ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** Without empty parts, so equal filters give equal query keys and "no filter" is `{}`. */
export function canonicalFilter(f: ContactFilter): ContactFilter {
  const out: ContactFilter = {};
  const search = f.search?.trim();
  if (search) out.search = search;
  if (f.categoryIds?.length) out.categoryIds = [...f.categoryIds].sort((a, b) => a - b);
  if (f.excludeCategoryIds?.length) out.excludeCategoryIds = [...f.excludeCategoryIds].sort((a, b) => a - b);
  if (f.birthday) out.birthday = f.birthday;
  const dates = f.dates?.filter((d) => d.range.kind === 'relative' || d.range.from || d.range.to);
  if (dates?.length) out.dates = dates;
  if (f.optOut && f.optOut !== 'any') out.optOut = f.optOut;
  return out;
}

/** Conditions other than the search text (the count on the Filters button). */
export function conditionCount(f: ContactFilter): number {
  const c = canonicalFilter(f);
  return (c.categoryIds ? 1 : 0) + (c.excludeCategoryIds ? 1 : 0) + (c.birthday ? 1 : 0) + (c.dates?.length ?? 0) + (c.optOut ? 1 : 0);
}

export function isEmptyFilter(f: ContactFilter): boolean {
  return Object.keys(canonicalFilter(f)).length === 0;
}

/** A chip's text as an i18n key and params (the caller translates field names and dates). */
export type ConditionText =
  | { key: 'month'; field: DateFieldRef; month: string }
  | { key: 'within'; field: DateFieldRef; days: number }
  | { key: 'past'; field: DateFieldRef; days: number }
  | { key: 'relative'; field: DateFieldRef; fromDays: number; toDays: number }
  | { key: 'between'; field: DateFieldRef; from: string; to: string }
  | { key: 'from'; field: DateFieldRef; from: string }
  | { key: 'until'; field: DateFieldRef; to: string };

export function describeCondition(c: DateCondition): ConditionText {
  const r = c.range;
  if (r.kind === 'relative') {
    if (r.fromDays === 0 && r.toDays >= 0) return { key: 'within', field: c.field, days: r.toDays };
    if (r.toDays === 0 && r.fromDays < 0) return { key: 'past', field: c.field, days: -r.fromDays };
    return { key: 'relative', field: c.field, fromDays: r.fromDays, toDays: r.toDays };
  }
  if (r.from && r.to) return r.from === r.to && r.from.length === 7 ? { key: 'month', field: c.field, month: r.from } : { key: 'between', field: c.field, from: r.from, to: r.to };
  if (r.from) return { key: 'from', field: c.field, from: r.from };
  return { key: 'until', field: c.field, to: r.to ?? '' };
}
