import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../src-main/core/maintenance/backup';
import { restoreBackup } from '../../../src-main/core/maintenance/restore';
import { listBackups } from '../../../src-main/core/maintenance/locations';
import { openDb, withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { dumpRows, liveDb, migrations, seededDataDir } from './helpers';

describe('backup and restore round trip', () => {
  it('restores every row of every table exactly as it was when the backup was made', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir();
    await seededDataDir(dataDir, 20);
    const before = dumpRows(liveDb(dataDir));
    expect(before.messages).toHaveLength(20);

    const db = openDb(dataDir);
    const made = await createBackup(db, { dir: backupDir, kind: 'manual', now: Date.now(), appVersion: 'test' });
    db.close();
    expect(made.manifest.rowCounts.messages).toBe(20);
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
});
