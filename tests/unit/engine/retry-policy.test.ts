// The retry classifier as a table, and planRetry: bounded attempts, backoff with jitter between half
// and all of the ceiling, Retry-After as a floor (never violated), quiet hours deferring or failing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyTransportFailure, isProviderRetryable, matchTransportRule, parseRetryAfter, planRetry, type RetrySettings,
} from '../../../src-main/core/outbox/retry-policy';

const err = (code: string) => Object.assign(new Error(code), { code });
/** undici's fetch wraps the cause: TypeError('fetch failed') { cause: { code } }. */
const wrapped = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: err(code) });

describe('classifyTransportFailure', () => {
  it.each<[string, Parameters<typeof classifyTransportFailure>[0], string]>([
    ['connection refused', { error: err('ECONNREFUSED') }, 'retry'],
    ['refused, wrapped by fetch', { error: wrapped('ECONNREFUSED') }, 'retry'],
    ['DNS not found', { error: err('ENOTFOUND') }, 'retry'],
    ['DNS try again', { error: err('EAI_AGAIN') }, 'retry'],
    ['connect timeout', { error: err('UND_ERR_CONNECT_TIMEOUT') }, 'retry'],
    ['TLS: wrong host in certificate', { error: err('ERR_TLS_CERT_ALTNAME_INVALID') }, 'retry'],
    ['TLS: expired certificate', { error: wrapped('CERT_HAS_EXPIRED') }, 'retry'],
    ['TLS: self-signed', { error: err('DEPTH_ZERO_SELF_SIGNED_CERT') }, 'retry'],
    ['HTTP 429', { httpStatus: 429 }, 'retry'],
    ['HTTP 503', { httpStatus: 503 }, 'retry'],
    ['connection reset', { error: err('ECONNRESET') }, 'unknown'],
    ['socket closed', { error: wrapped('UND_ERR_SOCKET') }, 'unknown'],
    ['headers timeout (request written)', { error: err('UND_ERR_HEADERS_TIMEOUT') }, 'unknown'],
    ['body timeout', { error: err('UND_ERR_BODY_TIMEOUT') }, 'unknown'],
    ['broken pipe', { error: err('EPIPE') }, 'unknown'],
    ['HTTP 500', { httpStatus: 500 }, 'unknown'],
    ['HTTP 502', { httpStatus: 502 }, 'unknown'],
    ['HTTP 504', { httpStatus: 504 }, 'unknown'],
    ['HTTP 401', { httpStatus: 401 }, 'account'],
    ['HTTP 403', { httpStatus: 403 }, 'account'],
    ['HTTP 400', { httpStatus: 400 }, 'rejected'],
    ['HTTP 404', { httpStatus: 404 }, 'rejected'],
    ['an error nobody knows', { error: new Error('boom') }, 'unknown'],
    ['nothing at all', {}, 'unknown'],
  ])('%s → %s', (_name, failure, kind) => {
    expect(classifyTransportFailure(failure).kind).toBe(kind);
  });

  it('keeps Retry-After on a retry and names the cause in the code', () => {
    expect(classifyTransportFailure({ httpStatus: 429, retryAfterMs: 7000 })).toMatchObject({ kind: 'retry', code: 'http_429', retryAfterMs: 7000 });
    expect(classifyTransportFailure({ error: wrapped('ECONNREFUSED') })).toMatchObject({ code: 'ECONNREFUSED' });
    expect(matchTransportRule({ error: err('ECONNRESET') })?.why).toMatch(/may have arrived/);
  });

  it.each<[string, string, boolean]>([
    ['twsms', '99998', true],
    ['twsms', '99999', false],
    ['twsms', '00020', false],
    ['mitake', 'a', true],
    ['mitake', 'l', true],
    ['mitake', 'k', false],
    ['twilio', '20429', true],
    ['every8d', '-99', false],
    ['sandbox', '99998', false],
  ])('provider %s code %s retryable: %s', (provider, code, expected) => {
    expect(isProviderRetryable(provider as never, code)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 5, 1, 1, 0, 0);
  it.each<[string | null, number | undefined]>([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 01 Jun 2026 01:00:30 GMT', 30_000],
    ['Mon, 01 Jun 2026 00:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('planRetry', () => {
  const now = Date.parse('2026-06-01T10:00:00+08:00');
  const settings: RetrySettings = {
    maxAttempts: 5, baseMs: 2000, capMs: 300_000, quietRetryFails: false,
    quietHours: { enabled: true, start: '21:00', end: '09:00', timeZone: 'Asia/Taipei' },
  };

  it('backs off exponentially with jitter, capped, and stops after maxAttempts', () => {
    expect(planRetry(1, undefined, now, settings, () => 0)).toEqual({ action: 'retry', at: now + 1000, deferredByQuietHours: false });
    expect(planRetry(1, undefined, now, settings, () => 0.999_999)).toEqual({ action: 'retry', at: now + 2000, deferredByQuietHours: false });
    expect(planRetry(4, undefined, now, settings, () => 0)).toEqual({ action: 'retry', at: now + 8000, deferredByQuietHours: false });
    expect(planRetry(4, undefined, now, { ...settings, maxAttempts: 20, capMs: 5000 }, () => 0.999_999)).toMatchObject({ at: now + 5000 });
    expect(planRetry(5, undefined, now, settings)).toEqual({ action: 'fail', reason: 'attempts' });
    expect(planRetry(1, undefined, now, { ...settings, maxAttempts: 1 })).toEqual({ action: 'fail', reason: 'attempts' });
  });

  it('never schedules a retry before Retry-After (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 0, max: 3_600_000 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (attempts, retryAfter, r) => {
        const plan = planRetry(attempts, retryAfter, now, { ...settings, maxAttempts: 20 }, () => r);
        expect(plan.action).toBe('retry');
        if (plan.action === 'retry') expect(plan.at).toBeGreaterThanOrEqual(now + retryAfter);
      }),
    );
  });

  it('a retry falling inside quiet hours waits for the window end, or fails when so set', () => {
    const evening = Date.parse('2026-06-01T20:59:59+08:00');
    const plan = planRetry(1, 5000, evening, settings, () => 0);
    expect(plan).toEqual({ action: 'retry', at: Date.parse('2026-06-02T09:00:00+08:00'), deferredByQuietHours: true });
    expect(planRetry(1, 5000, evening, { ...settings, quietRetryFails: true })).toEqual({ action: 'fail', reason: 'quiet_hours' });
    // Outside the window nothing changes, with either setting.
    expect(planRetry(1, 5000, now, { ...settings, quietRetryFails: true }, () => 0)).toMatchObject({ action: 'retry', at: now + 5000 });
  });
});
