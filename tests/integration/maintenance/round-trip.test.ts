import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createBackup } from '../../../src-main/core/maintenance/backup';
import { readLayout, verifyContainer } from '../../../src-main/core/maintenance/container';
import { restoreBackup } from '../../../src-main/core/maintenance/restore';
import { listBackups } from '../../../src-main/core/maintenance/locations';
import { openDb, withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { dumpRows, formatOneContainer, liveDb, migrations, seededDataDir } from './helpers';

describe('backup and restore round trip', () => {
  it('restores every row of every table exactly as it was when the backup was made', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir();
    await seededDataDir(dataDir, 20);
    const before = dumpRows(liveDb(dataDir));
    expect(before.messages).toHaveLength(20);

    const db = openDb(dataDir);
    const phases: string[] = [];
    const made = await createBackup(db, { dir: backupDir, kind: 'manual', now: Date.now(), appVersion: 'test', onProgress: (phase, f) => phases.push(`${phase} ${f}`) });
    db.close();
    expect(made.manifest.rowCounts.messages).toBe(20);
    // The progress the Data page shows ends with the backup done, after its check has finished.
    expect(phases.slice(-2)).toEqual(['checking 1', 'done 1']);
    expect(phases[0]).toBe('snapshot 0');
    expect(listBackups(backupDir).map((e) => e.file)).toEqual([made.file]);

    // Change the live data after the backup: the restore must bring back the backup's rows exactly.
    withDb(dataDir, (d) => {
      d.exec(`delete from message_events; delete from messages where id > 5; update settings set value = value`);
      d.prepare(`insert into settings (key, value, updated_at) values ('shop.name', '"changed"', 1)`).run();
    });
    expect(dumpRows(liveDb(dataDir))).not.toEqual(before);

    const result = await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file: made.file, migrations: migrations(), backupDir, now: Date.now(), appVersion: 'test' });
    expect(dumpRows(liveDb(dataDir))).toEqual(before);
    // The safety backup holds the data as it was just before the restore.
    expect(result.safetyBackup).not.toBeNull();
    expect(fs.existsSync(result.safetyBackup!)).toBe(true);
    expect(listBackups(backupDir).find((e) => e.file === result.safetyBackup)?.manifest?.rowCounts.messages).toBe(5);
    // Nothing is left behind: no staging copy, no lease held.
    expect(fs.existsSync(path.join(dataDir, '.restore-staging'))).toBe(false);
    expect(withDb(dataDir, (d) => d.prepare('select count(*) as n from dispatcher_lease').get())).toEqual({ n: 0 });
    expect(fs.readdirSync(backupDir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('the file starts with the database itself: cut at its length it is that SQLite database, in rollback-journal mode', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 3);
    const db = openDb(dataDir);
    const made = await createBackup(db, { dir: tempDir(), kind: 'manual', now: Date.now(), appVersion: 'test' });
    db.close();
    const layout = readLayout(made.file);
    expect(layout.dbOffset).toBe(0);
    const cut = path.join(tempDir(), 'cut.db');
    fs.writeFileSync(cut, fs.readFileSync(made.file).subarray(0, layout.dbLength));
    const copy = new Database(cut, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('select count(*) as n from messages').get() as { n: number }).n).toBe(3);
    } finally {
      copy.close();
    }
    expect(dumpRows(cut)).toEqual(dumpRows(liveDb(dataDir)));
  });

  it('a backup in format 1 (as earlier versions wrote them) still verifies and restores', async () => {
    const source = tempDir();
    await seededDataDir(source, 7);
    const expected = dumpRows(liveDb(source));
    const db = openDb(source);
    const made = await createBackup(db, { dir: tempDir(), kind: 'manual', now: Date.now(), appVersion: 'test' });
    db.close();
    // The same database and manifest, in the old layout.
    const work = path.join(tempDir(), 'work.db');
    await verifyContainer(made.file, { extractTo: work });
    const old = formatOneContainer(work, (dbSha256) => ({ ...made.manifest, dbSha256 }), path.join(tempDir(), 'old.smsbak'));
    const layout = readLayout(old);
    expect(layout.dbOffset).toBe(16);
    expect(layout.manifest.rowCounts.messages).toBe(7);

    const dataDir = tempDir();
    await seededDataDir(dataDir, 1);
    await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file: old, migrations: migrations(), backupDir: tempDir(), now: Date.now(), appVersion: 'test' });
    expect(dumpRows(liveDb(dataDir))).toEqual(expected);
  });
});
