// Phone numbers, one rule for the whole app: libphonenumber-js with its full ("max") metadata, so that
// number types are known and only mobiles (which can receive SMS) pass. Stored as E.164.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneRejection = 'invalid_number' | 'not_mobile';

export type ParsedPhone =
  | { ok: true; raw: string; e164: string; national: string; region: string | undefined }
  | { ok: false; raw: string; code: PhoneRejection; type?: string };

const SEPARATORS = /[\s\-.()（）\u3000]/g;

/** Removes what people type between digits: spaces (also full-width), hyphens, dots and brackets. */
export function compactNumber(raw: string): string {
  return raw.normalize('NFKC').replace(SEPARATORS, '');
}

export function parsePhone(raw: string, defaultRegion: string): ParsedPhone {
  const compact = compactNumber(raw);
  if (!/^\+?\d{3,17}$/.test(compact)) return { ok: false, raw, code: 'invalid_number' };
  const parsed = parsePhoneNumberFromString(compact, defaultRegion as CountryCode);
  // With the full metadata a number is valid exactly when it has a type (isValid() is getType() !== undefined):
  // asking once halves the cost on large imports.
  const type = parsed?.getType();
  if (!parsed || type === undefined) return { ok: false, raw, code: 'invalid_number' };
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, raw, code: 'not_mobile', type };
  return {
    ok: true, raw, e164: parsed.number, region: parsed.country,
    // Formatting costs as much as parsing: only when someone reads it.
    get national() {
      return parsed.formatNational();
    },
  };
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
