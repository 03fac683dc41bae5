// Putting messages into the outbox: one implementation for the composer, the CLI and (later) the
// integration API. Numbers are parsed and de-duplicated, the time is resolved in the shop's zone,
// segments are counted once, and every row gets its idempotency key at creation.
import { ApiError } from '../../../src-shared/api/errors';
import type { MessageStatus, Rejection } from '../../../src-shared/api/schemas';
import { parseRecipients } from '../../../src-shared/phone/recipients';
import { countSegments } from '../../../src-shared/sms/segments';
import { parseScheduleTime } from '../../../src-shared/time/zoned';
import type { ParsedInput } from '../../../src-shared/api/contract';
import type { AccountsService } from '../accounts/service';
import type { EventBus } from '../events/bus';
import type { SettingsService } from '../settings/service';
import type { Clock } from '../types';
import type { MessageRepository } from './repository';
import type { Transitioner } from './transitions';
import { newIdempotencyKey } from './idempotency-key';

/** A time more than this far in the past is refused rather than sent late. */
export const PAST_TOLERANCE_MS = 5000;
/** Upper bound of one message (the longest concatenated SMS providers accept is about 10 parts). */
export const MAX_SEGMENTS = 10;

export interface OutboxDeps {
  repo: MessageRepository;
  transitions: Transitioner;
  accounts: AccountsService;
  settings: SettingsService;
  bus: EventBus;
  clock: Clock;
  wake: () => void;
  /** Who is sending: the OS user of this process (recorded on each message for the log). */
  operator?: string | null;
}

export function createOutboxService(deps: OutboxDeps) {
  const { repo, transitions, accounts, settings, bus, clock } = deps;

  function send(input: ParsedInput<'messages.send'>) {
    const now = clock.now();
    if (input.text.trim().length === 0) throw new ApiError('validation', 'errors.text.empty');
    const counted = countSegments(input.text);
    if (counted.segments > MAX_SEGMENTS) throw new ApiError('validation', 'errors.text.tooLong', { segments: counted.segments, max: MAX_SEGMENTS });

    const timeZone = settings.get('shop.timeZone') as string;
    let at: number | null = null;
    if (input.at !== undefined && input.at.trim() !== '') {
      at = parseScheduleTime(input.at, timeZone);
      if (at === null) throw new ApiError('validation', 'errors.time.invalid', { at: input.at.slice(0, 64) });
      if (at < now - PAST_TOLERANCE_MS) throw new ApiError('validation', 'errors.time.past', { at: input.at.slice(0, 64) });
    }

    const account = input.account ? accounts.byName(input.account) : accounts.defaultAccount();
    if (!account) throw new ApiError('validation', 'errors.account.none');

    const { valid, rejected } = parseRecipients(input.to, settings.get('shop.region') as string);
    const rejections: Rejection[] = rejected.map((r) => ({ to: r.raw, code: r.code }));
    if (valid.length === 0) return { messages: [], rejected: rejections };

    const status: 'queued' | 'scheduled' = at !== null && at > now ? 'scheduled' : 'queued';
    const ids = repo.insertMany(
      valid.map((r) => ({
        idempotencyKey: newIdempotencyKey(now),
        accountId: account.id,
        toE164: r.e164,
        toRaw: r.raw,
        text: input.text,
        encoding: counted.encoding,
        segments: counted.segments,
        status,
        origin: input.origin,
        memo: input.memo?.trim() ? input.memo.trim() : null,
        testMode: account.testMode,
        scheduledAt: at,
        scheduledTz: at !== null ? timeZone : null,
        nextActionAt: at ?? now,
        createdAt: now,
        purpose: input.purpose ?? 'notification',
        operator: deps.operator ?? null,
      })),
    );
    bus.emit({ type: 'messages.changed', ids, source: 'local' });
    deps.wake();
    return {
      messages: ids.map((id, i) => ({ id, to: valid[i]!.e164, status: status as MessageStatus })),
      rejected: rejections,
    };
  }

  function cancel(id: number) {
    const row = repo.get(id);
    if (!row) throw new ApiError('not_found', 'errors.notFound.message', { id });
    const from = row.status;
    if (from !== 'scheduled' && from !== 'queued' && from !== 'draft') throw new ApiError('conflict', 'errors.conflict.notCancellable', { status: from });
    const now = clock.now();
    if (!transitions.transition(id, from, 'cancelled', now, { next_action_at: null, final_at: now }, { code: 'operator' })) {
      const current = repo.get(id)?.status ?? from;
      throw new ApiError('conflict', 'errors.conflict.notCancellable', { status: current });
    }
    bus.emit({ type: 'messages.changed', ids: [id], source: 'local' });
    deps.wake();
  }

  // The operator's "resend" goes through the pre-send check: see compose/resend.ts.

  /** The operator's verdict on an `unknown` message: it did not arrive. */
  function markFailed(id: number) {
    const row = repo.row(id);
    if (!row) throw new ApiError('not_found', 'errors.notFound.message', { id });
    const now = clock.now();
    const moved = row.status === 'unknown' && transitions.transition(id, 'unknown', 'failed', now,
      { next_action_at: null, final_at: now, error_code: 'operator', error_key: 'sending.operator.markedFailed', error_params: null, error_detail: null },
      { code: 'operator' });
    if (!moved) throw new ApiError('conflict', 'sending.conflict.notMarkable', { status: repo.row(id)?.status ?? row.status });
    bus.emit({ type: 'messages.changed', ids: [id], source: 'local' });
  }

  return { send, cancel, markFailed };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
