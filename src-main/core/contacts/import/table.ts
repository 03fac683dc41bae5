// What every file format becomes before mapping: a header and data rows, each with its row number as
// Excel shows it (header = 1), plus rows that could not be read at all.
export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'tsv' | 'xlsx';
  headers: string[];
  rows: TableRow[];
  /** Rows that are malformed (an unclosed quote …), with a short technical detail. */
  malformed: { line: number; detail: string }[];
}

/** Control characters other than tab and new line (NUL from a broken export …) are removed from cells. */
export function cleanCell(s: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').trim();
  // Our export puts an apostrophe before = + - @ (formula injection): read such a cell back as it was.
  return /^'[=+\-@]/.test(cleaned) ? cleaned.slice(1) : cleaned;
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c === '');
