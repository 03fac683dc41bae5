// A backup file is untrusted input. Each of these is refused with its reason, and the live data dir
// (every file in it) and the backups folder are exactly as they were.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { verifyContainer } from '../../../src-main/core/maintenance/container';
import { parseManifest, type BackupManifest } from '../../../src-main/core/maintenance/manifest';
import { readLayout } from '../../../src-main/core/maintenance/container';
import { restoreBackup } from '../../../src-main/core/maintenance/restore';
import { dirDigest } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { containerFrom, goodBackup, liveDb, migrations, seededDataDir } from './helpers';

/** A container around a copy of a good backup's database, changed by `edit`, with an honest checksum. */
async function craft(good: string, out: string, edit: (db: Database.Database) => void, manifestPatch: Partial<BackupManifest> = {}): Promise<string> {
  const work = path.join(path.dirname(out), 'work.db');
  await verifyContainer(good, { extractTo: work });
  const db = new Database(work);
  edit(db);
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  db.close();
  const base = readLayout(good).manifest;
  await containerFrom(work, (dbSha256) => ({ ...base, applicationId, schemaVersion, dbSha256, dbBytes: fs.statSync(work).size, ...manifestPatch }), out);
  fs.rmSync(work);
  return out;
}

async function expectRefused(file: string, key: string): Promise<void> {
  const dataDir = tempDir();
  const backupDir = tempDir();
  await seededDataDir(dataDir, 3);
  const liveBefore = dirDigest(dataDir);
  const backupsBefore = dirDigest(backupDir);
  const err = await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file, migrations: migrations(), backupDir, now: Date.now(), appVersion: 'test' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).key).toBe(key);
  expect(dirDigest(dataDir)).toEqual(liveBefore);
  expect(fs.readdirSync(dataDir).sort()).toEqual(Object.keys(liveBefore).sort());
  expect(dirDigest(backupDir)).toEqual(backupsBefore);
}

describe('restore refuses a hostile corpus and leaves the live data untouched', () => {
  const setup = async () => {
    const dir = tempDir();
    const good = await goodBackup(tempDir(), dir, 4);
    return { dir, good };
  };

  it('an empty file', async () => {
    const { dir } = await setup();
    const file = path.join(dir, 'empty.smsbak');
    fs.writeFileSync(file, '');
    await expectRefused(file, 'data.errors.notBackup');
  });

  it('random bytes', async () => {
    const { dir } = await setup();
    const file = path.join(dir, 'random.smsbak');
    fs.writeFileSync(file, randomBytes(64 * 1024));
    await expectRefused(file, 'data.errors.notBackup');
  });

  it('a truncated backup', async () => {
    const { dir, good } = await setup();
    const file = path.join(dir, 'truncated.smsbak');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(file, 'data.errors.damaged');
  });

  it('one flipped byte in the database part', async () => {
    const { dir, good } = await setup();
    const file = path.join(dir, 'flipped.smsbak');
    const bytes = Buffer.from(fs.readFileSync(good));
    const layout = readLayout(good);
    const at = layout.dbOffset + Math.floor(layout.dbLength / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    await expectRefused(file, 'data.errors.checksum');
  });

  it('one flipped byte in the manifest (its JSON still valid)', async () => {
    const { dir, good } = await setup();
    const file = path.join(dir, 'manifest.smsbak');
    const bytes = Buffer.from(fs.readFileSync(good));
    const layout = readLayout(good);
    const manifestAt = layout.dbOffset + layout.dbLength;
    const text = bytes.subarray(manifestAt, manifestAt + 400).toString('latin1');
    const at = manifestAt + text.indexOf('"manual"') + 1; // manual → nanual: then the manifest does not parse
    bytes[at] = 'n'.charCodeAt(0);
    expect(parseManifest(bytes.subarray(manifestAt, bytes.length - 32 - 28).toString())).toBeNull();
    fs.writeFileSync(file, bytes);
    await expectRefused(file, 'data.errors.damaged');
  });

  it('a backup cut off right after its database part (still a SQLite file of ours)', async () => {
    const { dir, good } = await setup();
    const file = path.join(dir, 'cut.smsbak');
    fs.writeFileSync(file, fs.readFileSync(good).subarray(0, readLayout(good).dbLength));
    await expectRefused(file, 'data.errors.damaged');
  });

  it('the live database file itself, taken for a backup', async () => {
    const { dir } = await setup();
    const source = tempDir();
    await seededDataDir(source, 1);
    const file = path.join(dir, 'live.smsbak');
    fs.copyFileSync(liveDb(source), file);
    await expectRefused(file, 'data.errors.notBackup');
  });

  it('a foreign SQLite file, as it is', async () => {
    const { dir } = await setup();
    const file = path.join(dir, 'foreign.smsbak');
    const db = new Database(file);
    db.exec('create table t (x); insert into t values (1)');
    db.close();
    await expectRefused(file, 'data.errors.notBackup');
  });

  it('a foreign SQLite database inside a well-formed container', async () => {
    const { dir, good } = await setup();
    const file = await craft(good, path.join(dir, 'foreign-inside.smsbak'), (db) => db.pragma('application_id = 1234'));
    await expectRefused(file, 'data.errors.foreign');
  });

  it('an added trigger (honest checksum)', async () => {
    const { dir, good } = await setup();
    const file = await craft(good, path.join(dir, 'trigger.smsbak'), (db) =>
      db.exec(`create trigger evil after insert on messages begin update settings set value = 'x'; end`));
    await expectRefused(file, 'data.errors.schema.extra');
  });

  it('an added view and an altered table', async () => {
    const { dir, good } = await setup();
    const view = await craft(good, path.join(dir, 'view.smsbak'), (db) => db.exec('create view v as select * from messages'));
    await expectRefused(view, 'data.errors.schema.extra');
    const altered = await craft(good, path.join(dir, 'altered.smsbak'), (db) => db.exec('alter table accounts add column evil text'));
    await expectRefused(altered, 'data.errors.schema.changed');
  });

  it('a manifest that disagrees with the database inside', async () => {
    const { dir, good } = await setup();
    const file = await craft(good, path.join(dir, 'lying.smsbak'), () => {}, { schemaVersion: 0 + 1, applicationId: 0x534d5344 });
    // Honest so far; now claim a different version in the database itself.
    const file2 = await craft(file, path.join(dir, 'lying2.smsbak'), (db) => db.pragma('user_version = 0'), { schemaVersion: 1 });
    await expectRefused(file2, 'data.errors.manifestMismatch');
  });

  it('a newer schema version', async () => {
    const { dir, good } = await setup();
    const file = await craft(good, path.join(dir, 'newer.smsbak'), (db) => db.pragma(`user_version = ${migrations().length + 1}`));
    await expectRefused(file, 'data.errors.newer');
  });

  it('a damaged page inside an honest container (integrity_check)', async () => {
    const { dir, good } = await setup();
    const work = path.join(dir, 'work-page.db');
    await verifyContainer(good, { extractTo: work });
    // Scribble over the middle of a b-tree page that holds rows: the accounts table's root page (it
    // always has the sandbox account). The last page of the file is not that page once a migration
    // adds tables that are still empty, and scribbling over an empty page's free space is harmless.
    const reader = new Database(work, { readonly: true });
    const root = (reader.prepare(`select rootpage from sqlite_master where type = 'table' and name = 'accounts'`).get() as { rootpage: number }).rootpage;
    reader.close();
    const bytes = Buffer.from(fs.readFileSync(work));
    const pageSize = bytes.readUInt16BE(16);
    const last = (root - 1) * pageSize;
    bytes.fill(0xa5, last + 8, last + pageSize - 8);
    fs.writeFileSync(work, bytes);
    const base = readLayout(good).manifest;
    const file = path.join(dir, 'page.smsbak');
    await containerFrom(work, (dbSha256) => ({ ...base, dbSha256, dbBytes: bytes.length }), file);
    const dataDir = tempDir();
    await seededDataDir(dataDir, 1);
    const before = dirDigest(dataDir);
    const err = (await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file, migrations: migrations(), backupDir: tempDir(), now: Date.now(), appVersion: 't' }).catch((e: unknown) => e)) as ApiError;
    expect(['data.errors.integrity', 'data.errors.damaged']).toContain(err.key);
    expect(dirDigest(dataDir)).toEqual(before);
  });
});
