// Shared set-up for the maintenance tests: a data dir with a real, migrated database and some rows,
// and row-wise dumps to compare databases.
import path from 'node:path';
import Database from 'better-sqlite3';
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
