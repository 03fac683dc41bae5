// The national-format shortcut of parse.ts must never disagree with libphonenumber: whenever it says
// "mobile, with this E.164", the full parser says the same; and it does answer for ordinary mobiles.
import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { internationalMobileE164, nationalMobileE164 } from '../../src-shared/phone/national-fast-path';

const REGIONS = ['TW', 'JP', 'CN', 'HK', 'US', 'KR', 'SG', 'GB', 'DE', 'MO', 'XX'] as const;

function full(compact: string, region: string): { e164: string; country: string | undefined } | null {
  const parsed = parsePhoneNumberFromString(compact, region as CountryCode);
  const type = parsed?.getType();
  if (!parsed || (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE')) return null;
  return { e164: parsed.number, country: parsed.country };
}

/** A shortcut's answer (when it gives one) is libphonenumber's; true when it answered. */
function agrees(fast: (compact: string, region: string) => string | null, compact: string, region: string): boolean {
  const e164 = fast(compact, region);
  if (e164 === null) return false;
  const answer = full(compact, region);
  expect(answer, `${compact} in ${region}`).not.toBeNull();
  expect(answer!.e164).toBe(e164);
  expect(answer!.country).toBe(region);
  return true;
}

describe('national-format mobile shortcut', () => {
  it('answers for ordinary mobiles in regions with a plain trunk prefix (TW; JP and CN go through the full parser)', () => {
    expect(nationalMobileE164('0912345678', 'TW')).toBe('+886912345678');
  });

  it('leaves landlines, VoIP, short and foreign-format numbers to the full parser', () => {
    expect(nationalMobileE164('0223456789', 'TW')).toBeNull(); // Taipei landline
    expect(nationalMobileE164('05012345678', 'JP')).toBeNull(); // JP 050 VoIP
    expect(nationalMobileE164('091234567', 'TW')).toBeNull(); // one digit short
    expect(nationalMobileE164('886912345678', 'TW')).toBeNull(); // international without +
    expect(nationalMobileE164('0912345678', 'XX')).toBeNull();
  });

  it('never disagrees with libphonenumber (random national-format numbers)', () => {
    let answered = 0;
    const prefix = fc.constantFrom('0', '09', '090', '080', '070', '050', '01', '07', '013', '015', '1', '5', '6', '8', '9', '');
    fc.assert(
      fc.property(fc.oneof(
        fc.tuple(prefix, fc.stringMatching(/^\d{4,11}$/), fc.constantFrom(...REGIONS)),
        // Near Taiwanese mobiles (the ones this shortcut is for): right and wrong lengths, 09 and 0400…
        fc.tuple(fc.constantFrom('09', '0400', '08', '0'), fc.stringMatching(/^\d{6,10}$/), fc.constant('TW')),
      ), ([p, rest, region]) => {
        if (agrees(nationalMobileE164, p + rest, region)) answered++;
      }),
      { numRuns: 20_000 },
    );
    // The comparison was made on real answers, not only on refusals.
    expect(answered).toBeGreaterThan(200);
  });

  it('answers for E.164 mobiles with the region\'s own calling code, and only those', () => {
    expect(internationalMobileE164('+886912345678', 'TW')).toBe('+886912345678');
    expect(internationalMobileE164('+886223456789', 'TW')).toBeNull(); // Taipei landline
    expect(internationalMobileE164('+8860912345678', 'TW')).toBeNull(); // trunk prefix kept: the full parser decides
    expect(internationalMobileE164('+81901234567', 'TW')).toBeNull(); // another region's number
    expect(internationalMobileE164('+447700900123', 'GB')).toBeNull(); // +44 is shared (GG, IM, JE)
  });

  it('never disagrees with libphonenumber (random E.164 numbers)', () => {
    let answered = 0;
    const code = fc.constantFrom('+886', '+8869', '+88609', '+81', '+8190', '+86', '+86138', '+852', '+8525', '+853', '+65', '+82', '+8210', '+1', '+44', '+49', '+88');
    fc.assert(
      fc.property(fc.oneof(
        fc.tuple(code, fc.stringMatching(/^\d{4,11}$/), fc.constantFrom(...REGIONS)),
        // Near Taiwanese mobiles (how the outbox stores most numbers): right and wrong lengths.
        fc.tuple(fc.constantFrom('+8869', '+88609', '+8868', '+886'), fc.stringMatching(/^\d{6,10}$/), fc.constant('TW')),
      ), ([p, rest, region]) => {
        if (agrees(internationalMobileE164, p + rest, region)) answered++;
      }),
      { numRuns: 20_000 },
    );
    expect(answered).toBeGreaterThan(200);
  });
});
