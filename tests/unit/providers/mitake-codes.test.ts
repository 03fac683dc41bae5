// Mitake's documented codes as a table: each → the outcome the engine acts on, explained in every language.
import { describe, expect, it } from 'vitest';
import { MITAKE_CODES, MITAKE_STATUS } from '../../../src-main/core/providers/mitake/codes';
import { clientIdOf, parseBlocks } from '../../../src-main/core/providers/mitake/wire';
import { expectTranslated } from './catalog-check';

describe('Mitake code table', () => {
  it('maps every documented code to the expected outcome', () => {
    expect(Object.fromEntries(Object.entries(MITAKE_CODES).map(([c, e]) => [c, e.kind]))).toEqual({
      '*': 'unknown', a: 'retry', b: 'retry', c: 'account', d: 'account', e: 'account', f: 'account', h: 'account', k: 'account',
      l: 'retry', m: 'account', n: 'account', p: 'account', r: 'retry', s: 'no_credit', t: 'rejected', u: 'rejected', v: 'rejected',
      w: 'rejected', x: 'rejected', y: 'rejected', z: 'rejected', '0': 'accepted', '1': 'accepted', '2': 'accepted', '3': 'accepted', '4': 'accepted',
    });
    expect(Object.fromEntries(Object.entries(MITAKE_STATUS).map(([c, e]) => [c, e.state]))).toEqual({
      '0': 'pending', '1': 'pending', '2': 'pending', '3': 'pending', '4': 'delivered', '5': 'failed', '6': 'failed', '7': 'failed', '8': 'expired', '9': 'failed',
    });
  });

  it('explains every code in every language', () => {
    expectTranslated([...Object.values(MITAKE_CODES), ...Object.values(MITAKE_STATUS)].map((e) => e.key));
  });

  it('reads answer blocks, a bare error token, and keeps clientids within 36 characters', () => {
    expect(parseBlocks('[k1]\r\nmsgid=#000000013\r\nstatuscode=1\r\nAccountPoint=126\r\nDuplicate=Y\r\n')).toEqual({
      blocks: [{ clientid: 'k1', msgid: '#000000013', statuscode: '1', accountPoint: 126, duplicate: true }],
      accountPoint: 126,
    });
    expect(parseBlocks('e\r\n')).toEqual({ error: 'e' });
    expect(parseBlocks('<html>')).toBeNull();
    expect(clientIdOf('x'.repeat(40))).toHaveLength(32);
    expect(clientIdOf('0123e4567-e89b-12d3-a456-42661417400')).toBe('0123e4567-e89b-12d3-a456-42661417400');
  });
});
