// The one HTTP path of every real provider adapter (undici, real sockets). It answers a response, or
// says honestly what a transport failure means for the message:
//   - `retry`: the request cannot have reached the provider (refused, DNS, connect timeout, TLS
//     handshake) or the provider said "not now" (429, 503; Retry-After honoured);
//   - `unknown`: the request was (or may have been) written and the answer was lost (headers/body
//     timeout, connection reset or closed mid-response). Those are never resent automatically.
// Every problem carries an i18n key (area "providers") and the provider's words with the account's
// secrets and any credential-carrying query string removed.
import { Agent, request } from 'undici';
import { normaliseBaseUrl } from '../../../src-shared/accounts/fields';
import type { HttpTimeouts, ProviderProblem } from './types';

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
/** A body larger than this is not an SMS API answer. */
const MAX_BODY_BYTES = 1 << 20;

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path (with any query) below the account's base URL, as the provider documents it. */
  path: string;
  headers?: Record<string, string>;
  /** A form or JSON body, already encoded. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type TransportFailure = { kind: 'retry'; retryAfterMs?: number; problem: ProviderProblem } | { kind: 'unknown'; problem: ProviderProblem };

export type HttpResult = ({ ok: true } & HttpResponse) | ({ ok: false } & TransportFailure);

export interface HttpClient {
  call(req: HttpRequest): Promise<HttpResult>;
  /** Removes the account's secrets and credential query strings from text meant for people. */
  redact(text: string): string;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Scheme and host (and port) — the documented one or the account's override. */
  baseUrl: string;
  /** Values that must never appear in any problem text (password, token). */
  secrets: (string | null | undefined)[];
  timeouts?: Partial<HttpTimeouts>;
  /** Most sockets at once (Mitake allows 15). */
  connections?: number;
  now: () => number;
}

/** Codes that mean the connection was never made, so nothing reached the provider. */
const BEFORE_SEND: Record<string, string> = {
  ECONNREFUSED: 'providers.http.refused',
  ENOTFOUND: 'providers.http.dns',
  EAI_AGAIN: 'providers.http.dns',
  EHOSTUNREACH: 'providers.http.unreachable',
  ENETUNREACH: 'providers.http.unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'providers.http.connectTimeout',
};

/** Answer lost after the request was written. */
const AFTER_SEND: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'providers.http.noAnswer',
  UND_ERR_BODY_TIMEOUT: 'providers.http.bodyTimeout',
  UND_ERR_SOCKET: 'providers.http.connectionLost',
  ECONNRESET: 'providers.http.connectionLost',
  EPIPE: 'providers.http.connectionLost',
  UND_ERR_ABORTED: 'providers.http.connectionLost',
};

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY)_|HOSTNAME_MISMATCH)/;

/** Parses Retry-After (delta seconds or an HTTP date) into ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Deletes every occurrence of each secret (as written and URL-encoded) and every query string. */
export function redactText(text: string, secrets: (string | null | undefined)[]): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"']*)\?[^\s#"']*/gi, '$1?…');
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
      if (form) out = out.split(form).join('***');
    }
  }
  return out;
}

function errorCode(err: unknown): string {
  // Socket errors carry their own code; a wrapping error (fetch-like paths) has it in `cause`.
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return 'UNKNOWN';
}

/** What a thrown transport error means for the message. `host` is shown to people (no credentials). */
export function classifyTransportError(err: unknown, host: string, redact: (t: string) => string): TransportFailure {
  const code = errorCode(err);
  const words = redact(err instanceof Error ? err.message : String(err)).slice(0, 300);
  const before = BEFORE_SEND[code] ?? (TLS_CODE.test(code) ? 'providers.http.tls' : undefined);
  if (before) return { kind: 'retry', problem: { code, key: before, params: { host }, detail: words } };
  return { kind: 'unknown', problem: { code, key: AFTER_SEND[code] ?? 'providers.http.connectionLost', params: { host }, detail: words } };
}

/** 429 and 503 mean "not now": nothing was processed, so the message waits and goes again. */
export function throttledFailure(res: HttpResponse, now: number, redact: (t: string) => string): TransportFailure | null {
  if (res.status !== 429 && res.status !== 503) return null;
  const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now);
  const seconds = retryAfterMs === undefined ? 0 : Math.ceil(retryAfterMs / 1000);
  return {
    kind: 'retry',
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    problem: {
      code: `http_${res.status}`,
      key: res.status === 429 ? 'providers.http.throttled' : 'providers.http.unavailable',
      params: { seconds },
      detail: redact(res.body.slice(0, 300)) || null,
    },
  };
}

/** A body we cannot read after the provider answered: it may have accepted, so `unknown`. */
export function malformedProblem(body: string, redact: (t: string) => string): ProviderProblem {
  return { code: 'malformed', key: 'providers.http.malformed', detail: redact(body.slice(0, 300)) || null };
}

/**
 * An HTTP status the adapter does not expect. 401/403/404 mean the account is set up wrong
 * (credentials, address): nothing was sent. Another 4xx refused this request. A 5xx may have come
 * after the provider processed it: unknown.
 */
export function unexpectedStatus(res: HttpResponse, redact: (t: string) => string): { kind: 'account' | 'rejected' | 'unknown'; problem: ProviderProblem } {
  const problem = (key: string): ProviderProblem => ({ code: `http_${res.status}`, key, params: { status: res.status }, detail: redact(res.body.slice(0, 300)) || null });
  if (res.status === 401 || res.status === 403) return { kind: 'account', problem: problem('providers.http.authStatus') };
  if (res.status === 404) return { kind: 'account', problem: problem('providers.http.notFoundStatus') };
  if (res.status >= 400 && res.status < 500) return { kind: 'rejected', problem: problem('providers.http.badRequestStatus') };
  return { kind: 'unknown', problem: problem('providers.http.serverStatus') };
}

/** Scheme and host of the base URL (the shared rule; an account saved before it was checked keeps its origin). */
function baseOf(baseUrl: string): string {
  return normaliseBaseUrl(baseUrl) ?? new URL(baseUrl).origin;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const base = baseOf(options.baseUrl);
  const host = new URL(base).host;
  const agent = new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    ...(options.connections ? { connections: options.connections } : {}),
  });
  const redact = (text: string) => redactText(text, options.secrets);

  return {
    redact,
    async call(req) {
      let res: HttpResponse;
      try {
        const answer = await request(base + req.path, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          dispatcher: agent,
          headersTimeout: timeouts.headersMs,
          bodyTimeout: timeouts.bodyMs,
        });
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of answer.body) {
          size += (chunk as Buffer).length;
          if (size > MAX_BODY_BYTES) {
            answer.body.destroy();
            return { ok: false, kind: 'unknown', problem: malformedProblem('(body too large)', redact) };
          }
          chunks.push(chunk as Buffer);
        }
        res = { status: answer.statusCode, headers: answer.headers, body: Buffer.concat(chunks).toString('utf8') };
      } catch (err) {
        return { ok: false, ...classifyTransportError(err, host, redact) };
      }
      const throttled = throttledFailure(res, options.now(), redact);
      if (throttled) return { ok: false, ...throttled };
      return { ok: true, ...res };
    },
    close: () => agent.close(),
  };
}

/** Form encoding as every provider here accepts it (UTF-8, URLSearchParams rules). */
export function formBody(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.append(k, v);
  return params.toString();
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } as const;
