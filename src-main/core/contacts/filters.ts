// A contact filter (contract: contactFilterSchema) → one SQL condition over `contacts c`. Used by the
// list, bulk actions, export, and saved filters read by the composer and reminder rules.
import type { ContactFilter, DateCondition, FieldType } from '../../../src-shared/api/contacts-schemas';
import { vehicleFieldTypes, type VehicleFieldKey } from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import { searchCondition, type SqlPart } from './search';

export interface FilterContext {
  /** The type of a custom field, undefined when there is no such field. */
  fieldType(key: string): FieldType | undefined;
  /** Today in the shop's time zone, YYYY-MM-DD (relative date ranges count from it). */
  today: string;
}

const VEHICLE_COLUMNS: Record<VehicleFieldKey, string> = {
  plate: 'plate', factoryDate: 'factory_date', licenceDate: 'licence_date', inspectionDue: 'inspection_due', insuranceExpiry: 'insurance_expiry',
};

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Inclusive bounds in the field's own format (a date or a year-month), so plain text comparison works. */
function bounds(range: DateCondition['range'], type: 'date' | 'yearMonth', today: string): { lo?: string; hi?: string } {
  if (range.kind === 'relative') {
    const a = addDays(today, Math.min(range.fromDays, range.toDays));
    const b = addDays(today, Math.max(range.fromDays, range.toDays));
    return type === 'yearMonth' ? { lo: a.slice(0, 7), hi: b.slice(0, 7) } : { lo: a, hi: b };
  }
  const fit = (v: string | undefined, end: 'lo' | 'hi') => {
    if (v === undefined) return undefined;
    if (type === 'yearMonth') return v.slice(0, 7);
    // A month as a bound of a date field covers the whole month ("-31" sorts after every day of it).
    return v.length === 7 ? `${v}-${end === 'lo' ? '01' : '31'}` : v;
  };
  return { ...(range.from !== undefined ? { lo: fit(range.from, 'lo')! } : {}), ...(range.to !== undefined ? { hi: fit(range.to, 'hi')! } : {}) };
}

function dateCondition(cond: DateCondition, ctx: FilterContext): SqlPart {
  let type: FieldType | undefined;
  let source: string;
  const params: unknown[] = [];
  if (cond.field.startsWith('vehicle.')) {
    const key = cond.field.slice('vehicle.'.length) as VehicleFieldKey;
    type = vehicleFieldTypes[key];
    source = `select 1 from contact_vehicles v where v.contact_id = c.id and v.${VEHICLE_COLUMNS[key]}`;
  } else {
    const key = cond.field.slice('field.'.length);
    type = ctx.fieldType(key);
    if (type === undefined) throw new ApiError('validation', 'contacts.errors.fieldUnknown', { key });
    source = 'select 1 from contact_field_values f where f.contact_id = c.id and f.key = ? and f.value';
    params.push(key);
  }
  if (type !== 'date' && type !== 'yearMonth') throw new ApiError('validation', 'contacts.errors.fieldValue', { label: cond.field, value: '', type: type ?? '' });
  const { lo, hi } = bounds(cond.range, type, ctx.today);
  if (lo !== undefined && hi !== undefined) return { sql: `exists (${source} between ? and ?)`, params: [...params, lo, hi] };
  if (lo !== undefined) return { sql: `exists (${source} >= ?)`, params: [...params, lo] };
  if (hi !== undefined) return { sql: `exists (${source} <= ?)`, params: [...params, hi] };
  return { sql: `exists (${source} is not null)`, params };
}

const idList = (ids: readonly number[]) => JSON.stringify(ids);

/** The condition for live contacts matching the filter (always at least "not deleted"). */
export function filterCondition(filter: ContactFilter | undefined, ctx: FilterContext): SqlPart {
  const parts: string[] = ['c.deleted_batch is null'];
  const params: unknown[] = [];
  const add = (p: SqlPart | null) => {
    if (!p) return;
    parts.push(p.sql);
    params.push(...p.params);
  };
  if (!filter) return { sql: parts.join(' and '), params };
  add(searchCondition(filter.search));
  if (filter.categoryIds?.length) {
    add({ sql: 'exists (select 1 from contact_category_links l where l.contact_id = c.id and l.category_id in (select value from json_each(?)))', params: [idList(filter.categoryIds)] });
  }
  if (filter.excludeCategoryIds?.length) {
    add({ sql: 'not exists (select 1 from contact_category_links l where l.contact_id = c.id and l.category_id in (select value from json_each(?)))', params: [idList(filter.excludeCategoryIds)] });
  }
  if (filter.birthday) {
    const { from, to } = filter.birthday;
    // A range across New Year (12-20 .. 01-10) is two ranges.
    add(from <= to
      ? { sql: 'c.birthday_md between ? and ?', params: [from, to] }
      : { sql: '(c.birthday_md >= ? or c.birthday_md <= ?)', params: [from, to] });
  }
  for (const cond of filter.dates ?? []) add(dateCondition(cond, ctx));
  if (filter.optOut === 'exclude') add({ sql: 'c.opt_out = 0', params: [] });
  if (filter.optOut === 'only') add({ sql: 'c.opt_out = 1', params: [] });
  return { sql: parts.join(' and '), params };
}
