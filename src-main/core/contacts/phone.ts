// A contact's number through the one phone rule (src-shared/phone), as an ApiError on the form field.
import { ApiError } from '../../../src-shared/api/errors';
import { isKnownRegion, parseMobile } from '../../../src-shared/phone/mobile';

export interface ContactPhone {
  e164: string;
  raw: string;
  region: string;
}

export function assertRegion(region: string): void {
  if (!isKnownRegion(region)) throw new ApiError('validation', 'contacts.errors.regionUnknown', { region: region.slice(0, 8) }, [{ path: 'region', key: 'contacts.errors.regionUnknown' }]);
}

export function contactPhone(raw: string, region: string): ContactPhone {
  assertRegion(region);
  const parsed = parseMobile(raw, region);
  if (parsed.ok) return { e164: parsed.e164, raw: raw.trim(), region: parsed.region ?? region };
  const key = parsed.code === 'not_mobile'
    ? parsed.kind === 'voip' ? 'contacts.errors.phoneVoip' : parsed.kind === 'fixed' ? 'contacts.errors.phoneLandline' : 'contacts.errors.phoneNotMobile'
    : 'contacts.errors.phoneInvalid';
  throw new ApiError('validation', key, { phone: raw.slice(0, 40) }, [{ path: 'phone', key }]);
}
