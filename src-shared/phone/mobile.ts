// A contact's mobile number (issue 4): the one rule of parse.ts, plus what contact files need —
// why a number cannot receive SMS (landline, VoIP such as JP 050), and Taiwanese mobiles whose leading
// 0 a spreadsheet dropped ("912345678" stored as a number) recovered by the region rule.
import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { compactNumber, parsePhone, type ParsedPhone } from './parse';

/** Why a non-mobile number was refused, for a precise reason. */
export type NotMobileKind = 'voip' | 'fixed' | 'other';

export type ParsedMobile =
  | Extract<ParsedPhone, { ok: true }>
  | { ok: false; raw: string; code: 'empty' }
  | { ok: false; raw: string; code: 'invalid_number' }
  | { ok: false; raw: string; code: 'not_mobile'; kind: NotMobileKind };

/** Regions whose mobiles start with 0 + a digit that spreadsheets drop when they read the cell as a number. */
const DROPPED_ZERO: Record<string, RegExp> = {
  // TW mobiles: 09xx-xxx-xxx → 9 digits starting with 9 once the 0 is gone.
  TW: /^9\d{8}$/,
};

export function parseMobile(raw: string, defaultRegion: string): ParsedMobile {
  const text = raw.trim();
  if (!text) return { ok: false, raw, code: 'empty' };
  let candidate = text;
  const compact = compactNumber(text);
  const dropped = DROPPED_ZERO[defaultRegion];
  if (dropped && dropped.test(compact)) candidate = '0' + compact;
  const parsed = parsePhone(candidate, defaultRegion);
  // Not spread: `national` is computed only when read.
  if (parsed.ok) return Object.assign(parsed, { raw });
  if (parsed.code === 'invalid_number') return { ok: false, raw, code: 'invalid_number' };
  const kind: NotMobileKind = parsed.type === 'VOIP' ? 'voip' : parsed.type === 'FIXED_LINE' ? 'fixed' : 'other';
  return { ok: false, raw, code: 'not_mobile', kind };
}

const callingCodes = new Map<string, string | undefined>();
function callingCode(region: string): string | undefined {
  if (!callingCodes.has(region)) callingCodes.set(region, isSupportedCountry(region) ? getCountryCallingCode(region as CountryCode) : undefined);
  return callingCodes.get(region);
}

/**
 * The digits of a number in the forms people search by: E.164 without "+", national with its trunk 0
 * (0912345678, 09012345678), and as typed. Computed without formatting (a 100k-row import does this).
 */
export function numberSearchForms(e164: string, region: string | undefined, raw: string): string[] {
  const all = digitsOf(e164);
  const forms = all ? [all] : [];
  const cc = region ? callingCode(region) : undefined;
  if (cc && all.startsWith(cc)) {
    const national = '0' + all.slice(cc.length);
    if (!forms.includes(national)) forms.push(national);
  }
  const typed = digitsOf(compactNumber(raw));
  if (typed && !forms.includes(typed)) forms.push(typed);
  return forms;
}

const NOT_DIGIT = /\D/g;
const ONLY_DIGITS = /^[0-9]*$/;
const digitsOf = (s: string) => (ONLY_DIGITS.test(s) ? s : s.replace(NOT_DIGIT, ''));

/** A region code libphonenumber knows (TW, JP, CN …). */
export function isKnownRegion(region: string): boolean {
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region);
}
