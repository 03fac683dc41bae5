// Writing answers: JSON for /api (errors as { error: ApiErrorShape } with a status by kind), and the
// small translated pages the server shows itself.
import type { ServerResponse } from 'node:http';
import type { ApiError, ErrorKind } from '../../src-shared/api';
import { createI18n, toLanguage, type Language } from '../../src-shared/i18n';

const statusByKind: Record<ErrorKind, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  provider: 502,
  internal: 500,
};

export function statusForError(err: ApiError): number {
  return statusByKind[err.kind];
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { ...extraHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length });
  res.end(payload);
}

/** An error raised by the web host itself, before or instead of a core call, with its own HTTP status. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly apiError: ApiError, readonly headers: Record<string, string> = {}) {
    super(apiError.message);
    this.name = 'HttpError';
  }
}

/** RFC 9110 wants a challenge with every 401; Bearer keeps browsers from showing a password prompt. */
const unauthorizedHeaders = { 'WWW-Authenticate': 'Bearer realm="smsdesk"' };

export function sendApiError(res: ServerResponse, err: ApiError, status = statusForError(err), headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: err.toJSON() }, status === 401 ? { ...unauthorizedHeaders, ...headers } : headers);
}

export type NoticePage = 'unauthorized' | 'foreignOrigin' | 'wrongHost' | 'notFound' | 'badRequest';

/** Languages from Accept-Language, best first, keeping only those we speak. */
export function languagesFromHeader(header: string | undefined): Language[] {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => /^(zh|ja|en)\b/i.test(e.tag) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const out: Language[] = [];
  for (const e of ranked) {
    const lang = toLanguage(e.tag);
    if (!out.includes(lang)) out.push(lang);
  }
  return out;
}

// i18next instances are cheap but not free; refused requests may come in bursts.
const translators = new Map<Language, ReturnType<typeof createI18n>['t']>();
function translator(lang: Language): ReturnType<typeof createI18n>['t'] {
  let t = translators.get(lang);
  if (!t) {
    t = createI18n(lang).t;
    translators.set(lang, t);
  }
  return t;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A self-contained page (no scripts; inline styles are allowed by the CSP) in the reader's language,
 * followed by English when that is not it, so the message is understood whoever opens it.
 */
export function renderNoticePage(page: NoticePage, acceptLanguage: string | undefined, params: Record<string, string | number> = {}): string {
  const first = languagesFromHeader(acceptLanguage)[0] ?? 'zh-TW';
  const shown: Language[] = first === 'en' ? ['en'] : [first, 'en'];
  const blocks = shown.map((lang) => {
    const t = translator(lang);
    return `<section lang="${lang}"><h1>${escapeHtml(t(`web.page.${page}.title`, params))}</h1><p>${escapeHtml(t(`web.page.${page}.body`, params))}</p></section>`;
  });
  const title = escapeHtml(translator(first)(`web.page.${page}.title`, params));
  return `<!doctype html>
<html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>smsdesk · ${title}</title>
<style>body{font-family:system-ui,"Noto Sans TC","Noto Sans CJK TC",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f1f1f;line-height:1.6}h1{font-size:1.25rem}section+section{margin-top:2rem;padding-top:1rem;border-top:1px solid #ddd;color:#555}</style>
</head><body>${blocks.join('\n')}</body></html>
`;
}

export function sendNoticePage(res: ServerResponse, status: number, page: NoticePage, acceptLanguage: string | undefined, params?: Record<string, string | number>, head = false): void {
  const body = Buffer.from(renderNoticePage(page, acceptLanguage, params), 'utf8');
  res.writeHead(status, { ...(status === 401 ? unauthorizedHeaders : {}), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(head ? undefined : body);
}
