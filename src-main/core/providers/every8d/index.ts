// EVERY8D (互動資通) adapter, HTTP API 2.1: one request for every number that gets the same text (the
// API's comma-separated DEST), one BATCH_ID for them, reports polled per batch and matched by number,
// credit via getCredit.ashx, cancel via eraseBooking.ashx. A message whose previous attempt ended
// `unknown` goes through the duplicate-filtered send, so the provider drops it if it went out before.
import { createHttpClient, malformedProblem, type HttpResult } from '../http';
import { codeFailure, mapLimited, QueryFailures, parseTaipeiTime, problemFor, ProviderCallError, responseFailure, sendOutcome, type Failure } from '../common';
import type { CancelOutcome, OutgoingMessage, Provider, ProviderFactory, SendOutcome, StatusOutcome } from '../types';
import { EVERY8D_CODES, EVERY8D_STATUS } from './codes';
import { creditRequest, eraseRequest, parseError, parseSend, parseStatus, sameNumber, sendRequest, statusRequest, EVERY8D_BASE_URL, type Every8dError } from './wire';

const NAME = 'EVERY8D';
const PARALLEL = 4;
/** Numbers per request: large DEST lists are allowed, but one bad answer should not cover too many. */
const MAX_DEST = 100;

export const createEvery8dProvider: ProviderFactory = (account, context): Provider => {
  const creds = { username: account.username ?? '', password: account.secret ?? '' };
  const http = createHttpClient({ baseUrl: account.baseUrl ?? EVERY8D_BASE_URL, secrets: [account.secret], timeouts: context.http, now: () => context.clock.now() });
  const codeFail = (e: Every8dError) => codeFailure(problemFor(EVERY8D_CODES, NAME, e.code, e.words, http.redact));
  const failOf = (res: HttpResult): Failure | null => responseFailure(res, [200], http.redact);
  const malformed = (res: HttpResult): Failure => ({ kind: 'unknown', problem: malformedProblem(res.ok ? res.body : '', http.redact) });

  async function sendGroup(group: OutgoingMessage[]): Promise<SendOutcome[]> {
    const filtered = group.some((m) => m.previousAttemptUnknown);
    const res = await http.call(sendRequest(creds, group.map((m) => m.to), group[0]!.text, filtered));
    const fail = failOf(res);
    if (fail) return group.map(() => sendOutcome(fail));
    const answer = parseSend(res.ok ? res.body : '');
    if (!answer) return group.map(() => sendOutcome(malformed(res)));
    if ('error' in answer) return group.map(() => sendOutcome(codeFail(answer)));
    if (answer.sent === 0 && answer.unsent > 0) {
      // Nothing went out for lack of credit.
      const p = problemFor({ UNSEND: { kind: 'no_credit', key: 'providers.code.noCredit' } }, NAME, 'UNSEND', `${answer.credit},${answer.sent},${answer.cost},${answer.unsent}`, http.redact);
      return group.map(() => sendOutcome(codeFailure(p)));
    }
    return group.map((m): SendOutcome => {
      if (answer.failMobiles.some((n) => sameNumber(n, m.to))) {
        // The duplicate filter dropped it: the same text reached this number earlier.
        return sendOutcome({ kind: 'rejected', problem: { code: 'duplicate_filtered', key: 'providers.code.duplicateFiltered', params: { provider: NAME, code: 'FAIL_MOBILE' }, detail: null } });
      }
      return { kind: 'accepted', providerMessageId: answer.batchId };
    });
  }

  return {
    name: 'every8d',
    capabilities: {
      multiRecipient: true,
      idempotencyKey: false,
      longSms: true,
      balance: true,
      cancel: true,
      reportDeadlineMs: 72 * 3600_000,
      maxRecipientsPerRequest: MAX_DEST,
      maxSegments: 5,
      maxLength: 333,
      charset: 'UTF-8',
      usernameKind: 'user',
    },
    async send(batch) {
      // Same text → one request; results go back to each message's place in the batch.
      const groups = new Map<string, number[]>();
      batch.forEach((m, i) => {
        const key = `${m.previousAttemptUnknown ? 1 : 0}:${m.text}`;
        const list = groups.get(key) ?? [];
        if (list.length >= MAX_DEST) groups.set(`${key}#${i}`, [i]);
        else groups.set(key, [...list, i]);
      });
      const results = new Array<SendOutcome>(batch.length);
      await mapLimited([...groups.values()], PARALLEL, async (indexes) => {
        const outcomes = await sendGroup(indexes.map((i) => batch[i]!));
        indexes.forEach((i, k) => (results[i] = outcomes[k]!));
      });
      return results;
    },
    async status(refs) {
      const batches = [...new Set(refs.map((r) => r.providerMessageId))];
      const rowsByBatch = new Map<string, ReturnType<typeof parseStatus>>();
      const failures = new QueryFailures();
      await mapLimited(batches, PARALLEL, async (bid) => {
        const res = await http.call(statusRequest(creds, bid, 1));
        const fail = failOf(res);
        failures.record(fail);
        rowsByBatch.set(bid, fail || !res.ok ? null : parseStatus(res.body));
      });
      failures.throwIfAllFailed();
      const now = context.clock.now();
      return refs.map((ref): StatusOutcome => {
        const rows = rowsByBatch.get(ref.providerMessageId);
        if (!rows || 'error' in rows) return { state: 'pending' };
        const row = rows.find((r) => sameNumber(r.mobile, ref.to));
        if (!row) return { state: 'pending' };
        const mapped = EVERY8D_STATUS[row.status] ?? (row.status.startsWith('-') ? { state: 'failed' as const, key: (EVERY8D_CODES[row.status] ?? { key: 'providers.status.rejected' }).key } : undefined);
        if (!mapped || mapped.state === 'pending') return { state: 'pending' };
        if (mapped.state === 'delivered') return { state: 'delivered', at: parseTaipeiTime(row.receivedAt) ?? now };
        return { state: mapped.state, code: row.status, key: mapped.key, params: { provider: NAME, code: row.status }, detail: null };
      });
    },
    async balance() {
      const res = await http.call(creditRequest(creds));
      const fail = failOf(res);
      if (fail) throw ProviderCallError.of(fail);
      const body = res.ok ? res.body.trim() : '';
      const err = parseError(body);
      if (err) throw ProviderCallError.of(codeFail(err));
      if (!/^\d+(\.\d+)?$/.test(body)) throw ProviderCallError.of(malformed(res));
      return { balance: Number(body), unit: 'points', supported: true };
    },
    async cancel(refs) {
      const byBatch = new Map<string, CancelOutcome>();
      await mapLimited([...new Set(refs.map((r) => r.providerMessageId))], PARALLEL, async (bid) => {
        const res = await http.call(eraseRequest(creds, bid));
        const fail = failOf(res);
        const body = res.ok ? res.body.trim() : '';
        const err = parseError(body);
        if (fail) byBatch.set(bid, { kind: 'error', ...fail.problem });
        else if (err) byBatch.set(bid, { kind: 'error', ...codeFail(err).problem });
        // `rows,credits` — rows 0 or an empty body: nothing scheduled was found any more.
        else if (/^[1-9]\d*\s*,/.test(body)) byBatch.set(bid, { kind: 'cancelled' });
        else byBatch.set(bid, { kind: 'too_late', code: 'not_found', key: 'providers.cancel.tooLate', params: { provider: NAME, code: body || '—' }, detail: null });
      });
      return refs.map((r) => byBatch.get(r.providerMessageId)!);
    },
    close: () => http.close(),
  };
};
