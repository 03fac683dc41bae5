// Small rules shared by the provider adapters: how a code table entry becomes an outcome, the error a
// balance/cancel call throws, number and time formats of the Taiwanese providers.
import { ApiError } from '../../../src-shared/api/errors';
import { unexpectedStatus, type HttpResult } from './http';
import type { ProviderProblem, SendOutcome } from './types';

export type OutcomeKind = SendOutcome['kind'];

/** One row of a provider's code table: what the code means for a message, and how to explain it. */
export interface CodeEntry {
  kind: OutcomeKind;
  /** i18n key in the "providers" area; it takes {{provider}}, {{code}} and the entry's params. */
  key: string;
  params?: Record<string, string | number>;
}

export type CodeTable = Record<string, CodeEntry>;

export const UNKNOWN_CODE: CodeEntry = { kind: 'unknown', key: 'providers.code.unrecognised' };

/** The problem for a provider code, with the provider's own words as the detail. */
export function problemFor(table: CodeTable, provider: string, code: string, words: string | null, redact: (t: string) => string): CodeEntry & ProviderProblem {
  const entry = table[code] ?? UNKNOWN_CODE;
  return { ...entry, code, params: { provider, code, ...entry.params }, detail: words ? redact(words).slice(0, 300) : null };
}

/** Why a call came to nothing usable, and what that means for the message. */
export interface Failure {
  kind: Exclude<OutcomeKind, 'accepted'>;
  problem: ProviderProblem;
  retryAfterMs?: number;
}

/** The SendOutcome of a failure. */
export function sendOutcome(f: Failure): SendOutcome {
  const problem: ProviderProblem = { code: f.problem.code, key: f.problem.key, detail: f.problem.detail, ...(f.problem.params ? { params: f.problem.params } : {}) };
  if (f.kind === 'retry') return { kind: 'retry', ...problem, ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}) };
  return { kind: f.kind, ...problem };
}

/** A failure from a code-table entry. */
export function codeFailure(p: CodeEntry & ProviderProblem): Failure {
  return { kind: p.kind === 'accepted' ? 'unknown' : p.kind, problem: { code: p.code, key: p.key, params: p.params, detail: p.detail } };
}

/** The failure of a transport problem or of an HTTP status other than the expected ones; null when the response is usable. */
export function responseFailure(res: HttpResult, expected: number[], redact: (t: string) => string): Failure | null {
  if (!res.ok) return res.kind === 'retry' ? { kind: 'retry', problem: res.problem, ...(res.retryAfterMs !== undefined ? { retryAfterMs: res.retryAfterMs } : {}) } : { kind: 'unknown', problem: res.problem };
  if (expected.includes(res.status)) return null;
  return unexpectedStatus(res, redact);
}

/**
 * What a balance/test/cancel call throws: an ApiError (kind `provider`) whose key explains the problem
 * and whose params name the provider's code; `outcome` tells account errors (definite: wrong
 * credentials) from transport trouble.
 */
export class ProviderCallError extends ApiError {
  readonly outcome: OutcomeKind;
  readonly problem: ProviderProblem;
  static of(f: Failure): ProviderCallError {
    return new ProviderCallError(f.kind, f.problem);
  }
  constructor(outcome: OutcomeKind, problem: ProviderProblem) {
    super('provider', problem.key, { ...(problem.params ?? {}), code: problem.code, ...(problem.detail ? { detail: problem.detail } : {}) });
    this.outcome = outcome;
    this.problem = problem;
  }
}

/** +886912345678 → 0912345678; any other country → digits with the country code (no +). */
export function taiwanStyleNumber(e164: string): string {
  if (e164.startsWith('+886')) return '0' + e164.slice(4);
  return e164.replace(/^\+/, '');
}

/** A Taipei wall-clock time (no DST) as `YYYYMMDDHHMMSS` (also `YYYY/MM/DD HH:MM:SS`) → epoch ms; null if unreadable. */
export function parseTaipeiTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const d = text.replace(/\D/g, '');
  if (d.length < 12) return null;
  const [y, mo, da, h, mi, s] = [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8), d.slice(8, 10), d.slice(10, 12), d.slice(12, 14) || '0'].map(Number);
  const at = Date.UTC(y!, mo! - 1, da!, h!, mi!, s!) - 8 * 3600_000;
  return Number.isNaN(at) ? null : at;
}

/** Runs `fn` over items with at most `limit` at once, keeping the order of results. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Status queries: a query that fails says nothing about the message, so its ref reads `pending`
 * (asked again later) — but when every query of a call failed, the call throws, so the caller knows
 * the provider did not answer at all (rather than "still on its way").
 */
export class QueryFailures {
  private asked = 0;
  private failed: Failure | null = null;
  private failures = 0;
  record(failure: Failure | null): void {
    this.asked++;
    if (failure) {
      this.failures++;
      this.failed = failure;
    }
  }
  throwIfAllFailed(): void {
    if (this.asked > 0 && this.failures === this.asked && this.failed) throw ProviderCallError.of(this.failed);
  }
}
