// EVERY8D's documented codes as a table: each → the outcome the engine acts on, explained in every language.
import { describe, expect, it } from 'vitest';
import { EVERY8D_CODES, EVERY8D_STATUS } from '../../../src-main/core/providers/every8d/codes';
import { expectTranslated } from './catalog-check';

describe('EVERY8D code table', () => {
  it('maps every documented code to the expected outcome', () => {
    expect(Object.fromEntries(Object.entries(EVERY8D_CODES).map(([c, e]) => [c, e.kind]))).toEqual({
      '-1': 'rejected', '-2': 'account', '-3': 'rejected', '-4': 'rejected', '-5': 'rejected', '-6': 'rejected', '-8': 'rejected',
      '-10': 'rejected', '-24': 'rejected', '-28': 'rejected', '-41': 'rejected', '-98': 'rejected', '-99': 'unknown',
      '-100': 'account', '-101': 'account', '-300': 'account', '-303': 'rejected', '-304': 'rejected', '-305': 'rejected', '-314': 'rejected',
    });
  });

  it('maps delivery STATUS values to states', () => {
    expect(Object.fromEntries(Object.entries(EVERY8D_STATUS).map(([c, e]) => [c, e.state]))).toEqual({
      '0': 'pending', '100': 'delivered', '101': 'failed', '102': 'failed', '103': 'failed', '104': 'failed', '105': 'failed',
      '106': 'failed', '107': 'expired', '300': 'pending', '301': 'failed', '303': 'failed', '500': 'failed', '700': 'pending', '888': 'pending',
    });
  });

  it('explains every code in every language', () => {
    expectTranslated([...Object.values(EVERY8D_CODES), ...Object.values(EVERY8D_STATUS)].map((e) => e.key));
  });
});
