// Phone numbers, one rule for the whole app: libphonenumber-js with its full ("max") metadata, so that
// number types are known and only mobiles (which can receive SMS) pass. Stored as E.164.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { internationalMobileE164, nationalMobileE164 } from './national-fast-path';

export type PhoneRejection = 'invalid_number' | 'not_mobile';

export type ParsedPhone =
  | { ok: true; raw: string; e164: string; national: string; region: string | undefined }
  | { ok: false; raw: string; code: PhoneRejection; type?: string };

const SEPARATORS = /[\s\-.()（）\u3000]/g;
/** ASCII digits (after an optional +) are compact already: NFKC and the separators change nothing. */
const PLAIN_NUMBER = /^\+?[0-9]+$/;

/** Removes what people type between digits: spaces (also full-width), hyphens, dots and brackets. */
export function compactNumber(raw: string): string {
  // The common case of a large import, answered without normalising and replacing.
  if (PLAIN_NUMBER.test(raw)) return raw;
  return raw.normalize('NFKC').replace(SEPARATORS, '');
}

const PLAIN = /^\+?\d{3,17}$/;

/** The one rule: a valid number of a type that receives SMS. */
type MobileCheck =
  | { e164: string; region: string | undefined; national(): string }
  | { code: 'invalid_number' }
  | { code: 'not_mobile'; type: string | undefined };

function checkMobile(raw: string, defaultRegion: string): MobileCheck {
  // Digits alone (as stored, E.164) need no normalising.
  const compact = PLAIN.test(raw) ? raw : compactNumber(raw);
  if (!PLAIN.test(compact)) return { code: 'invalid_number' };
  // A mobile in the region's own national format, or in E.164 with the region's calling code, needs no
  // full parse (libphonenumber's patterns, compiled once).
  const fast = compact[0] === '+' ? internationalMobileE164(compact, defaultRegion) : nationalMobileE164(compact, defaultRegion);
  if (fast) return { e164: fast, region: defaultRegion, national: () => formatNational(fast) };
  const parsed = parsePhoneNumberFromString(compact, defaultRegion as CountryCode);
  // With the full metadata a number is valid exactly when it has a type (isValid() is getType() !== undefined):
  // asking once halves the cost on large imports.
  const type = parsed?.getType();
  if (!parsed || type === undefined) return { code: 'invalid_number' };
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { code: 'not_mobile', type };
  return { e164: parsed.number, region: parsed.country, national: () => parsed.formatNational() };
}

export function parsePhone(raw: string, defaultRegion: string): ParsedPhone {
  const checked = checkMobile(raw, defaultRegion);
  if (!('e164' in checked)) return { ok: false, raw, code: checked.code, ...(checked.code === 'not_mobile' && checked.type ? { type: checked.type } : {}) };
  return {
    ok: true, raw, e164: checked.e164, region: checked.region,
    // Formatting costs as much as parsing: only when someone reads it.
    get national() {
      return checked.national();
    },
  };
}

/** parsePhone's verdict alone, without formatting (the sending engine re-checks each number it claims). */
export function isMobileNumber(raw: string, defaultRegion: string): boolean {
  return 'e164' in checkMobile(raw, defaultRegion);
}

/** True when the text, once separators are removed, is one valid number (of any type). */
export function isOneNumber(raw: string, defaultRegion: string): boolean {
  const compact = compactNumber(raw);
  if (!/^\+?\d{3,17}$/.test(compact)) return false;
  return parsePhoneNumberFromString(compact, defaultRegion as CountryCode)?.isValid() ?? false;
}

/** National format for display; the E.164 text itself when it cannot be parsed. */
export function formatNational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}
