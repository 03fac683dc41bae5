// Mitake (三竹) adapter, API v2.14: SmSend with our idempotency key as `clientid`, so a resend of the
// same message within 12 h is answered with the first result (Duplicate=Y) instead of a second SMS;
// several messages (different texts too) go in one SmBulkSend, each record with its own clientid;
// SmQuery for reports (≤100 ids a call) and the balance; SmCancel. At most 15 sockets per account.
import { createHttpClient, malformedProblem, type HttpResult } from '../http';
import { codeFailure, mapLimited, QueryFailures, parseTaipeiTime, problemFor, ProviderCallError, responseFailure, sendOutcome, type Failure } from '../common';
import type { CancelOutcome, OutgoingMessage, Provider, ProviderFactory, SendOutcome, StatusOutcome } from '../types';
import { MITAKE_CODES, MITAKE_STATUS } from './codes';
import { balanceRequest, bulkSafe, bulkSendRequest, cancelRequest, clientIdOf, parseBlocks, parseCancel, parseQuery, queryRequest, sendRequest, MAX_BULK_RECORDS, MITAKE_BASE_URL, type SendBlock } from './wire';

const NAME = 'Mitake';
const PARALLEL = 4;
const MAX_IDS = 100;

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

export const createMitakeProvider: ProviderFactory = (account, context): Provider => {
  const creds = { username: account.username ?? '', password: account.secret ?? '' };
  const http = createHttpClient({ baseUrl: account.baseUrl ?? MITAKE_BASE_URL, secrets: [account.secret], timeouts: context.http, connections: 15, now: () => context.clock.now() });
  const codeFail = (code: string) => codeFailure(problemFor(MITAKE_CODES, NAME, code, null, http.redact));
  const failOf = (res: HttpResult): Failure | null => responseFailure(res, [200], http.redact);
  const malformed = (res: HttpResult): Failure => ({ kind: 'unknown', problem: malformedProblem(res.ok ? res.body : '', http.redact) });
  const bodyOf = (res: HttpResult) => (res.ok ? res.body : '');

  /** One block's answer for one message (SmSend's only block, or SmBulkSend's block for its clientid). */
  const outcomeOf = (block: SendBlock | undefined, res: HttpResult): SendOutcome => {
    if (!block?.statuscode) return sendOutcome(malformed(res));
    const entry = MITAKE_CODES[block.statuscode];
    if (entry?.kind === 'accepted') {
      // A Duplicate=Y answer replays the first acceptance: the same msgid, nothing sent twice.
      if (!block.msgid) return sendOutcome(malformed(res));
      return { kind: 'accepted', providerMessageId: block.msgid };
    }
    return sendOutcome(codeFail(block.statuscode));
  };

  async function sendOne(m: OutgoingMessage): Promise<SendOutcome> {
    const res = await http.call(sendRequest(creds, m.to, m.text, m.idempotencyKey));
    const fail = failOf(res);
    if (fail) return sendOutcome(fail);
    const parsed = parseBlocks(bodyOf(res));
    if (!parsed) return sendOutcome(malformed(res));
    if ('error' in parsed) return sendOutcome(codeFail(parsed.error));
    return outcomeOf(parsed.blocks[0], res);
  }

  /** One SmBulkSend for several messages; each answer is found by its record's clientid. */
  async function sendBulk(group: OutgoingMessage[]): Promise<SendOutcome[]> {
    const res = await http.call(bulkSendRequest(creds, group));
    const fail = failOf(res);
    if (fail) return group.map(() => sendOutcome(fail));
    const parsed = parseBlocks(bodyOf(res));
    if (!parsed) return group.map(() => sendOutcome(malformed(res)));
    if ('error' in parsed) return group.map(() => sendOutcome(codeFail(parsed.error)));
    // A global refusal (bad password, too many connections…) answers one block that is no record's.
    const only = parsed.blocks.length === 1 ? parsed.blocks[0]! : undefined;
    const isRecord = (b: SendBlock) => group.some((m) => clientIdOf(m.idempotencyKey) === b.clientid);
    const global = only && !isRecord(only) && only.statuscode && MITAKE_CODES[only.statuscode]?.kind !== 'accepted' ? only : undefined;
    const byClient = new Map(parsed.blocks.map((b) => [b.clientid, b]));
    return group.map((m) => outcomeOf(global ?? byClient.get(clientIdOf(m.idempotencyKey)), res));
  }

  return {
    name: 'mitake',
    capabilities: {
      multiRecipient: false,
      mixedTexts: true,
      idempotencyKey: true,
      longSms: true,
      balance: true,
      cancel: true,
      reportDeadlineMs: 72 * 3600_000,
      // SmBulkSend takes 500; 100 keeps one lost answer from covering too many messages.
      maxRecipientsPerRequest: 100,
      charset: 'UTF-8',
      usernameKind: 'user',
    },
    async send(batch) {
      // Bulk where it helps and is safe: more than one message, and texts a record can carry.
      const results = new Array<SendOutcome>(batch.length);
      const single: number[] = [];
      const bulk: number[] = [];
      batch.forEach((m, i) => (batch.length > 1 && bulkSafe(m.text) ? bulk : single).push(i));
      if (bulk.length === 1) single.push(bulk.pop()!);
      const groups = chunks(bulk, MAX_BULK_RECORDS);
      await Promise.all([
        mapLimited(single, PARALLEL, async (i) => void (results[i] = await sendOne(batch[i]!))),
        mapLimited(groups, PARALLEL, async (indexes) => {
          const outcomes = await sendBulk(indexes.map((i) => batch[i]!));
          indexes.forEach((i, k) => (results[i] = outcomes[k]!));
        }),
      ]);
      return results;
    },
    async status(refs) {
      const found = new Map<string, { status: string; time: string | null }>();
      // An empty id (the send's answer was never read) cannot be asked about: SmQuery would answer the balance.
      const ids = [...new Set(refs.map((r) => r.providerMessageId).filter(Boolean))];
      const failures = new QueryFailures();
      await mapLimited(chunks(ids, MAX_IDS), PARALLEL, async (group) => {
        const res = await http.call(queryRequest(creds, group));
        const fail = failOf(res);
        failures.record(fail);
        if (fail) return;
        const parsed = parseQuery(bodyOf(res));
        if (parsed && !('error' in parsed)) for (const [k, v] of parsed) found.set(k, v);
      });
      failures.throwIfAllFailed();
      const now = context.clock.now();
      return refs.map((ref): StatusOutcome => {
        const row = found.get(ref.providerMessageId) ?? found.get(ref.providerMessageId.replace(/^#/, ''));
        const mapped = row ? MITAKE_STATUS[row.status] : undefined;
        if (!row || !mapped || mapped.state === 'pending') return { state: 'pending' };
        if (mapped.state === 'delivered') return { state: 'delivered', at: parseTaipeiTime(row.time) ?? now };
        return { state: mapped.state, code: row.status, key: mapped.key, params: { provider: NAME, code: row.status }, detail: null };
      });
    },
    async balance() {
      const res = await http.call(balanceRequest(creds));
      const fail = failOf(res);
      if (fail) throw ProviderCallError.of(fail);
      const parsed = parseBlocks(bodyOf(res));
      if (!parsed) throw ProviderCallError.of(malformed(res));
      if ('error' in parsed) throw ProviderCallError.of(codeFail(parsed.error));
      const code = parsed.blocks.find((b) => b.statuscode)?.statuscode;
      if (code && MITAKE_CODES[code]?.kind !== 'accepted') throw ProviderCallError.of(codeFail(code));
      if (parsed.accountPoint === null) throw ProviderCallError.of(malformed(res));
      return { balance: parsed.accountPoint, unit: 'points', supported: true };
    },
    async cancel(refs) {
      const answers = new Map<string, CancelOutcome>();
      const ids = [...new Set(refs.map((r) => r.providerMessageId))];
      await mapLimited(chunks(ids, MAX_IDS), PARALLEL, async (group) => {
        const res = await http.call(cancelRequest(creds, group));
        const fail = failOf(res);
        const parsed = fail ? null : parseCancel(bodyOf(res));
        for (const id of group) {
          const code = parsed?.get(id);
          if (fail) answers.set(id, { kind: 'error', ...fail.problem });
          else if (code === undefined) answers.set(id, { kind: 'error', ...malformed(res).problem });
          else if (code === '9') answers.set(id, { kind: 'cancelled' });
          else if (code === '0') answers.set(id, { kind: 'error', code, key: 'providers.code.serviceSuspended', params: { provider: NAME, code }, detail: null });
          // 1–8: already on its way or done; ?: no such message for this account.
          else answers.set(id, { kind: 'too_late', code, key: 'providers.cancel.tooLate', params: { provider: NAME, code }, detail: null });
        }
      });
      return refs.map((r) => answers.get(r.providerMessageId)!);
    },
    close: () => http.close(),
  };
};
