import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api';
import { languagesFromHeader, renderNoticePage, statusForError } from '../../../src-main/web/respond';

describe('statusForError', () => {
  it('maps every error kind to its HTTP status', () => {
    const expected = { validation: 400, not_found: 404, conflict: 409, forbidden: 403, provider: 502, internal: 500 } as const;
    for (const [kind, status] of Object.entries(expected)) {
      expect(statusForError(new ApiError(kind as keyof typeof expected, 'k')), kind).toBe(status);
    }
  });
});

describe('languagesFromHeader', () => {
  it('orders the languages we speak by quality and ignores the rest', () => {
    expect(languagesFromHeader('fr-FR,fr;q=0.9,ja;q=0.8,en-US;q=0.9')).toEqual(['en', 'ja']);
    expect(languagesFromHeader('zh-CN,zh;q=0.9')).toEqual(['zh-CN', 'zh-TW']);
    expect(languagesFromHeader('zh-Hant-TW')).toEqual(['zh-TW']);
    expect(languagesFromHeader(undefined)).toEqual([]);
    expect(languagesFromHeader('de')).toEqual([]);
  });
});

describe('renderNoticePage', () => {
  it('shows zh-TW by default, with English after it', () => {
    const html = renderNoticePage('unauthorized', undefined);
    expect(html).toContain('<html lang="zh-TW">');
    expect(html.indexOf('請開啟 smsdesk')).toBeLessThan(html.indexOf('Please open'));
    expect(html).not.toContain('<script');
  });

  it('shows English once for an English reader and fills placeholders', () => {
    const html = renderNoticePage('wrongHost', 'en-GB', { port: 4321 });
    expect(html.match(/Access refused/g)).toHaveLength(2); // <title> and <h1>
    expect(html).toContain('http://127.0.0.1:4321/');
    expect(html).not.toContain('拒絕');
  });
});
