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
  // A scan by character code first: a regex replace on each of a large file's cells cost more than the scan.
  // eslint-disable-next-line no-control-regex
  const cleaned = (hasControl(s) ? s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '') : s).trim();
  // Our export puts an apostrophe before = + - @ (formula injection): read such a cell back as it was.
  return cleaned.charCodeAt(0) === 0x27 && /^'[=+\-@]/.test(cleaned) ? cleaned.slice(1) : cleaned;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c >= 0xfffe) return true;
  }
  return false;
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c === '');
