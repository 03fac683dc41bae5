// Plain better-sqlite3 access to a data dir's database, for looking at rows the way another program
// would (and for writing as "another process" in the cross-process tests). Not the core's own code.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const DB_FILE = 'smsdesk.db';

export function dbPath(dataDir: string): string {
  return path.join(dataDir, DB_FILE);
}

/** Opens the data dir's database on its own connection; closed when the caller says so. */
export function openDb(dataDir: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(dbPath(dataDir), options.readonly ? { readonly: true, fileMustExist: true } : {});
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Runs `fn` with a short-lived connection. */
export function withDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = openDb(dataDir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export interface EventRow {
  message_id: number;
  at: number;
  from_status: string | null;
  to_status: string;
  code: string | null;
  detail: string | null;
}

/** The story of one message: its message_events rows in order. */
export function eventsOf(dataDir: string, messageId: number): EventRow[] {
  return withDb(dataDir, (db) => db.prepare('select message_id, at, from_status, to_status, code, detail from message_events where message_id = ? order by id').all(messageId) as EventRow[]);
}

/** SHA-256 of a file's bytes (or of "absent"), to prove a refusal left it untouched. */
export function fileDigest(file: string): string {
  if (!fs.existsSync(file)) return 'absent';
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Digests of every file in a directory (names → SHA-256): a refusal must not add -wal/-shm files either. */
export function dirDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) out[name] = fileDigest(file);
  }
  return out;
}
