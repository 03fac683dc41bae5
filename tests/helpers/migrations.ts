// Temp migrations folders in drizzle-kit's format (meta/_journal.json + NNNN_tag.sql, statements
// separated by `--> statement-breakpoint`), to run our migration runner over migrations that do not
// exist yet: a table rebuild, one that breaks a foreign key, an edited one, an out-of-order journal.
import fs from 'node:fs';
import path from 'node:path';
import { defaultMigrationsDir } from '../../src-main/core';

export const BREAKPOINT = '--> statement-breakpoint';

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

const journalFile = (dir: string) => path.join(dir, 'meta', '_journal.json');

export function readJournal(dir: string): Journal {
  return JSON.parse(fs.readFileSync(journalFile(dir), 'utf8')) as Journal;
}

export function writeJournal(dir: string, journal: Journal): void {
  fs.writeFileSync(journalFile(dir), JSON.stringify(journal, null, 2));
}

/** A copy of the real migrations/ folder in `dir`. */
export function copyRealMigrations(dir: string): string {
  fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

/** Appends a migration the way `drizzle-kit generate` would: next idx, NNNN_tag.sql, breakpoints. */
export function appendMigration(dir: string, name: string, statements: string[]): string {
  const journal = readJournal(dir);
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, '0')}_${name}`;
  fs.writeFileSync(path.join(dir, `${tag}.sql`), statements.join(`${BREAKPOINT}\n`));
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({ idx, version: '6', when: (last?.when ?? 1_700_000_000_000) + 1000, tag, breakpoints: true });
  writeJournal(dir, journal);
  return tag;
}
