// Check: integrity_check (pages, indexes, constraints) and foreign_key_check, as a report. A quick
// variant (quick_check: no index cross-check, much faster) runs at every start. A private copy (a
// backup's snapshot, a restore's staging file) gets the same full check split over two threads
// (split-check.ts).
import fs from 'node:fs';
import { runInWorker, SqlWorkerError } from './sql-worker';

export interface CheckReport {
  ok: boolean;
  kind: 'full' | 'quick';
  /** integrity_check's lines other than "ok" (SQLite's own English text, at most 100). */
  problems: string[];
  /** Rows that point at a missing parent: table, rowid, parent table. */
  foreignKeyViolations: { table: string; rowid: number | null; parent: string }[];
}

export const LIMIT = 100;

export function reportFrom(kind: CheckReport['kind'], integrityRows: Record<string, unknown>[], fkRows: Record<string, unknown>[]): CheckReport {
  const problems = integrityRows
    .map((r) => String(Object.values(r)[0]))
    .filter((line) => line !== 'ok')
    .slice(0, LIMIT);
  const foreignKeyViolations = fkRows.slice(0, LIMIT).map((r) => ({
    table: String(r.table),
    rowid: typeof r.rowid === 'number' ? r.rowid : null,
    parent: String(r.parent),
  }));
  return { ok: problems.length === 0 && foreignKeyViolations.length === 0, kind, problems, foreignKeyViolations };
}

/** The whole file mapped into memory for the check (SQLite caps it at its own limit). */
export function mmapBytesFor(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Damage so bad that the check itself stops ("database disk image is malformed") is a finding too. */
export function damageFinding(err: unknown, kind: CheckReport['kind']): CheckReport | null {
  if (err instanceof SqlWorkerError && /^SQLITE_(CORRUPT|NOTADB)/.test(err.code ?? '')) {
    return { ok: false, kind, problems: [err.message], foreignKeyViolations: [] };
  }
  return null;
}

/** Runs the check on its own connection in a worker thread: the app keeps answering meanwhile. */
export async function checkFile(file: string, kind: CheckReport['kind'], nativeBinding?: string): Promise<CheckReport> {
  try {
    const [integrity, fk] = await runInWorker(file, [`pragma ${kind === 'full' ? 'integrity_check' : 'quick_check'}(${LIMIT})`, 'pragma foreign_key_check'], {
      nativeBinding,
      mmapBytes: mmapBytesFor(file),
    });
    return reportFrom(kind, integrity ?? [], fk ?? []);
  } catch (err) {
    const finding = damageFinding(err, kind);
    if (finding) return finding;
    throw err;
  }
}
