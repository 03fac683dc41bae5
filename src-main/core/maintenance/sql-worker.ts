// Long SQLite work (integrity_check, quick_check, VACUUM) on its own connection in a worker thread, so
// the API keeps answering meanwhile: better-sqlite3 is synchronous and would block the event loop.
// The worker is inline code (no separate file to bundle for Electron) that loads better-sqlite3 by
// the absolute path the main thread resolved, with the same native binding.
//
// For the split full check (split-check.ts) a worker can first run statements on the file as it is,
// then "set aside" some indexes: inside a transaction that is never committed, their CREATE INDEX
// text gets "WHERE 0", so integrity_check still walks their b-trees but does not compare them with
// their table (another worker does). The journal is kept in memory and the page cache never spills,
// so the file itself is never written; the transaction is rolled back at the end.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * "CREATE [UNIQUE] INDEX name ON table (columns) [WHERE …]" → the same up to the column list, then
 * "WHERE 0". The column list is the first parenthesis outside quotes and comments; expressions may
 * nest. Self-contained: the worker gets its source text.
 */
export function setAsideSql(sql: string): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') quote = '\n';
    else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '[') quote = ']';
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return `${sql.slice(0, i + 1)} WHERE 0`;
  }
  throw new Error(`unexpected index definition: ${sql.slice(0, 80)}`);
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);

const setAside = ${setAsideSql.toString()};

let db;
let answer;
try {
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  // Pages read through a memory map instead of one read() call each: a third less CPU for a full check.
  if (workerData.mmapBytes > 0) db.pragma('mmap_size = ' + Math.floor(workerData.mmapBytes));
  const results = [];
  const run = (sql) => {
    const stmt = db.prepare(sql);
    results.push(stmt.reader ? stmt.all() : (stmt.run(), []));
  };
  for (const sql of workerData.before) run(sql);
  if (workerData.setAside.length > 0 || workerData.leaveOut.length > 0) {
    if (String(db.pragma('journal_mode = MEMORY', { simple: true })).toLowerCase() !== 'memory') throw new Error('indexes can only be set aside in a rollback-journal file');
    db.pragma('cache_spill = OFF');
    db.unsafeMode(true);
    db.exec('begin immediate');
    db.pragma('writable_schema = ON');
    const get = db.prepare("select sql from sqlite_schema where type = 'index' and name = ?");
    const set = db.prepare("update sqlite_schema set sql = ? where type = 'index' and name = ?");
    for (const name of workerData.setAside) {
      const row = get.get(name);
      if (!row || typeof row.sql !== 'string') throw new Error('no index ' + name);
      set.run(setAside(row.sql), name);
    }
    const drop = db.prepare("delete from sqlite_schema where type = 'index' and name = ? and sql is not null");
    for (const name of workerData.leaveOut) {
      if (drop.run(name).changes !== 1) throw new Error('no index ' + name);
    }
    db.pragma('writable_schema = RESET');
  }
  for (const sql of workerData.statements) run(sql);
  answer = { ok: true, results };
} catch (err) {
  answer = { ok: false, message: String(err && err.message || err), code: err && err.code };
}
// Closed before answering: the caller may close its own connection next, and the last connection to
// close is the one that folds and removes the -wal file.
try { if (db && db.inTransaction) db.exec('rollback'); } catch {}
try { db && db.close(); } catch {}
parentPort.postMessage(answer);
`;

export class SqlWorkerError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

let modulePath: string | null = null;
function betterSqlitePath(): string {
  return (modulePath ??= createRequire(import.meta.url).resolve('better-sqlite3'));
}

export interface WorkerOptions {
  nativeBinding?: string | undefined;
  /** Map this many bytes of the file into memory (0: read page by page). */
  mmapBytes?: number;
  /** Run on the file as it is, before any index is set aside; their rows come first in the answer. */
  before?: string[];
  /** Indexes integrity_check walks but does not compare with their table (see the top of this file). */
  setAside?: string[];
  /**
   * Indexes left out of the schema altogether, in the same uncommitted edit: neither walked nor
   * compared (for a check of one table whose other indexes another connection checks whole).
   */
  leaveOut?: string[];
}

/** Runs the statements in order on a fresh connection to `file`; resolves with each one's rows. */
export function runInWorker(file: string, statements: string[], options: string | WorkerOptions = {}): Promise<Record<string, unknown>[][]> {
  const opts: WorkerOptions = typeof options === 'string' ? { nativeBinding: options } : options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        statements,
        modulePath: betterSqlitePath(),
        nativeBinding: opts.nativeBinding ?? null,
        mmapBytes: opts.mmapBytes ?? 0,
        before: opts.before ?? [],
        setAside: opts.setAside ?? [],
        leaveOut: opts.leaveOut ?? [],
      },
    });
    type Answer = { ok: true; results: Record<string, unknown>[][] } | { ok: false; message: string; code?: string };
    let answer: Answer | null = null;
    let failure: Error | null = null;
    worker.once('message', (m: Answer) => (answer = m));
    worker.once('error', (err) => (failure = err));
    // Settled when the thread has ended, so its connection is certainly closed.
    worker.once('exit', (code) => {
      const a = answer as Answer | null;
      if (a?.ok) resolve(a.results);
      else if (a) reject(new SqlWorkerError(a.message, a.code));
      else reject(failure ?? new Error(`SQLite worker exited with code ${code}`));
    });
  });
}
