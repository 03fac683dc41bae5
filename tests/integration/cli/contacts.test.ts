// `smsdesk contacts …` with real files in a child process (issue 4): import (Big5, --json with the
// documented keys and Excel row numbers), list --search by the last 4 digits, add, export, and exit 2
// with a translated one-line reason on bad input.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { json, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

type ImportJson = { imported: number; updated: number; skipped: number; encoding: string | null; errors: { line: number; code: string; reason: string }[] };
type ListJson = { contacts: { id: number; name: string; phone: string; categories: string[]; birthday: string | null; fields: Record<string, string>; vehicles: { plate: string }[]; optOut: boolean }[] };

const BIG5_FILE = ['姓名,手機,生日,分類', '王小明,0912-345-678,1990-01-01,VIP', '陳美麗,0922333444,,', '市話,02-2722-1234,,', '王小明二,0912345678,,'].join('\r\n') + '\r\n';

describe('smsdesk contacts', () => {
  it('imports a Big5 file, reports rejected rows, adds nothing the second time, and finds by the last 4 digits', async () => {
    const dir = tempDir();
    const file = path.join(dir, '客戶.csv');
    fs.writeFileSync(file, iconv.encode(BIG5_FILE, 'big5'));
    const first = await runCli(dir, ['contacts', 'import', file, '--json'], { timeoutMs: 60_000 });
    expect(first.code).toBe(0);
    const result = json<ImportJson>(first);
    expect(result).toMatchObject({ imported: 2, updated: 0, skipped: 0, encoding: 'big5' });
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([[4, 'not_mobile'], [5, 'duplicate']]);
    expect(result.errors[0]!.reason).toContain('市話');

    const again = json<ImportJson>(await runCli(dir, ['contacts', 'import', file, '--json']));
    expect(again).toMatchObject({ imported: 0, skipped: 2 });

    const found = await runCli(dir, ['contacts', 'list', '--search', '5678', '--json']);
    expect(found.code).toBe(0);
    expect(json<ListJson>(found).contacts).toEqual([
      { id: expect.any(Number), name: '王小明', phone: '+886912345678', categories: ['VIP'], birthday: '1990-01-01', fields: {}, vehicles: [], optOut: false },
    ]);
    const byCategory = json<ListJson>(await runCli(dir, ['contacts', 'list', '--category', 'VIP', '--json']));
    expect(byCategory.contacts.map((c) => c.name)).toEqual(['王小明']);
  });

  it('adds a contact with a category and exports CSV and XLSX files', async () => {
    const dir = tempDir();
    const added = await runCli(dir, ['contacts', 'add', '--name', '林志豪', '--phone', '0955 666 777', '--category', '常客']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('0955 666 777');
    const csv = path.join(dir, 'out.csv');
    expect((await runCli(dir, ['contacts', 'export', csv])).code).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('林志豪,,0955 666 777,TW,常客');
    const xlsx = path.join(dir, 'out.xlsx');
    expect((await runCli(dir, ['contacts', 'export', xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('林志豪');
  });

  it('exits 2 with a translated reason on bad input, changing nothing', async () => {
    const dir = tempDir();
    const landline = await runCli(dir, ['contacts', 'add', '--name', '店', '--phone', '02-2722-1234']);
    expect(landline.code).toBe(2);
    expect(landline.stderr.trim()).toBe('號碼「02-2722-1234」是市話，無法接收簡訊。');
    const encoding = await runCli(dir, ['contacts', 'import', path.join(dir, 'x.csv'), '--encoding', 'latin1']);
    expect(encoding.code).toBe(2);
    expect(encoding.stderr).toContain('--encoding');
    const missing = await runCli(dir, ['contacts', 'import', path.join(dir, 'missing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.csv');
    const noPhone = path.join(dir, 'nophone.csv');
    fs.writeFileSync(noPhone, 'a,b\n1,2\n');
    const noPhoneRun = await runCli(dir, ['contacts', 'import', noPhone]);
    expect(noPhoneRun.code).toBe(2);
    expect(noPhoneRun.stderr.trim()).toBe('請指定哪一欄是手機號碼。');
    const badField = await runCli(dir, ['contacts', 'add', '--name', 'x', '--phone', '0912345678', '--field', 'oops']);
    expect(badField.code).toBe(2);
    const unknownCategory = await runCli(dir, ['contacts', 'list', '--category', '沒有']);
    expect(unknownCategory.code).toBe(2);
    expect(json<ListJson>(await runCli(dir, ['contacts', 'list', '--json'])).contacts).toEqual([]);
  });
});
