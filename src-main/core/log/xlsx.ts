// The log's XLSX: exceljs's streaming writer with inline strings. The in-memory workbook the contacts
// export uses spends most of a 100k-row export building cell objects and the shared-strings table;
// every log cell is text anyway (numFmt '@', as the contacts export writes it).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export async function toXlsxStreamed(headers: string[], rows: Iterable<string[]>, sheetName: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'log');
  sheet.columns = headers.map((h) => ({ header: h, width: Math.min(40, Math.max(10, h.length * 2 + 2)), style: { numFmt: '@' } }));
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
