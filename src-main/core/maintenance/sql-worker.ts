// Long SQLite work (integrity_check, quick_check, VACUUM) on its own connection in a worker thread, so
// the API keeps answering meanwhile: better-sqlite3 is synchronous and would block the event loop.
// The worker is inline code (no separate file to bundle for Electron) that loads better-sqlite3 by
// the absolute path the main thread resolved, with the same native binding.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
let answer;
try {
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  const results = [];
  for (const sql of workerData.statements) {
    const stmt = db.prepare(sql);
    results.push(stmt.reader ? stmt.all() : (stmt.run(), []));
  }
  answer = { ok: true, results };
} catch (err) {
  answer = { ok: false, message: String(err && err.message || err), code: err && err.code };
}
// Closed before answering: the caller may close its own connection next, and the last connection to
// close is the one that folds and removes the -wal file.
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

/** Runs the statements in order on a fresh connection to `file`; resolves with each one's rows. */
export function runInWorker(file: string, statements: string[], nativeBinding?: string): Promise<Record<string, unknown>[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, statements, modulePath: betterSqlitePath(), nativeBinding: nativeBinding ?? null },
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
