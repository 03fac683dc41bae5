-- Contacts search (issue 4). Kept in sync by the repository (src-main/core/contacts/search-index.ts),
-- not by triggers: the indexed text (numbers in several forms, plates, field values) is computed in
-- TypeScript, and trusted_schema=OFF forbids app-defined functions inside triggers.
-- 3+ characters: FTS5 trigram over one document per contact (name, honorific, number forms, notes,
-- field values, plates); contentless, the rowid is the contact id.
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(`doc`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
-- 1–2 characters (many CJK names have two): every 1- and 2-character piece of the name and honorific
-- (per word), space-separated, as exact tokens of a second, contentless FTS5 table. One row per contact
-- instead of a b-tree row per piece: a 100k-contact import writes it in a fraction of the time.
CREATE VIRTUAL TABLE `contacts_short_fts` USING fts5(`terms`, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, detail = none);
