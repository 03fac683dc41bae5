// TwSMS (台灣簡訊) adapter: one message per request (no multi-recipient send in the API), long SMS
// switched on by segment count, delivery reports polled by mobile + msgid, balance via checkpoint=Y,
// cancel via deltime=Y. No idempotency key: a lost answer leaves the message `unknown`.
import { createHttpClient, malformedProblem, type HttpResult } from '../http';
import { codeFailure, mapLimited, QueryFailures, parseTaipeiTime, problemFor, ProviderCallError, responseFailure, sendOutcome, type Failure } from '../common';
import type { CancelOutcome, Provider, ProviderFactory, SendOutcome, StatusOutcome } from '../types';
import { TWSMS_CODES, TWSMS_STATUS } from './codes';
import { balanceRequest, cancelRequest, parseAnswer, queryRequest, sendRequest, TWSMS_BASE_URL, type TwsmsAnswer } from './wire';

const NAME = 'TwSMS';
/** Platform capacity is 40–50 req/s; a few at once per account is plenty. */
const PARALLEL = 4;

export const createTwsmsProvider: ProviderFactory = (account, context): Provider => {
  const creds = { username: account.username ?? '', password: account.secret ?? '' };
  const http = createHttpClient({
    baseUrl: account.baseUrl ?? TWSMS_BASE_URL,
    secrets: [account.secret],
    timeouts: context.http,
    now: () => context.clock.now(),
  });
  const problem = (a: TwsmsAnswer) => problemFor(TWSMS_CODES, NAME, a.code, a.text, http.redact);

  /** The answer, or the failure that stands for the whole call. */
  const read = (res: HttpResult): { answer: TwsmsAnswer } | { failure: Failure } => {
    const failure = responseFailure(res, [200], http.redact);
    if (failure) return { failure };
    const answer = res.ok ? parseAnswer(res.body) : null;
    if (!answer) return { failure: { kind: 'unknown', problem: malformedProblem(res.ok ? res.body : '', http.redact) } };
    return { answer };
  };

  /** For calls other than send: the answer with code 00000, or a thrown ProviderCallError. */
  const readOk = (res: HttpResult): TwsmsAnswer => {
    const r = read(res);
    if ('failure' in r) throw ProviderCallError.of(r.failure);
    const p = problem(r.answer);
    if (p.kind !== 'accepted') throw ProviderCallError.of(codeFailure(p));
    return r.answer;
  };

  return {
    name: 'twsms',
    capabilities: {
      multiRecipient: false,
      idempotencyKey: false,
      longSms: true,
      balance: true,
      cancel: true,
      reportDeadlineMs: 72 * 3600_000,
      maxRecipientsPerRequest: 1,
      maxSegments: 5,
      maxLength: 335,
      charset: 'UTF-8',
      usernameKind: 'user',
    },
    async send(batch) {
      return mapLimited(batch, PARALLEL, async (m): Promise<SendOutcome> => {
        const r = read(await http.call(sendRequest(creds, m.to, m.text, m.segments)));
        if ('failure' in r) return sendOutcome(r.failure);
        const a = r.answer;
        const p = problem(a);
        if (p.kind !== 'accepted') return sendOutcome(codeFailure(p));
        // Success without a msgid: it may be accepted, but we could never ask about it.
        if (!a.msgid) return sendOutcome({ kind: 'unknown', problem: malformedProblem(JSON.stringify(a), http.redact) });
        return { kind: 'accepted', providerMessageId: a.msgid };
      });
    },
    async status(refs) {
      const now = context.clock.now();
      const failures = new QueryFailures();
      const outcomes = await mapLimited(refs, PARALLEL, async (ref): Promise<StatusOutcome> => {
        const r = read(await http.call(queryRequest(creds, ref.to, ref.providerMessageId, ref.acceptedAt, now)));
        failures.record('failure' in r ? r.failure : null);
        // A failed query, or a code other than 00000 (00001: no report yet), says nothing final: ask again later.
        if ('failure' in r || r.answer.code !== '00000') return { state: 'pending' };
        const a = r.answer;
        const word = (a.statustext ?? '').toUpperCase();
        const mapped = TWSMS_STATUS[word];
        if (!mapped || mapped.state === 'pending') return { state: 'pending' };
        if (mapped.state === 'delivered') return { state: 'delivered', at: parseTaipeiTime(a.donetime) ?? now };
        return { state: mapped.state, code: word, key: mapped.key, params: { provider: NAME, code: word }, detail: a.statustext };
      });
      failures.throwIfAllFailed();
      return outcomes;
    },
    async balance() {
      const a = readOk(await http.call(balanceRequest(creds)));
      if (a.point === null) throw ProviderCallError.of({ kind: 'unknown', problem: malformedProblem(JSON.stringify(a), http.redact) });
      return { balance: a.point, unit: 'points', supported: true };
    },
    async cancel(refs) {
      return mapLimited(refs, PARALLEL, async (ref): Promise<CancelOutcome> => {
        const r = read(await http.call(cancelRequest(creds, ref.to, ref.providerMessageId)));
        if ('failure' in r) return { kind: 'error', ...r.failure.problem };
        if (r.answer.code === '00000') return { kind: 'cancelled' };
        const p = codeFailure(problem(r.answer)).problem;
        // 00300: no such (still scheduled) message — it went out already or never existed.
        return r.answer.code === '00300' ? { kind: 'too_late', ...p } : { kind: 'error', ...p };
      });
    },
    close: () => http.close(),
  };
};
