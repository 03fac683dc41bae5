// When a send may be tried again (DESIGN.md §5, issue 6): only failures that happened before the
// provider could have accepted the message are retried automatically; anything that may have reached
// it becomes `unknown`. Two tables decide: transport failures (error codes and HTTP statuses) and the
// providers' documented "please resend" codes. `planRetry` then bounds the attempts, backs off
// exponentially with jitter, never goes before a Retry-After, and respects quiet hours.
import type { ProviderName } from '../../../src-shared/api/schemas';
import { checkQuietHours, type QuietHours } from '../../../src-shared/time/quiet-hours';
import type { SendOutcome } from '../providers/types';
import { retryDelayMs } from '../dispatcher/backoff';

export type FailureVerdict = 'retry' | 'unknown' | 'rejected' | 'account';

export interface TransportRule {
  /** A Node/undici error code (e.g. ECONNREFUSED) or an HTTP status. */
  match: { errorCode: string } | { httpStatus: number } | { httpStatusRange: [number, number] };
  verdict: FailureVerdict;
  /** Why, for the record (and the test table). */
  why: string;
}

/**
 * Ordered: the first match wins. Errors raised while connecting (DNS, refused, TLS handshake, connect
 * timeout) happen before a byte of the request left; errors after the connection was up (reset,
 * socket closed, headers/body timeout) may follow a request the provider already took.
 */
export const transportRules: readonly TransportRule[] = [
  { match: { errorCode: 'ECONNREFUSED' }, verdict: 'retry', why: 'connection refused: nothing was sent' },
  { match: { errorCode: 'ENOTFOUND' }, verdict: 'retry', why: 'DNS name not found: nothing was sent' },
  { match: { errorCode: 'EAI_AGAIN' }, verdict: 'retry', why: 'DNS temporarily failed: nothing was sent' },
  { match: { errorCode: 'ENETUNREACH' }, verdict: 'retry', why: 'network unreachable: nothing was sent' },
  { match: { errorCode: 'EHOSTUNREACH' }, verdict: 'retry', why: 'host unreachable: nothing was sent' },
  { match: { errorCode: 'UND_ERR_CONNECT_TIMEOUT' }, verdict: 'retry', why: 'connect timed out: nothing was sent' },
  { match: { errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }, verdict: 'retry', why: 'TLS handshake failed: nothing was sent' },
  { match: { errorCode: 'CERT_HAS_EXPIRED' }, verdict: 'retry', why: 'TLS handshake failed: nothing was sent' },
  { match: { errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, verdict: 'retry', why: 'TLS handshake failed: nothing was sent' },
  { match: { errorCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, verdict: 'retry', why: 'TLS handshake failed: nothing was sent' },
  { match: { errorCode: 'SELF_SIGNED_CERT_IN_CHAIN' }, verdict: 'retry', why: 'TLS handshake failed: nothing was sent' },
  { match: { errorCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }, verdict: 'retry', why: 'TLS handshake failed: nothing was sent' },
  { match: { errorCode: 'ECONNRESET' }, verdict: 'unknown', why: 'connection reset: the request may have arrived' },
  { match: { errorCode: 'EPIPE' }, verdict: 'unknown', why: 'broken pipe while writing: part may have arrived' },
  { match: { errorCode: 'UND_ERR_SOCKET' }, verdict: 'unknown', why: 'socket closed: the request may have arrived' },
  { match: { errorCode: 'UND_ERR_HEADERS_TIMEOUT' }, verdict: 'unknown', why: 'no answer in time after the request was written' },
  { match: { errorCode: 'UND_ERR_BODY_TIMEOUT' }, verdict: 'unknown', why: 'the answer stopped half way' },
  { match: { errorCode: 'ETIMEDOUT' }, verdict: 'unknown', why: 'timed out: the request may have arrived' },
  { match: { errorCode: 'UND_ERR_ABORTED' }, verdict: 'unknown', why: 'aborted after the request may have been written' },
  { match: { httpStatus: 429 }, verdict: 'retry', why: 'too many requests: the provider refused it unprocessed' },
  { match: { httpStatus: 503 }, verdict: 'retry', why: 'service unavailable: the provider refused it unprocessed' },
  { match: { httpStatus: 401 }, verdict: 'account', why: 'credentials refused' },
  { match: { httpStatus: 403 }, verdict: 'account', why: 'access refused for this account' },
  { match: { httpStatusRange: [400, 499] }, verdict: 'rejected', why: 'the request itself was refused' },
  { match: { httpStatusRange: [500, 599] }, verdict: 'unknown', why: 'server error: it may have been processed' },
];

/** The providers' documented "try again" answers (providers.md §6.2): nothing was accepted. */
export const providerRetryableCodes: Readonly<Partial<Record<ProviderName, readonly string[]>>> = {
  twsms: ['99998'],
  mitake: ['a', 'b', 'r', 'l'],
  twilio: ['20429'],
};

export function isProviderRetryable(provider: ProviderName, code: string): boolean {
  return providerRetryableCodes[provider]?.includes(code) ?? false;
}

/** The error codes along an error's cause chain (undici wraps them: TypeError('fetch failed').cause). */
function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

export interface TransportFailure {
  error?: unknown;
  httpStatus?: number;
}

/** The first rule that matches, or null (an unrecognised failure: treat as `unknown`). */
export function matchTransportRule(failure: TransportFailure): TransportRule | null {
  const codes = failure.error === undefined ? [] : errorCodes(failure.error);
  for (const rule of transportRules) {
    const m = rule.match;
    if ('errorCode' in m && codes.includes(m.errorCode)) return rule;
    if (failure.httpStatus !== undefined) {
      if ('httpStatus' in m && m.httpStatus === failure.httpStatus) return rule;
      if ('httpStatusRange' in m && failure.httpStatus >= m.httpStatusRange[0] && failure.httpStatus <= m.httpStatusRange[1]) return rule;
    }
  }
  return null;
}

/** Retry-After (seconds or an HTTP date) as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A transport failure as a send outcome, for adapters and for exceptions an adapter let through. */
export function classifyTransportFailure(failure: TransportFailure & { retryAfterMs?: number }): SendOutcome {
  const rule = matchTransportRule(failure);
  const code = failure.httpStatus !== undefined ? `http_${failure.httpStatus}` : (errorCodes(failure.error)[0] ?? 'exception');
  const detail = rule?.why ?? (failure.error instanceof Error ? failure.error.message.slice(0, 200) : null);
  switch (rule?.verdict) {
    case 'retry':
      return { kind: 'retry', code, key: 'errors.provider.network', detail, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) };
    case 'account':
      return { kind: 'account', code, key: 'sending.provider.accountRefused', detail };
    case 'rejected':
      return { kind: 'rejected', code, key: 'sending.provider.rejected', detail };
    default:
      return { kind: 'unknown', code, key: 'errors.provider.unknown', detail };
  }
}

export interface RetrySettings {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  quietHours: QuietHours;
  /** A retry that would fall inside quiet hours ends as failed instead of waiting for the window's end. */
  quietRetryFails: boolean;
}

export type RetryPlan = { action: 'retry'; at: number; deferredByQuietHours: boolean } | { action: 'fail'; reason: 'attempts' | 'quiet_hours' };

/** After `attempts` failed attempts (the last one just now), when to try again, if at all. */
export function planRetry(attempts: number, retryAfterMs: number | undefined, now: number, s: RetrySettings, random: () => number = Math.random): RetryPlan {
  if (attempts >= s.maxAttempts) return { action: 'fail', reason: 'attempts' };
  // Retry-After is a floor: the backoff may wait longer, never shorter.
  const at = now + Math.max(retryDelayMs(attempts, random, s.baseMs, s.capMs), retryAfterMs ?? 0);
  const quiet = checkQuietHours(at, s.quietHours);
  if (!quiet.inside) return { action: 'retry', at, deferredByQuietHours: false };
  if (s.quietRetryFails) return { action: 'fail', reason: 'quiet_hours' };
  return { action: 'retry', at: quiet.allowedAt, deferredByQuietHours: true };
}
