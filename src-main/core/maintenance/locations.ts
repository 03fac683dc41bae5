// Where backups go. The default folder is BESIDE the data folder, not inside it: a backup inside the
// folder it protects is lost with it (a user who deletes or moves the data folder). For the default
// Linux data dir ~/.config/smsdesk that is ~/.config/smsdesk-backups; on Windows
// %APPDATA%\smsdesk-backups. The `data.backupDir` setting chooses another folder (a USB stick).
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind, BackupManifest } from './manifest';
import { readLayout } from './container';

export const BACKUP_EXTENSION = '.smsbak';
const NAME = /^smsdesk-(\d{8})-(\d{6})-(\d{3})-([a-z-]+?)(-\d+)?\.smsbak$/;

export function defaultBackupDir(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-backups`);
}

export function backupDirFor(dataDir: string, setting: string): string {
  return setting.trim() ? path.resolve(setting.trim()) : defaultBackupDir(dataDir);
}

/**
 * The chosen backups folder is a setting, inside the database; a database too damaged to open cannot
 * say where its backups are. So the folder is also noted in a small file in the data folder, which the
 * recovery screen reads when the database cannot be.
 */
const REMEMBERED = 'backups-folder.txt';

export function rememberBackupDir(dataDir: string, dir: string): void {
  const file = path.join(dataDir, REMEMBERED);
  try {
    fs.writeFileSync(`${file}.tmp`, dir);
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // Only a convenience for recovery: the default folder is searched anyway.
  }
}

export function rememberedBackupDir(dataDir: string): string | null {
  try {
    const dir = fs.readFileSync(path.join(dataDir, REMEMBERED), 'utf8').trim();
    return dir && path.isAbsolute(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** Every folder recovery should look in: the chosen one (as last known) and the default one. */
export function recoveryBackupDirs(dataDir: string, current: string): string[] {
  return [...new Set([current, rememberedBackupDir(dataDir), defaultBackupDir(dataDir)].filter((d): d is string => Boolean(d)))];
}

/** smsdesk-20260601-090000-123-manual.smsbak (UTC): sorts by time, says what made it. */
export function backupFileName(now: number, kind: BackupKind): string {
  const iso = new Date(now).toISOString(); // 2026-06-01T09:00:00.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
  return `smsdesk-${stamp}-${kind}${BACKUP_EXTENSION}`;
}

export interface BackupEntry {
  file: string;
  name: string;
  size: number;
  manifest: BackupManifest | null;
  /** The reason the file cannot be read as a backup (an i18n key), or null. */
  problem: string | null;
}

/** The backups in a folder, newest first. Reads each file's footer and manifest (not a full checksum). */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch {
    return [];
  }
  const entries = names.map((name): BackupEntry => {
    const file = path.join(dir, name);
    try {
      const layout = readLayout(file);
      return { file, name, size: layout.size, manifest: layout.manifest, problem: null };
    } catch (err) {
      let size = 0;
      try {
        size = fs.statSync(file).size;
      } catch {
        // gone meanwhile
      }
      return { file, name, size, manifest: null, problem: (err as { key?: string }).key ?? 'data.errors.unreadable' };
    }
  });
  const time = (e: BackupEntry) => (e.manifest ? Date.parse(e.manifest.createdAt) : 0);
  return entries.sort((a, b) => time(b) - time(a) || b.name.localeCompare(a.name));
}

/** Scheduled backups beyond the newest `keep` are removed; manual ones and safety copies are the user's. */
export function pruneScheduled(dir: string, keep: number): string[] {
  const scheduled = listBackups(dir).filter((e) => NAME.exec(e.name)?.[4] === 'scheduled' && e.manifest?.kind === 'scheduled');
  const removed: string[] = [];
  for (const e of scheduled.slice(keep)) {
    fs.rmSync(e.file, { force: true });
    removed.push(e.file);
  }
  return removed;
}

/** A backup's temporary files: `.<name>.smsbak.partial` / `.check` (format 1 also had `.snapshot`), with SQLite's side files. */
const TEMPORARY = /^\..+\.smsbak\.(partial|check|snapshot)(-journal|-wal|-shm)?$/;
/** A backup that is still running writes or reads its files within seconds; these are long dead. */
const STALE_MS = 3600_000;

/**
 * Removes the temporary files of backups that died half way (the app killed, the PC switched off):
 * each is as large as the database, and nothing else would ever remove them. Only files untouched for
 * an hour, so a backup another process is making right now keeps its own.
 */
export function removeStaleTemporaries(dir: string, now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => TEMPORARY.test(n));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs < STALE_MS) continue;
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // gone meanwhile, or not ours to remove: left as it is
    }
  }
  return removed;
}
