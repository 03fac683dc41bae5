// SIGKILL half way through a backup and half way through a restore: the data is wholly old or wholly
// new, never torn, and no half-written file carries a backup's name.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src-main/core/maintenance/locations';
import { restoreBackup } from '../../../src-main/core/maintenance/restore';
import { REPO_ROOT } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { dumpRows, goodBackup, liveDb, migrations, seededDataDir } from './helpers';

const CHILD = path.join(REPO_ROOT, 'tests/integration/maintenance/kill-child.ts');

/** Runs the child until it says MID, then kills it with SIGKILL. */
function killMidway(args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child never reached the middle\n${out}\n${err}`));
    }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('MID')) child.kill('SIGKILL');
    });
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && out.includes('MID')) resolve();
      else reject(new Error(`the child was not killed half way (signal ${signal})\n${out}\n${err}`));
    });
  });
}

/** Enough rows that the copy takes several steps of the backup API. */
function bulkUp(dataDir: string, rows: number): void {
  withDb(dataDir, (db) => {
    const insert = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, created_at, updated_at)
      values (?, 1, '+886912345678', '0912345678', ?, 'ucs2', 1, 'delivered', 'cli', 1, 1)`);
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(`bulk-${i}`, `訊息 ${i} `.repeat(20));
    })();
  });
}

const integrity = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('killed half way', () => {
  it('during a backup: the live data is intact and no file with a backup name exists', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir();
    await seededDataDir(dataDir, 3);
    bulkUp(dataDir, 40_000);
    const before = dumpRows(liveDb(dataDir));
    for (const phase of ['snapshot', 'writing']) {
      await killMidway(['backup', dataDir, backupDir, phase]);
      expect(listBackups(backupDir)).toEqual([]);
      expect(dumpRows(liveDb(dataDir))).toEqual(before);
    }
    // The dead backups' temporary files stay hidden until they are an hour old; the next backup then
    // removes them (each is as large as the database) and leaves a younger one alone.
    const leftovers = fs.readdirSync(backupDir).filter((n) => n.startsWith('.'));
    expect(leftovers.some((n) => n.endsWith('.partial'))).toBe(true);
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    for (const n of leftovers) fs.utimesSync(path.join(backupDir, n), hourAgo, hourAgo);
    const young = path.join(backupDir, '.smsdesk-20990101-000000-000-manual.smsbak.partial');
    fs.writeFileSync(young, 'another backup, still running');
    const { createBackup } = await import('../../../src-main/core/maintenance/backup');
    const db = new Database(liveDb(dataDir));
    try {
      await createBackup(db, { dir: backupDir, kind: 'manual', now: Date.now(), appVersion: 'test' });
    } finally {
      db.close();
    }
    expect(fs.readdirSync(backupDir).filter((n) => n.startsWith('.'))).toEqual([path.basename(young)]);
    expect(listBackups(backupDir)).toHaveLength(1);
  });

  it('during the swap of a restore: the live data is wholly the old or wholly the new, and a new restore succeeds', async () => {
    const backupDir = tempDir();
    const source = tempDir();
    await seededDataDir(source, 2);
    bulkUp(source, 40_000);
    const file = await (async () => {
      const { createBackup } = await import('../../../src-main/core/maintenance/backup');
      const db = new Database(liveDb(source));
      try {
        return (await createBackup(db, { dir: backupDir, kind: 'manual', now: Date.now(), appVersion: 't' })).file;
      } finally {
        db.close();
      }
    })();
    const backupRows = dumpRows(liveDb(source));

    const dataDir = tempDir();
    await goodBackup(dataDir, tempDir(), 9); // seeds the live data dir with 9 other messages
    const oldRows = dumpRows(liveDb(dataDir));

    await killMidway(['restore', dataDir, file, 'swapping']);
    // Whoever opens the data next (SQLite rolls the torn transaction back) sees the old data, whole.
    const after = dumpRows(liveDb(dataDir));
    expect(after).toEqual(oldRows);
    expect(integrity(liveDb(dataDir))).toBe('ok');

    // The leftovers (staging copy, lease row of the dead process) do not stop the next restore.
    await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file, migrations: migrations(), backupDir, now: Date.now(), appVersion: 't' });
    expect(dumpRows(liveDb(dataDir))).toEqual(backupRows);
    expect(integrity(liveDb(dataDir))).toBe('ok');
    expect(fs.existsSync(path.join(dataDir, '.restore-staging'))).toBe(false);
  });
});
