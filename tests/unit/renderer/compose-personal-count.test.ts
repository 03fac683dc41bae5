// The counter's view of one rendered sample and when a text needs it at all.
import { describe, expect, it } from 'vitest';
import { countFromSample, hasPlaceholders } from '../../../src-renderer/features/compose/personal-count';

describe('personal count', () => {
  it('a text with a placeholder needs it; braces that are no placeholder do not', () => {
    expect(hasPlaceholders('【店】{姓名}您好')).toBe(true);
    expect(hasPlaceholders('【店】{ }您好 {a b}')).toBe(false);
    expect(hasPlaceholders('plain')).toBe(false);
  });

  it('counts the rendered text with countSegments, and names the sample', () => {
    expect(countFromSample('【店】王一您好', '王一')).toEqual({ units: '7', capacity: 70, segments: '1', multi: false, encoding: 'UCS-2', basis: { kind: 'sample', name: '王一' } });
    expect(countFromSample('a'.repeat(161), null)).toMatchObject({ units: '161', capacity: 306, segments: '2', multi: true, encoding: 'GSM-7', basis: { kind: 'sample', name: null } });
  });
});
