// Shared set-up for the maintenance tests: a data dir with a real, migrated database and some rows,
// and row-wise dumps to compare databases.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sealContainer } from '../../../src-main/core/maintenance/container';
import type { BackupManifest } from '../../../src-main/core/maintenance/manifest';
import { createCore, defaultMigrationsDir } from '../../../src-main/core';
import { loadMigrations } from '../../../src-main/core/db/migrate';
import { dbPath } from '../../helpers/db';

export const migrations = () => loadMigrations(defaultMigrationsDir());

/** A data dir whose database has the sandbox account and `count` messages (made through the real core). */
export async function seededDataDir(dataDir: string, count = 5): Promise<void> {
  const core = await createCore({ dataDir, dispatch: false, log: () => {} });
  try {
    if (count > 0) {
      const to = Array.from({ length: count }, (_, i) => `+88691234${String(i).padStart(4, '0')}`.slice(0, 13));
      await core.api['messages.send']({ to, text: 'hello 你好', origin: 'cli', at: '2099-01-01T09:00' });
    }
  } finally {
    await core.close();
  }
}

/** Every row of every table but the process-state lease, as JSON lines per table (row-wise equality). */
export function dumpRows(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`select name from sqlite_master where type = 'table' and name not in ('dispatcher_lease') order by name`).all() as { name: string }[]).map((r) => r.name);
    const out: Record<string, string[]> = {};
    // Sorted as text: FTS shadow tables are WITHOUT ROWID, so there is no one column to order by.
    for (const t of tables) out[t] = (db.prepare(`select * from "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    return out;
  } finally {
    db.close();
  }
}

export const liveDb = (dataDir: string) => dbPath(dataDir);
export const backupsBeside = (dataDir: string) => `${path.resolve(dataDir)}-backups`;

/** A good backup of a freshly seeded data dir: returns its file, in `backupDir`. */
export async function goodBackup(dataDir: string, backupDir: string, count = 5): Promise<string> {
  const { createBackup } = await import('../../../src-main/core/maintenance/backup');
  await seededDataDir(dataDir, count);
  const db = new Database(dbPath(dataDir));
  try {
    return (await createBackup(db, { dir: backupDir, kind: 'manual', now: Date.now(), appVersion: 'test' })).file;
  } finally {
    db.close();
  }
}

/** A backup file made from a SQLite file (copied, then sealed the way a backup is). */
export async function containerFrom(dbFile: string, manifestOf: (dbSha256: string) => BackupManifest, out: string): Promise<string> {
  fs.copyFileSync(dbFile, out, fs.constants.COPYFILE_EXCL);
  await sealContainer(out, manifestOf);
  return out;
}

/**
 * A backup in format 1, as versions before format 2 wrote it ("SMSDESK-BACKUP01", database, manifest,
 * lengths, "SMSDESK-END", SHA-256 over the magic, the database's digest, the manifest and the footer):
 * written here byte by byte from that description, so that reading old backups stays tested.
 */
export function formatOneContainer(dbFile: string, manifestOf: (dbSha256: string) => BackupManifest, out: string): string {
  const magic = Buffer.from('SMSDESK-BACKUP01', 'ascii');
  const db = fs.readFileSync(dbFile);
  const dbDigest = createHash('sha256').update(db).digest();
  const manifest = Buffer.from(JSON.stringify(manifestOf(dbDigest.toString('hex'))), 'utf8');
  const footer = Buffer.alloc(8 + 4 + 11);
  footer.writeBigUInt64BE(BigInt(db.length), 0);
  footer.writeUInt32BE(manifest.length, 8);
  footer.write('SMSDESK-END', 12, 'ascii');
  const digest = createHash('sha256').update(magic).update(dbDigest).update(manifest).update(footer).digest();
  fs.writeFileSync(out, Buffer.concat([magic, db, manifest, footer, digest]), { flag: 'wx' });
  return out;
}
