// SMS segment counting by 3GPP TS 23.038 (GSM 7-bit default alphabet and its extension table) and
// TS 23.040 (concatenated messages). The composer calls this on every keystroke and the pre-send check
// calls it once per recipient, so countSegments is a single pass over char codes with tables built once:
// no regexes, no per-character allocation, no arrays unless splitSegments is asked for.
//
// Budgets: one GSM-7 message holds 160 septets; once it needs more, every part carries a 6-octet
// concatenation header and holds 153. UCS-2: 70 UTF-16 code units, 67 per part. A phone never splits
// an escape pair (an extension-table character, 2 septets) nor a UTF-16 surrogate pair between parts,
// so a part may end one unit short of its budget; we split greedily the same way.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  readonly encoding: SmsEncoding;
  /** Number of parts the message is sent as; 0 for the empty text. */
  readonly segments: number;
  /** Septets in total (GSM-7) or UTF-16 code units in total (UCS-2). */
  readonly units: number;
  /** 160 / 70 while the text fits one part, 153 / 67 once it is multipart. */
  readonly unitsPerSegment: number;
  /** Units that still fit before another part is needed (in the last part, by the split rules). */
  readonly remainingInSegment: number;
}

export interface NonGsmCharacter {
  /** The character: one UTF-16 code unit, or a whole surrogate pair. */
  readonly char: string;
  /** UTF-16 index of its first occurrence (what a textarea's selection offsets use). */
  readonly index: number;
}

export const GSM7_SINGLE = 160;
export const GSM7_MULTI = 153;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI = 67;

// The basic table in code order 0x00..0x7F; 0x1B (escape) is a placeholder that maps to nothing.
// Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ are the Greek capitals (U+0394 ...), as in the Unicode GSM 03.38 mapping.
const BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ' +
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

// The extension table's characters (each sent as ESC + code): form feed ^ { } \ [ ~ ] | €.
const EXTENSION_CHARS = '\f^{}\\[~]|€';

const EURO = 0x20ac;
// Every basic and extension character except € lies below U+0400, so a 1 KiB table answers them.
const TABLE_SIZE = 0x400;
/** Septets per UTF-16 code unit below TABLE_SIZE: 1 basic, 2 extension, 0 not in GSM-7. */
const SEPTETS = buildSeptetTable();

function buildSeptetTable(): Uint8Array {
  const table = new Uint8Array(TABLE_SIZE);
  for (let i = 0; i < BASIC_TABLE.length; i++) {
    if (i !== 0x1b) table[BASIC_TABLE.charCodeAt(i)] = 1;
  }
  for (let i = 0; i < EXTENSION_CHARS.length; i++) {
    const code = EXTENSION_CHARS.charCodeAt(i);
    if (code < TABLE_SIZE) table[code] = 2;
  }
  return table;
}

/** Septets a UTF-16 code unit costs in GSM-7: 1, 2 (extension table) or 0 (forces UCS-2). */
export function gsmSeptets(codeUnit: number): number {
  return codeUnit < TABLE_SIZE ? SEPTETS[codeUnit]! : codeUnit === EURO ? 2 : 0;
}

const EMPTY: SegmentCount = Object.freeze({
  encoding: 'GSM-7',
  segments: 0,
  units: 0,
  unitsPerSegment: GSM7_SINGLE,
  remainingInSegment: GSM7_SINGLE,
});

export function countSegments(text: string): SegmentCount {
  const length = text.length;
  if (length === 0) return EMPTY;
  let septets = 0;
  // The multipart split is simulated alongside the total, so a long GSM text needs no second pass.
  let parts = 1;
  let fill = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const cost = code < TABLE_SIZE ? SEPTETS[code]! : code === EURO ? 2 : 0;
    if (cost === 0) return countUcs2(text);
    septets += cost;
    if (fill + cost > GSM7_MULTI) {
      parts++;
      fill = cost;
    } else {
      fill += cost;
    }
  }
  if (septets <= GSM7_SINGLE) {
    return { encoding: 'GSM-7', segments: 1, units: septets, unitsPerSegment: GSM7_SINGLE, remainingInSegment: GSM7_SINGLE - septets };
  }
  return { encoding: 'GSM-7', segments: parts, units: septets, unitsPerSegment: GSM7_MULTI, remainingInSegment: GSM7_MULTI - fill };
}

function countUcs2(text: string): SegmentCount {
  const length = text.length;
  if (length <= UCS2_SINGLE) {
    return { encoding: 'UCS-2', segments: 1, units: length, unitsPerSegment: UCS2_SINGLE, remainingInSegment: UCS2_SINGLE - length };
  }
  let parts = 1;
  let fill = 0;
  for (let i = 0; i < length; i++) {
    let cost = 1;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cost = 2;
        i++;
      }
    }
    if (fill + cost > UCS2_MULTI) {
      parts++;
      fill = cost;
    } else {
      fill += cost;
    }
  }
  return { encoding: 'UCS-2', segments: parts, units: length, unitsPerSegment: UCS2_MULTI, remainingInSegment: UCS2_MULTI - fill };
}

/** The parts as a phone receives them (concatenated, they give back the text); [] for the empty text. */
export function splitSegments(text: string): string[] {
  const { encoding, segments } = countSegments(text);
  if (segments <= 1) return segments === 0 ? [] : [text];
  const gsm = encoding === 'GSM-7';
  const budget = gsm ? GSM7_MULTI : UCS2_MULTI;
  const parts: string[] = [];
  const length = text.length;
  let start = 0;
  let fill = 0;
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let cost: number;
    if (gsm) {
      cost = gsmSeptets(code);
    } else {
      cost = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) width = cost = 2;
      }
    }
    if (fill + cost > budget) {
      parts.push(text.slice(start, i));
      start = i;
      fill = 0;
    }
    fill += cost;
    i += width;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The distinct characters that force UCS-2, each with the index of its first occurrence, in text
 * order; [] when the text is GSM-7. A surrogate pair is reported as one character.
 */
export function nonGsmCharacters(text: string): NonGsmCharacter[] {
  const found: NonGsmCharacter[] = [];
  let seen: Set<string> | undefined;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (gsmSeptets(code) !== 0) continue;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) width = 2;
    }
    const char = text.slice(i, i + width);
    seen ??= new Set();
    if (!seen.has(char)) {
      seen.add(char);
      found.push({ char, index: i });
    }
    i += width - 1;
  }
  return found;
}
