// Contacts: create, update, list with filters and keyset paging, bulk category changes, delete with undo.
import { randomUUID } from 'node:crypto';
import type {
  ContactCreateInput, ContactFilter, ContactTarget, ContactUpdateInput, ContactView, VehicleInput,
} from '../../../src-shared/api/contacts-schemas';
import type { ParsedInput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { Categories } from './categories';
import type { Fields } from './fields';
import { filterCondition, type FilterContext } from './filters';
import { contactPhone } from './phone';
import type { ConsentValues, ContactRepository, ContactRow, ContactValues, VehicleValues } from './repository';
import type { SearchIndex } from './search-index';
import { birthdayMonthDay, normaliseFieldValue } from './values';

/** Deleted contacts can be brought back for this long; older deletions are purged on the next delete. */
export const UNDO_WINDOW_MS = 7 * 24 * 3600_000;

export interface ContactsServiceDeps {
  db: Db;
  repo: ContactRepository;
  index: SearchIndex;
  categories: Categories;
  fields: Fields;
  bus: EventBus;
  now: () => number;
  region: () => string;
  timeZone: () => string;
}

const SORT_COLUMNS = {
  name: 'c.name',
  // Ids rise with creation (created_at is never changed), so their index orders by creation for free.
  createdAt: 'c.id',
  updatedAt: 'c.updated_at',
  birthday: "coalesce(c.birthday_md, '99-99')",
} as const;

type ListInput = ParsedInput<'contacts.list'>;

export function todayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function encodeCursor(sort: string, value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): { value: string | number; id: number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && (typeof parsed[1] === 'string' || typeof parsed[1] === 'number') && Number.isInteger(parsed[2])) {
      return { value: parsed[1], id: parsed[2] as number };
    }
  } catch {
    // falls through to the error below
  }
  throw new ApiError('validation', 'contacts.errors.badCursor');
}

export function createContactsService(d: ContactsServiceDeps) {
  const { db, repo, index } = d;

  const filterContext = (): FilterContext => ({ fieldType: (key) => d.fields.typeOf(key), today: todayIn(d.timeZone(), d.now()) });
  const changed = (ids: number[]) => d.bus.emit({ type: 'contacts.changed', ids: ids.length > 500 ? [] : ids, source: 'local' });

  const fieldValues = (input: Record<string, string> | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [key, raw] of Object.entries(input ?? {})) {
      const type = d.fields.typeOf(key);
      if (!type) throw new ApiError('validation', 'contacts.errors.fieldUnknown', { key: key.slice(0, 32) }, [{ path: `fields.${key}`, key: 'contacts.errors.fieldUnknown' }]);
      const value = normaliseFieldValue(type, raw);
      if (value === null) {
        throw new ApiError('validation', 'contacts.errors.fieldValue', { label: key, value: raw.slice(0, 40), type }, [{ path: `fields.${key}`, key: 'contacts.errors.fieldValue' }]);
      }
      out[key] = value;
    }
    return out;
  };

  const vehicleValues = (vs: readonly VehicleInput[]): VehicleValues[] => vs.map((v) => ({
    id: v.id, plate: v.plate, factoryDate: v.factoryDate ?? null, licenceDate: v.licenceDate ?? null,
    inspectionDue: v.inspectionDue ?? null, insuranceExpiry: v.insuranceExpiry ?? null,
  }));

  const consentValues = (cs: NonNullable<ContactCreateInput['consents']>, now: number): ConsentValues[] => {
    const byPurpose = new Map(cs.map((c) => [c.purpose, { purpose: c.purpose, at: c.at ? Date.parse(c.at) : now, how: c.how ?? null }]));
    return [...byPurpose.values()];
  };

  const assertPhoneFree = (e164: string, exceptId?: number) => {
    const other = repo.byPhone(e164);
    if (other && other.id !== exceptId) {
      throw new ApiError('conflict', 'contacts.errors.phoneTaken', { phone: e164, name: other.name }, [{ path: 'phone', key: 'contacts.errors.phoneTaken' }]);
    }
  };

  const get = (id: number): ContactView => {
    const view = repo.views([id])[0];
    if (!view || !repo.get(id)) throw new ApiError('not_found', 'contacts.errors.notFound', { id });
    return view;
  };

  const resolveTarget = (target: ContactTarget): number[] => {
    if ('ids' in target) {
      return (db.prepare('select c.id from json_each(?) j join contacts c on c.id = j.value where c.deleted_batch is null').pluck().all(JSON.stringify(target.ids)) as number[]);
    }
    const cond = filterCondition(target.filter, filterContext());
    const except = JSON.stringify(target.exceptIds ?? []);
    return db.prepare(`select c.id from contacts c where ${cond.sql} and c.id not in (select value from json_each(?))`).pluck().all(...cond.params, except) as number[];
  };

  const purgeOldDeletions = () => {
    const old = db.prepare('select id from contacts where deleted_batch is not null and deleted_at < ?').pluck().all(d.now() - UNDO_WINDOW_MS) as number[];
    for (const id of old) index.remove(id);
    if (old.length) db.prepare('delete from contacts where id in (select value from json_each(?))').run(JSON.stringify(old));
  };

  return {
    get,
    filterContext,
    resolveTarget,

    create(input: ContactCreateInput): ContactView {
      const now = d.now();
      const phone = contactPhone(input.phone, input.region ?? d.region());
      if (input.categoryIds) d.categories.assertExist(input.categoryIds);
      const fields = fieldValues(input.fields);
      const birthday = input.birthday ?? null;
      const values: ContactValues = {
        name: input.name, honorific: input.honorific ?? '', phoneE164: phone.e164, phoneRaw: phone.raw, region: phone.region,
        birthday, birthdayMd: birthdayMonthDay(birthday), notes: input.notes ?? '',
        optOut: input.optOut?.flag ?? false, optOutAt: input.optOut?.flag ? now : null, optOutHow: input.optOut?.flag ? input.optOut.how ?? null : null,
      };
      const id = db.transaction(() => {
        assertPhoneFree(phone.e164);
        const newId = repo.insert(values, now);
        if (input.categoryIds) repo.setCategories(newId, input.categoryIds);
        repo.setFields(newId, fields);
        if (input.consents) repo.setConsents(newId, consentValues(input.consents, now));
        if (input.vehicles) repo.setVehicles(newId, vehicleValues(input.vehicles));
        index.refresh(newId);
        return newId;
      }).immediate();
      changed([id]);
      return get(id);
    },

    update(input: ContactUpdateInput): ContactView {
      const now = d.now();
      const row = repo.get(input.id);
      if (!row) throw new ApiError('not_found', 'contacts.errors.notFound', { id: input.id });
      const phone = input.phone !== undefined || input.region !== undefined
        ? contactPhone(input.phone ?? row.phone_raw, input.region ?? row.region)
        : { e164: row.phone_e164, raw: row.phone_raw, region: row.region };
      if (input.categoryIds) d.categories.assertExist(input.categoryIds);
      const fields = fieldValues(input.fields);
      const birthday = input.birthday === undefined ? row.birthday : input.birthday;
      const optOutChanged = input.optOut !== undefined && input.optOut.flag !== (row.opt_out === 1);
      const values: ContactValues = {
        name: input.name ?? row.name,
        honorific: input.honorific ?? row.honorific,
        phoneE164: phone.e164, phoneRaw: phone.raw, region: phone.region,
        birthday, birthdayMd: birthdayMonthDay(birthday),
        notes: input.notes ?? row.notes,
        optOut: input.optOut?.flag ?? row.opt_out === 1,
        optOutAt: optOutChanged ? (input.optOut!.flag ? now : null) : row.opt_out_at,
        optOutHow: input.optOut ? (input.optOut.flag ? input.optOut.how ?? (optOutChanged ? null : row.opt_out_how) : null) : row.opt_out_how,
      };
      db.transaction(() => {
        assertPhoneFree(phone.e164, row.id);
        repo.update(row.id, values, now);
        if (input.categoryIds) repo.setCategories(row.id, input.categoryIds);
        repo.setFields(row.id, fields);
        if (input.consents) repo.setConsents(row.id, consentValues(input.consents, now));
        if (input.vehicles) repo.setVehicles(row.id, vehicleValues(input.vehicles));
        index.refresh(row.id);
      }).immediate();
      changed([row.id]);
      return get(row.id);
    },

    list(input: ListInput): { contacts: ContactView[]; total: number; nextCursor: string | null } {
      const cond = filterCondition(input.filter, filterContext());
      const expr = SORT_COLUMNS[input.sort.by];
      const sortKey = `${input.sort.by}:${input.sort.dir}`;
      const total = (db.prepare(`select count(*) from contacts c where ${cond.sql}`).pluck().get(...cond.params) as number);
      const cmp = input.sort.dir === 'asc' ? '>' : '<';
      let keyset = '';
      const keysetParams: unknown[] = [];
      if (input.cursor) {
        const { value, id } = decodeCursor(input.cursor, sortKey);
        keyset = ` and (${expr} ${cmp} ? or (${expr} = ? and c.id ${cmp} ?))`;
        keysetParams.push(value, value, id);
      }
      const rows = db.prepare(`select c.*, ${expr} as sort_value from contacts c where ${cond.sql}${keyset}
        order by ${expr} ${input.sort.dir}, c.id ${input.sort.dir} limit ?`).all(...cond.params, ...keysetParams, input.limit + 1) as (ContactRow & { sort_value: string | number })[];
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return {
        contacts: repo.views(page.map((r) => r.id), page),
        total,
        nextCursor: rows.length > input.limit && last ? encodeCursor(sortKey, last.sort_value, last.id) : null,
      };
    },

    ids(filter: ContactFilter | undefined): number[] {
      const cond = filterCondition(filter, filterContext());
      return db.prepare(`select c.id from contacts c where ${cond.sql} order by c.name, c.id`).pluck().all(...cond.params) as number[];
    },

    remove(target: ContactTarget): { count: number; undoToken: string } {
      const undoToken = randomUUID();
      const ids = db.transaction(() => {
        purgeOldDeletions();
        const found = resolveTarget(target);
        db.prepare('update contacts set deleted_batch = ?, deleted_at = ? where id in (select value from json_each(?))').run(undoToken, d.now(), JSON.stringify(found));
        return found;
      }).immediate();
      changed(ids);
      return { count: ids.length, undoToken };
    },

    undoDelete(undoToken: string): { count: number; conflicts: number } {
      const result = db.transaction(() => {
        const rows = db.prepare('select id, phone_e164 from contacts where deleted_batch = ?').all(undoToken) as { id: number; phone_e164: string }[];
        if (rows.length === 0) throw new ApiError('validation', 'contacts.errors.undoExpired');
        const restore = db.prepare('update contacts set deleted_batch = null, deleted_at = null where id = ?');
        const restored: number[] = [];
        for (const r of rows) {
          // The number may have been given to a new contact since: that one stays, this one stays deleted.
          if (repo.byPhone(r.phone_e164)) continue;
          restore.run(r.id);
          restored.push(r.id);
        }
        return { restored, conflicts: rows.length - restored.length };
      }).immediate();
      changed(result.restored);
      return { count: result.restored.length, conflicts: result.conflicts };
    },

    bulkCategory(target: ContactTarget, categoryId: number, action: 'add' | 'remove'): { count: number } {
      d.categories.get(categoryId);
      const ids = db.transaction(() => {
        const found = resolveTarget(target);
        const list = JSON.stringify(found);
        if (action === 'add') db.prepare('insert or ignore into contact_category_links (contact_id, category_id) select value, ? from json_each(?)').run(categoryId, list);
        else db.prepare('delete from contact_category_links where category_id = ? and contact_id in (select value from json_each(?))').run(categoryId, list);
        return found;
      }).immediate();
      changed(ids);
      return { count: ids.length };
    },

    /** After a field is deleted its values are gone: the search documents that held them are rewritten. */
    reindex(ids: readonly number[]): void {
      db.transaction(() => ids.forEach((id) => index.refresh(id)))();
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;
