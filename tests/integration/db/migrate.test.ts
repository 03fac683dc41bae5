// Our migration runner (DESIGN.md §4) against real SQLite files: a new database gets our identity and
// pragmas; the journal must be ordered; a table rebuild keeps the child rows that drizzle's migrate()
// would cascade away; an edited applied migration and a migration that breaks a foreign key are refused
// and leave the schema and data as they were; a database with data is copied before it changes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, defaultMigrationsDir } from '../../../src-main/core';
import { APPLICATION_ID, applyPragmas, openRaw } from '../../../src-main/core/db/client';
import { loadMigrations } from '../../../src-main/core/db/migrate';
import { ApiError } from '../../../src-shared/api/errors';
import { dbPath, fileDigest, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { appendMigration, BREAKPOINT, copyRealMigrations, readJournal, writeJournal } from '../../helpers/migrations';
import { tempDir } from '../../helpers/temp-dir';

const realCount = () => readJournal(defaultMigrationsDir()).entries.length;

async function openAndClose(dataDir: string, migrationsDir?: string): Promise<void> {
  const core = await createCore({ dataDir, clock: new FakeClock(), dispatch: false, log: () => {}, ...(migrationsDir ? { migrationsDir } : {}) });
  await core.close();
}

/** A data dir with a few messages (and so message_events, the child rows of messages). */
async function dataDirWithMessages(migrationsDir?: string): Promise<string> {
  const dataDir = tempDir();
  const core = await createCore({ dataDir, clock: new FakeClock(), dispatch: false, log: () => {}, ...(migrationsDir ? { migrationsDir } : {}) });
  await core.api['messages.send']({ to: '0912345678, 0922333444, 0933444555', text: '【測試店】您好', origin: 'composer' });
  await core.api['messages.cancel']({ id: 2 });
  await core.close();
  return dataDir;
}

const schemaOf = (db: Database.Database) => db.prepare(`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`).all();
const countOf = (db: Database.Database, table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** The statements of a drizzle-kit style rebuild of `messages` (a new column forces it), from the live schema. */
function rebuildMessagesStatements(dataDir: string): string[] {
  return withDb(dataDir, (db) => {
    const createSql = (db.prepare(`select sql from sqlite_master where type = 'table' and name = 'messages'`).get() as { sql: string }).sql;
    const indexes = (db.prepare(`select sql from sqlite_master where type = 'index' and tbl_name = 'messages' and sql is not null`).all() as { sql: string }[]).map((r) => r.sql);
    const columns = (db.prepare(`pragma table_info('messages')`).all() as { name: string }[]).map((c) => `\`${c.name}\``).join(', ');
    const newTable = createSql
      .replace(/^CREATE TABLE [`"]?messages[`"]?/, 'CREATE TABLE `__new_messages`')
      .replace(/"messages"\./g, '"__new_messages".')
      .replace(/\n\tFOREIGN KEY/, '\n\t`priority` integer DEFAULT 0 NOT NULL,\n\tFOREIGN KEY');
    return [
      // drizzle-kit wraps rebuilds like this; inside our transaction these two pragmas are no-ops.
      'PRAGMA foreign_keys=OFF;',
      `${newTable};`,
      `INSERT INTO \`__new_messages\`(${columns}) SELECT ${columns} FROM \`messages\`;`,
      'DROP TABLE `messages`;',
      'ALTER TABLE `__new_messages` RENAME TO `messages`;',
      'PRAGMA foreign_keys=ON;',
      ...indexes.map((sql) => `${sql};`),
    ];
  });
}

describe('a new database', () => {
  it('migrates to our identity: application_id SMSD, user_version = journal entries, WAL', async () => {
    const dataDir = tempDir();
    await openAndClose(dataDir);
    withDb(dataDir, (db) => {
      expect(db.pragma('application_id', { simple: true })).toBe(0x534d5344);
      expect(APPLICATION_ID).toBe(0x534d5344);
      expect(db.pragma('user_version', { simple: true })).toBe(realCount());
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal'); // persistent: stored in the file
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const tables = (db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(['messages', 'message_events', 'accounts', 'settings', 'dispatcher_lease', '__smsdesk_migrations']));
      expect(countOf(db, '__smsdesk_migrations')).toBe(realCount());
    });
  });

  it('writes no safety copy (there is nothing to lose)', async () => {
    const dataDir = tempDir();
    await openAndClose(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'safety-copies'))).toBe(false);
  });

  it('gives every connection synchronous=FULL, foreign_keys on, trusted_schema off and a busy timeout', () => {
    const db = openRaw(path.join(tempDir(), 'smsdesk.db'));
    try {
      applyPragmas(db);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('opens again without migrating anything or copying it', async () => {
    const dataDir = tempDir();
    await openAndClose(dataDir);
    const before = withDb(dataDir, (db) => db.prepare('select idx, hash, applied_at from __smsdesk_migrations order by idx').all());
    await openAndClose(dataDir);
    expect(withDb(dataDir, (db) => db.prepare('select idx, hash, applied_at from __smsdesk_migrations order by idx').all())).toEqual(before);
    expect(fs.existsSync(path.join(dataDir, 'safety-copies'))).toBe(false);
  });
});

describe('the journal', () => {
  it('is ordered 0..n-1, each entry with its SQL file, and no SQL file outside it', () => {
    const dir = defaultMigrationsDir();
    const journal = readJournal(dir);
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.tag.startsWith(String(i).padStart(4, '0') + '_')).toBe(true);
      expect(fs.existsSync(path.join(dir, `${entry.tag}.sql`))).toBe(true);
      if (i > 0) expect(entry.when).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
    const sqlFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
    expect(sqlFiles).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
    expect(loadMigrations(dir).map((m) => m.idx)).toEqual(journal.entries.map((_, i) => i));
  });

  it('splits each file on drizzle-kit breakpoints into non-empty statements', () => {
    for (const m of loadMigrations(defaultMigrationsDir())) {
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) {
        expect(s.trim()).not.toBe('');
        expect(s).not.toContain(BREAKPOINT);
      }
      expect(m.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('is refused when out of order, before the database is touched', async () => {
    const dir = copyRealMigrations(tempDir());
    appendMigration(dir, 'one', ['CREATE TABLE `one` (`id` integer PRIMARY KEY);']);
    appendMigration(dir, 'two', ['CREATE TABLE `two` (`id` integer PRIMARY KEY);']);
    const journal = readJournal(dir);
    const n = journal.entries.length;
    [journal.entries[n - 1], journal.entries[n - 2]] = [journal.entries[n - 2]!, journal.entries[n - 1]!];
    writeJournal(dir, journal);
    expect(() => loadMigrations(dir)).toThrow(/out of order/);

    const dataDir = await dataDirWithMessages();
    const before = fileDigest(dbPath(dataDir));
    await expect(openAndClose(dataDir, dir)).rejects.toThrow(/out of order/);
    expect(fileDigest(dbPath(dataDir))).toBe(before);
  });

  it('is refused with a gap', () => {
    const dir = copyRealMigrations(tempDir());
    appendMigration(dir, 'one', ['CREATE TABLE `one` (`id` integer PRIMARY KEY);']);
    const journal = readJournal(dir);
    journal.entries[journal.entries.length - 1]!.idx += 1;
    writeJournal(dir, journal);
    expect(() => loadMigrations(dir)).toThrow(/out of order/);
  });
});

describe('a table-rebuild migration', () => {
  it('keeps the child rows of a table with ON DELETE CASCADE, and its data and indexes', async () => {
    const dataDir = await dataDirWithMessages();
    const before = withDb(dataDir, (db) => ({
      messages: db.prepare('select id, idempotency_key, to_e164, status, text from messages order by id').all(),
      events: db.prepare('select id, message_id, from_status, to_status from message_events order by id').all(),
      indexes: (db.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'messages' and sql is not null order by name`).all() as { name: string }[]).map((r) => r.name),
    }));
    expect(before.events.length).toBeGreaterThanOrEqual(4); // 3 created + 1 cancelled

    const migrationsDir = copyRealMigrations(tempDir());
    appendMigration(migrationsDir, 'messages_priority', rebuildMessagesStatements(dataDir));
    await openAndClose(dataDir, migrationsDir);

    withDb(dataDir, (db) => {
      expect(db.prepare('select id, idempotency_key, to_e164, status, text from messages order by id').all()).toEqual(before.messages);
      expect(db.prepare('select id, message_id, from_status, to_status from message_events order by id').all()).toEqual(before.events);
      expect((db.prepare(`pragma table_info('messages')`).all() as { name: string }[]).map((c) => c.name)).toContain('priority');
      expect((db.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'messages' and sql is not null order by name`).all() as { name: string }[]).map((r) => r.name)).toEqual(before.indexes);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(realCount() + 1);
      // The cascade still works after the rebuild: the foreign key points at the new table.
      db.pragma('foreign_keys = ON');
      db.prepare('delete from messages where id = 1').run();
      expect(countOf(db, 'message_events')).toBe(before.events.filter((e) => (e as { message_id: number }).message_id !== 1).length);
    });
  });

  it('would lose them the naive way (foreign keys on, as drizzle migrate() runs) — so the test above can fail', async () => {
    const dataDir = await dataDirWithMessages();
    const statements = rebuildMessagesStatements(dataDir);
    const eventsBefore = withDb(dataDir, (db) => countOf(db, 'message_events'));
    withDb(dataDir, (db) => {
      db.pragma('foreign_keys = ON');
      db.transaction(() => statements.forEach((s) => db.exec(s)))();
      expect(countOf(db, 'messages')).toBe(3);
      expect(countOf(db, 'message_events')).toBe(0);
    });
    expect(eventsBefore).toBeGreaterThan(0);
  });

  it('is preceded by a safety copy of the database as it was', async () => {
    const dataDir = await dataDirWithMessages();
    const migrationsDir = copyRealMigrations(tempDir());
    appendMigration(migrationsDir, 'messages_priority', rebuildMessagesStatements(dataDir));
    await openAndClose(dataDir, migrationsDir);

    const copies = fs.readdirSync(path.join(dataDir, 'safety-copies'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(new RegExp(`^before-migration-${realCount()}-to-${realCount() + 1}-\\d+\\.db$`));
    const copy = new Database(path.join(dataDir, 'safety-copies', copies[0]!), { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(realCount());
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(countOf(copy, 'messages')).toBe(3);
      expect((copy.prepare(`pragma table_info('messages')`).all() as { name: string }[]).map((c) => c.name)).not.toContain('priority');
    } finally {
      copy.close();
    }
  });
});

describe('refused migrations', () => {
  it('an applied migration whose file was edited stops start-up, and the file is untouched', async () => {
    const migrationsDir = copyRealMigrations(tempDir());
    const dataDir = await dataDirWithMessages(migrationsDir);
    const first = path.join(migrationsDir, `${readJournal(migrationsDir).entries[0]!.tag}.sql`);
    fs.appendFileSync(first, '\n-- edited after release\n');
    const before = fileDigest(dbPath(dataDir));

    const error = await openAndClose(dataDir, migrationsDir).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ key: 'errors.database.editedMigration', params: { index: 0 } });
    expect(fileDigest(dbPath(dataDir))).toBe(before);
  });

  it('a migration that leaves a foreign-key violation is rolled back: schema, data and version unchanged', async () => {
    const dataDir = await dataDirWithMessages();
    const snapshot = () => withDb(dataDir, (db) => ({
      schema: schemaOf(db),
      messages: db.prepare('select * from messages order by id').all(),
      events: db.prepare('select * from message_events order by id').all(),
      applied: db.prepare('select idx, tag, hash from __smsdesk_migrations order by idx').all(),
      userVersion: db.pragma('user_version', { simple: true }),
    }));
    const before = snapshot();

    const migrationsDir = copyRealMigrations(tempDir());
    appendMigration(migrationsDir, 'orphan_events', [
      'CREATE TABLE `audit` (`id` integer PRIMARY KEY, `note` text);',
      "INSERT INTO `audit` (`note`) VALUES ('should vanish');",
      "UPDATE `messages` SET `memo` = 'changed';",
      "INSERT INTO `message_events` (`message_id`, `at`, `to_status`) VALUES (424242, 0, 'queued');",
    ]);
    const error = await openAndClose(dataDir, migrationsDir).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ key: 'errors.database.foreignKeys' });
    expect(snapshot()).toEqual(before);
  });

  it('a migration with an SQL error is rolled back too', async () => {
    const dataDir = await dataDirWithMessages();
    const schemaBefore = withDb(dataDir, schemaOf);
    const migrationsDir = copyRealMigrations(tempDir());
    appendMigration(migrationsDir, 'broken', ['CREATE TABLE `half` (`id` integer PRIMARY KEY);', 'THIS IS NOT SQL;']);
    await expect(openAndClose(dataDir, migrationsDir)).rejects.toThrow();
    expect(withDb(dataDir, schemaOf)).toEqual(schemaBefore);
    // … and the next start with the good migrations works.
    await openAndClose(dataDir);
    expect(withDb(dataDir, (db) => countOf(db, 'messages'))).toBe(3);
  });
});
