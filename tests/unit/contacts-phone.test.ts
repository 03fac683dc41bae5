// A contact's mobile number (issue 4): TW, JP and CN cases, with the reason a number cannot receive
// SMS (landline, VoIP such as JP 050, invalid ranges such as JP 090-0xxx), and Taiwanese mobiles whose
// leading 0 a spreadsheet dropped.
import { describe, expect, it } from 'vitest';
import { isKnownRegion, numberSearchForms, parseMobile } from '../../src-shared/phone/mobile';

type Expect = string | 'invalid_number' | 'empty' | 'voip' | 'fixed' | 'other';
const table: [raw: string, region: string, expected: Expect][] = [
  ['0912345678', 'TW', '+886912345678'],
  ['0912-345-678', 'TW', '+886912345678'],
  ['912345678', 'TW', '+886912345678'], // Excel dropped the 0
  ['912 345 678', 'TW', '+886912345678'],
  ['+886 912 345 678', 'TW', '+886912345678'],
  ['886912345678', 'TW', '+886912345678'], // the country code written without "+" (exports of other systems)
  ['０９１２３４５６７８', 'TW', '+886912345678'],
  ['02-2722-1234', 'TW', 'fixed'],
  ['(04)2222-3333', 'TW', 'fixed'],
  ['0812345678', 'TW', 'invalid_number'],
  ['', 'TW', 'empty'],
  ['   ', 'TW', 'empty'],
  ['090-1234-5678', 'JP', '+819012345678'],
  ['080 1234 5678', 'JP', '+818012345678'],
  ['070-1234-5678', 'JP', '+817012345678'],
  ['+81 90 1234 5678', 'TW', '+819012345678'],
  ['050-1234-5678', 'JP', 'voip'],
  ['03-1234-5678', 'JP', 'fixed'],
  ['090-0123-4567', 'JP', 'invalid_number'],
  ['912345678', 'JP', 'invalid_number'], // the dropped-zero rule is Taiwan's only
  ['138 0013 8000', 'CN', '+8613800138000'],
  ['+86 139 1234 5678', 'TW', '+8613912345678'],
  ['010-12345678', 'CN', 'fixed'],
  ['12345', 'CN', 'invalid_number'],
  ['9123 4567', 'HK', '+85291234567'],
];

describe('parseMobile', () => {
  for (const [raw, region, expected] of table) {
    it(`${JSON.stringify(raw)} in ${region} → ${expected}`, () => {
      const parsed = parseMobile(raw, region);
      if (expected.startsWith('+')) {
        expect(parsed).toMatchObject({ ok: true, e164: expected, raw });
      } else if (expected === 'invalid_number' || expected === 'empty') {
        expect(parsed).toMatchObject({ ok: false, code: expected });
      } else {
        expect(parsed).toMatchObject({ ok: false, code: 'not_mobile', kind: expected });
      }
    });
  }
});

describe('numbers for search and display', () => {
  it('searches by the E.164 digits, the national digits and the digits as typed', () => {
    expect(numberSearchForms('+886912345678', 'TW', '0912-345-678')).toEqual(['886912345678', '0912345678']);
    expect(numberSearchForms('+819012345678', 'JP', '+81 90 1234 5678')).toEqual(['819012345678', '09012345678']);
    expect(numberSearchForms('+886912345678', 'TW', '912345678')).toEqual(['886912345678', '0912345678', '912345678']);
  });

  it('formats the national form only when it is read, the same as before', () => {
    const parsed = parseMobile('912345678', 'TW');
    expect(parsed.ok && parsed.national).toBe('0912 345 678');
  });

  it('knows region codes', () => {
    expect(isKnownRegion('JP')).toBe(true);
    expect(isKnownRegion('XX')).toBe(false);
    expect(isKnownRegion('tw')).toBe(false);
  });
});
