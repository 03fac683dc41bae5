// The search index's bulk mode (an import's write): FTS5 automatic merging is paused while the entries
// go in and the setting is back as it was afterwards, also when the write fails half way.
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type IndexedContact } from '../../../src-main/core/contacts/search-index';
import { openCore } from '../../helpers/core';
import { openDb } from '../../helpers/db';

const automerge = (db: ReturnType<typeof openDb>, table: string) =>
  db.prepare(`select v from ${table}_config where k = 'automerge'`).pluck().get() as number | undefined;

const contact = (id: number): IndexedContact => ({
  id, name: `陳怡君${id}`, honorific: '', phoneE164: `+8869123456${String(id).padStart(2, '0')}`, phoneRaw: '', region: 'TW', notes: '', fieldValues: [], plates: [],
});

describe('search index bulk writes', () => {
  it('pause automatic merging during the write and restore the setting afterwards, even when the write fails', async () => {
    const { core, dataDir } = await openCore({ dispatch: false });
    await core.close();
    const db = openDb(dataDir);
    try {
      const index = createSearchIndex(db);
      db.exec("insert into contacts_fts (contacts_fts, rank) values ('automerge', 7)");
      const seen: (number | undefined)[] = [];
      db.transaction(() => index.bulk(() => {
        seen.push(automerge(db, 'contacts_fts'), automerge(db, 'contacts_short_fts'));
        for (let id = 1; id <= 20; id++) index.put(contact(id), true);
      }))();
      expect(seen).toEqual([0, 0]);
      // Back as it was: the value set before, and FTS5's default (4) where nothing was set.
      expect([automerge(db, 'contacts_fts'), automerge(db, 'contacts_short_fts')]).toEqual([7, 4]);
      expect(db.prepare("select count(*) from contacts_fts where contacts_fts match '怡君1'").pluck().get()).toBe(11);

      expect(() => db.transaction(() => index.bulk(() => {
        index.put(contact(30), true);
        throw new Error('disk full');
      }))()).toThrow('disk full');
      expect([automerge(db, 'contacts_fts'), automerge(db, 'contacts_short_fts')]).toEqual([7, 4]);
      expect(db.prepare("select count(*) from contacts_fts where contacts_fts match '怡君30'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
