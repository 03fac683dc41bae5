// XLSX → a table with exceljs (the `xlsx` package is unmaintained on the registry). The first sheet;
// cells as text: numbers without exponent or grouping, dates as YYYY-MM-DD, formulas by their result.
// Row numbers are the sheet's own.
import ExcelJS from 'exceljs';
import { ApiError } from '../../../../src-shared/api/errors';
import { cleanCell, isBlankRow, type Table } from './table';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel dates are wall-clock times; exceljs hands them over as UTC instants of that wall-clock time.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
  }
  return '';
}

export async function parseXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ApiError('validation', 'contacts.errors.xlsxUnreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { format: 'xlsx', headers: [], rows: [], malformed: [] };
  if (sheet.actualRowCount > maxRows + 1) throw new ApiError('validation', 'contacts.errors.tooManyRows', { rows: sheet.actualRowCount - 1, max: maxRows });
  const width = sheet.columnCount;
  const table: Table = { format: 'xlsx', headers: [], rows: [], malformed: [] };
  let headerFound = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cleanCell(cellText(row.getCell(c).value)));
    if (!headerFound) {
      // The first non-empty row is the header (some sheets start with a title row left blank).
      headerFound = true;
      table.headers = cells;
      return;
    }
    if (!isBlankRow(cells)) table.rows.push({ line: rowNumber, cells });
  });
  return table;
}
