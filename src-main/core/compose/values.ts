// Where placeholder values come from, loaded in bulk for a whole send: the contact's own columns, its
// custom fields (only the keys the text uses), its first vehicle, the shop's settings, and the event
// variables a caller passes. Event variables come first for every key but the shop's, so the
// integration API can fill {金額}, {餘額} or even {姓名} for a number that is no contact.
import { builtInKeys, canonicalKey, type PlaceholderValue, type ValueLookup } from '../../../src-shared/template/render';
import { formatBirthday, formatDateValue } from '../../../src-shared/template/format';
import type { FieldType } from '../../../src-shared/api/contacts-schemas';
import type { Db } from '../db/client';
import type { Recipient } from './recipients';

type Language = 'zh-TW' | 'zh-CN' | 'ja' | 'en';

export interface ShopValues {
  name: string;
  phone: string;
  senderTag: string;
}

const VEHICLE_COLUMNS: Record<string, { column: string; type: FieldType }> = {
  plate: { column: 'plate', type: 'text' },
  inspectionDue: { column: 'inspection_due', type: 'yearMonth' },
  insuranceExpiry: { column: 'insurance_expiry', type: 'date' },
  factoryDate: { column: 'factory_date', type: 'date' },
  licenceDate: { column: 'licence_date', type: 'date' },
};

/** Event variables by canonical key ({金額}, 'amount', 'event.amount' all mean `amount`). */
export function normaliseVariables(variables: Record<string, string | number> | undefined): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const [k, v] of Object.entries(variables ?? {})) {
    const key = canonicalKey(k.startsWith('event.') ? k.slice(6) : k);
    out.set(key.startsWith('event.') ? key.slice(6) : key, v);
  }
  return out;
}

export interface ValueSource {
  /** The lookup for one recipient. */
  lookupFor(recipient: Recipient): ValueLookup;
}

export function createValueLoader(db: Db) {
  const fieldValues = db.prepare<[string], { contact_id: number; value: string }>('select contact_id, value from contact_field_values where key = ?');

  return function load(input: {
    keys: readonly string[];
    recipients: readonly Recipient[];
    fieldTypes: ReadonlyMap<string, FieldType>;
    shop: ShopValues;
    variables: ReadonlyMap<string, string | number>;
    language: Language;
  }): ValueSource {
    const { keys, shop, variables, language } = input;
    const contactIds = new Set<number>();
    for (const r of input.recipients) if (r.contact) contactIds.add(r.contact.id);

    // Custom fields: one query per key used (its index), kept for the recipients of this send only.
    const fields = new Map<string, Map<number, string>>();
    for (const key of keys) {
      const type = input.fieldTypes.get(key);
      if (type === undefined || contactIds.size === 0) continue;
      const values = new Map<number, string>();
      for (const row of fieldValues.all(key)) {
        if (contactIds.has(row.contact_id)) values.set(row.contact_id, formatDateValue(row.value, type, language));
      }
      fields.set(key, values);
    }

    // Vehicles: the first of each contact (by position), only when the text uses a vehicle key.
    const vehicleKeys = keys.filter((k) => builtInKeys[k] === 'vehicle');
    const vehicles = new Map<number, Record<string, string | null>>();
    if (vehicleKeys.length > 0 && contactIds.size > 0) {
      const cols = vehicleKeys.map((k) => VEHICLE_COLUMNS[k]!.column).join(', ');
      const stmt = db.prepare(`select contact_id, ${cols} from contact_vehicles order by contact_id, position, id`);
      for (const row of stmt.all() as Record<string, string | number | null>[]) {
        const id = row.contact_id as number;
        if (!contactIds.has(id) || vehicles.has(id)) continue;
        const v: Record<string, string | null> = {};
        for (const k of vehicleKeys) {
          const { column, type } = VEHICLE_COLUMNS[k]!;
          const raw = row[column];
          v[k] = raw === null || raw === undefined ? null : formatDateValue(String(raw), type, language);
        }
        vehicles.set(id, v);
      }
    }

    return {
      lookupFor(recipient: Recipient): ValueLookup {
        const c = recipient.contact;
        return (key: string): PlaceholderValue => {
          switch (key) {
            case 'shop.name':
              return shop.name;
            case 'shop.phone':
              return shop.phone;
            case 'shop.senderTag':
              return shop.senderTag;
          }
          if (key.startsWith('event.')) return variables.get(key.slice(6));
          const given = variables.get(key);
          if (given !== undefined) return given;
          switch (key) {
            case 'name':
              return c?.name;
            case 'honorific':
              return c?.honorific;
            case 'birthday':
              return c?.birthday ? formatBirthday(c.birthday, language) : null;
            case 'phone':
              return c?.phone_raw ?? recipient.to;
          }
          if (!c) return undefined;
          if (builtInKeys[key] === 'vehicle') return vehicles.get(c.id)?.[key];
          return fields.get(key)?.get(c.id);
        };
      },
    };
  };
}

export type ValueLoader = ReturnType<typeof createValueLoader>;
