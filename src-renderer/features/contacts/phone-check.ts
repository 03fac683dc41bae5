// The form's live check of a mobile number, through the one phone rule (src-shared/phone): the number
// in national form when it can receive SMS, else the reason, as the same i18n keys the core refuses with.
import { parseMobile } from '../../../src-shared/phone/mobile';

export type PhoneCheck =
  | { ok: true; e164: string; national: string; region: string | undefined }
  | { ok: false; key: string }
  | { ok: null };

export function checkPhone(raw: string, region: string): PhoneCheck {
  if (!raw.trim()) return { ok: null };
  const parsed = parseMobile(raw, region);
  if (parsed.ok) return { ok: true, e164: parsed.e164, national: parsed.national, region: parsed.region };
  if (parsed.code === 'empty') return { ok: null };
  if (parsed.code === 'invalid_number') return { ok: false, key: 'contacts.errors.phoneInvalid' };
  const key = parsed.kind === 'voip' ? 'contacts.errors.phoneVoip' : parsed.kind === 'fixed' ? 'contacts.errors.phoneLandline' : 'contacts.errors.phoneNotMobile';
  return { ok: false, key };
}
