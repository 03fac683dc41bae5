// Delimited text (CSV, TSV, TXT) → a table, with csv-parse. Every cell is text (leading zeros kept).
// Row numbers are records as Excel counts them: the header is 1, a quoted cell spanning lines counts
// once, an empty line counts. A malformed record is reported with its number and parsing resumes on
// the next physical line, so one stray quote never swallows the rest of the file silently.
import { parse } from 'csv-parse/sync';
import { cleanCell, isBlankRow, type Table, type TableRow } from './table';

/** The delimiter of the header line: tab (Excel's "Unicode text"), comma, or semicolon. */
export function detectDelimiter(firstLine: string, fileName: string): ',' | '\t' | ';' {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > 0 && (tabs >= commas || /\.(tsv|txt)$/i.test(fileName))) return '\t';
  if (commas === 0 && semis > 0) return ';';
  return ',';
}

interface Chunk {
  records: { line: number; cells: string[] }[];
  /** The physical line (1-based, within the chunk) where a malformed record started, if parsing stopped there. */
  brokenAt: { record: number; physicalLine: number; detail: string } | null;
}

/** Parses until the first error that stops csv-parse (an unclosed quote), reporting records and errors. */
function parseChunk(text: string, delimiter: string, firstRecord: number, malformed: Table['malformed']): Chunk {
  const records: Chunk['records'] = [];
  let record = firstRecord;
  let lastEndLine = 0;
  let brokenAt: Chunk['brokenAt'] = null;
  try {
    const out = parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (err) => {
        // A quote opened and never closed swallowed everything after it: resume on the next line.
        if (err?.code === 'CSV_QUOTE_NOT_CLOSED') {
          brokenAt ??= { record, physicalLine: lastEndLine + 1, detail: err.code };
          return;
        }
        malformed.push({ line: record, detail: err?.code ?? 'invalid' });
        record++;
        const lines = (err as { lines?: number } | undefined)?.lines;
        if (typeof lines === 'number') lastEndLine = lines;
      },
      on_record: (cells: string[], context) => {
        records.push({ line: record, cells });
        record++;
        lastEndLine = context.lines;
        return cells;
      },
    }) as unknown[];
    void out;
    return { records, brokenAt };
  } catch (err) {
    // Only an error csv-parse cannot skip (a quote opened and never closed) lands here.
    return { records, brokenAt: { record, physicalLine: lastEndLine + 1, detail: (err as { code?: string }).code ?? 'invalid' } };
  }
}

/**
 * Text without a single quote character: each physical line is one record and every delimiter splits,
 * exactly what csv-parse reads there (a property test holds the two together), without its per-field
 * bookkeeping, which was a third of the parse time of a 100k-row file.
 */
export function splitUnquoted(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  // A final line ending ends the last record; it does not start an empty one.
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  if (text.length === 0) return records;
  let line = 1;
  for (let start = 0; start <= end; line++) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl > end) nl = end;
    records.push({ line, cells: text.slice(start, nl).split(delimiter) });
    start = nl + 1;
  }
  return records;
}

export function parseDelimited(text: string, fileName: string, maxRows: number): Table {
  // One line ending: files mix CRLF, LF and CR (a Mac export appended to a Windows one).
  const normalised = text.replace(/\r\n?/g, '\n');
  const firstLine = normalised.slice(0, normalised.indexOf('\n') === -1 ? undefined : normalised.indexOf('\n'));
  const delimiter = detectDelimiter(firstLine, fileName);
  const malformed: Table['malformed'] = [];
  const all: TableRow[] = [];
  if (!normalised.includes('"')) {
    for (const r of splitUnquoted(normalised, delimiter)) all.push({ line: r.line, cells: r.cells.map(cleanCell) });
    return table(all, malformed, delimiter);
  }
  let rest = normalised;
  let nextRecord = 1;
  // Each round either ends the file or moves past at least one physical line: no endless loop.
  for (;;) {
    const chunk = parseChunk(rest, delimiter, nextRecord, malformed);
    for (const r of chunk.records) all.push({ line: r.line, cells: r.cells.map(cleanCell) });
    if (!chunk.brokenAt) break;
    malformed.push({ line: chunk.brokenAt.record, detail: chunk.brokenAt.detail });
    nextRecord = chunk.brokenAt.record + 1;
    let cut = 0;
    for (let i = 0; i < chunk.brokenAt.physicalLine; i++) {
      const nl = rest.indexOf('\n', cut);
      if (nl === -1) {
        cut = rest.length;
        break;
      }
      cut = nl + 1;
    }
    rest = rest.slice(cut);
    if (!rest) break;
    if (all.length > maxRows + 1) break;
  }
  return table(all, malformed, delimiter);
}

function table(all: TableRow[], malformed: Table['malformed'], delimiter: string): Table {
  const header = all.find((r) => r.line === 1);
  const headers = header ? header.cells : [];
  const rows = all.filter((r) => r.line > 1 && !isBlankRow(r.cells));
  return { format: delimiter === '\t' ? 'tsv' : 'csv', headers, rows, malformed: malformed.filter((m) => m.line > 1 || !header) };
}
