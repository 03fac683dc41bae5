// A stored E.164 number as the shop reads it: domestic numbers in national form (0912 345 678),
// foreign ones in international form (+81 90-1234-5678), so a foreign number is never mistaken for local.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export function formatPhoneForShop(e164: string, shopRegion: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === shopRegion ? parsed.formatNational() : parsed.formatInternational();
}
