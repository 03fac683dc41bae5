// The CSV reader on hostile input (issue 4): unbalanced quotes, embedded new lines, NUL bytes, mixed
// line endings, a multibyte character cut at the end. Never a crash or a hang; every record gets a
// row number as Excel shows it (header = 1), and every malformed one is reported.
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../src-main/core/contacts/import/decode';
import { parse } from 'csv-parse/sync';
import { parseDelimited, splitUnquoted } from '../../src-main/core/contacts/import/parse';

const piece = fc.constantFrom('"', '""', ',', '\n', '\r\n', '\r', '\u0000', 'a', '王', '09', '12345678', ' ', '\t', 'x"y', '"q"', ';');
const hostile = fc.array(piece, { maxLength: 120 }).map((ps) => ps.join(''));

describe('parseDelimited', () => {
  it('never throws and never hangs; row numbers rise, are unique and within the file', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const table = parseDelimited(text, 'fuzz.csv', 10_000);
        const physicalLines = text.split(/\r\n|\r|\n/).length;
        const lines = table.rows.map((r) => r.line);
        for (let i = 1; i < lines.length; i++) expect(lines[i]!).toBeGreaterThan(lines[i - 1]!);
        const all = [...lines, ...table.malformed.map((m) => m.line)];
        expect(new Set(all).size).toBe(all.length);
        for (const line of all) {
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(physicalLines);
        }
        for (const row of table.rows) for (const cell of row.cells) expect(cell.includes('\u0000')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports an unclosed quote with its row and goes on reading the next lines', () => {
    const table = parseDelimited('姓名,手機\n甲,0912345678\n"乙,0922333444\n丙,0933444555\n', 'a.csv', 100);
    expect(table.malformed).toEqual([{ line: 3, detail: 'CSV_QUOTE_NOT_CLOSED' }]);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([[2, '甲'], [4, '丙']]);
  });

  it('reads back exactly what a CSV writer wrote, quoted new lines counting as one row', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '王', '"', ',', '\n', '0', '9', ' ', 'é'), minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, eol) => {
        const text = stringify([['name', 'phone', 'notes'], ...rows], { quoted_match: /[\r\n]/, record_delimiter: eol === '\r\n' ? 'windows' : eol === '\r' ? 'mac' : 'unix' });
        const table = parseDelimited(text, 'a.csv', 1000);
        expect(table.malformed).toEqual([]);
        expect(table.headers).toEqual(['name', 'phone', 'notes']);
        // New lines inside a cell come back as \n, whatever the file used.
        expect(table.rows.map((r) => r.cells)).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
        expect(table.rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
      }),
      { numRuns: 300 },
    );
  });

  it('counts empty lines as rows, as Excel does, without reporting them', () => {
    const table = parseDelimited('name,phone\n\nA,1\r\n\r\nB,2', 'a.csv', 100);
    expect(table.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(table.malformed).toEqual([]);
  });

  it('takes tabs in an Excel "Unicode text" file and semicolons in a European CSV', () => {
    expect(parseDelimited('姓名\t手機\n王\t0912345678\n', 'a.txt', 10)).toMatchObject({ format: 'tsv', rows: [{ cells: ['王', '0912345678'] }] });
    expect(parseDelimited('name;phone\nA;0912\n', 'a.csv', 10)).toMatchObject({ format: 'csv', rows: [{ cells: ['A', '0912'] }] });
  });

  it('keeps leading zeros and strips the apostrophe our export puts before = + - @', () => {
    const table = parseDelimited("name,phone,notes\n'=cmd,0912345678,'+81 90\n", 'a.csv', 10);
    expect(table.rows[0]!.cells).toEqual(['=cmd', '0912345678', '+81 90']);
  });
});

describe('splitUnquoted (the reader of files without quotes)', () => {
  it('reads exactly the records and cells csv-parse reads, empty lines and a final line ending included', () => {
    const plain = fc.constantFrom(',', ';', '\t', '\n', '\n\n', ' ', 'a', '王', '09', "'=1", '\u0000', '\ufeff');
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 80 }).map((ps) => ps.join('')), fc.constantFrom(',', '\t', ';'), (text, delimiter) => {
        const expected: string[][] = [];
        parse(text, {
          delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false,
          on_record: (cells: string[]) => {
            expected.push(cells);
            return cells;
          },
        });
        expect(splitUnquoted(text, delimiter)).toEqual(expected.map((cells, i) => ({ line: i + 1, cells })));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decode + parse on cut and broken bytes', () => {
  it('never throws on arbitrary bytes other than "encoding unknown"', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const decoded = decodeFile(bytes, { encoding: 'auto', region: 'TW' });
          parseDelimited(decoded.text, 'x.csv', 1000);
        } catch (err) {
          expect((err as { key?: string }).key).toBe('contacts.errors.encodingUnknown');
        }
      }),
      { numRuns: 500 },
    );
  });
});
