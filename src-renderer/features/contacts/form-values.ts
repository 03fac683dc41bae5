// The contact form's values and their conversion to and from the contract. Dates are typed, not
// picked (faster at the counter): the operator may write 1985/2/29, 19850229, 2/29 (no year) or
// 2027/3, and the form stores the canonical text the contract expects.
import { birthdayText, dateText, yearMonthText, type ContactCreateInput, type ContactView, type FieldDefinition, type VehicleInput } from '../../../src-shared/api/contacts-schemas';

const pad = (s: string) => s.padStart(2, '0');

/** Text → YYYY-MM-DD, '' for empty, null when it is not a real date. */
export function normalizeDate(text: string): string | null {
  const s = text.trim().normalize('NFKC');
  if (!s) return '';
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s);
  if (!m || (!/[-/.年]/.test(s) && s.length !== 8)) return null;
  const value = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  return dateText.safeParse(value).success ? value : null;
}

/** Text → YYYY-MM, '' for empty, null when it is not a year and month. */
export function normalizeYearMonth(text: string): string | null {
  const s = text.trim().normalize('NFKC');
  if (!s) return '';
  const m = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(s);
  if (!m || (!/[-/.年]/.test(s) && s.length !== 6)) return null;
  const value = `${m[1]}-${pad(m[2]!)}`;
  return yearMonthText.safeParse(value).success ? value : null;
}

/** A birthday: a full date, or month and day only (--MM-DD); 29 February is allowed either way. */
export function normalizeBirthday(text: string): string | null {
  const s = text.trim().normalize('NFKC');
  if (!s) return '';
  const full = normalizeDate(s);
  if (full) return birthdayText.safeParse(full).success ? full : null;
  const m = /^(?:--)?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const value = `--${pad(m[1]!)}-${pad(m[2]!)}`;
  return birthdayText.safeParse(value).success ? value : null;
}

/** How a stored birthday is typed back into the box: --02-29 as 02-29. */
export function birthdayForInput(value: string | null): string {
  if (!value) return '';
  return value.startsWith('--') ? value.slice(2) : value;
}

export function normalizeNumber(text: string): string | null {
  const s = text.trim().normalize('NFKC').replace(/,/g, '');
  if (!s) return '';
  return /^-?\d+(\.\d+)?$/.test(s) ? s : null;
}

export function normalizeFieldValue(type: FieldDefinition['type'], text: string): string | null {
  switch (type) {
    case 'date':
      return normalizeDate(text);
    case 'yearMonth':
      return normalizeYearMonth(text);
    case 'number':
      return normalizeNumber(text);
    default:
      return text.trim();
  }
}

export interface VehicleFormValues {
  id?: number;
  plate: string;
  factoryDate: string;
  licenceDate: string;
  inspectionDue: string;
  insuranceExpiry: string;
}

export interface ContactFormValues {
  name: string;
  honorific: string;
  phone: string;
  categoryIds: number[];
  birthday: string;
  notes: string;
  optOut: boolean;
  optOutHow: string;
  consents: ('notification' | 'marketing')[];
  fields: Record<string, string>;
  vehicles: VehicleFormValues[];
}

export function emptyFormValues(): ContactFormValues {
  return { name: '', honorific: '', phone: '', categoryIds: [], birthday: '', notes: '', optOut: false, optOutHow: '', consents: [], fields: {}, vehicles: [] };
}

export function formValuesOf(c: ContactView): ContactFormValues {
  return {
    name: c.name,
    honorific: c.honorific,
    phone: c.phoneRaw || c.phoneNational || c.phone,
    categoryIds: c.categoryIds,
    birthday: birthdayForInput(c.birthday),
    notes: c.notes,
    optOut: c.optOut.flag,
    optOutHow: c.optOut.how ?? '',
    consents: c.consents.map((x) => x.purpose),
    fields: { ...c.fields },
    vehicles: c.vehicles.map((v) => ({
      id: v.id, plate: v.plate, factoryDate: v.factoryDate ?? '', licenceDate: v.licenceDate ?? '', inspectionDue: v.inspectionDue ?? '', insuranceExpiry: v.insuranceExpiry ?? '',
    })),
  };
}

const orNull = (s: string | null) => (s ? s : null);

/**
 * The create/update input. Values were checked on their fields already; here they are made canonical.
 * A consent the contact already had keeps its original date; `fields` lists only the shop's fields
 * (an empty string clears a value); vehicles only when the preset is on (else they are left alone).
 */
export function toContactInput(v: ContactFormValues, opts: { fields: readonly FieldDefinition[]; vehiclePreset: boolean; existing?: ContactView }): ContactCreateInput {
  const fields: Record<string, string> = {};
  for (const f of opts.fields) {
    const value = normalizeFieldValue(f.type, v.fields[f.key] ?? '');
    const had = opts.existing?.fields[f.key] !== undefined;
    if (value || had) fields[f.key] = value ?? '';
  }
  const consents = v.consents.map((purpose) => {
    const had = opts.existing?.consents.find((c) => c.purpose === purpose);
    return had ? { purpose, at: had.at, how: had.how } : { purpose };
  });
  const vehicles: VehicleInput[] = v.vehicles
    .filter((x) => x.plate.trim())
    .map((x) => ({
      ...(x.id ? { id: x.id } : {}),
      plate: x.plate.trim(),
      factoryDate: orNull(normalizeDate(x.factoryDate)),
      licenceDate: orNull(normalizeDate(x.licenceDate)),
      inspectionDue: orNull(normalizeYearMonth(x.inspectionDue)),
      insuranceExpiry: orNull(normalizeDate(x.insuranceExpiry)),
    }));
  return {
    name: v.name.trim(),
    honorific: v.honorific.trim(),
    phone: v.phone.trim(),
    categoryIds: v.categoryIds,
    birthday: orNull(normalizeBirthday(v.birthday)),
    notes: v.notes,
    optOut: { flag: v.optOut, how: v.optOut ? v.optOutHow.trim() || null : null },
    consents,
    fields,
    ...(opts.vehiclePreset ? { vehicles } : {}),
  };
}
