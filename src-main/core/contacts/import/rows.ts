// One data row + the column mapping → a contact candidate, or the reason it is rejected. The same
// phone rule (src-shared/phone) and value rules (../values) as the contact form.
import type { FieldType, ImportMapping, ImportRejectCode, ImportTarget } from '../../../../src-shared/api/contacts-schemas';
import { parseMobile } from '../../../../src-shared/phone/mobile';
import type { VehicleValues } from '../repository';
import { normaliseBirthday, normaliseDate, normaliseFieldValue, normaliseYearMonth } from '../values';
import type { TableRow } from './table';

export interface Candidate {
  line: number;
  name: string;
  honorific: string | null;
  e164: string;
  phoneRaw: string;
  region: string;
  birthday: string | null;
  notes: string | null;
  categories: string[];
  optOut: boolean | null;
  fields: Record<string, string>;
  vehicles: VehicleValues[];
}

export interface RowRejection {
  line: number;
  code: ImportRejectCode;
  key: string;
  params?: Record<string, string | number>;
}

const TRUE_WORDS = new Set(['1', 'y', 'yes', 'true', 't', 'x', 'v', '✓', '✔', '○', '◯', '是', '有', '拒收', '退訂', '退订', 'はい', '済', '停止', '配信停止']);
const FALSE_WORDS = new Set(['', '0', 'n', 'no', 'false', 'f', '否', '無', '无', 'いいえ', '-']);
const CATEGORY_SPLIT = /[,;，；、|/／]+/;

const short = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);

export interface RowContext {
  mapping: ImportMapping;
  headers: readonly string[];
  region: string;
  fieldType(key: string): FieldType | undefined;
}

/** Where each target's column is, and the custom-field columns: worked out once per mapping, not per row. */
interface Columns {
  of: Map<ImportTarget, number>;
  fields: { index: number; target: ImportTarget; key: string }[];
}
const columnsCache = new WeakMap<ImportMapping, Columns>();

function columnsOf(mapping: ImportMapping): Columns {
  let columns = columnsCache.get(mapping);
  if (columns) return columns;
  columns = { of: new Map(), fields: [] };
  for (let i = 0; i < mapping.length; i++) {
    const target = mapping[i];
    if (!target) continue;
    // The first column of a target counts (as indexOf did).
    if (!columns.of.has(target)) columns.of.set(target, i);
    if (target.startsWith('field.')) columns.fields.push({ index: i, target, key: target.slice('field.'.length) });
  }
  columnsCache.set(mapping, columns);
  return columns;
}

/** The cell of a target's column; undefined when no column is mapped to it. */
function cellOf(row: TableRow, columns: Columns, target: ImportTarget): string | undefined {
  const i = columns.of.get(target);
  return i === undefined ? undefined : row.cells[i] ?? '';
}

function invalid(row: TableRow, ctx: RowContext, columns: Columns, target: ImportTarget, value: string): RowRejection {
  const i = columns.of.get(target);
  return {
    line: row.line, code: 'invalid_value', key: 'contacts.import.reason.invalid_value',
    params: { column: (i === undefined ? undefined : ctx.headers[i]) ?? target, value: short(value) },
  };
}

const VEHICLE_DATES = [['vehicle.factoryDate', 'factoryDate', normaliseDate], ['vehicle.licenceDate', 'licenceDate', normaliseDate],
  ['vehicle.inspectionDue', 'inspectionDue', normaliseYearMonth], ['vehicle.insuranceExpiry', 'insuranceExpiry', normaliseDate]] as const;
const REGION_CODE = /^[A-Z]{2}$/;

export function rowToCandidate(row: TableRow, ctx: RowContext): Candidate | RowRejection {
  const columns = columnsOf(ctx.mapping);
  const regionCell = (cellOf(row, columns, 'region') ?? '').trim().toUpperCase();
  const region = REGION_CODE.test(regionCell) ? regionCell : ctx.region;
  const rawPhone = cellOf(row, columns, 'phone') ?? '';
  const phone = parseMobile(rawPhone, region);
  if (!phone.ok) {
    if (phone.code === 'empty') return { line: row.line, code: 'empty', key: 'contacts.import.reason.empty' };
    const reason = phone.code === 'not_mobile' && phone.kind !== 'other' ? `not_mobile_${phone.kind}` : phone.code;
    return { line: row.line, code: phone.code, key: `contacts.import.reason.${reason}`, params: { value: short(rawPhone) } };
  }

  const birthdayText = cellOf(row, columns, 'birthday');
  let birthday: string | null = null;
  if (birthdayText) {
    birthday = normaliseBirthday(birthdayText);
    if (birthday === null) return invalid(row, ctx, columns, 'birthday', birthdayText);
  }

  let optOut: boolean | null = null;
  const optOutText = cellOf(row, columns, 'optOut');
  if (optOutText !== undefined) {
    const word = optOutText.normalize('NFKC').trim().toLowerCase();
    if (TRUE_WORDS.has(word)) optOut = true;
    else if (FALSE_WORDS.has(word)) optOut = optOutText.trim() === '' ? null : false;
    else return invalid(row, ctx, columns, 'optOut', optOutText);
  }

  const fields: Record<string, string> = {};
  for (const { index, target, key } of columns.fields) {
    const type = ctx.fieldType(key);
    const text = row.cells[index] ?? '';
    if (!type || text === '') continue;
    const value = normaliseFieldValue(type, text);
    if (value === null) return invalid(row, ctx, columns, target, text);
    fields[key] = value;
  }

  const vehicles: VehicleValues[] = [];
  const plate = (cellOf(row, columns, 'vehicle.plate') ?? '').trim();
  if (plate) {
    const dates: Partial<VehicleValues> = {};
    for (const [target, prop, normalise] of VEHICLE_DATES) {
      const text = cellOf(row, columns, target);
      if (!text) continue;
      const value = normalise(text);
      if (value === null) return invalid(row, ctx, columns, target, text);
      dates[prop] = value;
    }
    vehicles.push({
      plate: plate.slice(0, 20), factoryDate: dates.factoryDate ?? null, licenceDate: dates.licenceDate ?? null,
      inspectionDue: dates.inspectionDue ?? null, insuranceExpiry: dates.insuranceExpiry ?? null,
    });
  }

  const categoryText = cellOf(row, columns, 'categories');
  const categories = categoryText ? [...new Set(categoryText.split(CATEGORY_SPLIT).map((s) => s.trim().slice(0, 40)).filter(Boolean))] : [];
  return {
    line: row.line,
    name: (cellOf(row, columns, 'name') ?? '').slice(0, 100),
    honorific: cellOf(row, columns, 'honorific')?.slice(0, 20) || null,
    e164: phone.e164,
    phoneRaw: rawPhone.trim(),
    region: phone.region ?? region,
    birthday,
    notes: cellOf(row, columns, 'notes')?.slice(0, 5000) || null,
    categories,
    optOut,
    fields,
    vehicles,
  };
}

export const isRejection = (x: Candidate | RowRejection): x is RowRejection => 'code' in x;
