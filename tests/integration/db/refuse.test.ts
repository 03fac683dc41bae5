// A database that is not ours — another program's SQLite file, a file that is not SQLite at all, or
// one made by a newer smsdesk — is refused with a clear error and left exactly as it was: the SHA-256
// of every file in the data dir is the same before and after, and no -wal/-shm file appears.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { APPLICATION_ID } from '../../../src-main/core/db/client';
import { ApiError } from '../../../src-shared/api/errors';
import { createI18n } from '../../../src-shared/i18n';
import { dbPath, dirDigest, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { readJournal } from '../../helpers/migrations';
import { defaultMigrationsDir } from '../../../src-main/core';
import { tempDir } from '../../helpers/temp-dir';

const supported = () => readJournal(defaultMigrationsDir()).entries.length;

/** createCore on the data dir; returns what it threw (or fails the test when it opened). */
async function refusal(dataDir: string): Promise<ApiError> {
  const opened = await createCore({ dataDir, clock: new FakeClock(), log: () => {} }).then(
    (core) => core,
    (err: unknown) => err,
  );
  if (opened instanceof ApiError) return opened;
  if (opened && typeof opened === 'object' && 'close' in opened) await (opened as { close: () => Promise<void> }).close();
  throw new Error(`createCore did not refuse the database (${String(opened)})`);
}

/** Writes a SQLite file with another program's tables, in rollback-journal mode as most programs use. */
function foreignSqlite(dataDir: string, setup: (db: Database.Database) => void): void {
  const db = new Database(dbPath(dataDir));
  setup(db);
  db.close();
}

async function expectRefusedUntouched(dataDir: string, key: string): Promise<ApiError> {
  const before = dirDigest(dataDir);
  const error = await refusal(dataDir);
  expect(error.key).toBe(key);
  expect(dirDigest(dataDir)).toEqual(before);
  // The message a person reads says what happened, in every language, with its placeholders filled.
  for (const lang of ['zh-TW', 'en'] as const) {
    const text = createI18n(lang).t(error.key, error.params ?? {});
    expect(text).not.toBe(error.key);
    expect(text).not.toContain('{{');
  }
  return error;
}

describe('refusing a database that is not ours', () => {
  it("another application's SQLite file (application_id 0, with a table)", async () => {
    const dataDir = tempDir();
    foreignSqlite(dataDir, (db) => {
      db.exec('create table customers (id integer primary key, name text)');
      db.prepare('insert into customers (name) values (?)').run('王小明');
    });
    const error = await expectRefusedUntouched(dataDir, 'errors.database.foreign');
    expect(error.kind).toBe('conflict');
    expect(error.params).toEqual({ file: 'smsdesk.db' });
    expect(withDb(dataDir, (db) => db.prepare('select name from customers').all())).toEqual([{ name: '王小明' }]);
  });

  it('a SQLite file with another application_id, even when empty of tables', async () => {
    const dataDir = tempDir();
    foreignSqlite(dataDir, (db) => {
      db.pragma('application_id = 0x12345678');
      db.pragma('user_version = 1');
    });
    await expectRefusedUntouched(dataDir, 'errors.database.foreign');
  });

  it('a SQLite file in WAL mode with another application_id', async () => {
    const dataDir = tempDir();
    foreignSqlite(dataDir, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('application_id = 42');
      db.exec('create table t (x)');
    });
    await expectRefusedUntouched(dataDir, 'errors.database.foreign');
  });

  it('a file of random bytes', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(dbPath(dataDir), crypto.randomBytes(8192));
    await expectRefusedUntouched(dataDir, 'errors.database.foreign');
  });

  it('a text file', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(dbPath(dataDir), '姓名,電話\n王小明,0912345678\n'.repeat(50));
    await expectRefusedUntouched(dataDir, 'errors.database.foreign');
  });

  it('a newer schema of ours (user_version above what this build knows)', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, clock: new FakeClock(), log: () => {} });
    await core.close();
    withDb(dataDir, (db) => {
      db.pragma(`user_version = ${supported() + 3}`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    const error = await expectRefusedUntouched(dataDir, 'errors.database.newer');
    expect(error.kind).toBe('conflict');
    expect(error.params).toEqual({ found: supported() + 3, supported: supported() });
  });

  it('a newer schema in a file that only has our identity', async () => {
    const dataDir = tempDir();
    foreignSqlite(dataDir, (db) => {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${supported() + 1}`);
      db.exec('create table from_the_future (x)');
    });
    await expectRefusedUntouched(dataDir, 'errors.database.newer');
  });

  it('opens a zero-byte file as a new database (nothing to lose)', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(dbPath(dataDir), '');
    const core = await createCore({ dataDir, clock: new FakeClock(), log: () => {} });
    await core.close();
    expect(withDb(dataDir, (db) => db.pragma('application_id', { simple: true }))).toBe(APPLICATION_ID);
  });

  it('leaves the rest of the data dir alone: no key file, no safety copy', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(dbPath(dataDir), 'not a database at all, but long enough to have a header. '.repeat(4));
    await refusal(dataDir);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['smsdesk.db']);
    expect(path.basename(dbPath(dataDir))).toBe('smsdesk.db');
  });
});
