// Opening smsdesk.db (DESIGN.md §4). The identity checks run before anything writes to the file
// (even `journal_mode=WAL` writes the header), so a foreign or newer database is left untouched.
import Database from 'better-sqlite3';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';

export type Db = Database.Database;

/** 'SMSD' — our application_id, so we never open (or migrate) another program's SQLite file. */
export const APPLICATION_ID = 0x534d5344;

export interface OpenOptions {
  nativeBinding?: string;
  readonly?: boolean;
}

export function openRaw(file: string, options: OpenOptions = {}): Db {
  return new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
}

export interface Identity {
  applicationId: number;
  userVersion: number;
  objectCount: number;
}

/** Reads who made the file, without writing. Throws `database.foreign` for a file that is not SQLite. */
export function readIdentity(db: Db, file: string): Identity {
  try {
    // One read transaction: another process creating the database right now must not be seen half done.
    return db.transaction(() => ({
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      objectCount: countObjects(db),
    }))();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new ApiError('conflict', 'errors.database.foreign', { file: path.basename(file) });
    }
    throw err;
  }
}

/** Schema objects in the file; an empty bookkeeping table alone (an older version's interrupted first start) counts as none. */
function countObjects(db: Db): number {
  const names = (db.prepare('select name from sqlite_master').all() as { name: string }[]).map((r) => r.name);
  if (names.length === 1 && names[0] === '__smsdesk_migrations') {
    return (db.prepare('select count(*) as n from __smsdesk_migrations').get() as { n: number }).n === 0 ? 0 : 1;
  }
  return names.length;
}

/**
 * WAL is a property of the file: the first start switches it. SQLite answers "database is locked" at
 * once (without the busy handler) while another process has the file open in its first moments, so wait
 * and try again, for up to 10 s.
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if (db.pragma('journal_mode = WAL', { simple: true }) === 'wal') return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new Error('could not switch the database to WAL mode');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}

/** The pragmas every connection gets. */
export function applyPragmas(db: Db): void {
  // First, so that the journal-mode switch below waits for another starting process instead of failing.
  db.pragma('busy_timeout = 5000');
  switchToWal(db);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
}
