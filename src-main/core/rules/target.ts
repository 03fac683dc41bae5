// A rule's target on the day it runs → the contacts it selects. The contact filter is the contacts
// core's own (filters.ts); the conditions relative to the run's day become absolute filter parts for
// that day, so a run caught up later still selects whom it would have selected on its day.
import type { ContactFilter, FieldType } from '../../../src-shared/api/contacts-schemas';
import type { RuleCondition, RuleTarget } from '../../../src-shared/api/rules-schemas';
import type { Db } from '../db/client';
import { addDays, filterCondition, type FilterContext } from '../contacts/filters';
import type { SqlPart } from '../contacts/search';

/** Where 29 February birthdays are greeted in a year without one. */
export type LeapDayBirthday = 'feb28' | 'mar1';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The birthday range (MM-DD, inclusive) greeted on a day. */
export function birthdayRangeOn(date: string, leapDay: LeapDayBirthday): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (!isLeap(year) && leapDay === 'feb28' && md === '02-28') return { from: '02-28', to: '02-29' };
  if (!isLeap(year) && leapDay === 'mar1' && md === '03-01') return { from: '02-29', to: '03-01' };
  return { from: md, to: md };
}

export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** One condition on `date` as contact filters, any of which may hold (daysFromRun with several offsets). */
function conditionFilters(cond: RuleCondition, date: string, leapDay: LeapDayBirthday): ContactFilter[] {
  switch (cond.kind) {
    case 'birthdayToday':
      return [{ birthday: birthdayRangeOn(date, leapDay) }];
    case 'daysFromRun':
      return [...new Set(cond.days)].map((n) => {
        const day = addDays(date, n);
        return { dates: [{ field: cond.field, range: { kind: 'absolute' as const, from: day, to: day } }] };
      });
    case 'monthFromRun': {
      const month = addMonths(date, cond.months);
      return [{ dates: [{ field: cond.field, range: { kind: 'absolute' as const, from: month, to: month } }] }];
    }
  }
}

export function targetCondition(target: RuleTarget, ctx: FilterContext, leapDay: LeapDayBirthday): SqlPart {
  const parts = [filterCondition(target.filter, ctx)];
  for (const cond of target.conditions) {
    const any = conditionFilters(cond, ctx.today, leapDay).map((f) => filterCondition(f, ctx));
    parts.push({ sql: `(${any.map((p) => `(${p.sql})`).join(' or ')})`, params: any.flatMap((p) => p.params) });
  }
  return { sql: parts.map((p) => `(${p.sql})`).join(' and '), params: parts.flatMap((p) => p.params) };
}

export function createTargetQuery(db: Db) {
  const fieldType = db.prepare<[string], { type: FieldType }>('select type from contact_fields where key = ? and hidden = 0');
  return {
    /** Contact ids the target selects on `date` (YYYY-MM-DD in the rule's zone), in id order. */
    contactIds(target: RuleTarget, date: string, leapDay: LeapDayBirthday): number[] {
      const ctx: FilterContext = { today: date, fieldType: (key) => fieldType.get(key)?.type };
      const cond = targetCondition(target, ctx, leapDay);
      return db.prepare(`select c.id from contacts c where ${cond.sql} order by c.id`).pluck().all(...cond.params) as number[];
    },
  };
}
