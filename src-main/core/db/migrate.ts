// Our own migration runner over drizzle-kit's files (DESIGN.md §4). drizzle's migrate() is not used:
// it deletes child rows when a migration rebuilds a table with foreign keys on, skips out-of-order
// migrations and ignores edited ones. Here: safety copy → foreign_keys OFF → BEGIN → pending migrations
// in journal order → foreign_key_check (any row: roll back) → user_version → COMMIT → foreign_keys ON.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { APPLICATION_ID, type Db, type Identity } from './client';

export interface Migration {
  idx: number;
  tag: string;
  hash: string;
  statements: string[];
  /** The file edits sqlite_schema's text itself (its first line says so): see editSchemaText. */
  editsSchemaText: boolean;
}

const JOURNAL = path.join('meta', '_journal.json');
const BREAKPOINT = '--> statement-breakpoint';
const EDITS_SCHEMA_TEXT = '-- smsdesk: edits schema text';

/** Reads the journal and the SQL files. The journal must be ordered 0, 1, 2 … with no gaps. */
export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, JOURNAL), 'utf8')) as { entries: { idx: number; tag: string }[] };
  return journal.entries.map((entry, position) => {
    if (entry.idx !== position) throw new Error(`migrations journal out of order at position ${position} (idx ${entry.idx})`);
    const sql = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
    return {
      idx: entry.idx,
      tag: entry.tag,
      hash: createHash('sha256').update(sql).digest('hex'),
      statements: sql.split(BREAKPOINT).map((s) => s.trim()).filter(Boolean),
      editsSchemaText: sql.startsWith(EDITS_SCHEMA_TEXT),
    };
  });
}

export interface MigrateOptions {
  /** Where to put a copy of the database before changing its schema. */
  safetyDir: string;
  now: number;
}

export interface MigrateResult {
  applied: number[];
  safetyCopy: string | null;
}

/** Refuses a database our migrations did not make, or made by a newer version, before touching it. */
export function assertOurs(identity: Identity, migrations: Migration[], file: string): void {
  const isNew = identity.applicationId === 0 && identity.userVersion === 0 && identity.objectCount === 0;
  if (!isNew && identity.applicationId !== APPLICATION_ID) {
    throw new ApiError('conflict', 'errors.database.foreign', { file: path.basename(file) });
  }
  if (identity.userVersion > migrations.length) {
    throw new ApiError('conflict', 'errors.database.newer', { found: identity.userVersion, supported: migrations.length });
  }
}

export function migrate(db: Db, migrations: Migration[], options: MigrateOptions): MigrateResult {
  // Several processes may start at once on one data dir (the app and `smsdesk run` at login): the
  // decision what to apply is taken again inside BEGIN IMMEDIATE, so exactly one of them migrates and
  // the others find nothing pending. The bookkeeping table is created inside the same transaction, so a
  // start that dies half way never leaves a file that looks like another program's.
  const readApplied = (): Map<number, string> => {
    const exists = db.prepare(`select 1 from sqlite_master where type = 'table' and name = '__smsdesk_migrations'`).get();
    if (!exists) return new Map();
    return new Map((db.prepare('select idx, hash from __smsdesk_migrations').all() as { idx: number; hash: string }[]).map((r) => [r.idx, r.hash]));
  };
  const check = (applied: Map<number, string>): Migration[] => {
    for (const [idx, hash] of applied) {
      const m = migrations[idx];
      if (!m) throw new ApiError('conflict', 'errors.database.newer', { found: applied.size, supported: migrations.length });
      if (m.hash !== hash) throw new ApiError('internal', 'errors.database.editedMigration', { index: idx });
    }
    return migrations.filter((m) => !applied.has(m.idx));
  };

  const before = readApplied();
  if (check(before).length === 0) return { applied: [], safetyCopy: null };

  let safetyCopy: string | null = null;
  if (before.size > 0) {
    // VACUUM INTO cannot run inside a transaction; it copies a consistent snapshot.
    fs.mkdirSync(options.safetyDir, { recursive: true });
    safetyCopy = path.join(options.safetyDir, `before-migration-${before.size}-to-${migrations.length}-${options.now}.db`);
    db.prepare('vacuum into ?').run(safetyCopy);
  }

  db.pragma('foreign_keys = OFF');
  try {
    db.exec('begin immediate');
    try {
      db.exec(`create table if not exists __smsdesk_migrations (
        idx integer primary key, tag text not null, hash text not null, applied_at integer not null)`);
      const pending = check(readApplied());
      const record = db.prepare('insert into __smsdesk_migrations (idx, tag, hash, applied_at) values (?, ?, ?, ?)');
      for (const m of pending) {
        if (m.editsSchemaText) editSchemaText(db, m.statements);
        else for (const statement of m.statements) db.exec(statement);
        record.run(m.idx, m.tag, m.hash, options.now);
      }
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new ApiError('internal', 'errors.database.foreignKeys');
      db.pragma(`user_version = ${migrations.length}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec('commit');
      return { applied: pending.map((m) => m.idx), safetyCopy: pending.length ? safetyCopy : null };
    } catch (err) {
      db.exec('rollback');
      throw err;
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * A change SQLite cannot make with ALTER TABLE but that leaves every stored row valid (an equivalent
 * CHECK, for one) is made by editing the table's CREATE text in sqlite_schema, as SQLite documents
 * (lang_altertable.html §7): writable_schema on (better-sqlite3's defensive mode off meanwhile), the
 * edit, schema_version + 1 so that every other connection re-reads the schema, then the schema is read
 * again here: a text SQLite cannot parse fails inside the transaction and is rolled back with it.
 */
function editSchemaText(db: Db, statements: string[]): void {
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    for (const statement of statements) db.exec(statement);
    db.pragma(`schema_version = ${version + 1}`);
  } finally {
    db.pragma('writable_schema = RESET');
    db.unsafeMode(false);
  }
  db.prepare('select count(*) from sqlite_schema').get();
}
