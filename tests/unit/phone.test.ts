// Phone numbers as shop operators type them in Taiwan, Japan and mainland China: only mobiles pass,
// stored as E.164; recipient lists split the way the composer and `smsdesk send --to` document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactNumber, formatNational, isOneNumber, parsePhone } from '../../src-shared/phone/parse';
import { parseRecipients, splitRecipientList } from '../../src-shared/phone/recipients';

type Row = [raw: string, region: string, expected: string];

/** expected: an E.164 number, or the rejection code. */
const table: Record<string, Row[]> = {
  TW: [
    ['0912345678', 'TW', '+886912345678'],
    ['0912-345-678', 'TW', '+886912345678'],
    ['0912 345 678', 'TW', '+886912345678'],
    ['0912.345.678', 'TW', '+886912345678'],
    ['(0912) 345-678', 'TW', '+886912345678'],
    ['+886912345678', 'TW', '+886912345678'],
    ['+886 912 345 678', 'TW', '+886912345678'],
    ['０９１２３４５６７８', 'TW', '+886912345678'], // full-width digits, as an IME types them
    ['0912\u3000345\u3000678', 'TW', '+886912345678'], // ideographic spaces
    ['0975123456', 'TW', '+886975123456'],
    ['0227221234', 'TW', 'not_mobile'], // Taipei landline
    ['02-2722-1234', 'TW', 'not_mobile'],
    ['(04)2222-3333', 'TW', 'not_mobile'], // Taichung landline
    ['09123', 'TW', 'invalid_number'],
    ['091234567890', 'TW', 'invalid_number'],
    ['0812345678', 'TW', 'invalid_number'],
    ['abc', 'TW', 'invalid_number'],
    ['0912abc678', 'TW', 'invalid_number'],
    ['', 'TW', 'invalid_number'],
    ['+', 'TW', 'invalid_number'],
  ],
  JP: [
    ['09012345678', 'JP', '+819012345678'],
    ['090-1234-5678', 'JP', '+819012345678'],
    ['08012345678', 'JP', '+818012345678'],
    ['070-1234-5678', 'JP', '+817012345678'],
    ['+81 90 1234 5678', 'TW', '+819012345678'], // a Japanese mobile typed in a Taiwanese shop
    ['05012345678', 'JP', 'not_mobile'], // 050: IP phone, cannot receive SMS
    ['050-1234-5678', 'JP', 'not_mobile'],
    ['09001234567', 'JP', 'invalid_number'], // 090-0xxx is not an allocated range
    ['0312345678', 'JP', 'not_mobile'], // Tokyo landline
    ['03-1234-5678', 'JP', 'not_mobile'],
    ['0120123456', 'JP', 'not_mobile'], // toll-free
  ],
  CN: [
    ['13812345678', 'CN', '+8613812345678'],
    ['138 1234 5678', 'CN', '+8613812345678'],
    ['+86 138-1234-5678', 'TW', '+8613812345678'],
    ['15912345678', 'CN', '+8615912345678'],
    ['01012345678', 'CN', 'not_mobile'], // Beijing landline
    ['010-1234-5678', 'CN', 'not_mobile'],
    ['1381234567', 'CN', 'invalid_number'], // one digit short
  ],
};

describe('parsePhone', () => {
  for (const [area, rows] of Object.entries(table)) {
    describe(area, () => {
      it.each(rows)('%s (default region %s) → %s', (raw, region, expected) => {
        const parsed = parsePhone(raw, region);
        if (expected.startsWith('+')) {
          expect(parsed).toMatchObject({ ok: true, raw, e164: expected });
        } else {
          expect(parsed).toMatchObject({ ok: false, raw, code: expected });
        }
      });
    });
  }

  it('reports the number type of a rejected non-mobile', () => {
    expect(parsePhone('05012345678', 'JP')).toMatchObject({ ok: false, code: 'not_mobile', type: 'VOIP' });
    expect(parsePhone('0227221234', 'TW')).toMatchObject({ ok: false, code: 'not_mobile', type: 'FIXED_LINE' });
  });

  it('gives the national format and region of a valid mobile', () => {
    expect(parsePhone('+886912345678', 'JP')).toMatchObject({ national: '0912 345 678', region: 'TW' });
    expect(parsePhone('09012345678', 'JP')).toMatchObject({ national: '090-1234-5678', region: 'JP' });
  });

  it('never throws and always answers ok with E.164, or a known code (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('TW', 'JP', 'CN', 'HK', 'US', 'XX'), (raw, region) => {
        const parsed = parsePhone(raw, region);
        if (parsed.ok) expect(parsed.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        else expect(['invalid_number', 'not_mobile']).toContain(parsed.code);
        expect(parsed.raw).toBe(raw);
      }),
    );
  });

  it('gives the same E.164 for every way of writing a Taiwanese mobile (property)', () => {
    const separator = fc.constantFrom('', ' ', '-', '.', '\u3000');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), separator, separator, (n, a, b) => {
        const digits = String(n).padStart(8, '0');
        const national = `09${digits}`;
        const written = `${national.slice(0, 4)}${a}${national.slice(4, 7)}${b}${national.slice(7)}`;
        const fromNational = parsePhone(written, 'TW');
        const fromE164 = parsePhone(`+8869${digits}`, 'JP');
        expect(fromNational.ok).toBe(fromE164.ok);
        if (fromNational.ok && fromE164.ok) expect(fromNational.e164).toBe(fromE164.e164);
      }),
    );
  });
});

describe('compactNumber, isOneNumber, formatNational', () => {
  it('removes separators people type between digits', () => {
    expect(compactNumber(' (02) 2722-1234 ')).toBe('0227221234');
    expect(compactNumber('０９１２．３４５．６７８')).toBe('0912345678');
    expect(compactNumber('（02）27221234')).toBe('0227221234');
  });

  it('tells one number of any type from a list', () => {
    expect(isOneNumber('0912 345 678', 'TW')).toBe(true);
    expect(isOneNumber('02 2722 1234', 'TW')).toBe(true); // a landline is still one number
    expect(isOneNumber('0912345678 0922333444', 'TW')).toBe(false);
    expect(isOneNumber('hello', 'TW')).toBe(false);
  });

  it('formats E.164 for display, and leaves what it cannot parse as it is', () => {
    expect(formatNational('+886912345678')).toBe('0912 345 678');
    expect(formatNational('+819012345678')).toBe('090-1234-5678');
    expect(formatNational('not a number')).toBe('not a number');
  });
});

describe('splitRecipientList', () => {
  it.each<[string, string, string[]]>([
    ['a spaced number stays whole', '0912 345 678', ['0912 345 678']],
    ['an international spaced number stays whole', '+81 90 1234 5678', ['+81 90 1234 5678']],
    ['two numbers separated by a space are two', '0912345678 0922333444', ['0912345678', '0922333444']],
    ['commas', '0912345678,0922333444', ['0912345678', '0922333444']],
    ['semicolons', '0912345678;0922333444', ['0912345678', '0922333444']],
    ['tabs', '0912345678\t0922333444', ['0912345678', '0922333444']],
    ['new lines (LF and CRLF)', '0912345678\n0922333444\r\n0933444555', ['0912345678', '0922333444', '0933444555']],
    ['full-width commas and semicolons and the ideographic comma', '0912345678，0922333444；0933444555、0955666777', ['0912345678', '0922333444', '0933444555', '0955666777']],
    ['blank pieces and padding are dropped', ' , 0912345678 ,, ;\n\n', ['0912345678']],
    ['mixed: spaced number, then a space-separated pair', '0912 345 678, 0922333444 0933444555', ['0912 345 678', '0922333444', '0933444555']],
    ['garbage with spaces splits into words', 'call me maybe', ['call', 'me', 'maybe']],
    ['ideographic spaces between numbers', '0912345678\u30000922333444', ['0912345678', '0922333444']],
    ['empty text', '', []],
  ])('%s', (_name, text, expected) => {
    expect(splitRecipientList(text, 'TW')).toEqual(expected);
  });
});

describe('parseRecipients', () => {
  it('keeps the same number once whatever its form, reporting the repeats as duplicate', () => {
    const { valid, rejected } = parseRecipients('+886912345678, 0912-345-678; 0912 345 678\n886912345678', 'TW');
    expect(valid).toEqual([{ raw: '+886912345678', e164: '+886912345678', national: '0912 345 678' }]);
    // 886912345678: the country code typed without its +, which libphonenumber also reads as Taiwan.
    expect(rejected).toEqual([
      { raw: '0912-345-678', code: 'duplicate' },
      { raw: '0912 345 678', code: 'duplicate' },
      { raw: '886912345678', code: 'duplicate' },
    ]);
  });

  it('reports each rejected piece as typed, with its code, in order', () => {
    const { valid, rejected } = parseRecipients('0912345678, 02-2722-1234, 123, 0922333444', 'TW');
    expect(valid.map((v) => v.e164)).toEqual(['+886912345678', '+886922333444']);
    expect(rejected).toEqual([
      { raw: '02-2722-1234', code: 'not_mobile' },
      { raw: '123', code: 'invalid_number' },
    ]);
  });

  it('accepts a list of strings, each split the same way', () => {
    const { valid, rejected } = parseRecipients(['0912345678 0922333444', '+81 90 1234 5678', '0912-345-678'], 'TW');
    expect(valid.map((v) => v.e164)).toEqual(['+886912345678', '+886922333444', '+819012345678']);
    expect(rejected).toEqual([{ raw: '0912-345-678', code: 'duplicate' }]);
  });

  it('reads national numbers in the shop region', () => {
    expect(parseRecipients('09012345678', 'JP').valid.map((v) => v.e164)).toEqual(['+819012345678']);
    expect(parseRecipients('09012345678', 'TW').valid).toEqual([]);
    expect(parseRecipients('13812345678', 'CN').valid.map((v) => v.e164)).toEqual(['+8613812345678']);
  });

  it('never accepts a number twice and accounts for every piece (property)', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `09${String(n).padStart(8, '0')}`),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `+8869${String(n).padStart(8, '0')}`),
      fc.constantFrom('02-2722-1234', 'abc', '123'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom(',', ';', '\n', '\t'), (pieces, sep) => {
        const { valid, rejected } = parseRecipients(pieces.join(sep), 'TW');
        expect(new Set(valid.map((v) => v.e164)).size).toBe(valid.length);
        expect(valid.length + rejected.length).toBe(pieces.length);
      }),
    );
  });
});
