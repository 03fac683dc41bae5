// The shop's categories: name (unique) and colour; contacts link to many.
import type { Category } from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { Db } from '../db/client';

/** Colours given to new categories in turn when none is chosen (antd's preset palette). */
const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#f5222d', '#faad14', '#2f54eb', '#a0d911'];

const isUnique = (err: unknown) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createCategories(db: Db, now: () => number) {
  const list = db.prepare<[], Category>(`select k.id, k.name, k.colour,
    (select count(*) from contact_category_links l join contacts c on c.id = l.contact_id where l.category_id = k.id and c.deleted_batch is null) as count
    from contact_categories k order by k.name`);
  const one = db.prepare<[number], Category>(`select k.id, k.name, k.colour,
    (select count(*) from contact_category_links l join contacts c on c.id = l.contact_id where l.category_id = k.id and c.deleted_batch is null) as count
    from contact_categories k where k.id = ?`);
  const byName = db.prepare<[string], { id: number }>('select id from contact_categories where name = ?');
  const countAll = db.prepare<[], { n: number }>('select count(*) as n from contact_categories');
  const insert = db.prepare<[string, string, number], { id: number }>('insert into contact_categories (name, colour, created_at) values (?, ?, ?) returning id');
  const update = db.prepare('update contact_categories set name = coalesce(?, name), colour = coalesce(?, colour) where id = ?');
  const remove = db.prepare('delete from contact_categories where id = ?');
  const existing = db.prepare<[string], { id: number }>('select k.id from json_each(?) j join contact_categories k on k.id = j.value');

  const get = (id: number): Category => {
    const c = one.get(id);
    if (!c) throw new ApiError('not_found', 'contacts.errors.categoryNotFound', { id });
    return c;
  };

  return {
    list: (): Category[] => list.all(),
    get,
    create(name: string, colour?: string): Category {
      try {
        const { id } = insert.get(name, colour ?? PALETTE[countAll.get()!.n % PALETTE.length]!, now())!;
        return get(id);
      } catch (err) {
        if (isUnique(err)) throw new ApiError('conflict', 'contacts.errors.categoryExists', { name });
        throw err;
      }
    },
    update(id: number, name?: string, colour?: string): Category {
      get(id);
      try {
        update.run(name ?? null, colour ?? null, id);
      } catch (err) {
        if (isUnique(err)) throw new ApiError('conflict', 'contacts.errors.categoryExists', { name: name ?? '' });
        throw err;
      }
      return get(id);
    },
    remove(id: number): void {
      get(id);
      remove.run(id);
    },
    /** The id of the category with this name, created when missing (import, CLI --category). */
    ensure(name: string): number {
      return byName.get(name)?.id ?? this.create(name).id;
    },
    idByName: (name: string): number | undefined => byName.get(name)?.id,
    /** Throws not_found for the first id that is not a category. */
    assertExist(ids: readonly number[]): void {
      if (ids.length === 0) return;
      const found = new Set(existing.all(JSON.stringify(ids)).map((r) => r.id));
      const missing = ids.find((i) => !found.has(i));
      if (missing !== undefined) throw new ApiError('not_found', 'contacts.errors.categoryNotFound', { id: missing });
    },
  };
}
export type Categories = ReturnType<typeof createCategories>;
