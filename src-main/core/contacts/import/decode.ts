// The text encoding of an imported file (issue 4). A byte-order mark decides. Otherwise every candidate
// is tried with a strict decoder (`fatal: true`): a candidate that cannot decode the file is out. The
// survivors are ranked by how much of their decoded text consists of that encoding's own common
// characters (Big5 level 1, GB2312 level 1, JIS level 1 + kana): text read in the wrong legacy encoding
// turns into rare characters. jschardet (limited to the survivors) and the shop's region only break
// near-ties: jschardet's confidence on short files is 0.02–0.2 even when it is right, so it never decides.
import jschardet from 'jschardet';
import type { ImportEncoding } from '../../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../../src-shared/api/errors';

export interface Decoded {
  encoding: ImportEncoding;
  /** Encodings that decode the file without error, most likely first (just the forced one when forced). */
  candidates: ImportEncoding[];
  text: string;
  /** The last character was cut off (a file truncated mid-character); it was dropped. */
  truncated: boolean;
}

const LEGACY: readonly ImportEncoding[] = ['big5', 'shift_jis', 'gb18030'];
const REGION_HINT: Record<string, ImportEncoding> = { TW: 'big5', HK: 'big5', MO: 'big5', JP: 'shift_jis', CN: 'gb18030', SG: 'gb18030', MY: 'gb18030' };
const JSCHARDET_NAMES: Record<string, ImportEncoding> = { Big5: 'big5', SHIFT_JIS: 'shift_jis', GB2312: 'gb18030', GB18030: 'gb18030' };

/** Bytes of the sample used for ranking (strict validation always covers the whole file). */
const SAMPLE_BYTES = 256 * 1024;

function decodeRange(encoding: string, leads: [number, number], trails: [number, number][]): string {
  const bytes: number[] = [];
  for (let a = leads[0]; a <= leads[1]; a++) for (const [lo, hi] of trails) for (let b = lo; b <= hi; b++) bytes.push(a, b);
  return new TextDecoder(encoding).decode(new Uint8Array(bytes));
}

let commonSets: Record<'big5' | 'shift_jis' | 'gb18030', Set<string>> | null = null;
/** Each legacy encoding's frequent characters, taken from the encoding itself (built once, lazily). */
function common(): NonNullable<typeof commonSets> {
  commonSets ??= {
    // Big5 frequently used hanzi A440–C67E, plus full-width punctuation A140–A3BF.
    big5: new Set(decodeRange('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]) + decodeRange('big5', [0xa1, 0xa3], [[0x40, 0x7e], [0xa1, 0xfe]])),
    // GB2312 level 1 B0A1–D7FE plus symbols A1A1–A3FE.
    gb18030: new Set(decodeRange('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]]) + decodeRange('gb18030', [0xa1, 0xa3], [[0xa1, 0xfe]])),
    // JIS X 0208 symbols, kana (8140–83FF) and level 1 kanji (889F–9872), plus half-width katakana.
    shift_jis: new Set(decodeRange('shift_jis', [0x81, 0x83], [[0x40, 0x7e], [0x80, 0xfc]]) + decodeRange('shift_jis', [0x88, 0x98], [[0x40, 0x7e], [0x80, 0xfc]]) + new TextDecoder('shift_jis').decode(new Uint8Array(Array.from({ length: 63 }, (_, i) => 0xa1 + i)))),
  };
  return commonSets;
}

/** Share of non-ASCII characters that are common in that encoding (1 when there are none). */
function commonShare(encoding: 'big5' | 'shift_jis' | 'gb18030', text: string): number {
  const set = common()[encoding];
  let total = 0;
  let hits = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    total++;
    if (set.has(ch)) hits++;
  }
  return total === 0 ? 1 : hits / total;
}

const WHATWG: Record<ImportEncoding, string> = { 'utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', big5: 'big5', shift_jis: 'shift_jis', gb18030: 'gb18030' };

/** Strict decoding; a character cut off at the very end (up to 3 bytes) is tolerated and dropped. */
function strictDecode(bytes: Uint8Array, encoding: ImportEncoding): { text: string; truncated: boolean } | null {
  const decoder = new TextDecoder(WHATWG[encoding], { fatal: true, ignoreBOM: true });
  try {
    return { text: decoder.decode(bytes), truncated: false };
  } catch {
    // Try again without a cut-off tail: only the end may be broken, not the middle.
  }
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    try {
      return { text: decoder.decode(bytes.subarray(0, bytes.length - cut)), truncated: true };
    } catch {
      // next
    }
  }
  return null;
}

function bom(bytes: Uint8Array): { encoding: ImportEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a mark: ASCII text has a NUL in every other byte. */
function utf16Guess(bytes: Uint8Array): ImportEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function jschardetPick(bytes: Uint8Array, among: readonly ImportEncoding[]): ImportEncoding | null {
  try {
    const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('binary');
    const found = jschardet.detectAll(sample, { detectEncodings: ['Big5', 'SHIFT_JIS', 'GB2312', 'GB18030'] });
    for (const f of found) {
      const enc = f.encoding ? JSCHARDET_NAMES[f.encoding] : undefined;
      if (enc && among.includes(enc)) return enc;
    }
  } catch {
    // The detector is only a tie-breaker.
  }
  return null;
}

export function decodeFile(bytes: Uint8Array, options: { encoding: 'auto' | ImportEncoding; region: string }): Decoded {
  const mark = bom(bytes);
  if (options.encoding !== 'auto') {
    // The operator chose: decode leniently (the preview shows any mojibake), dropping a matching BOM.
    const skip = mark && mark.encoding === options.encoding ? mark.length : 0;
    const text = new TextDecoder(WHATWG[options.encoding], { ignoreBOM: true }).decode(bytes.subarray(skip));
    return { encoding: options.encoding, candidates: [options.encoding], text, truncated: false };
  }
  if (mark) {
    const body = bytes.subarray(mark.length);
    const strict = strictDecode(body, mark.encoding);
    return {
      encoding: mark.encoding,
      candidates: [mark.encoding],
      text: strict?.text ?? new TextDecoder(WHATWG[mark.encoding], { ignoreBOM: true }).decode(body),
      truncated: strict?.truncated ?? false,
    };
  }
  const wide = utf16Guess(bytes);
  if (wide) {
    const strict = strictDecode(bytes, wide);
    if (strict) return { encoding: wide, candidates: [wide], ...strict };
  }
  // UTF-8 is self-checking: text that decodes strictly as UTF-8 (with any non-ASCII in it) is UTF-8.
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8) {
    // The other candidates only for the operator's list: checked on a sample, not the whole file.
    const head = bytes.subarray(0, SAMPLE_BYTES);
    return { encoding: 'utf-8', candidates: ['utf-8', ...LEGACY.filter((e) => strictDecode(head, e))], ...utf8 };
  }
  const valid = new Map<ImportEncoding, { text: string; truncated: boolean }>();
  for (const enc of LEGACY) {
    const d = strictDecode(bytes, enc);
    if (d) valid.set(enc, d);
  }
  if (valid.size === 0) throw new ApiError('validation', 'contacts.errors.encodingUnknown');
  const legacy = [...valid.keys()] as ('big5' | 'shift_jis' | 'gb18030')[];
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const hint = REGION_HINT[options.region];
  const detector = legacy.length > 1 ? jschardetPick(bytes, legacy) : null;
  const scored = legacy.map((enc) => {
    const text = new TextDecoder(WHATWG[enc]).decode(sample);
    // Near-ties (within 0.05) go to the region's encoding, then to the detector's pick.
    const score = commonShare(enc, text) + (enc === hint ? 0.05 : 0) + (enc === detector ? 0.02 : 0);
    return { enc, score };
  }).sort((a, b) => b.score - a.score);
  const best = scored[0]!.enc;
  return { encoding: best, candidates: scored.map((s) => s.enc), ...valid.get(best)! };
}
