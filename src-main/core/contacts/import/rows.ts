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

export function rowToCandidate(row: TableRow, ctx: RowContext): Candidate | RowRejection {
  const cell = (target: ImportTarget): string | undefined => {
    const i = ctx.mapping.indexOf(target);
    return i === -1 ? undefined : row.cells[i] ?? '';
  };
  const invalid = (target: ImportTarget, value: string): RowRejection => ({
    line: row.line, code: 'invalid_value', key: 'contacts.import.reason.invalid_value',
    params: { column: ctx.headers[ctx.mapping.indexOf(target)] ?? target, value: short(value) },
  });

  const regionCell = (cell('region') ?? '').trim().toUpperCase();
  const region = /^[A-Z]{2}$/.test(regionCell) ? regionCell : ctx.region;
  const rawPhone = cell('phone') ?? '';
  const phone = parseMobile(rawPhone, region);
  if (!phone.ok) {
    if (phone.code === 'empty') return { line: row.line, code: 'empty', key: 'contacts.import.reason.empty' };
    const reason = phone.code === 'not_mobile' && phone.kind !== 'other' ? `not_mobile_${phone.kind}` : phone.code;
    return { line: row.line, code: phone.code, key: `contacts.import.reason.${reason}`, params: { value: short(rawPhone) } };
  }

  const birthdayText = cell('birthday');
  let birthday: string | null = null;
  if (birthdayText) {
    birthday = normaliseBirthday(birthdayText);
    if (birthday === null) return invalid('birthday', birthdayText);
  }

  let optOut: boolean | null = null;
  const optOutText = cell('optOut');
  if (optOutText !== undefined) {
    const word = optOutText.normalize('NFKC').trim().toLowerCase();
    if (TRUE_WORDS.has(word)) optOut = true;
    else if (FALSE_WORDS.has(word)) optOut = optOutText.trim() === '' ? null : false;
    else return invalid('optOut', optOutText);
  }

  const fields: Record<string, string> = {};
  for (let i = 0; i < ctx.mapping.length; i++) {
    const target = ctx.mapping[i];
    if (!target?.startsWith('field.')) continue;
    const key = target.slice('field.'.length);
    const type = ctx.fieldType(key);
    const text = row.cells[i] ?? '';
    if (!type || text === '') continue;
    const value = normaliseFieldValue(type, text);
    if (value === null) return invalid(target, text);
    fields[key] = value;
  }

  const vehicles: VehicleValues[] = [];
  const plate = (cell('vehicle.plate') ?? '').trim();
  if (plate) {
    const dates: Partial<VehicleValues> = {};
    const dateCols = [['vehicle.factoryDate', 'factoryDate', normaliseDate], ['vehicle.licenceDate', 'licenceDate', normaliseDate],
      ['vehicle.inspectionDue', 'inspectionDue', normaliseYearMonth], ['vehicle.insuranceExpiry', 'insuranceExpiry', normaliseDate]] as const;
    for (const [target, prop, normalise] of dateCols) {
      const text = cell(target);
      if (!text) continue;
      const value = normalise(text);
      if (value === null) return invalid(target, text);
      dates[prop] = value;
    }
    vehicles.push({
      plate: plate.slice(0, 20), factoryDate: dates.factoryDate ?? null, licenceDate: dates.licenceDate ?? null,
      inspectionDue: dates.inspectionDue ?? null, insuranceExpiry: dates.insuranceExpiry ?? null,
    });
  }

  const categories = (cell('categories') ?? '').split(CATEGORY_SPLIT).map((s) => s.trim().slice(0, 40)).filter(Boolean);
  return {
    line: row.line,
    name: (cell('name') ?? '').slice(0, 100),
    honorific: cell('honorific')?.slice(0, 20) || null,
    e164: phone.e164,
    phoneRaw: rawPhone.trim(),
    region: phone.region ?? region,
    birthday,
    notes: cell('notes')?.slice(0, 5000) || null,
    categories: [...new Set(categories)],
    optOut,
    fields,
    vehicles,
  };
}

export const isRejection = (x: Candidate | RowRejection): x is RowRejection => 'code' in x;
