// The split full check (split-check.ts) must find whatever the whole-database integrity_check and
// foreign_key_check find: each kind of damage is made on a copy of a real database — in every
// explicit index (so in both parts of the split), a table's page, a page no b-tree uses, FTS5's own
// tables, a CHECK constraint, a foreign key — and both checks must report it. The checked file itself
// is never written.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { planSplit, splitCheckFile } from '../../../src-main/core/maintenance/split-check';
import { runInWorker, setAsideSql } from '../../../src-main/core/maintenance/sql-worker';
import { dbPath } from '../../helpers/db';
import { tempDir, tempDirManual } from '../../helpers/temp-dir';

let base: string;
let removeBase: () => void;

beforeAll(async () => {
  const { dir, remove } = tempDirManual('smsdesk-split-');
  removeBase = remove;
  const dataDir = path.join(dir, 'data');
  const core = await createCore({ dataDir, dispatch: false, scheduledBackups: false, log: () => {} });
  try {
    const names = ['陳太太', '林先生', '王小明', 'Alice Chen'];
    for (let i = 0; i < names.length; i++) await core.api['contacts.create']({ name: names[i]!, phone: `091234567${i}`, notes: `常客 ${i}` });
    const to = Array.from({ length: 12 }, (_, i) => `+8869123456${String(i).padStart(2, '0')}`);
    await core.api['messages.send']({ to, text: 'hello 你好', origin: 'cli', at: '2099-01-01T09:00' });
    await core.api['messages.send']({ to: ['0912345670', '0912345671'], text: '定檢提醒', origin: 'cli', at: '2099-01-02T09:00' });
  } finally {
    await core.close();
  }
  base = path.join(dir, 'base.db');
  const db = new Database(dbPath(dataDir));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.copyFileSync(dbPath(dataDir), base);
  const copy = new Database(base);
  copy.pragma('journal_mode = DELETE');
  copy.close();
}, 60_000);

afterAll(() => removeBase?.());

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A copy of the base database changed by `edit` (on a connection that allows schema edits). */
function damaged(edit: (db: Database.Database) => void): string {
  const file = path.join(tempDir(), 'case.db');
  fs.copyFileSync(base, file);
  const db = new Database(file);
  db.unsafeMode(true);
  db.pragma('foreign_keys = OFF');
  try {
    edit(db);
  } finally {
    db.close();
  }
  return file;
}

async function wholeCheck(file: string): Promise<string[]> {
  const [integrity, fk] = await runInWorker(file, ['pragma integrity_check(100)', 'pragma foreign_key_check']);
  return [...(integrity ?? []).map((r) => String(Object.values(r)[0])).filter((l) => l !== 'ok'), ...(fk ?? []).map((r) => `fk ${String(r.table)}`)];
}

async function splitCheck(file: string) {
  const before = sha(file);
  const copy = `${file}.check`;
  const report = await splitCheckFile(file, { copy, minRows: 0 });
  expect(sha(file)).toBe(before);
  expect(fs.existsSync(copy)).toBe(false);
  expect(fs.readdirSync(path.dirname(file))).toEqual(['case.db']);
  return report;
}

/** Makes `index` stale for one of its rows: the row's first indexed column changes while the index does not. */
function staleIndex(db: Database.Database, index: string): void {
  const { sql, tbl_name: table } = db.prepare(`select sql, tbl_name from sqlite_schema where name = ?`).get(index) as { sql: string; tbl_name: string };
  const column = (db.prepare(`select name from pragma_index_info(?) order by seqno limit 1`).get(index) as { name: string }).name;
  const where = sql.slice(setAsideSql(sql).length - ' WHERE 0'.length).trim();
  const { rowid } = db.prepare(`select rowid as rowid from "${table}" ${where} limit 1`).get() as { rowid: number };
  db.pragma('writable_schema = ON');
  db.prepare(`update sqlite_schema set sql = ? where name = ?`).run(setAsideSql(sql), index);
  db.pragma('writable_schema = RESET');
  db.pragma('ignore_check_constraints = ON');
  const value = db.prepare(`select "${column}" as v from "${table}" where rowid = ?`).get(rowid) as { v: unknown };
  const changed = typeof value.v === 'number' ? value.v + 1_000_003 : `${String(value.v)}~`;
  db.prepare(`update "${table}" set "${column}" = ? where rowid = ?`).run(changed, rowid);
  db.pragma('writable_schema = ON');
  db.prepare(`update sqlite_schema set sql = ? where name = ?`).run(sql, index);
  db.pragma('writable_schema = RESET');
}

describe('the split full check finds what the whole check finds', () => {
  it('a sound database: both say ok, and the check really was split', async () => {
    const plan = planSplit(base, { minRows: 0 });
    expect(plan).not.toBeNull();
    expect(plan!.asideIn1.length).toBeGreaterThan(0);
    expect(await wholeCheck(base)).toEqual([]);
    const file = damaged(() => {});
    const report = await splitCheck(file);
    expect(report).toMatchObject({ ok: true, problems: [], foreignKeyViolations: [] });
  });

  it('a stale entry in any explicit index, whichever part compares it', async () => {
    const probe = new Database(base, { readonly: true });
    const indexes = (probe.prepare(`select name from sqlite_schema where type = 'index' and sql is not null and tbl_name in ('messages', 'contacts') order by name`).all() as { name: string }[])
      .map((r) => r.name)
      // Only indexes that hold at least one row can go stale.
      .filter((name) => ((probe.prepare(`select sum(ncell) as n from dbstat where name = ?`).get(name) as { n: number | null }).n ?? 0) > 0);
    probe.close();
    const plan = planSplit(base, { minRows: 0 })!;
    // Both parts are exercised: some of these indexes are compared in part 1, some in part 2.
    expect(indexes.some((i) => plan.asideIn1.includes(i))).toBe(true);
    expect(indexes.some((i) => !plan.asideIn1.includes(i))).toBe(true);
    expect(indexes.length).toBeGreaterThanOrEqual(6);
    for (const index of indexes) {
      const file = damaged((db) => staleIndex(db, index));
      expect(await wholeCheck(file), index).not.toEqual([]);
      const report = await splitCheck(file);
      expect(report.ok, index).toBe(false);
      expect(report.problems.join('\n'), index).toContain(index);
    }
  });

  it('a scribbled table page', async () => {
    const file = damaged(() => {});
    const probe = new Database(file, { readonly: true });
    const root = (probe.prepare(`select rootpage from sqlite_schema where name = 'accounts'`).get() as { rootpage: number }).rootpage;
    probe.close();
    const bytes = Buffer.from(fs.readFileSync(file));
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, (root - 1) * pageSize + 8, root * pageSize - 8);
    fs.writeFileSync(file, bytes);
    expect(await wholeCheck(file).catch((e: Error) => [e.message])).not.toEqual([]);
    expect((await splitCheck(file)).ok).toBe(false);
  });

  it('pages no b-tree uses (an index dropped from the schema only)', async () => {
    const file = damaged((db) => {
      db.pragma('writable_schema = ON');
      db.prepare(`delete from sqlite_schema where name = 'messages_to_idx'`).run();
    });
    expect((await wholeCheck(file)).join('\n')).toMatch(/never used/);
    const report = await splitCheck(file);
    expect(report.problems.join('\n')).toMatch(/never used/);
  });

  it("damage in FTS5's own tables", async () => {
    for (const table of ['contacts_fts', 'contacts_short_fts']) {
      const file = damaged((db) => db.prepare(`update ${table}_data set block = zeroblob(length(block)) where id = (select max(id) from ${table}_data)`).run());
      expect(await wholeCheck(file), table).not.toEqual([]);
      expect((await splitCheck(file)).ok, table).toBe(false);
    }
  });

  it('a row that breaks a CHECK constraint, and a row whose parent is missing', async () => {
    const file = damaged((db) => {
      db.pragma('ignore_check_constraints = ON');
      db.prepare(`update messages set status = 'bogus' where id = (select min(id) from messages)`).run();
    });
    expect((await wholeCheck(file)).join('\n')).toMatch(/CHECK constraint failed in messages/);
    expect((await splitCheck(file)).problems.join('\n')).toMatch(/CHECK constraint failed in messages/);
    const file2 = damaged((db) => db.prepare(`update message_events set message_id = 999999 where id = (select min(id) from message_events)`).run());
    expect(await wholeCheck(file2)).toContain('fk message_events');
    expect((await splitCheck(file2)).foreignKeyViolations).toEqual([expect.objectContaining({ table: 'message_events', parent: 'messages' })]);
  });
});
