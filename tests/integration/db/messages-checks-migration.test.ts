// Migration 0011 rewrites the CHECKs of messages from `in (…)` to `=` … `or` by editing the table's
// CREATE text (the runner's "edits schema text" migrations, DESIGN.md §4): a database made before it
// keeps every row, id and event, ends with exactly the schema of a new database, and the rules still
// hold — every status and origin of the contract is accepted, anything else refused. An edit that
// SQLite cannot parse is rolled back with the rest of the start-up migration.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, defaultMigrationsDir } from '../../../src-main/core';
import { applyPragmas, openRaw } from '../../../src-main/core/db/client';
import { loadMigrations, migrate } from '../../../src-main/core/db/migrate';
import { messageStatuses, origins } from '../../../src-shared/api/schemas';
import { dbPath, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { appendMigration, copyRealMigrations, readJournal, writeJournal } from '../../helpers/migrations';
import { tempDir } from '../../helpers/temp-dir';

const TAG = '0011_messages_checks_without_in';

/** The real migrations up to, not including, `tag`. */
function migrationsBefore(tag: string): string {
  const dir = copyRealMigrations(tempDir());
  const journal = readJournal(dir);
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  for (const entry of journal.entries.slice(at)) fs.rmSync(path.join(dir, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  writeJournal(dir, journal);
  return dir;
}

async function open(dataDir: string, migrationsDir?: string): Promise<void> {
  const core = await createCore({ dataDir, clock: new FakeClock(), dispatch: false, log: () => {}, ...(migrationsDir ? { migrationsDir } : {}) });
  await core.close();
}

const schemaOf = (db: Database.Database) => db.prepare(`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`).all();
const messagesSql = (db: Database.Database) => (db.prepare(`select sql from sqlite_master where type = 'table' and name = 'messages'`).get() as { sql: string }).sql;

/** Tries to insert a message with this status and origin; the CHECK's verdict. */
function accepts(db: Database.Database, status: string, origin: string): boolean {
  try {
    db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, created_at, updated_at)
      values (?, 1, '+886912345678', '0912345678', 'x', 'UCS-2', 1, ?, ?, 1, 1)`).run(`probe-${status}-${origin}-${Math.random()}`, status, origin);
    return true;
  } catch (err) {
    if (/CHECK constraint failed/.test(String(err))) return false;
    throw err;
  }
}

describe('migration 0011: the CHECKs of messages without IN lists', () => {
  it('keeps rows, ids and events, and ends with the schema of a new database', async () => {
    const before11 = migrationsBefore(TAG);
    const dataDir = tempDir();
    const core = await createCore({ dataDir, clock: new FakeClock(), dispatch: false, log: () => {}, migrationsDir: before11 });
    await core.api['messages.send']({ to: '0912345678, 0922333444, 0933444555', text: '【測試店】您好', origin: 'composer' });
    await core.api['messages.cancel']({ id: 3 });
    await core.close();
    const before = withDb(dataDir, (db) => {
      expect(messagesSql(db)).toContain(`"messages"."status" in ('draft',`);
      // The newest message goes: AUTOINCREMENT must still never hand its id out again.
      db.prepare('delete from messages where id = 3').run();
      return {
        messages: db.prepare('select * from messages order by id').all(),
        events: db.prepare('select * from message_events order by id').all(),
        schemaVersion: db.pragma('schema_version', { simple: true }) as number,
      };
    });

    await open(dataDir);

    const fresh = tempDir();
    await open(fresh);
    const freshSchema = withDb(fresh, schemaOf);
    withDb(dataDir, (db) => {
      expect(db.prepare('select * from messages order by id').all()).toEqual(before.messages);
      expect(db.prepare('select * from message_events order by id').all()).toEqual(before.events);
      expect(schemaOf(db)).toEqual(freshSchema);
      const sql = messagesSql(db);
      expect(sql).not.toMatch(/ in \(/i);
      expect(sql).toContain(`CHECK("messages"."status" = 'draft' or "messages"."status" = 'scheduled'`);
      expect(db.pragma('schema_version', { simple: true })).toBeGreaterThan(before.schemaVersion);
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('user_version', { simple: true })).toBe(readJournal(defaultMigrationsDir()).entries.length);
      db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, created_at, updated_at)
        values ('after', 1, '+886912345678', '0912345678', 'x', 'UCS-2', 1, 'queued', 'cli', 1, 1)`).run();
      expect((db.prepare(`select id from messages where idempotency_key = 'after'`).get() as { id: number }).id).toBe(4);
    });
  });

  it('accepts exactly the statuses and origins of the contract, before and after', async () => {
    const oldDir = tempDir();
    await open(oldDir, migrationsBefore(TAG));
    const newDir = tempDir();
    await open(newDir);
    for (const dataDir of [oldDir, newDir]) {
      withDb(dataDir, (db) => {
        for (const status of messageStatuses) expect(accepts(db, status, 'composer')).toBe(true);
        for (const origin of origins) expect(accepts(db, 'queued', origin)).toBe(true);
        for (const bad of ['', 'Draft', 'draft ', 'sent,delivered', "draft' or 1=1 --"]) {
          expect(accepts(db, bad, 'composer')).toBe(false);
          expect(accepts(db, 'queued', bad)).toBe(false);
        }
      });
    }
  });

  it('a schema-text edit SQLite cannot parse is rolled back: schema, data and version as they were', async () => {
    const dataDir = tempDir();
    await open(dataDir);
    withDb(dataDir, (db) => db.prepare(`insert into settings (key, value, updated_at) values ('probe', '"x"', 1)`).run());
    const dir = copyRealMigrations(tempDir());
    appendMigration(dir, 'broken_text', [`-- smsdesk: edits schema text\nUPDATE sqlite_schema SET sql = 'CREATE TABLE messages (' WHERE type = 'table' AND name = 'messages';`]);
    const db = openRaw(dbPath(dataDir));
    try {
      applyPragmas(db);
      const before = schemaOf(db);
      expect(() => migrate(db, loadMigrations(dir), { safetyDir: path.join(dataDir, 'safety-copies'), now: 1 })).toThrow(/malformed database schema/);
      expect(schemaOf(db)).toEqual(before);
      expect(db.pragma('user_version', { simple: true })).toBe(readJournal(defaultMigrationsDir()).entries.length);
      expect(db.prepare(`select value from settings where key = 'probe'`).get()).toEqual({ value: '"x"' });
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      // Defensive mode is back on: the schema cannot be written by ordinary statements afterwards.
      expect(() => db.exec(`update sqlite_schema set sql = sql where name = 'messages'`)).toThrow(/may not be modified/);
    } finally {
      db.close();
    }
  });
});
