import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../../src-main/web/request-target';

describe('parseRequestTarget', () => {
  it('splits and decodes the path and keeps the query', () => {
    const t = parseRequestTarget('/assets/a%20b.js?token=abc&x=1');
    expect(t?.segments).toEqual(['assets', 'a b.js']);
    expect(t?.query.get('token')).toBe('abc');
    expect(parseRequestTarget('/')?.segments).toEqual([]);
    expect(parseRequestTarget('//api//messages.send')?.segments).toEqual(['api', 'messages.send']);
  });

  it('refuses dot segments, encoded separators, NUL and bad encodings', () => {
    for (const url of ['/..', '/a/../b', '/./a', '/%2e%2e/x', '/%2E%2E/x', '/a%2fb', '/a%5cb', '/a\\b', '/a%00', '/%E0%A4%A', 'relative', '', undefined]) {
      expect(parseRequestTarget(url), String(url)).toBeNull();
    }
  });
});
