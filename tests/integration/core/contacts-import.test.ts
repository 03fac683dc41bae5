// Import and export of real shop files through the contract (issue 4): encodings, row numbers as
// Excel shows them, duplicates skip/update/merge, a known number with a new plate, idempotency,
// cancelling, the rejected rows as CSV, and export (BOM, text cells, formula neutralising, round trip).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportResult, OnDuplicate } from '../../../src-shared/api/contacts-schemas';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api/contract';
import { parseDelimited } from '../../../src-main/core/contacts/import/parse';
import { openCore } from '../../helpers/core';

async function setup() {
  const tc = await openCore({ dispatch: false });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => tc.core.call(method, input) as Promise<MethodOutput<M>>;
  const file = (bytes: Buffer, fileName = 'customers.csv') => ({ fileBase64: bytes.toString('base64'), fileName });
  /** Preview, run with the suggested mapping, wait for the finished event. */
  const importBytes = async (bytes: Buffer, options: { fileName?: string; onDuplicate?: OnDuplicate; encoding?: MethodInput<'contacts.import.run'>['encoding'] } = {}) => {
    const input = { ...file(bytes, options.fileName), ...(options.encoding ? { encoding: options.encoding } : {}) };
    const preview = await call('contacts.import.preview', input);
    const { importId } = await call('contacts.import.run', { ...input, mapping: preview.rememberedMapping ?? preview.suggestedMapping, onDuplicate: options.onDuplicate ?? 'skip' });
    const result = await new Promise<ImportResult>((resolve) => {
      const stop = tc.core.onEvent((e) => {
        if (e.type === 'contacts.import.finished' && e.importId === importId) {
          stop();
          resolve(e.result);
        }
      });
    });
    return { preview, result, importId };
  };
  const all = async () => (await call('contacts.list', { limit: 1000 })).contacts;
  return { ...tc, call, importBytes, all, file };
}

const CSV = [
  '姓名,手機,生日,備註,分類',
  '王小明,0912345678,1990/1/1,"多行',
  '備註",VIP',
  '陳美麗,912333444,02/29,,VIP;常客', // Excel dropped the leading 0
  '市話,02-2722-1234,,,',
  '空號,,,,',
  '重複,0912-345-678,,,',
  '壞日期,0933444555,1990-13-45,,',
  '',
  '林志豪,0955666777,,,',
].join('\r\n');

describe('import', () => {
  it('imports a Big5 file: valid rows in, every rejected row with its Excel row number and reason', async () => {
    const { importBytes, all, call } = await setup();
    const { preview, result } = await importBytes(iconv.encode(CSV, 'big5'));
    expect(preview).toMatchObject({ encoding: 'big5', headers: ['姓名', '手機', '生日', '備註', '分類'], rowCount: 7 });
    expect(preview.rows[0]).toEqual(['王小明', '0912345678', '1990/1/1', '多行\n備註', 'VIP']);
    expect(preview.suggestedMapping).toEqual(['name', 'phone', 'birthday', 'notes', 'categories']);
    expect(result).toMatchObject({ status: 'done', imported: 3, updated: 0, skipped: 0, encoding: 'big5' });
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([[4, 'not_mobile'], [5, 'empty'], [6, 'duplicate'], [7, 'invalid_value']]);
    expect(result.errors.find((e) => e.code === 'duplicate')?.params).toEqual({ first: 2 });
    const contacts = await all();
    expect(contacts.map((c) => [c.name, c.phone, c.birthday]).sort()).toEqual([
      ['林志豪', '+886955666777', null], ['王小明', '+886912345678', '1990-01-01'], ['陳美麗', '+886912333444', '--02-29'],
    ].sort());
    const cats = (await call('contacts.categories.list', {})).categories;
    expect(cats.map((c) => [c.name, c.count])).toEqual([['VIP', 2], ['常客', 1]]);
    // Found by the last 4 digits of the number, right after the import.
    expect((await call('contacts.list', { filter: { search: '3444' } })).contacts.map((c) => c.name)).toEqual(['陳美麗']);
  });

  it('adds nothing when the same file is imported again, and remembers the mapping', async () => {
    const { importBytes, all, call } = await setup();
    const bytes = Buffer.from(CSV, 'utf8');
    const first = await importBytes(bytes);
    const input = { fileBase64: bytes.toString('base64'), fileName: 'customers.csv' };
    // The operator changes the mapping (notes ignored); the next preview of these headers offers it.
    const { importId } = await call('contacts.import.run', { ...input, mapping: ['name', 'phone', 'birthday', null, 'categories'] });
    while ((await call('contacts.import.status', { importId })).status === 'running') await new Promise((r) => setTimeout(r, 5));
    const again = await importBytes(bytes);
    expect(again.preview.rememberedMapping).toEqual(['name', 'phone', 'birthday', null, 'categories']);
    expect(first.result.imported).toBe(3);
    expect(again.result).toMatchObject({ imported: 0, updated: 0, skipped: 3 });
    expect(await all()).toHaveLength(3);
  });

  it('on a known number: skip keeps, update overwrites, merge fills only what is empty', async () => {
    const { importBytes, call, all } = await setup();
    await call('contacts.create', { name: '舊名', phone: '0912345678', notes: '舊備註' });
    await call('contacts.create', { name: '乙', phone: '0922333444' });
    const file = Buffer.from('姓名,手機,生日,備註\n新名,0912345678,1990-01-01,新備註\n乙,0922333444,,乙備註\n', 'utf8');
    expect((await importBytes(file, { onDuplicate: 'skip' })).result).toMatchObject({ imported: 0, updated: 0, skipped: 2 });
    expect((await importBytes(file, { onDuplicate: 'merge' })).result).toMatchObject({ updated: 2 });
    let byName = Object.fromEntries((await all()).map((c) => [c.phone, c]));
    expect(byName['+886912345678']).toMatchObject({ name: '舊名', notes: '舊備註', birthday: '1990-01-01' });
    expect(byName['+886922333444']).toMatchObject({ notes: '乙備註' });
    expect((await importBytes(file, { onDuplicate: 'update' })).result).toMatchObject({ updated: 2 });
    byName = Object.fromEntries((await all()).map((c) => [c.phone, c]));
    expect(byName['+886912345678']).toMatchObject({ name: '新名', notes: '新備註' });
    expect((await call('contacts.list', { filter: { search: '新名' } })).total).toBe(1);
    // The same values again (the index entries are left as they are), then a change (rewritten).
    expect((await importBytes(file, { onDuplicate: 'update' })).result).toMatchObject({ updated: 2 });
    expect((await call('contacts.list', { filter: { search: '新名' } })).total).toBe(1);
    const changed = Buffer.from('姓名,手機\n改名了,0912345678\n', 'utf8');
    expect((await importBytes(changed, { onDuplicate: 'update' })).result).toMatchObject({ updated: 1 });
    expect((await call('contacts.list', { filter: { search: '新名' } })).total).toBe(0);
    expect((await call('contacts.list', { filter: { search: '改名了' } })).total).toBe(1);
    expect((await call('contacts.list', { filter: { search: '改名' } })).total).toBe(1);
  });

  it('with vehicles: a second car of the same customer, in the file or already known, is added', async () => {
    const { importBytes, call, all } = await setup();
    await call('contacts.fields.presets', { preset: 'vehicle', enabled: true });
    const first = Buffer.from('姓名,手機,車牌,應定檢年月,保險到期日\n王,0912345678,ABC-1234,116/03,2027-01-31\n王,0912345678,XYZ-9876,2027-08,\n王,0912345678,abc 1234,,\n', 'utf8');
    const r1 = await importBytes(first);
    expect(r1.result).toMatchObject({ imported: 1 });
    expect(r1.result.errors.map((e) => [e.line, e.code])).toEqual([[4, 'duplicate']]);
    expect((await all())[0]!.vehicles.map((v) => [v.plate, v.inspectionDue, v.insuranceExpiry])).toEqual([['ABC-1234', '2027-03', '2027-01-31'], ['XYZ-9876', '2027-08', null]]);
    const second = Buffer.from('姓名,手機,車牌\n王,0912345678,NEW-0001\n王,0912345678,ABC-1234\n', 'utf8');
    const r2 = await importBytes(second);
    expect(r2.result).toMatchObject({ imported: 0, updated: 1 });
    expect((await all())[0]!.vehicles.map((v) => v.plate)).toEqual(['ABC-1234', 'XYZ-9876', 'NEW-0001']);
    expect((await call('contacts.list', { filter: { search: 'NEW-0001' } })).total).toBe(1);
  });

  it('on hostile files, accounts for every record: imported, skipped or reported with its row', async () => {
    const { call, core } = await setup();
    const piece = fc.constantFrom('"', ',', '\n', '\r\n', '\r', '\u0000', '王', '0912345678', '0922333444', '02-2722-1234', '912333444', 'x', '');
    const body = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const csv = `name,phone\n${text}`;
        const input = { fileBase64: Buffer.from(csv, 'utf8').toString('base64'), fileName: 'fuzz.csv' };
        const finished = new Promise<ImportResult>((resolve) => {
          const stop = core.onEvent((e) => {
            if (e.type === 'contacts.import.finished') {
              stop();
              resolve(e.result);
            }
          });
        });
        await call('contacts.import.run', { ...input, mapping: ['name', 'phone'] });
        const result = await finished;
        const table = parseDelimited(csv, 'fuzz.csv', 1000);
        expect(result.status).toBe('done');
        expect(result.imported + result.updated + result.skipped + result.errors.length).toBe(table.rows.length + table.malformed.length);
        const lines = result.errors.map((e) => e.line);
        expect(new Set(lines).size).toBe(lines.length);
      }),
      { numRuns: 40 },
    );
  });

  it('cancelling leaves nothing imported', async () => {
    const { call, all, core } = await setup();
    const rows = ['姓名,手機', ...Array.from({ length: 12_000 }, (_, i) => `客${i},09${String(12_000_000 + i)}`)];
    const input = { fileBase64: Buffer.from(rows.join('\n')).toString('base64'), fileName: 'big.csv' };
    const { importId } = await call('contacts.import.run', { ...input, mapping: ['name', 'phone'] });
    const finished = new Promise<ImportResult>((resolve) => core.onEvent((e) => e.type === 'contacts.import.finished' && resolve(e.result)));
    await new Promise<void>((resolve) => core.onEvent((e) => e.type === 'contacts.import.progress' && resolve()));
    await call('contacts.import.cancel', { importId });
    expect((await finished).status).toBe('cancelled');
    expect(await all()).toEqual([]);
    expect((await call('contacts.import.status', { importId })).status).toBe('cancelled');
  });

  it('reports a file that is not a spreadsheet and a mapping without a phone column', async () => {
    const { importBytes, call, file } = await setup();
    const { result } = await importBytes(Buffer.from('not a zip'), { fileName: 'x.xlsx' }).catch((e: unknown) => ({ result: e as never }));
    expect(result).toMatchObject({ key: 'contacts.errors.xlsxUnreadable' });
    await expect(call('contacts.import.run', { ...file(Buffer.from('a,b\n1,2\n')), mapping: ['name', null] })).rejects.toMatchObject({ key: 'contacts.errors.noPhoneColumn' });
  });

  it('gives the rejected rows as a CSV with row, code, reason and the original cells', async () => {
    const { importBytes, call } = await setup();
    const { importId } = await importBytes(Buffer.from(CSV, 'utf8'));
    const out = await call('contacts.import.rejectedCsv', { importId });
    const text = Buffer.from(out.fileBase64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeff列號,代碼,原因,姓名,手機')).toBe(true);
    expect(text).toContain('4,not_mobile,市話號碼，無法接收簡訊：「02-2722-1234」,市話,02-2722-1234');
    expect(text).toContain('6,duplicate,與第 2 列的號碼重複,重複');
  });

  it('reads XLSX: numbers as text (a dropped leading 0 recovered), dates as dates', async () => {
    const { importBytes, all } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名單');
    ws.addRow(['姓名', '手機', '生日']);
    ws.addRow(['王小明', 912345678, new Date(Date.UTC(1990, 0, 2))]);
    ws.addRow(['陳', '0922333444', '']);
    const { result } = await importBytes(Buffer.from(await wb.xlsx.writeBuffer()), { fileName: '名單.xlsx' });
    expect(result).toMatchObject({ status: 'done', imported: 2, encoding: null });
    expect((await all()).map((c) => [c.name, c.phone, c.birthday]).sort()).toEqual([['王小明', '+886912345678', '1990-01-02'], ['陳', '+886922333444', null]]);
  });
});

describe('export', () => {
  it('writes CSV in UTF-8 with BOM, numbers as text, formulas neutralised, and imports back the same', async () => {
    const { call, importBytes, all } = await setup();
    await call('contacts.fields.presets', { preset: 'vehicle', enabled: true });
    await call('contacts.create', { name: '=HYPERLINK("x")', phone: '0912345678', notes: '+1 加購', vehicles: [{ plate: 'AAA-1111' }, { plate: 'BBB-2222', inspectionDue: '2027-03' }] });
    await call('contacts.create', { name: '田中', phone: '+81 90 1234 5678', birthday: '--02-29' });
    const out = await call('contacts.export', { format: 'csv' });
    const bytes = Buffer.from(out.fileBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")",,0912 345 678`);
    expect(text).toContain("'+1 加購");
    expect(text).toContain("'+81 90 1234 5678");
    expect(out.count).toBe(2);

    const before = (await all()).map(({ id: _i, createdAt: _c, updatedAt: _u, vehicles, ...rest }) => ({ ...rest, vehicles: vehicles.map(({ id: _v, ...v }) => v) }));
    await call('contacts.delete', { target: { filter: {} } });
    const { result } = await importBytes(bytes, { fileName: out.fileName });
    expect(result).toMatchObject({ imported: 2, errors: [] });
    const after = (await all()).map(({ id: _i, createdAt: _c, updatedAt: _u, vehicles, ...rest }) => ({ ...rest, vehicles: vehicles.map(({ id: _v, ...v }) => v) }));
    expect(after.map((c) => ({ ...c, phoneRaw: '' }))).toEqual(before.map((c) => ({ ...c, phoneRaw: '' })));
  });

  it('writes XLSX with every cell as text', async () => {
    const { call } = await setup();
    await call('contacts.create', { name: '王', phone: '0912345678', birthday: '1990-01-01' });
    const out = await call('contacts.export', { format: 'xlsx', filter: { search: '王' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.fileBase64, 'base64') as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe('王');
    expect(row.getCell(3).value).toBe('0912 345 678');
    expect(row.getCell(6).value).toBe('1990-01-01');
  });
});
