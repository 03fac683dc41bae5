// Twilio adapter: one POST per message (no multi-recipient create), `From` or `MessagingServiceSid`,
// status by fetching the message, cancel by Status=canceled. Twilio has no SMS balance API here, so
// balance() says unsupported and the credentials are checked by fetching the account.
import { createHttpClient, malformedProblem, unexpectedStatus, type HttpResponse, type HttpResult } from '../http';
import { codeFailure, mapLimited, QueryFailures, problemFor, ProviderCallError, responseFailure, sendOutcome, type Failure } from '../common';
import type { CancelOutcome, Provider, ProviderFactory, SendOutcome, StatusOutcome } from '../types';
import { TWILIO_CODES, TWILIO_DELIVERY_ERRORS, TWILIO_STATUS } from './codes';
import { accountRequest, cancelRequest, createRequest, fetchRequest, parseError, parseMessage, TWILIO_BASE_URL } from './wire';

const NAME = 'Twilio';
const PARALLEL = 4;

export const createTwilioProvider: ProviderFactory = (account, context): Provider => {
  const creds = { accountSid: account.username ?? '', authToken: account.secret ?? '' };
  const sender = account.sender ?? '';
  const http = createHttpClient({ baseUrl: account.baseUrl ?? TWILIO_BASE_URL, secrets: [account.secret], timeouts: context.http, now: () => context.clock.now() });

  /** A Twilio error answer → its failure (by code when we know it, else by HTTP status). */
  const errorFailure = (res: HttpResponse): Failure => {
    const err = parseError(res.body);
    if (err && TWILIO_CODES[err.code]) return codeFailure(problemFor(TWILIO_CODES, NAME, err.code, err.message, http.redact));
    const u = unexpectedStatus(res, http.redact);
    return err ? { kind: u.kind, problem: { ...u.problem, code: err.code, detail: http.redact(err.message) || null } } : u;
  };
  /** The parsed body of an expected status, or the failure. */
  const read = (res: HttpResult, expected: number[]): { body: string } | { failure: Failure } => {
    if (!res.ok) return { failure: responseFailure(res, expected, http.redact)! };
    if (!expected.includes(res.status)) return { failure: errorFailure(res) };
    return { body: res.body };
  };

  return {
    name: 'twilio',
    capabilities: {
      multiRecipient: false,
      idempotencyKey: false,
      longSms: true,
      balance: false,
      cancel: true,
      reportDeadlineMs: 72 * 3600_000,
      maxRecipientsPerRequest: 1,
      maxLength: 1600,
      charset: 'UTF-8',
      usernameKind: 'accountSid',
    },
    async send(batch) {
      if (!sender) {
        const problem = { code: 'no_sender', key: 'providers.code.badSender', params: { provider: NAME, code: 'From' }, detail: null };
        return batch.map(() => sendOutcome({ kind: 'account', problem }));
      }
      return mapLimited(batch, PARALLEL, async (m): Promise<SendOutcome> => {
        const r = read(await http.call(createRequest(creds, m.to, m.text, sender)), [200, 201]);
        if ('failure' in r) return sendOutcome(r.failure);
        const msg = parseMessage(r.body);
        if (!msg) return sendOutcome({ kind: 'unknown', problem: malformedProblem(r.body, http.redact) });
        return { kind: 'accepted', providerMessageId: msg.sid };
      });
    },
    async status(refs) {
      const now = context.clock.now();
      const failures = new QueryFailures();
      const outcomes = await mapLimited(refs, PARALLEL, async (ref): Promise<StatusOutcome> => {
        const r = read(await http.call(fetchRequest(creds, ref.providerMessageId)), [200]);
        failures.record('failure' in r ? r.failure : null);
        const msg = 'body' in r ? parseMessage(r.body) : null;
        const state = msg ? TWILIO_STATUS[msg.status] : undefined;
        if (!msg || !state || state === 'pending') return { state: 'pending' };
        if (state === 'delivered') return { state: 'delivered', at: msg.dateUpdated ?? now };
        const code = msg.status === 'canceled' ? 'canceled' : (msg.errorCode ?? msg.status);
        const known = msg.status === 'canceled' ? { state: 'failed' as const, key: 'providers.status.cancelled' } : (TWILIO_DELIVERY_ERRORS[code] ?? { state: 'failed' as const, key: 'providers.status.undeliverable' });
        return { state: known.state, code, key: known.key, params: { provider: NAME, code }, detail: msg.errorMessage ? http.redact(msg.errorMessage) : msg.status };
      });
      failures.throwIfAllFailed();
      return outcomes;
    },
    async balance() {
      return { balance: null, unit: null, supported: false };
    },
    async verify() {
      const r = read(await http.call(accountRequest(creds)), [200]);
      if ('failure' in r) throw ProviderCallError.of(r.failure);
    },
    async cancel(refs) {
      return mapLimited(refs, PARALLEL, async (ref): Promise<CancelOutcome> => {
        const r = read(await http.call(cancelRequest(creds, ref.providerMessageId)), [200]);
        if ('failure' in r) {
          const p = r.failure.problem;
          // Twilio refuses to cancel what is no longer scheduled: a 4xx here means "too late".
          return r.failure.kind === 'rejected' ? { kind: 'too_late', code: p.code, key: 'providers.cancel.tooLate', params: { provider: NAME, code: p.code }, detail: p.detail } : { kind: 'error', ...p };
        }
        return parseMessage(r.body)?.status === 'canceled' ? { kind: 'cancelled' } : { kind: 'error', ...malformedProblem(r.body, http.redact) };
      });
    },
    close: () => http.close(),
  };
};
