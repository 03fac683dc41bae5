// The transport classifier as a table, Retry-After parsing and redaction of secrets.
import { describe, expect, it } from 'vitest';
import { classifyTransportError, parseRetryAfter, redactText, unexpectedStatus } from '../../../src-main/core/providers/http';

const errWith = (code: string, message = `boom ${code}`) => Object.assign(new Error(message), { code });

describe('classifyTransportError', () => {
  it.each([
    ['ECONNREFUSED', 'retry', 'providers.http.refused'],
    ['ENOTFOUND', 'retry', 'providers.http.dns'],
    ['EAI_AGAIN', 'retry', 'providers.http.dns'],
    ['UND_ERR_CONNECT_TIMEOUT', 'retry', 'providers.http.connectTimeout'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'retry', 'providers.http.tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'retry', 'providers.http.tls'],
    ['EPROTO', 'retry', 'providers.http.tls'],
    ['UND_ERR_HEADERS_TIMEOUT', 'unknown', 'providers.http.noAnswer'],
    ['UND_ERR_BODY_TIMEOUT', 'unknown', 'providers.http.bodyTimeout'],
    ['UND_ERR_SOCKET', 'unknown', 'providers.http.connectionLost'],
    ['ECONNRESET', 'unknown', 'providers.http.connectionLost'],
    ['SOMETHING_NEW', 'unknown', 'providers.http.connectionLost'],
  ])('%s → %s', (code, kind, key) => {
    const f = classifyTransportError(errWith(code), 'api.example:443', (t) => t);
    expect(f).toMatchObject({ kind, problem: { code, key, params: { host: 'api.example:443' } } });
  });

  it('reads the code of a wrapped cause', () => {
    const err = Object.assign(new Error('fetch failed'), { cause: errWith('ECONNREFUSED') });
    expect(classifyTransportError(err, 'h', (t) => t).kind).toBe('retry');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 5, 1, 0, 0, 0);
  it.each([
    ['30', 30_000],
    ['0', 0],
    [new Date(now + 90_000).toUTCString(), 90_000],
    [new Date(now - 90_000).toUTCString(), 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe('redactText', () => {
  it('removes the secret as written and URL-encoded, and query strings', () => {
    const secret = 'p@ss w&rd';
    const text = `failed https://api.x/send.php?username=u&password=${encodeURIComponent(secret)} with ${secret} / ${new URLSearchParams({ a: secret }).toString()}`;
    const out = redactText(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain('p%40ss+w%26rd');
    expect(out).toContain('https://api.x/send.php?…');
  });
});

describe('unexpectedStatus', () => {
  it.each([
    [401, 'account'],
    [403, 'account'],
    [404, 'account'],
    [400, 'rejected'],
    [500, 'unknown'],
    [502, 'unknown'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(unexpectedStatus({ status, headers: {}, body: '' }, (t) => t).kind).toBe(kind);
  });
});
