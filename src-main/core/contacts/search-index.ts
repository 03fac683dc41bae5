// Keeps the two search structures of a contact in step with its row (migration contacts_search):
// the FTS5 trigram document (3+ characters) and the short terms (1–2 characters of the name, as
// tokens of a second FTS5 table).
import { numberSearchForms } from '../../../src-shared/phone/mobile';
import type { Db } from '../db/client';
import { chars, foldText, plateKey } from './text';

export interface IndexedContact {
  id: number;
  name: string;
  honorific: string;
  phoneE164: string;
  phoneRaw: string;
  /** The number's region (for its national form). */
  region: string;
  notes: string;
  fieldValues: readonly string[];
  plates: readonly string[];
}

/** One document: every text a search should find, folded; the number in each form people type. */
export function searchDocument(c: IndexedContact): string {
  // Plain loops and one list instead of a set over mapped copies: a 100k-row import builds 100k of these.
  const parts: string[] = [];
  addPart(parts, foldText(c.name));
  // Most contacts have no honorific: then name + honorific is the name again.
  if (c.honorific !== '') {
    addPart(parts, foldText(c.honorific));
    addPart(parts, foldText(c.name + c.honorific));
  }
  // Digits only: folding would change nothing.
  for (const form of numberSearchForms(c.phoneE164, c.region, c.phoneRaw)) addPart(parts, form);
  if (c.notes !== '') addPart(parts, foldText(c.notes));
  for (const v of c.fieldValues) addPart(parts, foldText(v));
  for (const p of c.plates) {
    addPart(parts, foldText(p));
    addPart(parts, foldText(plateKey(p)));
  }
  // One-character separator: fewer trigrams spanning two parts, which no search ever asks for.
  return parts.join('\n');
}

function addPart(parts: string[], folded: string): void {
  if (folded !== '' && !parts.includes(folded)) parts.push(folded);
}

/** Every 1- and 2-character piece of the name and honorific (per word), folded. */
export function shortTerms(name: string, honorific: string): string[] {
  const terms = new Set<string>();
  for (const word of foldText(`${name} ${honorific}`).split(/\s+/)) {
    const cs = chars(word);
    for (let i = 0; i < cs.length; i++) {
      terms.add(cs[i]!);
      if (i + 1 < cs.length) terms.add(cs[i]! + cs[i + 1]!);
    }
  }
  return [...terms];
}

const FTS5_DEFAULT_AUTOMERGE = 4;
/**
 * Work (in leaf pages) of the merge step after a bulk write, in proportion to the entries written so
 * that a small import into a large index stays cheap: 100k entries → 5000 pages, about 0.2 s, leaving
 * some 5 segments where automerge left 9 (trigram searches about a third cheaper).
 */
const bulkMergePages = (entries: number) => Math.max(500, Math.ceil(entries / 20));

/** A contact's two index entries: the trigram document and the space-separated short terms. */
export interface Entries {
  doc: string;
  terms: string;
}

const entriesOf = (c: IndexedContact): Entries => ({ doc: searchDocument(c), terms: shortTerms(c.name, c.honorific).join(' ') });

export function createSearchIndex(db: Db) {
  const delFts = db.prepare('delete from contacts_fts where rowid = ?');
  const insFts = db.prepare('insert into contacts_fts (rowid, doc) values (?, ?)');
  const delTerms = db.prepare('delete from contacts_short_fts where rowid = ?');
  const insTerms = db.prepare('insert into contacts_short_fts (rowid, terms) values (?, ?)');
  const loadFields = db.prepare<[number], { value: string }>('select value from contact_field_values where contact_id = ?');
  const loadPlates = db.prepare<[number], { plate: string }>('select plate from contact_vehicles where contact_id = ?');
  const loadRow = db.prepare<[number], { id: number; name: string; honorific: string; phone_e164: string; phone_raw: string; region: string; notes: string }>(
    'select id, name, honorific, phone_e164, phone_raw, region, notes from contacts where id = ?',
  );

  /** Writes a contact's entries (the caller's transaction); `fresh` = no entries exist yet (a new contact). */
  const put = (c: IndexedContact, fresh = false) => write(c.id, entriesOf(c), fresh);

  /** Entries written since the current bulk write began. */
  let written = 0;
  const write = (id: number, entries: Entries, fresh: boolean) => {
    written++;
    if (!fresh) {
      delFts.run(id);
      delTerms.run(id);
    }
    insFts.run(id, entries.doc);
    if (entries.terms) insTerms.run(id, entries.terms);
  };

  /** The contact as stored now (row, field values, plates); undefined when there is no such row. */
  const load = (id: number): IndexedContact | undefined => {
    const row = loadRow.get(id);
    if (!row) return undefined;
    return {
      id, name: row.name, honorific: row.honorific, phoneE164: row.phone_e164, phoneRaw: row.phone_raw, region: row.region, notes: row.notes,
      fieldValues: loadFields.all(id).map((r) => r.value),
      plates: loadPlates.all(id).map((r) => r.plate),
    };
  };

  const FTS_TABLES = ['contacts_fts', 'contacts_short_fts'] as const;
  const automergeOf = FTS_TABLES.map((t) => db.prepare<[], number>(`select v from ${t}_config where k = 'automerge'`).pluck());
  // FTS5 takes these settings as SQL integers only, and a bound JS number is a double: hence the cast.
  const setAutomerge = FTS_TABLES.map((t) => db.prepare(`insert into ${t} (${t}, rank) values ('automerge', cast(? as integer))`));
  const merge = FTS_TABLES.map((t) => db.prepare(`insert into ${t} (${t}, rank) values ('merge', cast(? as integer))`));

  return {
    put,
    /**
     * Runs `write` (many puts) with FTS5's automatic merging paused, then merges once. Each time FTS5
     * flushes its pending terms it otherwise merges the small segments again, which a 100k-row import
     * pays for over and over (about a sixth of its FTS time). Inside the caller's transaction: when it
     * rolls back, the setting does too.
     */
    bulk<T>(write: () => T): T {
      written = 0;
      // FTS5's default automerge is 4 (no row in the config table until someone sets it).
      const before = automergeOf.map((q) => q.get() ?? FTS5_DEFAULT_AUTOMERGE);
      for (const s of setAutomerge) s.run(0);
      try {
        const result = write();
        // One merge step over the segments the write left (automerge would have merged along the way).
        const pages = bulkMergePages(written);
        for (const m of merge) m.run(pages);
        return result;
      } finally {
        setAutomerge.forEach((s, i) => s.run(before[i]));
      }
    },
    /** What the contact's entries are now, to pass to `refresh` after changing it. */
    current(id: number): Entries | undefined {
      const c = load(id);
      return c && entriesOf(c);
    },
    /**
     * Re-reads the contact (row, field values, plates) and rewrites its entries, unless they are still
     * `before`: an import updating 100k contacts with the same values would otherwise delete and
     * re-insert 100k FTS rows for nothing (most of that import's time).
     */
    refresh(id: number, before?: Entries): void {
      const c = load(id);
      if (!c) return;
      const entries = entriesOf(c);
      if (before && before.doc === entries.doc && before.terms === entries.terms) return;
      write(id, entries, false);
    },
    remove(id: number): void {
      delFts.run(id);
      delTerms.run(id);
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
