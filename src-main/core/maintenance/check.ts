// Check: integrity_check (pages, indexes, constraints) and foreign_key_check, as a report. A quick
// variant (quick_check: no index cross-check, much faster) runs at every start.
import { runInWorker, SqlWorkerError } from './sql-worker';

export interface CheckReport {
  ok: boolean;
  kind: 'full' | 'quick';
  /** integrity_check's lines other than "ok" (SQLite's own English text, at most 100). */
  problems: string[];
  /** Rows that point at a missing parent: table, rowid, parent table. */
  foreignKeyViolations: { table: string; rowid: number | null; parent: string }[];
}

const LIMIT = 100;

export function reportFrom(kind: CheckReport['kind'], integrityRows: Record<string, unknown>[], fkRows: Record<string, unknown>[]): CheckReport {
  const problems = integrityRows.map((r) => String(Object.values(r)[0])).filter((line) => line !== 'ok');
  const foreignKeyViolations = fkRows.slice(0, LIMIT).map((r) => ({
    table: String(r.table),
    rowid: typeof r.rowid === 'number' ? r.rowid : null,
    parent: String(r.parent),
  }));
  return { ok: problems.length === 0 && foreignKeyViolations.length === 0, kind, problems, foreignKeyViolations };
}

/** Runs the check on its own connection in a worker thread: the app keeps answering meanwhile. */
export async function checkFile(file: string, kind: CheckReport['kind'], nativeBinding?: string): Promise<CheckReport> {
  try {
    const [integrity, fk] = await runInWorker(file, [`pragma ${kind === 'full' ? 'integrity_check' : 'quick_check'}(${LIMIT})`, 'pragma foreign_key_check'], nativeBinding);
    return reportFrom(kind, integrity ?? [], fk ?? []);
  } catch (err) {
    // Damage so bad that the check itself stops ("database disk image is malformed") is a finding too.
    if (err instanceof SqlWorkerError && /^SQLITE_(CORRUPT|NOTADB)/.test(err.code ?? '')) {
      return { ok: false, kind, problems: [err.message], foreignKeyViolations: [] };
    }
    throw err;
  }
}
