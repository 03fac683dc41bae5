// TwSMS's documented codes (API 4.0 §6 and the JSON API's extras) as a table: each one → the outcome
// the engine acts on, and an explanation that exists in every language.
import { describe, expect, it } from 'vitest';
import { TWSMS_CODES, TWSMS_STATUS } from '../../../src-main/core/providers/twsms/codes';
import { expectTranslated } from './catalog-check';

const EXPECTED: Record<string, string> = {
  '00000': 'accepted', '00001': 'accepted',
  '00010': 'account', '00011': 'account', '00012': 'account', '00030': 'account', '00040': 'account', '00041': 'account',
  '00020': 'no_credit',
  '00031': 'rejected', '00050': 'rejected', '00060': 'rejected', '00070': 'rejected', '00080': 'rejected', '00090': 'rejected',
  '00100': 'rejected', '00110': 'rejected', '00120': 'rejected', '00130': 'rejected', '00140': 'rejected', '00150': 'rejected',
  '00170': 'rejected', '00180': 'rejected', '00300': 'rejected', '00310': 'rejected', '00400': 'rejected', '00410': 'rejected',
  '00420': 'rejected', '00430': 'rejected',
  '99998': 'retry',
  '99999': 'unknown',
};

describe('TwSMS code table', () => {
  it('maps every documented code, and only those, to the expected outcome', () => {
    expect(Object.fromEntries(Object.entries(TWSMS_CODES).map(([c, e]) => [c, e.kind]))).toEqual(EXPECTED);
  });

  it('explains every code and delivery word in every language', () => {
    expectTranslated([...Object.values(TWSMS_CODES), ...Object.values(TWSMS_STATUS)].map((e) => e.key));
  });

  it('maps delivery words to final states as documented', () => {
    const states = Object.fromEntries(Object.entries(TWSMS_STATUS).map(([w, s]) => [w, s.state]));
    expect(states).toEqual({
      DELIVRD: 'delivered', ACCEPTD: 'pending', UNKNOWN: 'pending', EXPIRED: 'expired', DELETED: 'failed', UNDELIV: 'failed',
      REJECTD: 'failed', SYNTAXE: 'failed', MOBERROR: 'failed', MSGERROR: 'failed', OTHERROR: 'failed', REJERROR: 'failed', REJMOBIL: 'failed',
    });
  });
});
