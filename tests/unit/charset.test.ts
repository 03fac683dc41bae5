// The per-route character check (issue 5): what TwSMS refuses (emoji) and what Japanese routes
// (ISO-2022-JP: ASCII + JIS X 0208) put at risk (髙, 﨑, ①, emoji, half-width kana), with positions
// the composer underlines; checked against iconv-lite's tables as an outside oracle.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyseText, charsetRouteFor, checkCharset, isJisCarried } from '../../src-shared/sms/charset';

describe('checkCharset on a Japanese route', () => {
  it('flags the characters the issue names, each with its reason and position', () => {
    const text = '髙橋様 﨑 ① ｱ 😀 お待ちしております';
    const issues = checkCharset(text, 'jis');
    expect(issues.map((i) => [i.char, i.reason, i.index, i.length])).toEqual([
      ['髙', 'machine_dependent', 0, 1],
      ['﨑', 'machine_dependent', 4, 1],
      ['①', 'machine_dependent', 6, 1],
      ['ｱ', 'halfwidth_kana', 8, 1],
      ['😀', 'emoji', 10, 2],
    ]);
    expect(issues.every((i) => i.severity === 'at_risk')).toBe(true);
    for (const i of issues) expect(text.slice(i.index, i.index + i.length)).toBe(i.char);
  });

  it('passes plain Japanese, ASCII, full-width forms and both wave dashes', () => {
    expect(checkCharset('山田太郎様　ご予約ありがとうございます。TEL 03-1234-5678 ～〜ー！', 'jis')).toEqual([]);
  });

  it('flags a character outside JIS X 0208 that is neither emoji nor vendor-specific as not_in_jis', () => {
    expect(checkCharset('é ©', 'jis').map((i) => i.reason)).toEqual(['not_in_jis', 'not_in_jis']);
    // 𠮷 (outside the BMP, not an emoji).
    expect(checkCharset('𠮷野家', 'jis')).toEqual([expect.objectContaining({ char: '𠮷', reason: 'not_in_jis', length: 2 })]);
  });

  it('agrees with iconv-lite: a BMP character is carried exactly when EUC-JP encodes it in JIS X 0208 rows 1–8 or 16–84 (or it is printable ASCII)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x20, max: 0xffff }), (cp) => {
        fc.pre(cp < 0xd800 || cp > 0xdfff);
        const ch = String.fromCharCode(cp);
        const euc = iconv.encode(ch, 'eucjp');
        const row = euc.length === 2 && euc[0]! >= 0xa1 && iconv.decode(euc, 'eucjp') === ch ? euc[0]! - 0xa0 : 0;
        const inJis = cp <= 0x7e || (row >= 1 && row <= 8) || (row >= 16 && row <= 84);
        // The generator adds JIS-standard and CP932 forms of the same cells (〜 and ～, − and －, ¥ …).
        const extras = '〜−‖—¢£¬¥‾～∥―￠￡￢';
        if (!extras.includes(ch)) expect(isJisCarried(cp)).toBe(inJis);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('checkCharset on TwSMS and on unicode routes', () => {
  it('TwSMS refuses emoji (pictures, joiners, variation selectors) and nothing else', () => {
    const issues = checkCharset('生日快樂🎂 ❤️ 👨‍👩‍👧 ©®™ 中文 ①', 'no-emoji');
    expect(issues.every((i) => i.reason === 'emoji' && i.severity === 'refused')).toBe(true);
    expect(issues.map((i) => i.char).join('')).toBe('🎂❤\uFE0F👨\u200D👩\u200D👧');
  });

  it('a unicode route carries everything but broken surrogates', () => {
    expect(checkCharset('😀①髙ｱ', 'unicode')).toEqual([]);
    expect(checkCharset('a\uD83Db', 'unicode')).toEqual([{ index: 1, length: 1, char: '\uD83D', reason: 'lone_surrogate', severity: 'refused' }]);
  });

  it('never reports a position outside the text, and each report points at its character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('unicode' as const, 'no-emoji' as const, 'jis' as const), (text, route) => {
        for (const i of checkCharset(text, route)) {
          expect(i.index).toBeGreaterThanOrEqual(0);
          expect(i.index + i.length).toBeLessThanOrEqual(text.length);
          expect(text.slice(i.index, i.index + i.length)).toBe(i.char);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('routes and the counter', () => {
  it('Japanese numbers take the JIS route whatever the provider; TwSMS elsewhere refuses emoji', () => {
    expect(charsetRouteFor('twilio', { e164: '+819012345678' })).toBe('jis');
    expect(charsetRouteFor('twsms', { e164: '+886912345678' })).toBe('no-emoji');
    expect(charsetRouteFor('every8d', { e164: '+886912345678' })).toBe('unicode');
    expect(charsetRouteFor('sandbox', { region: 'JP' })).toBe('jis');
  });

  it('analyseText gives segments, the characters forcing UCS-2, and what the route refuses', () => {
    const a = analyseText('Hello’ world 😀', 'no-emoji');
    expect(a.count).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(a.ucs2.map((c) => c.char)).toEqual(['’', '😀']);
    expect(a.unsupported.map((c) => c.char)).toEqual(['😀']);
    expect(analyseText('Hello', 'jis').ucs2).toEqual([]);
  });
});
