-- Contacts search (issue 4). Kept in sync by the repository (src-main/core/contacts/search-index.ts),
-- not by triggers: the indexed text (numbers in several forms, plates, field values) is computed in
-- TypeScript, and trusted_schema=OFF forbids app-defined functions inside triggers.
-- 3+ characters: FTS5 trigram over one document per contact (name, honorific, number forms, notes,
-- field values, plates); contentless, the rowid is the contact id.
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(`doc`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
-- 1–2 characters (many CJK names have two): every 1- and 2-character piece of the name and honorific
-- (and of each word of a Latin name), looked up by its primary key.
CREATE TABLE `contact_short_terms` (
	`term` text NOT NULL,
	`contact_id` integer NOT NULL,
	PRIMARY KEY (`term`, `contact_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `contact_short_terms_contact_idx` ON `contact_short_terms` (`contact_id`);
