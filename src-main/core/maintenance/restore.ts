// Restore: validate the file completely (validate.ts) before anything is touched; take the data dir's
// lease, refusing while another process (the app, `smsdesk run`, `serve`) uses it; make a safety
// backup of the live data; then swap. The swap copies the checked private copy INTO the live database
// through SQLite's backup API: it is one write transaction on the live file, so SQLite's own journal
// (the WAL) makes it atomic — a process killed half way leaves the old data, one killed after the
// commit the new — and the -wal/-shm files stay consistent because SQLite itself writes them. No file
// is renamed over a database another connection may have open.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { applyPragmas, openRaw, readIdentity, type Db } from '../db/client';
import { assertOurs, migrate, type Migration } from '../db/migrate';
import { createLease, currentProcess, holderIsLive, type LeaseHolder } from '../dispatcher/lease';
import { createBackup } from './backup';
import { removeDatabaseFiles } from './fsync';
import { moveDatabaseAside } from './move-aside';
import { validateBackup } from './validate';

export type RestorePhase = 'validating' | 'safety-backup' | 'swapping' | 'done';

export interface RestoreOptions {
  dataDir: string;
  dbFileName: string;
  file: string;
  migrations: Migration[];
  backupDir: string;
  now: number;
  appVersion: string;
  nativeBinding?: string;
  onProgress?: (phase: RestorePhase, fraction: number) => void;
}

export interface RestoreResult {
  restoredFrom: string;
  fromVersion: number;
  toVersion: number;
  safetyBackup: string | null;
  /** Where a damaged live database was moved, if it was. */
  movedAside: string | null;
  rowCounts: Record<string, number>;
}

const inUse = (holder: LeaseHolder) => new ApiError('conflict', 'data.errors.inUse', { host: holder.host, pid: holder.pid });

function leaseHolder(db: Db): LeaseHolder | null {
  if (!db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'dispatcher_lease'`).get()) return null;
  const r = db.prepare('select * from dispatcher_lease where id = 1').get() as Record<string, number | string> | undefined;
  return r
    ? { holderId: String(r.holder_id), host: String(r.host), pid: Number(r.pid), processStartedAt: Number(r.process_started_at), acquiredAt: Number(r.acquired_at), heartbeatAt: Number(r.heartbeat_at) }
    : null;
}

const isCorruption = (err: unknown) => String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CORRUPT');

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const progress = options.onProgress ?? (() => {});
  const live = path.join(options.dataDir, options.dbFileName);
  const stagingDir = path.join(options.dataDir, '.restore-staging');
  fs.rmSync(stagingDir, { recursive: true, force: true });
  try {
    progress('validating', 0);
    const validated = await validateBackup(options.file, {
      migrations: options.migrations,
      stagingDir,
      now: options.now,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      onProgress: (done, total) => progress('validating', done / total),
    });

    // The live database: ours (or new), and nobody else's dispatcher on it.
    let movedAside: string | null = null;
    let db: Db;
    const open = () => openRaw(live, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db = open();
    try {
      assertOurs(readIdentity(db, live), options.migrations, live);
      const holder = leaseHolder(db);
      if (holder && holderIsLive(holder, options.now)) throw inUse(holder);
      applyPragmas(db);
      migrate(db, options.migrations, { safetyDir: path.join(options.dataDir, 'safety-copies'), now: options.now });
    } catch (err) {
      db.close();
      // A damaged live database is what the recovery screen restores over: moved aside, never deleted.
      if (!isCorruption(err)) throw err;
      movedAside = moveDatabaseAside(options.dataDir, options.dbFileName, options.now);
      db = open();
      applyPragmas(db);
      migrate(db, options.migrations, { safetyDir: path.join(options.dataDir, 'safety-copies'), now: options.now });
    }

    try {
      const me = currentProcess();
      let lease = createLease(db, me);
      if (!lease.acquire(options.now).held) throw inUse(lease.holder()!);

      let safetyBackup: string | null = null;
      if (!movedAside) {
        progress('safety-backup', 0);
        try {
          const made = await createBackup(db, {
            dir: options.backupDir,
            kind: 'before-restore',
            now: options.now,
            appVersion: options.appVersion,
            ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
            onProgress: (_phase, f) => progress('safety-backup', f),
          });
          safetyBackup = made.file;
        } catch (err) {
          // The live data fails its full check (the recovery screen's case): it cannot make a good
          // backup, so the damaged file is moved aside whole instead, and we restore onto a new one.
          if (!(err instanceof ApiError && err.key === 'data.errors.checkFailed') && !isCorruption(err)) throw err;
          lease.release();
          db.close();
          movedAside = moveDatabaseAside(options.dataDir, options.dbFileName, options.now);
          db = open();
          applyPragmas(db);
          migrate(db, options.migrations, { safetyDir: path.join(options.dataDir, 'safety-copies'), now: options.now });
          lease = createLease(db, me);
          if (!lease.acquire(options.now).held) throw inUse(lease.holder()!);
        }
      }

      // The restored data carries our lease row, so no other dispatcher slips in at the swap.
      const staging = openRaw(validated.staging, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      let rowCounts: Record<string, number>;
      try {
        staging.pragma('trusted_schema = OFF');
        staging.prepare('delete from dispatcher_lease').run();
        staging.prepare(`insert into dispatcher_lease (id, holder_id, host, pid, process_started_at, acquired_at, heartbeat_at) values (1, ?, ?, ?, ?, ?, ?)`)
          .run(lease.holderId, me.host, me.pid, me.processStartedAt, options.now, options.now);
        const livePageSize = db.pragma('page_size', { simple: true }) as number;
        if ((staging.pragma('page_size', { simple: true }) as number) !== livePageSize) {
          // The backup API cannot copy between page sizes into a WAL database.
          staging.pragma(`page_size = ${livePageSize}`);
          staging.exec('vacuum');
        }
        progress('swapping', 0);
        await staging.backup(live, {
          progress: ({ totalPages, remainingPages }) => {
            progress('swapping', totalPages ? (totalPages - remainingPages) / totalPages : 1);
            return 2000;
          },
        });
        rowCounts = validated.manifest.rowCounts;
      } finally {
        staging.close();
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      lease.release();
      progress('done', 1);
      return { restoredFrom: path.resolve(options.file), fromVersion: validated.fromVersion, toVersion: validated.toVersion, safetyBackup, movedAside, rowCounts };
    } finally {
      db.close();
    }
  } finally {
    removeDatabaseFiles(path.join(stagingDir, 'restore.db'));
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}
