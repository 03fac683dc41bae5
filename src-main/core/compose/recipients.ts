// Who a draft goes to: typed or pasted numbers, contact ids, everyone matching a contact filter (minus
// some), or any mix. One entry per number: the first mention wins, later ones are `duplicate`; a typed
// number that belongs to a contact becomes that contact (so {姓名} and the opt-out flag apply to it).
import type { ComposeRecipients } from '../../../src-shared/api/compose-schemas';
import { parseRecipients } from '../../../src-shared/phone/recipients';
import { filterCondition, type FilterContext } from '../contacts/filters';
import type { Db } from '../db/client';

export interface ContactRow {
  id: number;
  name: string;
  honorific: string;
  phone_e164: string;
  phone_raw: string;
  birthday: string | null;
  /** The contact said "no more messages" (the same flag the claim-time lookup, contacts/opt-out.ts, reads). */
  opt_out: number;
}

export interface Recipient {
  /** As typed, or the contact's number as stored. */
  to: string;
  e164: string;
  contact: ContactRow | null;
}

export interface LeftOut {
  to: string;
  code: 'invalid_number' | 'not_mobile' | 'duplicate';
  contactId: number | null;
  name: string | null;
}

export interface ResolvedRecipients {
  recipients: Recipient[];
  leftOut: LeftOut[];
}

const COLUMNS = 'c.id, c.name, c.honorific, c.phone_e164, c.phone_raw, c.birthday, c.opt_out';

export function createRecipientResolver(db: Db) {
  const byIds = db.prepare<[string], ContactRow>(
    `select ${COLUMNS} from json_each(?) j join contacts c on c.id = j.value where c.deleted_batch is null order by j.key`,
  );
  const byPhones = db.prepare<[string], ContactRow>(
    `select ${COLUMNS} from contacts c where c.deleted_batch is null and c.phone_e164 in (select value from json_each(?))`,
  );
  const filtered = new Map<string, { all(...params: unknown[]): unknown[] }>();

  /** Everyone matching a filter, read in one pass with the contacts module's own filter condition. */
  const byFilter = (filter: NonNullable<ComposeRecipients['filter']>, context: FilterContext): ContactRow[] => {
    const cond = filterCondition(filter, context);
    let stmt = filtered.get(cond.sql);
    if (!stmt) {
      // By id (the table's order): sorting 100k rows by name would cost more than the whole check.
      stmt = db.prepare(`select ${COLUMNS} from contacts c where ${cond.sql} order by c.id`);
      if (filtered.size > 32) filtered.clear();
      filtered.set(cond.sql, stmt);
    }
    return stmt.all(...cond.params) as ContactRow[];
  };

  const statement = (sql: string) => {
    let stmt = filtered.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (filtered.size > 32) filtered.clear();
      filtered.set(sql, stmt);
    }
    return stmt;
  };

  /**
   * The first `limit` recipients of a draft that is only a contact filter, and how many there are in
   * all, without reading every matching contact (the live preview of a 100k send shows a few samples).
   * The same recipients as `resolve` gives: by id, one per number (the first contact with it wins).
   * null for any other draft (typed numbers or listed contacts mixed in): resolve it whole.
   */
  function firstOfFilter(input: ComposeRecipients, context: FilterContext, limit: number): { recipients: Recipient[]; total: number } | null {
    if (input.filter === undefined || input.numbers !== undefined || input.contactIds?.length) return null;
    const cond = filterCondition(input.filter, context);
    const except = JSON.stringify(input.exceptContactIds ?? []);
    const where = `${cond.sql} and c.id not in (select value from json_each(?))`;
    const total = (statement(`select count(distinct c.phone_e164) as n from contacts c where ${where}`).all(...cond.params, except)[0] as { n: number }).n;
    const recipients: Recipient[] = [];
    const seen = new Set<string>();
    // A number shared by several contacts goes to the first: read a few more rows than asked for.
    for (const c of statement(`select ${COLUMNS} from contacts c where ${where} order by c.id limit ?`).all(...cond.params, except, limit * 4 + 20) as ContactRow[]) {
      if (recipients.length >= limit) break;
      if (seen.has(c.phone_e164)) continue;
      seen.add(c.phone_e164);
      recipients.push({ to: c.phone_raw, e164: c.phone_e164, contact: c });
    }
    return { recipients, total };
  }

  function resolve(input: ComposeRecipients, region: string, context: FilterContext): ResolvedRecipients {
    const recipients: Recipient[] = [];
    const leftOut: LeftOut[] = [];
    const seen = new Set<string>();

    if (input.numbers !== undefined) {
      const parsed = parseRecipients(input.numbers, region);
      for (const r of parsed.rejected) leftOut.push({ to: r.raw, code: r.code, contactId: null, name: null });
      const contacts = new Map(byPhones.all(JSON.stringify(parsed.valid.map((v) => v.e164))).map((c) => [c.phone_e164, c]));
      for (const v of parsed.valid) {
        seen.add(v.e164);
        recipients.push({ to: v.raw, e164: v.e164, contact: contacts.get(v.e164) ?? null });
      }
    }

    const add = (c: ContactRow) => {
      if (seen.has(c.phone_e164)) {
        leftOut.push({ to: c.phone_raw, code: 'duplicate', contactId: c.id, name: c.name });
        return;
      }
      seen.add(c.phone_e164);
      recipients.push({ to: c.phone_raw, e164: c.phone_e164, contact: c });
    };
    const seenIds = new Set<number>();
    if (input.contactIds?.length) {
      const unique = input.contactIds.filter((id) => (seenIds.has(id) ? false : (seenIds.add(id), true)));
      for (const c of byIds.all(JSON.stringify(unique))) add(c);
    }
    if (input.filter !== undefined) {
      const except = new Set(input.exceptContactIds ?? []);
      // A contact both listed by id and matching the filter is one recipient (not a duplicate).
      for (const c of byFilter(input.filter, context)) if (!except.has(c.id) && !seenIds.has(c.id)) add(c);
    }
    return { recipients, leftOut };
  }

  return Object.assign(resolve, { firstOfFilter });
}

export type RecipientResolver = ReturnType<typeof createRecipientResolver>;
