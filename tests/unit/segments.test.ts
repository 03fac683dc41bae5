// The segment counter decides what a message costs, so its boundaries are pinned by table tests and
// its split rules by properties, checked against a reference written from the spec's tables and,
// where the two agree on the rules, against the sms-segments-calculator package as an outside oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSegments, gsmSeptets, nonGsmCharacters, splitSegments } from '../../src-shared/sms/segments';

// 3GPP TS 23.038 §6.2.1, the default alphabet row by row (0x00-0x7F, without 0x1B = escape).
const SPEC_BASIC = [
  '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
  'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', /* ESC */ 'Æ', 'æ', 'ß', 'É',
  ' ', '!', '"', '#', '¤', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
  'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
  '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
];
// §6.2.1.1, the extension table: form feed, ^ { } \ [ ~ ] | €.
const SPEC_EXTENSION = ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];
const BASIC_SET = new Set(SPEC_BASIC);
const EXTENSION_SET = new Set(SPEC_EXTENSION);

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Reference: the characters of a text, a surrogate pair kept whole, each with its GSM-7 cost. */
function refChars(text: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const pair = isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
    chars.push(text.slice(i, pair ? i + 2 : i + 1));
    if (pair) i++;
  }
  return chars;
}
const refIsGsm = (text: string) => refChars(text).every((c) => BASIC_SET.has(c) || EXTENSION_SET.has(c));
const refCost = (char: string, gsm: boolean) => (gsm ? (EXTENSION_SET.has(char) ? 2 : 1) : char.length);
const refUnits = (text: string, gsm: boolean) => refChars(text).reduce((sum, c) => sum + refCost(c, gsm), 0);

// Texts that reach several parts and mix everything a counter operator's messages hold.
const gsmBasic = fc.constantFrom(...SPEC_BASIC);
const gsmExtension = fc.constantFrom(...SPEC_EXTENSION);
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const kana = fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCharCode(c));
const emoji = fc.integer({ min: 0x1f600, max: 0x1f64f }).map((c) => String.fromCodePoint(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const textOf = (unit: fc.Arbitrary<string>, maxLength = 420) =>
  fc.array(unit, { maxLength }).map((units) => units.join(''));
const gsmText = textOf(
  fc.oneof({ arbitrary: gsmBasic, weight: 8 }, { arbitrary: gsmExtension, weight: 2 }, { arbitrary: fc.constant('\r\n'), weight: 1 }),
);
const mixedUnit = fc.oneof(
  { arbitrary: gsmBasic, weight: 20 },
  { arbitrary: gsmExtension, weight: 4 },
  { arbitrary: cjk, weight: 4 },
  { arbitrary: kana, weight: 2 },
  { arbitrary: emoji, weight: 3 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: anyCodePoint, weight: 1 },
);
// A 2-unit character (extension char, surrogate pair) landing on a part boundary is where split rules
// matter, and random texts rarely land one there: this puts one at 0-3 units before a boundary.
const straddling = (budgets: number[], unit: fc.Arbitrary<string>, straddler: fc.Arbitrary<string>, tail: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom(...budgets), fc.integer({ min: 0, max: 3 }))
    .chain(([budget, short]) => fc.tuple(fc.array(unit, { minLength: budget - short, maxLength: budget - short }), straddler, tail))
    .map(([prefix, straddler, tail]) => prefix.join('') + straddler + tail);
const gsmStraddling = straddling([153, 160, 306], gsmBasic, gsmExtension, textOf(fc.oneof(gsmBasic, gsmExtension), 200));
const ucsStraddling = straddling([67, 70, 134], cjk, emoji, textOf(fc.oneof(cjk, emoji, gsmBasic), 100));
// Mostly-GSM texts often stay GSM-7; mostly-wide ones exercise UCS-2 near its 67-unit boundaries.
const anyText = fc.oneof(gsmText, textOf(mixedUnit), textOf(fc.oneof(cjk, emoji, gsmBasic), 150), gsmStraddling, ucsStraddling);

const RUNS = { numRuns: 400 };

describe('countSegments: boundaries', () => {
  const a = (n: number) => 'a'.repeat(n);
  const zi = (n: number) => '字'.repeat(n);
  const cases: Array<[string, string, string, number, number, number, number]> = [
    // name, text, encoding, segments, units, unitsPerSegment, remainingInSegment
    ['empty', '', 'GSM-7', 0, 0, 160, 160],
    ['one GSM char', 'a', 'GSM-7', 1, 1, 160, 159],
    ['160 GSM', a(160), 'GSM-7', 1, 160, 160, 0],
    ['161 GSM', a(161), 'GSM-7', 2, 161, 153, 145],
    ['153 x 2 GSM', a(306), 'GSM-7', 2, 306, 153, 0],
    ['153 x 2 + 1 GSM', a(307), 'GSM-7', 3, 307, 153, 152],
    ['80 euro signs fill one part', '€'.repeat(80), 'GSM-7', 1, 160, 160, 0],
    ['an extension char tips one part over', '{' + a(159), 'GSM-7', 2, 161, 153, 145],
    ['an extension char at the 153rd septet moves whole', a(152) + '{' + a(152), 'GSM-7', 3, 306, 153, 152],
    ['an extension char that fits exactly', a(151) + '{' + a(153), 'GSM-7', 2, 306, 153, 0],
    ['form feed costs 2', '\f', 'GSM-7', 1, 2, 160, 158],
    ['CR LF counts as 2', 'a\r\nb', 'GSM-7', 1, 4, 160, 156],
    ['CR LF at the single-part edge', a(158) + '\r\n', 'GSM-7', 1, 160, 160, 0],
    ['CR LF past the single-part edge', a(159) + '\r\n', 'GSM-7', 2, 161, 153, 145],
    ['70 CJK', zi(70), 'UCS-2', 1, 70, 70, 0],
    ['71 CJK', zi(71), 'UCS-2', 2, 71, 67, 63],
    ['67 x 2 CJK', zi(134), 'UCS-2', 2, 134, 67, 0],
    ['67 x 2 + 1 CJK', zi(135), 'UCS-2', 3, 135, 67, 66],
    ['35 emoji fill one part', '😀'.repeat(35), 'UCS-2', 1, 70, 70, 0],
    ['36 emoji: a pair never splits', '😀'.repeat(36), 'UCS-2', 2, 72, 67, 61],
    ['an emoji at the 67th unit moves whole', 'あ'.repeat(66) + '😀' + 'あ'.repeat(66), 'UCS-2', 3, 134, 67, 66],
    ['an emoji that fits exactly', 'あ'.repeat(65) + '😀' + 'あ'.repeat(67), 'UCS-2', 2, 134, 67, 0],
    ['JSTAR: 6 Chinese chars', '謝謝您的光臨', 'UCS-2', 1, 6, 70, 64],
    ['the shop greeting', '【測試店】您好', 'UCS-2', 1, 7, 70, 63],
    ['one stray ç makes a GSM text UCS-2', a(150) + 'ç', 'UCS-2', 3, 151, 67, 50],
    ['extension chars cost 1 in UCS-2', '{}字', 'UCS-2', 1, 3, 70, 67],
  ];
  it.each(cases)('%s', (_name, text, encoding, segments, units, unitsPerSegment, remainingInSegment) => {
    expect(countSegments(text)).toEqual({ encoding, segments, units, unitsPerSegment, remainingInSegment });
  });

  it('shows JSTAR’s "71/134 · 2 則" for 71 Chinese characters', () => {
    const count = countSegments('您'.repeat(71));
    expect([count.units, count.unitsPerSegment * count.segments, count.segments]).toEqual([71, 134, 2]);
  });
});

describe('the GSM-7 alphabet', () => {
  it('holds every character of the basic table at 1 septet', () => {
    expect(SPEC_BASIC).toHaveLength(127);
    for (const char of SPEC_BASIC) expect([char, gsmSeptets(char.charCodeAt(0))]).toEqual([char, 1]);
  });

  it('holds every character of the extension table at 2 septets', () => {
    for (const char of SPEC_EXTENSION) expect([char, gsmSeptets(char.charCodeAt(0))]).toEqual([char, 2]);
  });

  it.each(['`', 'ç', '\u00a0', '‘', '’', '“', '…', '–', 'á', 'í', 'ó', 'ú', 'ã', 'õ', 'ê', '\t', '\u2206', '\u2126', '\u001b', '。', 'Ａ'])(
    '%j forces UCS-2',
    (char) => {
      expect(countSegments(`ok ${char}`).encoding).toBe('UCS-2');
    },
  );

  it('agrees with the spec reference on every code unit of the BMP', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const expected = BASIC_SET.has(char) ? 1 : EXTENSION_SET.has(char) ? 2 : 0;
      if (gsmSeptets(code) !== expected) expect([code.toString(16), gsmSeptets(code)]).toEqual([code.toString(16), expected]);
    }
  });
});

describe('splitSegments and nonGsmCharacters: examples', () => {
  it('moves an extension character whole into the next part', () => {
    const text = 'a'.repeat(152) + '{' + 'a'.repeat(152);
    expect(splitSegments(text)).toEqual(['a'.repeat(152), '{' + 'a'.repeat(151), 'a']);
  });

  it('moves a surrogate pair whole into the next part', () => {
    const text = 'あ'.repeat(66) + '😀' + 'あ'.repeat(10);
    expect(splitSegments(text)).toEqual(['あ'.repeat(66), '😀' + 'あ'.repeat(10)]);
  });

  it('gives no parts for the empty text and the text itself for one part', () => {
    expect(splitSegments('')).toEqual([]);
    expect(splitSegments('您好')).toEqual(['您好']);
  });

  it('lists each character that forces UCS-2 once, at its first index', () => {
    expect(nonGsmCharacters('ça`ç😀x😀é')).toEqual([
      { char: 'ç', index: 0 },
      { char: '`', index: 2 },
      { char: '😀', index: 4 },
    ]);
    expect(nonGsmCharacters('Hello {world} €5 @ £3 Ç')).toEqual([]);
  });
});

describe('properties', () => {
  it('counts as many segments as splitSegments gives parts', () => {
    fc.assert(fc.property(anyText, (text) => countSegments(text).segments === splitSegments(text).length), RUNS);
  });

  it('gives back the text when the parts are joined', () => {
    fc.assert(fc.property(anyText, (text) => splitSegments(text).join('') === text), RUNS);
  });

  it('fits every part in its budget, counting extension chars as 2 septets and pairs as 2 units', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { encoding, unitsPerSegment } = countSegments(text);
        const gsm = encoding === 'GSM-7';
        return splitSegments(text).every((part) => part.length > 0 && refUnits(part, gsm) <= unitsPerSegment);
      }),
      RUNS,
    );
  });

  it('fills every part but the last until the next character would not fit', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { encoding, unitsPerSegment } = countSegments(text);
        const gsm = encoding === 'GSM-7';
        const parts = splitSegments(text);
        return parts.slice(0, -1).every((part, k) => {
          const next = refChars(parts[k + 1]!)[0]!;
          return refUnits(part, gsm) + refCost(next, gsm) > unitsPerSegment;
        });
      }),
      RUNS,
    );
  });

  it('never splits a surrogate pair between parts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parts = splitSegments(text);
        return parts.slice(1).every((part, k) => !(isLow(part.charCodeAt(0)) && isHigh(parts[k]!.charCodeAt(parts[k]!.length - 1))));
      }),
      RUNS,
    );
  });

  it('matches the spec reference for encoding and units', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const gsm = refIsGsm(text);
        const count = countSegments(text);
        return count.encoding === (gsm ? 'GSM-7' : 'UCS-2') && count.units === refUnits(text, gsm);
      }),
      RUNS,
    );
  });

  it('counts a text of only basic GSM characters as GSM-7 with one septet each', () => {
    fc.assert(
      fc.property(textOf(gsmBasic), (text) => {
        const count = countSegments(text);
        return count.encoding === 'GSM-7' && count.units === text.length;
      }),
      RUNS,
    );
  });

  it('counts any text with a character outside GSM-7 as UCS-2 in UTF-16 code units', () => {
    const withStray = fc.tuple(gsmText, fc.oneof(cjk, emoji, fc.constantFrom('ç', '`', '\u00a0')), fc.nat()).map(([text, stray, at]) => {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + stray + text.slice(cut);
    });
    fc.assert(
      fc.property(withStray, (text) => {
        const count = countSegments(text);
        return count.encoding === 'UCS-2' && count.units === text.length;
      }),
      RUNS,
    );
  });

  it('never counts fewer segments after a character is added', () => {
    fc.assert(
      fc.property(anyText, mixedUnit, (text, char) => countSegments(text + char).segments >= countSegments(text).segments),
      RUNS,
    );
  });

  it('never counts more segments for a prefix', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, at) => countSegments(text.slice(0, at % (text.length + 1))).segments <= countSegments(text).segments),
      RUNS,
    );
  });

  it('has room for exactly remainingInSegment more one-unit characters before another part', () => {
    fc.assert(
      fc.property(anyText.filter((text) => text.length > 0), (text) => {
        const count = countSegments(text);
        const fill = 'a'.repeat(count.remainingInSegment);
        return countSegments(text + fill).segments === count.segments && countSegments(text + fill + 'a').segments === count.segments + 1;
      }),
      RUNS,
    );
  });

  it('needs at least units / unitsPerSegment segments', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const count = countSegments(text);
        return count.segments >= Math.ceil(count.units / count.unitsPerSegment) && count.remainingInSegment >= 0;
      }),
      RUNS,
    );
  });

  it('lists exactly the distinct characters outside GSM-7, at their first index, in text order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const listed = nonGsmCharacters(text);
        const expected = new Map<string, number>();
        let index = 0;
        for (const char of refChars(text)) {
          if (!BASIC_SET.has(char) && !EXTENSION_SET.has(char) && !expected.has(char)) expected.set(char, index);
          index += char.length;
        }
        expect(listed).toEqual([...expected].map(([char, at]) => ({ char, index: at })));
        expect(listed.length === 0).toBe(countSegments(text).encoding === 'GSM-7');
      }),
      RUNS,
    );
  });

  it('agrees with sms-segments-calculator where both follow the same rules', () => {
    // The peer splits by grapheme clusters and counts the empty text as one part; these alphabets
    // hold no combining sequences, so graphemes and our characters coincide.
    const comparable = fc
      .oneof(textOf(fc.oneof({ arbitrary: gsmBasic, weight: 10 }, gsmExtension, cjk, kana, emoji), 300), gsmStraddling, ucsStraddling)
      .filter((t) => t.length > 0);
    fc.assert(
      fc.property(comparable, (text) => {
        const ours = countSegments(text);
        const peer = new SegmentedMessage(text);
        return ours.encoding === peer.encodingName && ours.segments === peer.segmentsCount;
      }),
      { numRuns: 200 },
    );
  });
});
