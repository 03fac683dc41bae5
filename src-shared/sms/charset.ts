// Per-route character check (issue 5): which characters of a text the chosen route cannot carry, each
// with its position (UTF-16 index and length, as a textarea's selection uses) and a reason code the
// screens translate and underline. Beside it, the characters that force UCS-2 come from segments.ts
// (`nonGsmCharacters`), so the counter and this check agree on what a character costs.
//
// Routes:
//  - 'unicode': carries any character (Twilio, EVERY8D, Mitake, the sandbox, outside Japan).
//  - 'no-emoji': TwSMS refuses messages with emoji.
//  - 'jis': Japanese carriers take ISO-2022-JP only (ASCII, JIS X 0201 Roman, JIS X 0208): emoji,
//    half-width kana, CP932's machine-dependent characters (①, Ⅰ, ㈱, 髙, 﨑) and any other character
//    outside JIS X 0208 may arrive garbled or be dropped, whatever the provider.
// The per-character work is a table lookup (the table is precomputed: src-shared cannot use iconv-lite),
// so the composer can run this on every keystroke.
import { countSegments, nonGsmCharacters, type NonGsmCharacter, type SegmentCount } from './segments';
import { JIS_CARRIED_BITS, MACHINE_DEPENDENT_CHARS } from './jis-table';

export type CharsetRoute = 'unicode' | 'no-emoji' | 'jis';

export const charIssueReasons = ['emoji', 'halfwidth_kana', 'machine_dependent', 'not_in_jis', 'lone_surrogate'] as const;
export type CharIssueReason = (typeof charIssueReasons)[number];

export interface CharIssue {
  /** UTF-16 index of this occurrence. */
  readonly index: number;
  /** 1, or 2 for a surrogate pair. */
  readonly length: number;
  readonly char: string;
  readonly reason: CharIssueReason;
  /** 'refused': the route rejects the message; 'at_risk': it may arrive garbled. */
  readonly severity: 'refused' | 'at_risk';
}

/** Japanese numbers go over Japanese carriers whatever the provider; TwSMS refuses emoji everywhere. */
export function charsetRouteFor(provider: string, destination: { e164?: string; region?: string }): CharsetRoute {
  const japanese = destination.e164 !== undefined ? destination.e164.startsWith('+81') : destination.region === 'JP';
  if (japanese) return 'jis';
  if (provider === 'twsms') return 'no-emoji';
  return 'unicode';
}

const JIS_BITS: Uint8Array = decodeBase64(JIS_CARRIED_BITS);
const MACHINE_DEPENDENT: ReadonlySet<number> = new Set([...MACHINE_DEPENDENT_CHARS].map((c) => c.codePointAt(0)!));

function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) value[alphabet.charCodeAt(i)] = i;
  const out = new Uint8Array(8192);
  for (let i = 0, o = 0; i < s.length && o < out.length; i += 4) {
    const n = (value[s.charCodeAt(i)]! << 18) | (value[s.charCodeAt(i + 1)]! << 12) | (value[s.charCodeAt(i + 2)]! << 6) | value[s.charCodeAt(i + 3)]!;
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Is this BMP code point carried by ISO-2022-JP? */
export function isJisCarried(codePoint: number): boolean {
  return codePoint <= 0xffff && (JIS_BITS[codePoint >> 3]! & (1 << (codePoint & 7))) !== 0;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

/**
 * Emoji: anything shown as a picture by default, any pictograph outside the BMP, and the joiners and
 * selectors emoji sequences are built with (variation selector 16, keycap, regional indicators, tags).
 * © ® ™ ‼ (pictographic, but text by default) count only when followed by U+FE0F.
 */
function isEmoji(cp: number, ch: string, next: number): boolean {
  if (cp < 0x2000) return false;
  if (cp === 0xfe0f || cp === 0x20e3 || cp === 0x200d) return true;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return true;
  if (cp >= 0xe0020 && cp <= 0xe007f) return true;
  if (EMOJI_PRESENTATION.test(ch)) return true;
  if (!PICTOGRAPHIC.test(ch)) return false;
  return cp > 0xffff || next === 0xfe0f;
}

/** Every occurrence of a character the route cannot carry, in text order; [] for 'unicode' unless a lone surrogate. */
export function checkCharset(text: string, route: CharsetRoute): CharIssue[] {
  const issues: CharIssue[] = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // Plain ASCII is carried by every route: the common case costs one comparison.
    if (code < 0x80 && (route !== 'jis' || code >= 0x20 || code === 0x0a || code === 0x0d)) continue;
    let cp = code;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      } else {
        issues.push({ index: i, length: 1, char: text[i]!, reason: 'lone_surrogate', severity: 'refused' });
        continue;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      issues.push({ index: i, length: 1, char: text[i]!, reason: 'lone_surrogate', severity: 'refused' });
      continue;
    }
    if (route === 'unicode') {
      i += width - 1;
      continue;
    }
    const next = i + width < length ? text.charCodeAt(i + width) : 0;
    if (route === 'jis') {
      if (!isJisCarried(cp)) {
        const ch = text.slice(i, i + width);
        const reason: CharIssueReason = isEmoji(cp, ch, next)
          ? 'emoji'
          : cp >= 0xff61 && cp <= 0xff9f
            ? 'halfwidth_kana'
            : MACHINE_DEPENDENT.has(cp)
              ? 'machine_dependent'
              : 'not_in_jis';
        issues.push({ index: i, length: width, char: ch, reason, severity: 'at_risk' });
      }
    } else {
      const ch = width === 1 ? text[i]! : text.slice(i, i + width);
      if (isEmoji(cp, ch, next)) issues.push({ index: i, length: width, char: ch, reason: 'emoji', severity: 'refused' });
    }
    i += width - 1;
  }
  return issues;
}

export interface TextAnalysis {
  count: SegmentCount;
  /** Distinct characters that force UCS-2 (first occurrence each). */
  ucs2: NonGsmCharacter[];
  /** Every character the route cannot carry. */
  unsupported: CharIssue[];
}

/** One counter update: segments, what forces UCS-2, and what the route cannot carry. */
export function analyseText(text: string, route: CharsetRoute): TextAnalysis {
  const count = countSegments(text);
  return { count, ucs2: count.encoding === 'UCS-2' ? nonGsmCharacters(text) : [], unsupported: checkCharset(text, route) };
}
