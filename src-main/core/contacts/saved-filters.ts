// Saved filters: a name and a contact filter, reused by the composer and reminder rules.
import { contactFilterSchema, type ContactFilter, type SavedFilter } from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { Db } from '../db/client';

interface Row { id: number; name: string; filter_json: string; updated_at: number }

export function createSavedFilters(db: Db, now: () => number) {
  const list = db.prepare<[], Row>('select * from contact_saved_filters order by name');
  const one = db.prepare<[number], Row>('select * from contact_saved_filters where id = ?');
  const byName = db.prepare<[string], Row>('select * from contact_saved_filters where name = ?');
  const insert = db.prepare<[string, string, number, number], { id: number }>('insert into contact_saved_filters (name, filter_json, created_at, updated_at) values (?, ?, ?, ?) returning id');
  const update = db.prepare('update contact_saved_filters set name = ?, filter_json = ?, updated_at = ? where id = ?');
  const remove = db.prepare('delete from contact_saved_filters where id = ?');

  const view = (r: Row): SavedFilter => {
    // A filter saved by an older version that no longer fits reads as "everything" rather than failing the list.
    const parsed = contactFilterSchema.safeParse(JSON.parse(r.filter_json));
    return { id: r.id, name: r.name, filter: parsed.success ? parsed.data : {}, updatedAt: new Date(r.updated_at).toISOString() };
  };
  const get = (id: number): SavedFilter => {
    const r = one.get(id);
    if (!r) throw new ApiError('not_found', 'contacts.errors.savedFilterNotFound', { id });
    return view(r);
  };

  return {
    list: (): SavedFilter[] => list.all().map(view),
    get,
    save(input: { id?: number | undefined; name: string; filter: ContactFilter }): SavedFilter {
      const clash = byName.get(input.name);
      if (clash && clash.id !== input.id) throw new ApiError('conflict', 'contacts.errors.savedFilterExists', { name: input.name });
      const t = now();
      if (input.id !== undefined) {
        get(input.id);
        update.run(input.name, JSON.stringify(input.filter), t, input.id);
        return get(input.id);
      }
      return get(insert.get(input.name, JSON.stringify(input.filter), t, t)!.id);
    },
    remove(id: number): void {
      get(id);
      remove.run(id);
    },
  };
}
