// Writing the export: CSV in UTF-8 with a BOM (so Excel opens it in the right encoding) or XLSX with
// every cell as text (numbers keep their leading zeros).
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A cell with a lone carriage return or line feed is quoted too (csv-stringify quotes only the whole record delimiter; Excel splits rows on either). */
export function toCsv(headers: string[], rows: string[][]): Buffer {
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(stringify([headers, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ }), 'utf8')]);
}

export async function toXlsx(headers: string[], rows: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'contacts');
  sheet.columns = headers.map((h) => ({ header: h, width: Math.min(40, Math.max(10, h.length * 2 + 2)), style: { numFmt: '@' } }));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
