// Child process for the kill tests: runs a backup or a restore and, when it reaches the middle of the
// phase named on the command line, says "MID" and stalls there, so the parent can SIGKILL it exactly
// half way (with the backup's or the swap's write transaction open).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { defaultMigrationsDir } from '../../../src-main/core';
import { loadMigrations } from '../../../src-main/core/db/migrate';
import { createBackup } from '../../../src-main/core/maintenance/backup';
import { restoreBackup } from '../../../src-main/core/maintenance/restore';

const [mode, dataDir, target, stallPhase] = process.argv.slice(2) as [string, string, string, string];
let said = false;
const stallIfMid = (phase: string, fraction: number) => {
  if (phase !== stallPhase || fraction <= 0 || fraction >= 1 || said) return;
  said = true;
  fs.writeSync(1, 'MID\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
};

if (mode === 'backup') {
  const db = new Database(`${dataDir}/smsdesk.db`);
  await createBackup(db, { dir: target, kind: 'manual', now: Date.now(), appVersion: 'kill', onProgress: stallIfMid });
} else {
  await restoreBackup({
    dataDir, dbFileName: 'smsdesk.db', file: target, migrations: loadMigrations(defaultMigrationsDir()), backupDir: `${dataDir}-backups`,
    now: Date.now(), appVersion: 'kill', onProgress: stallIfMid,
  });
}
fs.writeSync(1, 'DONE\n');
