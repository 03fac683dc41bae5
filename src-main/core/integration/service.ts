// The integration API's calls (issue 7), in the core: check the caller's key, answer a repeated
// idempotency key with the first answer, and otherwise do exactly what the composer or the CLI would —
// messages.send for plain text, compose.send for a template or an event's template. Nothing here
// sends, schedules or checks on its own. Messages made here have origin `api`, so quiet hours govern them.
import { createHash } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers, ParsedInput } from '../../../src-shared/api/contract';
import { checkCodes, eventKinds, type EventKind } from '../../../src-shared/api/compose-schemas';
import type { IntegrationSendResult } from '../../../src-shared/api/scheduler-schemas';
import type { Db } from '../db/client';
import { toMessageView, type MessageRepository } from '../outbox/repository';
import type { OutboxService } from '../outbox/service';
import type { Clock } from '../types';
import type { KeyStore } from './keys';

type SendAnswer = Omit<IntegrationSendResult, 'replayed'>;
type MessageRequest = ParsedInput<'integration.messages.create'>['request'];
type EventRequest = ParsedInput<'integration.events.create'>['request'];

export interface IntegrationDeps {
  db: Db;
  keys: KeyStore;
  outbox: OutboxService;
  repo: MessageRepository;
  clock: Clock;
  /** The compose handlers (templates, compose.send): the same functions the composer calls. */
  compose: Pick<ApiHandlers, 'templates.list' | 'compose.send'>;
}

/** The warnings of the pre-send check a program cannot answer: it sent the request, so it accepted them. */
const ALL_WARNINGS = [...checkCodes];

const fingerprintOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function createIntegrationService(d: IntegrationDeps) {
  const findStmt = d.db.prepare<[number, string], { fingerprint: string; response: string }>('select fingerprint, response from integration_requests where key_id = ? and idempotency_key = ?');
  const storeStmt = d.db.prepare('insert into integration_requests (key_id, idempotency_key, fingerprint, response, created_at) values (?, ?, ?, ?, ?) on conflict do nothing');
  /** Requests under way in this process, by key: a second one with the same key waits for the first. */
  const inFlight = new Map<string, Promise<SendAnswer>>();

  async function once(keyId: number, idempotencyKey: string | undefined, fingerprint: unknown, work: () => Promise<SendAnswer> | SendAnswer): Promise<IntegrationSendResult> {
    if (idempotencyKey === undefined) return { ...(await work()), replayed: false };
    const print = fingerprintOf(fingerprint);
    const stored = findStmt.get(keyId, idempotencyKey);
    if (stored) {
      if (stored.fingerprint !== print) throw new ApiError('conflict', 'integration.errors.idempotencyMismatch');
      return { ...(JSON.parse(stored.response) as SendAnswer), replayed: true };
    }
    const slot = `${keyId}\u0000${idempotencyKey}`;
    const running = inFlight.get(slot);
    if (running) {
      const answer = await running;
      return { ...answer, replayed: true };
    }
    const promise = (async () => {
      const answer = await work();
      // Stored only when the request was accepted: a refused one may be corrected and sent again under its key.
      storeStmt.run(keyId, idempotencyKey, print, JSON.stringify(answer), d.clock.now());
      return answer;
    })();
    inFlight.set(slot, promise);
    try {
      return { ...(await promise), replayed: false };
    } finally {
      inFlight.delete(slot);
    }
  }

  async function templateSend(templateId: number, body: string, to: string | string[], variables: Record<string, string | number>, req: { sendAt?: string | undefined; account?: string | undefined }): Promise<SendAnswer> {
    const result = await d.compose['compose.send']({
      draft: {
        recipients: { numbers: to },
        text: body,
        templateId,
        purpose: 'notification',
        usePrefix: false,
        useSuffix: false,
        variables,
        ...(req.account ? { account: req.account } : {}),
        ...(req.sendAt ? { at: req.sendAt } : {}),
      },
      leaveOut: true,
      acknowledged: ALL_WARNINGS,
      origin: 'api',
    });
    return { messages: result.messages, rejected: result.rejected };
  }

  async function findTemplate(ref: number | string) {
    const { templates } = await d.compose['templates.list']({});
    const found = templates.find((t) => (typeof ref === 'number' ? t.id === ref : t.name === ref));
    if (!found) throw new ApiError('not_found', 'integration.errors.noTemplate', { template: String(ref).slice(0, 60) });
    return found;
  }

  async function createMessage(apiKey: string, req: MessageRequest): Promise<IntegrationSendResult> {
    const keyId = d.keys.authenticate(apiKey, d.clock.now());
    return once(keyId, req.idempotencyKey, { path: 'messages', req: { ...req, idempotencyKey: undefined } }, async () => {
      if (req.text !== undefined) {
        return d.outbox.send({
          to: req.to, text: req.text, origin: 'api',
          ...(req.sendAt ? { at: req.sendAt } : {}),
          ...(req.account ? { account: req.account } : {}),
        });
      }
      const template = await findTemplate(req.template!);
      return templateSend(template.id, template.body, req.to, req.variables ?? {}, req);
    });
  }

  async function createEvent(apiKey: string, kind: string, req: EventRequest): Promise<IntegrationSendResult> {
    const keyId = d.keys.authenticate(apiKey, d.clock.now());
    if (!(eventKinds as readonly string[]).includes(kind)) throw new ApiError('not_found', 'integration.errors.unknownEvent', { kind: kind.slice(0, 40), kinds: eventKinds.join(', ') });
    return once(keyId, req.idempotencyKey, { path: `events/${kind}`, req: { ...req, idempotencyKey: undefined } }, async () => {
      const { templates } = await d.compose['templates.list']({});
      const template = templates.find((t) => t.eventKind === (kind as EventKind));
      if (!template) throw new ApiError('not_found', 'integration.errors.noEventTemplate', { kind });
      const variables: Record<string, string | number> = { ...(req.variables ?? {}) };
      for (const k of ['amount', 'balance', 'points', 'cardNumber', 'date', 'item'] as const) {
        const v = req[k];
        if (v !== undefined) variables[k] = v;
      }
      return templateSend(template.id, template.body, req.to, variables, req);
    });
  }

  /** A message made through the API (others are not this caller's business). */
  function getMessage(apiKey: string, id: number) {
    d.keys.authenticate(apiKey, d.clock.now());
    const row = d.repo.get(id);
    if (!row || row.origin !== 'api') throw new ApiError('not_found', 'errors.notFound.message', { id });
    return toMessageView(row);
  }

  return { createMessage, createEvent, getMessage };
}

export type IntegrationService = ReturnType<typeof createIntegrationService>;
