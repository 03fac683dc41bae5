// When the database last had a full check (integrity_check + foreign_key_check), and its verdict:
// the weekly check is due a week after it. Every full check counts (the one inside each backup, the
// operator's, the weekly one). Kept in a small file beside the database rather than in it, so that a
// restore or a database that cannot be opened does not lose the history of its checks.
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'last-full-check.json';

export interface FullCheckRecord {
  at: number;
  ok: boolean;
}

export function recordFullCheck(dataDir: string, record: FullCheckRecord): void {
  const file = path.join(dataDir, FILE);
  try {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // Without the record the next weekly check simply comes sooner.
  }
}

export function lastFullCheck(dataDir: string): FullCheckRecord | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<FullCheckRecord>;
    return typeof value.at === 'number' && Number.isFinite(value.at) && typeof value.ok === 'boolean' ? { at: value.at, ok: value.ok } : null;
  } catch {
    return null;
  }
}
