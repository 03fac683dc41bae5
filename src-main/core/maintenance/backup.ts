// Backup: SQLite's online backup API copies a consistent snapshot, while the app keeps working,
// straight into the backup file under a temporary name (the database is the first part of the
// container, container.ts). The snapshot gets a full check; meanwhile the file is sealed (hashed, the
// manifest appended) and read back to verify it. Only when both have succeeded is it renamed to its
// final name. So a file with a backup's name is always whole.
// The secret key (secret.key) is never in it: on another PC the accounts show "password needed".
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { openRaw, type Db } from '../db/client';
import { checkFile, type CheckReport } from './check';
import { startIdleMeter } from './idle-cores';
import { splitCheckFile } from './split-check';
import { sealContainer, verifySealed } from './container';
import { fsyncDir, removeDatabaseFiles } from './fsync';
import { backupFileName, removeStaleTemporaries } from './locations';
import { countRows, MANIFEST_FORMAT, type BackupKind, type BackupManifest } from './manifest';

export type BackupPhase = 'snapshot' | 'checking' | 'writing' | 'verifying' | 'done';

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
  removeStaleTemporaries(dir);
  const base = path.basename(final);
  const partial = path.join(dir, `.${base}.partial`);
  const checkCopy = path.join(dir, `.${base}.check`);
  removeDatabaseFiles(partial);
  removeDatabaseFiles(checkCopy);
  let checked: Promise<CheckReport> | null = null;
  let copied: () => void = () => {};
  const copyMade = new Promise<void>((resolve) => (copied = resolve));
  try {
    progress('snapshot', 0);
    const meter = startIdleMeter();
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        progress('snapshot', totalPages ? (totalPages - remainingPages) / totalPages : 1);
        return PAGES_PER_STEP;
      },
    });

    // The copy is ours: make it a plain rollback-journal file (no -wal beside it) without process state.
    const snap = openRaw(partial);
    let applicationId: number;
    let schemaVersion: number;
    let rowCounts: Record<string, number>;
    try {
      snap.pragma('journal_mode = DELETE');
      snap.pragma('trusted_schema = OFF');
      if (snap.prepare(`select 1 from sqlite_master where type = 'table' and name = 'dispatcher_lease'`).get()) snap.exec('delete from dispatcher_lease');
      applicationId = snap.pragma('application_id', { simple: true }) as number;
      schemaVersion = snap.pragma('user_version', { simple: true }) as number;

      // The database is final now. The full check (two worker threads, split-check.ts) and sealing +
      // verifying the file (asynchronous I/O here) run side by side: the check only reads the file
      // (its threads' edits of the schema stay in their memory), and SQLite ignores bytes after the
      // size its header gives, so the appended manifest does not disturb it. The rows are counted (for
      // the manifest) meanwhile.
      progress('checking', 0);
      checked =
        (options.check ?? 'full') === 'full'
          ? splitCheckFile(partial, { copy: checkCopy, nativeBinding: options.nativeBinding, idleCores: meter.idleCores(), onCopied: () => copied() })
          : checkFile(partial, 'quick', options.nativeBinding).finally(() => copied());
      checked.catch(() => {});
      rowCounts = countRows(snap);
    } finally {
      snap.close();
    }
    const dbBytes = fs.statSync(partial).size;
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
    // Sealing reads the whole file: it waits until the check's copy of it is made.
    await Promise.race([copyMade, checked.then(() => {}, () => {})]);
    const sealed = await sealContainer(partial, manifestOf, (done, total) => progress('writing', done / total));
    progress('verifying', 0);
    const { manifest, size } = verifySealed(partial, sealed.dbSha256);
    const verified = fs.statSync(partial);
    progress('verifying', 1);
    progress('checking', 0.5);
    const report = await checked;
    progress('checking', 1);
    if ((options.check ?? 'full') === 'full') options.onChecked?.(report.ok);
    if (!report.ok) {
      const first = report.problems[0] ?? `${report.foreignKeyViolations[0]?.table} → ${report.foreignKeyViolations[0]?.parent}`;
      throw new ApiError('conflict', 'data.errors.checkFailed', { problem: first.slice(0, 200) });
    }
    // Nothing may have written the file since it was verified (the check's threads never do).
    const now = fs.statSync(partial);
    if (now.size !== verified.size || now.mtimeMs !== verified.mtimeMs) throw new Error('the backup file changed while it was being checked');
    fs.renameSync(partial, final);
    fsyncDir(dir);
    progress('done', 1);
    return { file: final, size, manifest };
  } finally {
    // The check's threads read the file: they end before it goes (Windows cannot remove an open file).
    if (checked) await checked.then(
      () => {},
      () => {},
    );
    removeDatabaseFiles(partial);
    removeDatabaseFiles(checkCopy);
  }
}
