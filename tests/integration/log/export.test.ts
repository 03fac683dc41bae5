// issue #9: the log export. CSV (UTF-8 with BOM) and XLSX read back give the same rows, newest first,
// for the filter asked; text that a spreadsheet would run as a formula comes back neutralised; and
// the CLI's `smsdesk log export` writes the same file with the same filters.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { openCore } from '../../helpers/core';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';

const t = createI18n('zh-TW').t;
const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

/** Messages written as the outbox would, with hostile texts and memos; returns their ids, oldest first. */
function seed(dataDir: string): number[] {
  return withDb(dataDir, (db) => {
    const insert = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, memo, operator,
      error_code, error_key, created_at, updated_at) values (?, 1, ?, ?, ?, 'UCS-2', 1, ?, 'composer', ?, 'amy', ?, ?, ?, ?)`);
    const ids: number[] = [];
    HOSTILE.forEach((text, i) => {
      const failed = i % 2 === 0;
      ids.push(Number(insert.run(`x${i}`, `+88691234500${i}`, `091234500${i}`, `${text} 您好, "引號"\n第二行`, failed ? 'failed' : 'delivered', HOSTILE[(i + 1) % HOSTILE.length]!,
        failed ? 'sandbox_undeliverable' : null, failed ? 'errors.provider.sandboxUndeliverable' : null, Date.UTC(2026, 5, 1, 1, i), Date.UTC(2026, 5, 1, 1, i)).lastInsertRowid));
    });
    return ids;
  });
}

const unsafe = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('log export', () => {
  it('CSV: UTF-8 with BOM, the filtered rows newest first, formulas neutralised, text intact after the apostrophe', async () => {
    const { core, dataDir } = await openCore({ dispatch: false });
    await core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    const ids = seed(dataDir);
    const out = await core.api['messages.export']({ format: 'csv', filter: { status: ['failed'] } });
    const bytes = Buffer.from(out.fileBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.fileName).toBe('發送記錄.csv');
    const [header, ...rows] = parse(bytes.toString('utf8').slice(1), { relax_column_count: false }) as string[][];
    expect(header).toContain(t('reports.export.column.text'));
    const col = (name: string) => header!.indexOf(t(`reports.export.column.${name}`));
    const failedIds = ids.filter((_, i) => i % 2 === 0).reverse();
    expect(out.count).toBe(failedIds.length);
    expect(out.total).toBe(failedIds.length);
    expect(rows.map((r) => Number(r[col('id')]))).toEqual(failedIds);
    for (const r of rows) {
      for (const cell of r) expect(unsafe(cell), cell).toBe(false);
      const i = ids.indexOf(Number(r[col('id')]));
      expect(r[col('text')]).toBe(`'${HOSTILE[i]} 您好, "引號"\n第二行`);
      expect(r[col('status')]).toBe(t('common.status.failed'));
      expect(r[col('error')]).toBe(t('errors.provider.sandboxUndeliverable'));
      expect(r[col('operator')]).toBe('amy');
      expect(r[col('toE164')]).toBe(`'+88691234500${i}`);
      expect(r[col('createdAt')]).toBe(`2026-06-01 09:0${i}:00`); // shop time, Taipei
    }
  });

  it('XLSX: the same rows as the CSV, every cell text, formulas neutralised', async () => {
    const { core, dataDir } = await openCore({ dispatch: false });
    await core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    const ids = seed(dataDir);
    const xlsx = await core.api['messages.export']({ format: 'xlsx', filter: { text: '您好' } });
    const csv = await core.api['messages.export']({ format: 'csv', filter: { text: '您好' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.fileBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    const fromXlsx: string[][] = [];
    // Array.from: an empty cell is a hole in row.values.
    sheet.eachRow((row) => fromXlsx.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
    const fromCsv = parse(Buffer.from(csv.fileBase64, 'base64').toString('utf8').slice(1)) as string[][];
    // exceljs leaves out trailing empty cells of a row; pad to the header's width.
    // XML reads a lone CR as a line feed (XML 1.0 end-of-line handling), so line ends are compared as such.
    const width = fromCsv[0]!.length;
    const lines = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
    expect(lines(fromXlsx.map((r) => [...r, ...Array(width - r.length).fill('')]))).toEqual(lines(fromCsv));
    // …and the CSV keeps every character of every text.
    const textCol = fromCsv[0]!.indexOf(t('reports.export.column.text'));
    expect(fromCsv.slice(1).map((r) => r[textCol]).sort()).toEqual(HOSTILE.map((h) => `'${h} 您好, "引號"\n第二行`).sort());
    expect(xlsx.count).toBe(ids.length);
    sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(unsafe(String(cell.value))).toBe(false);
    }));
  });

  it('smsdesk log export FILE: same filters as smsdesk log, format from the name or --format, bad format refused', async () => {
    const { core, dataDir } = await openCore({ dispatch: false });
    await core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    const ids = seed(dataDir);
    await core.close();
    const csvFile = path.join(dataDir, 'out.csv');
    const done = await runCli(dataDir, ['log', 'export', csvFile, '--status', 'failed', '--search', '0912345002', '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(json(done)).toEqual({ file: csvFile, format: 'csv', count: 1, total: 1 });
    expect(done.stderr).not.toContain(t('reports.cli.exportCut', { count: 1, total: 1 }));
    const rows = parse(fs.readFileSync(csvFile, 'utf8').slice(1)) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(String(ids[2]));

    const xlsxFile = path.join(dataDir, 'all.xlsx');
    const all = await runCli(dataDir, ['log', 'export', xlsxFile, '--since', '2026-06-01T09:03']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain(t('reports.cli.exported', { count: 3, file: xlsxFile }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets[0]!.rowCount).toBe(4);

    // A file cut by --limit says so on stderr and in the JSON: the newest two of the six.
    const cutFile = path.join(dataDir, 'cut.csv');
    const cut = await runCli(dataDir, ['log', 'export', cutFile, '--limit', '2', '--json']);
    expect(cut.code, cut.stderr).toBe(0);
    expect(json(cut)).toEqual({ file: cutFile, format: 'csv', count: 2, total: ids.length });
    expect(cut.stderr).toContain(t('reports.cli.exportCut', { count: 2, total: ids.length }));
    expect((parse(fs.readFileSync(cutFile, 'utf8').slice(1)) as string[][]).slice(1).map((r) => Number(r[0]))).toEqual(ids.slice(-2).reverse());

    const bad = await runCli(dataDir, ['log', 'export', path.join(dataDir, 'x.pdf'), '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(fs.existsSync(path.join(dataDir, 'x.pdf'))).toBe(false);
    // Three CLI processes, each starting tsx: more than the default bound on a loaded machine.
  }, 90_000);
});
