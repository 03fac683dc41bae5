// The full check (integrity_check + foreign_key_check) of a private copy — a backup's snapshot, a
// restore's staging file — on two threads, so that its wall time is about half.
//
// Most of integrity_check's time goes to comparing each index with its table: one b-tree search per
// row per index (1M messages × 11 indexes; 2.8 s of 3.9 s on the bench database, half of it for the
// one index whose keys are phone numbers). That part is split; the union of the two parts is exactly
// the whole-database check:
//   part 1, on the file: integrity_check(sqlite_schema) (the schema's pages and the freelist) and
//     foreign_key_check on the file as it is; then the whole-database integrity_check — every
//     b-tree's pages, the freelist, pages used twice or never, every row's NOT NULL / CHECK / type,
//     FTS5's own check, and every index compared with its table — except that the indexes of part 2
//     are "set aside": walked as b-trees but not compared (sql-worker.ts);
//   part 2, on a copy of the file: integrity_check(table) for each table with an index in part 2, the
//     table's other indexes left out of its schema: it compares exactly the part-2 indexes with their
//     table (every row has its entry, the entry counts agree, UNIQUE holds).
// Setting aside and leaving out are uncommitted edits of the schema in memory, which need the file's
// write lock; one file has one, hence the copy (a kernel copy of a file no one writes). Part 1 starts
// at once; part 2 once the copy is there, so part 2 gets less of the work.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import Database from 'better-sqlite3';
import { checkFile, damageFinding, LIMIT, mmapBytesFor, reportFrom, type CheckReport } from './check';
import { removeDatabaseFiles } from './fsync';
import { runInWorker } from './sql-worker';

interface IndexInfo {
  name: string;
  table: string;
  /** Rows compared: the table's rows (a quarter of them for a partial index: most rows are outside it). */
  weight: number;
}

export interface SplitPlan {
  /** Part 2: table → its indexes compared there. */
  part2: Map<string, string[]>;
  /** Indexes set aside in part 1 (those of part 2). */
  asideIn1: string[];
  /** Indexes left out of part 2's schema (the other indexes of its tables: part 1 walks and compares them). */
  leftOutIn2: string[];
}

/** Below this many rows (all tables) one thread is quicker than copying the file for a second. */
const SPLIT_MIN_ROWS = 200_000;
// The work, in microseconds, measured on the bench database (1M messages, 100k contacts, the file in
// memory); only the proportions matter for the plan:
/** Part 1's whole check besides the index comparisons (pages, rows, FTS5), per row of the indexed tables. */
const WHOLE_PER_ROW = 0.85;
/** Part 2 walking a table again (its rows and the pages of its part-2 indexes), per row. */
const WALK_PER_ROW = 0.8;
/** Comparing one row with an index whose keys follow the rowid order (times, counters, statuses)… */
const COMPARE_ORDERED = 0.1;
/** … and with one whose keys do not (phone numbers): each search lands on other pages. */
const COMPARE_RANDOM = 1.3;
/**
 * The copy of the file part 2 runs on, per byte: from 0.35 s to 1.6 s for 412 MB just written, with
 * part 1 running (the kernel's pages for a new file are dear on some machines): taken as 1 s.
 */
const COPY_PER_BYTE = 0.0025;
/** The split must bring the longer part under this share of the one-thread check to be worth its extra work. */
const WORTH_IT = 0.85;
/** Indexes below this share of the one-thread check stay in part 1 without being weighed. */
const SIGNIFICANT = 0.01;
const MAX_CANDIDATES = 12;
/** Idle cores, measured while the caller worked on one, that make the split worth it. */
const SPARE_CORE = 0.7;
/** SQLite's lock bytes start here (PENDING_BYTE). */
const LOCK_BYTE_OFFSET = 0x40000000;

const SAMPLE = 256;
type Key = unknown[];
/** SQLite's order of values: NULL, numbers, text, blobs. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (v === null ? 0 : typeof v === 'number' || typeof v === 'bigint' ? 1 : typeof v === 'string' ? 2 : 3);
  const d = rank(a) - rank(b);
  if (d !== 0) return d;
  if (a === null) return 0;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return Buffer.compare(a, b);
  return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
}
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const d = compareValues(a[i], b[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * How dear one row's search in an index is (µs). The table is walked in rowid order: when the index's
 * keys follow that order (times, statuses, counters) each search finds its pages where the last one
 * left them; when they do not (phone numbers) each search is about thirteen times dearer. Judged from
 * a sample of consecutive rows: how often the next row's key is smaller.
 */
function searchCost(db: Database.Database, table: string, index: string, maxRowid: number): number {
  try {
    const columns = (db.prepare(`select name from pragma_index_info(?) order by seqno`).all(index) as { name: string | null }[]).map((c) => c.name);
    if (columns.length === 0 || columns.some((c) => c === null)) return COMPARE_RANDOM; // an expression: assume the dearest
    const list = columns.map((c) => `"${c!.replace(/"/g, '""')}"`).join(', ');
    const sample = db.prepare(`select ${list} from "${table.replace(/"/g, '""')}" where rowid >= ? order by rowid limit ${SAMPLE}`).raw().all(Math.floor(maxRowid / 2)) as Key[];
    if (sample.length < 2) return COMPARE_ORDERED;
    let down = 0;
    for (let i = 1; i < sample.length; i++) if (compareKeys(sample[i]!, sample[i - 1]!) < 0) down++;
    // Random keys go down about half the time.
    return COMPARE_ORDERED + (COMPARE_RANDOM - COMPARE_ORDERED) * Math.min(1, (2 * down) / (sample.length - 1));
  } catch {
    return COMPARE_ORDERED;
  }
}

/**
 * Plans the split from the file's schema; null when one thread is enough. The indexes compared in
 * part 2 are those that make the longer part shortest (part 2 pays for the copy and for walking each
 * of its tables again). `minRows` set (tests) forces a split of even a small file.
 */
export function planSplit(file: string, options: { nativeBinding?: string | undefined; minRows?: number } = {}): SplitPlan | null {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  let indexes: IndexInfo[];
  let totalRows = 0;
  const rows = new Map<string, number>();
  try {
    db.pragma('trusted_schema = OFF');
    // Explicit indexes only: a UNIQUE constraint's automatic index has no CREATE text to edit; part 1 compares those.
    const found = db.prepare(`select name, tbl_name as "table", sql from sqlite_schema where type = 'index' and sql is not null`).all() as { name: string; table: string; sql: string }[];
    // Rows of the tables with such indexes (the others are small or FTS5's own, whose rowids are not counts).
    for (const t of new Set(found.map((r) => r.table))) {
      // max(rowid) is one b-tree descent; an estimate is all the balance needs.
      const n = Number((db.prepare(`select max(rowid) as n from "${t.replace(/"/g, '""')}"`).get() as { n: number | null }).n ?? 0);
      rows.set(t, n);
      totalRows += n;
    }
    if (totalRows < (options.minRows ?? SPLIT_MIN_ROWS)) return null;
    indexes = found.map((r) => {
      // A partial index holds few of the rows; the others only cost its WHERE.
      const n = (rows.get(r.table) ?? 0) * (/\)\s*where\s/i.test(r.sql) ? 0.25 : 1);
      return { name: r.name, table: r.table, weight: n * searchCost(db, r.table, r.name, rows.get(r.table) ?? 0) };
    });
  } finally {
    db.close();
  }

  const oneThread = WHOLE_PER_ROW * totalRows + indexes.reduce((sum, ix) => sum + ix.weight, 0);
  const copy = COPY_PER_BYTE * fs.statSync(file).size;
  // Every subset of the indexes that matter (the others stay in part 1) is tried: a handful of
  // indexes, so a few thousand sums at most. Each part's length: part 1 all but the moved indexes,
  // part 2 the copy, a walk of each table it touches, and the moved indexes.
  const byWeight = [...indexes].sort((a, b) => b.weight - a.weight);
  const candidates = byWeight.filter((ix) => ix.weight >= SIGNIFICANT * oneThread).slice(0, MAX_CANDIDATES);
  let best = { mask: 0, longer: oneThread };
  for (let mask = 1; mask < 2 ** candidates.length; mask++) {
    let moved = 0;
    const tables = new Set<string>();
    candidates.forEach((ix, i) => {
      if (mask & (2 ** i)) {
        moved += ix.weight;
        tables.add(ix.table);
      }
    });
    const walks = [...tables].reduce((sum, t) => sum + WALK_PER_ROW * (rows.get(t) ?? 0), 0);
    const longer = Math.max(oneThread - moved, copy + walks + moved);
    if (longer < best.longer) best = { mask, longer };
  }
  const part2 = new Map<string, string[]>();
  candidates.forEach((ix, i) => {
    if (best.mask & (2 ** i)) part2.set(ix.table, [...(part2.get(ix.table) ?? []), ix.name]);
  });
  const forced = options.minRows !== undefined;
  if (part2.size === 0 && forced && byWeight[0]) part2.set(byWeight[0].table, [byWeight[0].name]);
  if (part2.size === 0 || (!forced && best.longer > WORTH_IT * oneThread)) return null;
  const asideIn1 = [...part2.values()].flat();
  const leftOutIn2 = indexes.filter((ix) => part2.has(ix.table) && !asideIn1.includes(ix.name)).map((ix) => ix.name);
  return { part2, asideIn1, leftOutIn2 };
}

export interface SplitCheckOptions {
  nativeBinding?: string | undefined;
  /** Where part 2's copy goes (removed afterwards); beside the file, on the same disk. */
  copy: string;
  /** Split even a small database, and on a busy machine (tests). */
  minRows?: number;
  /** Idle cores measured during the phase before (idle-cores.ts) while the caller kept one busy. */
  idleCores?: number | null;
  /** Told when each part has finished: 0.5, then 1. */
  onProgress?: (fraction: number) => void;
  /**
   * Told once part 2's copy is made (at once when there is none): reading the file meanwhile (a
   * backup sealing it) would slow the copy, and so part 2, the longer part.
   */
  onCopied?: () => void;
}

/**
 * The split costs more CPU time in all (part 2 walks its tables once more, the copy): it pays only
 * when a second core is free. Told by the caller's measurement (idle-cores.ts) when it has one;
 * otherwise judged from the load average (Windows reports none and is taken as free).
 */
function coresToSpare(idleCores: number | null | undefined): boolean {
  const cores = os.availableParallelism();
  if (cores < 2) return false;
  if (typeof idleCores === 'number') return idleCores >= SPARE_CORE;
  const [load] = os.loadavg();
  return (load ?? 0) <= cores - 1;
}

/** The full check of a private rollback-journal file that no one writes meanwhile. */
export async function splitCheckFile(file: string, options: SplitCheckOptions): Promise<CheckReport> {
  let plan: SplitPlan | null = null;
  // Windows locks are mandatory: part 1's write lock (a byte at 1 GiB) would fail the reads of the
  // copy and of the backup's writer in a file that large. There, the check stays on one thread.
  if (!(process.platform === 'win32' && mmapBytesFor(file) > LOCK_BYTE_OFFSET) && (options.minRows !== undefined || coresToSpare(options.idleCores))) {
    try {
      plan = planSplit(file, options);
    } catch {
      plan = null; // the schema does not even read: the plain check says why
    }
  }
  if (!plan) {
    options.onCopied?.();
    const report = await checkFile(file, 'full', options.nativeBinding);
    options.onProgress?.(1);
    return report;
  }
  const { part2, asideIn1, leftOutIn2 } = plan;
  const mmapBytes = mmapBytesFor(file);
  let finished = 0;
  const done = <T>(p: Promise<T>): Promise<T> =>
    p.then((value) => {
      options.onProgress?.(++finished / 2);
      return value;
    });
  removeDatabaseFiles(options.copy);
  const whole = done(
    runInWorker(file, [`pragma integrity_check(${LIMIT})`], {
      nativeBinding: options.nativeBinding,
      mmapBytes,
      before: ['pragma integrity_check(sqlite_schema)', 'pragma foreign_key_check'],
      setAside: asideIn1,
    }),
  );
  const tables = done(
    // A copy-on-write clone where the file system has them (APFS, Btrfs, XFS): instant, no pages written.
    fsp.copyFile(file, options.copy, fs.constants.COPYFILE_FICLONE).finally(() => options.onCopied?.()).then(() =>
      runInWorker(
        options.copy,
        [...part2.keys()].map((t) => `pragma integrity_check("${t.replace(/"/g, '""')}")`),
        { nativeBinding: options.nativeBinding, mmapBytes, leaveOut: leftOutIn2 },
      ),
    ),
  );
  // Both threads have ended before the copy goes (or before a failure is told).
  const [w, t] = await Promise.allSettled([whole, tables]);
  removeDatabaseFiles(options.copy);
  try {
    if (w.status === 'rejected') throw w.reason;
    if (t.status === 'rejected') throw t.reason;
    const [schemaRows, fkRows, wholeRows] = w.value;
    return reportFrom('full', [...(schemaRows ?? []), ...(wholeRows ?? []), ...t.value.flat()], fkRows ?? []);
  } catch (err) {
    const finding = damageFinding(err, 'full');
    if (finding) return finding;
    throw err;
  }
}
