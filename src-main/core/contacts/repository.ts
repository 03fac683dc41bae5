// SQL over the contact tables: rows, their categories, field values, consents and vehicles, and the
// views the contract returns (loaded in batches for a page of ids).
import type { ContactView, Vehicle } from '../../../src-shared/api/contacts-schemas';
import { formatNational } from '../../../src-shared/phone/parse';
import type { Db } from '../db/client';
import { plateKey } from './text';

export interface ContactRow {
  id: number;
  name: string;
  honorific: string;
  phone_e164: string;
  phone_raw: string;
  region: string;
  birthday: string | null;
  birthday_md: string | null;
  notes: string;
  opt_out: number;
  opt_out_at: number | null;
  opt_out_how: string | null;
  created_at: number;
  updated_at: number;
  deleted_batch: string | null;
}

export interface ContactValues {
  name: string;
  honorific: string;
  phoneE164: string;
  phoneRaw: string;
  region: string;
  birthday: string | null;
  birthdayMd: string | null;
  notes: string;
  optOut: boolean;
  optOutAt: number | null;
  optOutHow: string | null;
}

export interface VehicleValues {
  id?: number | undefined;
  plate: string;
  factoryDate: string | null;
  licenceDate: string | null;
  inspectionDue: string | null;
  insuranceExpiry: string | null;
}

export interface ConsentValues {
  purpose: 'notification' | 'marketing';
  at: number;
  how: string | null;
}

interface VehicleRow {
  id: number;
  contact_id: number;
  plate: string;
  factory_date: string | null;
  licence_date: string | null;
  inspection_due: string | null;
  insurance_expiry: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createContactRepository(db: Db) {
  const insert = db.prepare(`insert into contacts (name, honorific, phone_e164, phone_raw, region, birthday, birthday_md, notes,
    opt_out, opt_out_at, opt_out_how, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = db.prepare(`update contacts set name = @name, honorific = @honorific, phone_e164 = @phoneE164, phone_raw = @phoneRaw,
    region = @region, birthday = @birthday, birthday_md = @birthdayMd, notes = @notes, opt_out = @optOut, opt_out_at = @optOutAt,
    opt_out_how = @optOutHow, updated_at = @now where id = @id`);
  const getRow = db.prepare<[number], ContactRow>('select * from contacts where id = ? and deleted_batch is null');
  const byPhone = db.prepare<[string], ContactRow>('select * from contacts where phone_e164 = ? and deleted_batch is null');
  const livePhones = db.prepare<[], [string, number]>('select phone_e164, id from contacts where deleted_batch is null').raw();
  const rowsByIds = db.prepare<[string], ContactRow>('select c.* from json_each(?) j join contacts c on c.id = j.value');
  const catsByIds = db.prepare<[string], { contact_id: number; category_id: number }>(
    'select l.contact_id, l.category_id from json_each(?) j join contact_category_links l on l.contact_id = j.value order by l.category_id');
  const fieldsByIds = db.prepare<[string], { contact_id: number; key: string; value: string }>(
    'select f.contact_id, f.key, f.value from json_each(?) j join contact_field_values f on f.contact_id = j.value');
  const consentsByIds = db.prepare<[string], { contact_id: number; purpose: 'notification' | 'marketing'; at: number; how: string | null }>(
    'select k.contact_id, k.purpose, k.at, k.how from json_each(?) j join contact_consents k on k.contact_id = j.value order by k.purpose');
  const vehiclesByIds = db.prepare<[string], VehicleRow>(
    'select v.* from json_each(?) j join contact_vehicles v on v.contact_id = j.value order by v.position, v.id');
  const delCats = db.prepare('delete from contact_category_links where contact_id = ?');
  const addCat = db.prepare('insert or ignore into contact_category_links (contact_id, category_id) values (?, ?)');
  const setField = db.prepare('insert into contact_field_values (contact_id, key, value) values (?, ?, ?) on conflict (contact_id, key) do update set value = excluded.value');
  const delField = db.prepare('delete from contact_field_values where contact_id = ? and key = ?');
  const delConsents = db.prepare('delete from contact_consents where contact_id = ?');
  const addConsent = db.prepare('insert into contact_consents (contact_id, purpose, at, how) values (?, ?, ?, ?)');
  const vehicleIds = db.prepare<[number], { id: number }>('select id from contact_vehicles where contact_id = ?');
  const delVehicle = db.prepare('delete from contact_vehicles where id = ?');
  const insVehicle = db.prepare(`insert into contact_vehicles (contact_id, plate, plate_key, factory_date, licence_date, inspection_due, insurance_expiry, position)
    values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const updVehicle = db.prepare(`update contact_vehicles set plate = ?, plate_key = ?, factory_date = ?, licence_date = ?, inspection_due = ?,
    insurance_expiry = ?, position = ? where id = ? and contact_id = ?`);
  const plateOf = db.prepare<[number, string], { id: number }>('select id from contact_vehicles where contact_id = ? and plate_key = ?');
  const maxPosition = db.prepare<[number], { p: number | null }>('select max(position) as p from contact_vehicles where contact_id = ?');

  const valuesParams = (v: ContactValues, now: number) => ({ ...v, optOut: v.optOut ? 1 : 0, now });

  return {
    // Positional parameters and lastInsertRowid, not named ones and RETURNING: RETURNING goes through a
    // temporary table and, with the named binding, cost a 100k-row import about 0.8 s of its write.
    insert: (v: ContactValues, now: number): number => Number(insert.run(
      v.name, v.honorific, v.phoneE164, v.phoneRaw, v.region, v.birthday, v.birthdayMd, v.notes, v.optOut ? 1 : 0, v.optOutAt, v.optOutHow, now, now,
    ).lastInsertRowid),
    update: (id: number, v: ContactValues, now: number): void => void update.run({ ...valuesParams(v, now), id }),
    get: (id: number): ContactRow | undefined => getRow.get(id),
    byPhone: (e164: string): ContactRow | undefined => byPhone.get(e164),
    /** Every live contact's id by its number, in one read (an import looks up each of its rows). */
    idsByPhone: (): Map<string, number> => new Map(livePhones.all()),

    setCategories(id: number, categoryIds: readonly number[]): void {
      delCats.run(id);
      for (const c of categoryIds) addCat.run(id, c);
    },
    addCategories(id: number, categoryIds: readonly number[]): void {
      for (const c of categoryIds) addCat.run(id, c);
    },
    /** Sets the given values; an empty value removes the field's value. Others are kept. */
    setFields(id: number, values: Record<string, string>): void {
      for (const [key, value] of Object.entries(values)) {
        if (value === '') delField.run(id, key);
        else setField.run(id, key, value);
      }
    },
    setConsents(id: number, consents: readonly ConsentValues[]): void {
      delConsents.run(id);
      for (const c of consents) addConsent.run(id, c.purpose, c.at, c.how);
    },
    /** Makes the contact's vehicles exactly this list (ids kept are updated, others removed). */
    setVehicles(id: number, vehicles: readonly VehicleValues[]): void {
      const keep = new Set(vehicles.map((v) => v.id).filter((x): x is number => x !== undefined));
      for (const { id: vid } of vehicleIds.all(id)) if (!keep.has(vid)) delVehicle.run(vid);
      vehicles.forEach((v, position) => {
        const args = [v.plate, plateKey(v.plate), v.factoryDate, v.licenceDate, v.inspectionDue, v.insuranceExpiry, position] as const;
        if (v.id !== undefined && updVehicle.run(...args, v.id, id).changes === 1) return;
        insVehicle.run(id, v.plate, plateKey(v.plate), v.factoryDate, v.licenceDate, v.inspectionDue, v.insuranceExpiry, position);
      });
    },
    /** Vehicles of a contact that has none yet (a new contact). */
    addVehicles(id: number, vehicles: readonly VehicleValues[]): void {
      vehicles.forEach((v, position) => insVehicle.run(id, v.plate, plateKey(v.plate), v.factoryDate, v.licenceDate, v.inspectionDue, v.insuranceExpiry, position));
    },
    /** Adds a vehicle unless the contact has that plate already; updates its dates when it has. Returns true when added. */
    upsertVehicle(id: number, v: VehicleValues, fillOnly: boolean): boolean {
      const existing = plateOf.get(id, plateKey(v.plate));
      if (existing) {
        if (!fillOnly) updVehicle.run(v.plate, plateKey(v.plate), v.factoryDate, v.licenceDate, v.inspectionDue, v.insuranceExpiry, 0, existing.id, id);
        return false;
      }
      const position = (maxPosition.get(id)?.p ?? -1) + 1;
      insVehicle.run(id, v.plate, plateKey(v.plate), v.factoryDate, v.licenceDate, v.inspectionDue, v.insuranceExpiry, position);
      return true;
    },
    fieldsOf(id: number): Record<string, string> {
      return Object.fromEntries(fieldsByIds.all(JSON.stringify([id])).map((f) => [f.key, f.value]));
    },
    vehiclesOf(id: number): Vehicle[] {
      return vehiclesByIds.all(JSON.stringify([id])).map(toVehicle);
    },
    categoriesOf(id: number): number[] {
      return catsByIds.all(JSON.stringify([id])).map((r) => r.category_id);
    },
    consentsOf(id: number): ConsentValues[] {
      return consentsByIds.all(JSON.stringify([id])).map((r) => ({ purpose: r.purpose, at: r.at, how: r.how }));
    },

    /** Views of these contacts, in the order given (ids not found are left out). */
    views(ids: readonly number[], rows?: readonly ContactRow[]): ContactView[] {
      if (ids.length === 0) return [];
      const key = JSON.stringify(ids);
      const byId = new Map((rows ?? rowsByIds.all(key)).map((r) => [r.id, r]));
      const cats = group(catsByIds.all(key));
      const fields = group(fieldsByIds.all(key));
      const consents = group(consentsByIds.all(key));
      const vehicles = group(vehiclesByIds.all(key));
      const out: ContactView[] = [];
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) continue;
        out.push({
          id: r.id,
          name: r.name,
          honorific: r.honorific,
          phone: r.phone_e164,
          phoneRaw: r.phone_raw,
          phoneNational: formatNational(r.phone_e164),
          region: r.region,
          categoryIds: (cats.get(id) ?? []).map((c) => c.category_id),
          birthday: r.birthday,
          notes: r.notes,
          optOut: { flag: r.opt_out === 1, at: r.opt_out_at === null ? null : iso(r.opt_out_at), how: r.opt_out_how },
          consents: (consents.get(id) ?? []).map((c) => ({ purpose: c.purpose, at: iso(c.at), how: c.how })),
          fields: Object.fromEntries((fields.get(id) ?? []).map((f) => [f.key, f.value])),
          vehicles: (vehicles.get(id) ?? []).map(toVehicle),
          createdAt: iso(r.created_at),
          updatedAt: iso(r.updated_at),
        });
      }
      return out;
    },
  };
}
export type ContactRepository = ReturnType<typeof createContactRepository>;

function toVehicle(v: VehicleRow): Vehicle {
  return { id: v.id, plate: v.plate, factoryDate: v.factory_date, licenceDate: v.licence_date, inspectionDue: v.inspection_due, insuranceExpiry: v.insurance_expiry };
}

function group<T extends { contact_id: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.contact_id);
    if (list) list.push(r);
    else m.set(r.contact_id, [r]);
  }
  return m;
}
