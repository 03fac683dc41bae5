// Backup: SQLite's online backup API copies a consistent snapshot while the app keeps working; the
// snapshot gets a full check, then goes into the container under a temporary name, is verified from
// disk, and only then renamed to its final name. So a file with a backup's name is always whole.
// The secret key (secret.key) is never in it: on another PC the accounts show "password needed".
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { openRaw, type Db } from '../db/client';
import { checkFile, type CheckReport } from './check';
import { splitCheckFile } from './split-check';
import { verifyContainer, writeContainer } from './container';
import { fsyncDir, removeDatabaseFiles } from './fsync';
import { backupFileName } from './locations';
import { countRows, MANIFEST_FORMAT, type BackupKind, type BackupManifest } from './manifest';

export type BackupPhase = 'snapshot' | 'checking' | 'writing' | 'verifying';

export interface BackupOptions {
  dir: string;
  kind: BackupKind;
  now: number;
  appVersion: string;
  nativeBinding?: string;
  /** The check the snapshot gets: 'full' (integrity_check, the default) or 'quick' (quick_check). */
  check?: 'full' | 'quick';
  /** Exact file to write instead of a generated name in `dir` (the CLI's `backup FILE`). */
  file?: string;
  onProgress?: (phase: BackupPhase, fraction: number) => void;
  /** Told the full check's verdict (the weekly check counts from it). Not called for a quick check. */
  onChecked?: (ok: boolean) => void;
}

export interface BackupResult {
  file: string;
  size: number;
  manifest: BackupManifest;
}

/** Pages copied per step of the online backup: big enough to be quick, small enough to let the app run between steps. */
const PAGES_PER_STEP = 2000;

export async function createBackup(db: Db, options: BackupOptions): Promise<BackupResult> {
  const progress = options.onProgress ?? (() => {});
  let final = options.file ? path.resolve(options.file) : path.join(options.dir, backupFileName(options.now, options.kind));
  // Two backups in the same millisecond (a safety backup right after a manual one) get distinct names.
  for (let n = 2; !options.file && fs.existsSync(final); n++) final = final.replace(/(-\d+)?\.smsbak$/, `-${n}.smsbak`);
  const dir = path.dirname(final);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new ApiError('validation', 'data.errors.folderUnwritable', { dir });
  }
  if (fs.existsSync(final)) throw new ApiError('conflict', 'data.errors.exists', { file: final });
  const base = path.basename(final);
  const snapshot = path.join(dir, `.${base}.snapshot`);
  const partial = path.join(dir, `.${base}.partial`);
  const checkCopy = path.join(dir, `.${base}.check`);
  removeDatabaseFiles(snapshot);
  removeDatabaseFiles(checkCopy);
  fs.rmSync(partial, { force: true });
  let checked: Promise<CheckReport> | null = null;
  try {
    progress('snapshot', 0);
    await db.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        progress('snapshot', totalPages ? (totalPages - remainingPages) / totalPages : 1);
        return PAGES_PER_STEP;
      },
    });

    // The copy is ours: make it a plain rollback-journal file (no -wal beside it) without process state.
    const snap = openRaw(snapshot);
    let applicationId: number;
    let schemaVersion: number;
    let rowCounts: Record<string, number>;
    try {
      snap.pragma('journal_mode = DELETE');
      snap.pragma('trusted_schema = OFF');
      if (snap.prepare(`select 1 from sqlite_master where type = 'table' and name = 'dispatcher_lease'`).get()) snap.exec('delete from dispatcher_lease');
      applicationId = snap.pragma('application_id', { simple: true }) as number;
      schemaVersion = snap.pragma('user_version', { simple: true }) as number;

      // The file is final now. The full check (two worker threads, split-check.ts) and writing +
      // verifying the container (asynchronous I/O here) run side by side; the file is renamed to its
      // final name only when both have succeeded. The rows are counted (for the manifest) meanwhile.
      progress('checking', 0);
      checked =
        (options.check ?? 'full') === 'full'
          ? splitCheckFile(snapshot, { copy: checkCopy, nativeBinding: options.nativeBinding })
          : checkFile(snapshot, 'quick', options.nativeBinding);
      checked.catch(() => {});
      rowCounts = countRows(snap);
    } finally {
      snap.close();
    }
    const dbBytes = fs.statSync(snapshot).size;
    const manifestOf = (dbSha256: string): BackupManifest => ({
      format: MANIFEST_FORMAT,
      applicationId,
      schemaVersion,
      createdAt: new Date(options.now).toISOString(),
      kind: options.kind,
      appVersion: options.appVersion.slice(0, 40),
      rowCounts,
      dbSha256,
      dbBytes,
    });
    await writeContainer(snapshot, manifestOf, partial, (done, total) => progress('writing', done / total));
    const { manifest, size } = await verifyContainer(partial, { onProgress: (done, total) => progress('verifying', done / total) });
    progress('checking', 0.5);
    const report = await checked;
    if ((options.check ?? 'full') === 'full') options.onChecked?.(report.ok);
    if (!report.ok) {
      const first = report.problems[0] ?? `${report.foreignKeyViolations[0]?.table} → ${report.foreignKeyViolations[0]?.parent}`;
      throw new ApiError('conflict', 'data.errors.checkFailed', { problem: first.slice(0, 200) });
    }
    fs.renameSync(partial, final);
    fsyncDir(dir);
    return { file: final, size, manifest };
  } finally {
    // The check's threads read the snapshot: they end before it goes (Windows cannot remove an open file).
    if (checked) await checked.then(
      () => {},
      () => {},
    );
    removeDatabaseFiles(snapshot);
    removeDatabaseFiles(checkCopy);
    fs.rmSync(partial, { force: true });
  }
}
