// Who a draft goes to: typed or pasted numbers, contact ids, everyone matching a contact filter (minus
// some), or any mix. One entry per number: the first mention wins, later ones are `duplicate`; a typed
// number that belongs to a contact becomes that contact (so {姓名} and the opt-out flag apply to it).
import type { ComposeRecipients } from '../../../src-shared/api/compose-schemas';
import type { ContactFilter } from '../../../src-shared/api/contacts-schemas';
import { parseRecipients } from '../../../src-shared/phone/recipients';
import type { Db } from '../db/client';

export interface ContactRow {
  id: number;
  name: string;
  honorific: string;
  phone_e164: string;
  phone_raw: string;
  birthday: string | null;
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

export function createRecipientResolver(db: Db, idsOfFilter: (filter: ContactFilter) => number[]) {
  const byIds = db.prepare<[string], ContactRow>(
    `select c.id, c.name, c.honorific, c.phone_e164, c.phone_raw, c.birthday
       from json_each(?) j join contacts c on c.id = j.value where c.deleted_batch is null order by j.key`,
  );
  const byPhones = db.prepare<[string], ContactRow>(
    `select id, name, honorific, phone_e164, phone_raw, birthday from contacts
      where deleted_batch is null and phone_e164 in (select value from json_each(?))`,
  );

  return function resolve(input: ComposeRecipients, region: string): ResolvedRecipients {
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

    let ids: number[] = input.contactIds ? [...input.contactIds] : [];
    if (input.filter !== undefined) {
      const except = new Set(input.exceptContactIds ?? []);
      const matched = idsOfFilter(input.filter).filter((id) => !except.has(id));
      ids = ids.length ? [...ids, ...matched] : matched;
    }
    if (ids.length > 0) {
      const seenIds = new Set<number>();
      const unique = ids.filter((id) => (seenIds.has(id) ? false : (seenIds.add(id), true)));
      for (const c of byIds.all(JSON.stringify(unique))) {
        if (seen.has(c.phone_e164)) {
          leftOut.push({ to: c.phone_raw, code: 'duplicate', contactId: c.id, name: c.name });
          continue;
        }
        seen.add(c.phone_e164);
        recipients.push({ to: c.phone_raw, e164: c.phone_e164, contact: c });
      }
    }
    return { recipients, leftOut };
  };
}

export type RecipientResolver = ReturnType<typeof createRecipientResolver>;
