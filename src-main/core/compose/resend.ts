// The operator's "resend" of a message from the log (issues 6 and 9): a new message, linked to the
// original, that goes through the same pre-send check as the composer (compose.check) — the text as it
// was sent (no placeholders read again), to the same number, through the same account. An opted-out,
// invalid or frequency-capped number, or any other error, refuses it; warnings (quiet hours, no sender
// tag…) must be acknowledged, as in the composer.
import type { CheckCode, ComposeCheckReport, ComposeDraft } from '../../../src-shared/api/compose-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { MessageStatus } from '../../../src-shared/api/schemas';
import type { AccountsService } from '../accounts/service';
import type { EventBus } from '../events/bus';
import type { MessageRepository, MessageRow } from '../outbox/repository';
import type { Clock } from '../types';
import type { ComposeService } from './service';

/** What the operator may send again: the fate is unknown, or it certainly did not arrive. */
export const RESENDABLE: readonly MessageStatus[] = ['unknown', 'failed', 'expired', 'missed'];

export type ResendOrigin = 'composer' | 'cli';

export interface ResendDeps {
  compose: ComposeService;
  repo: MessageRepository;
  accounts: Pick<AccountsService, 'byId'>;
  bus: EventBus;
  clock: Clock;
}

/** The first error of a check as the ApiError a refused send gives (its key names the finding). */
export function checkError(report: ComposeCheckReport): ApiError | null {
  const error = report.issues.find((i) => i.severity === 'error');
  if (!error) return null;
  return new ApiError('validation', `composeCore.checks.${error.code}`, { count: error.count, ...(error.params ?? {}), ...(error.examples[0]?.params ?? {}) });
}

export function createResend(deps: ResendDeps) {
  const { compose, repo, accounts, bus, clock } = deps;

  function original(id: number): { row: MessageRow; draft: ComposeDraft } {
    const row = repo.row(id);
    if (!row) throw new ApiError('not_found', 'errors.notFound.message', { id });
    if (!RESENDABLE.includes(row.status)) throw new ApiError('conflict', 'sending.conflict.notResendable', { status: row.status });
    const draft: ComposeDraft = {
      // The number as stored (E.164): the shop's region may have changed since it was typed.
      recipients: { numbers: [row.to_e164] },
      text: row.text,
      purpose: row.purpose,
      account: accounts.byId(row.account_id).name,
      ...(row.memo ? { memo: row.memo.slice(0, 500) } : {}),
    };
    return { row, draft };
  }

  /** What the check says about sending this message again now. */
  function check(id: number, origin: ResendOrigin = 'composer'): ComposeCheckReport {
    return compose.check(original(id).draft, { origin, literal: true });
  }

  /**
   * Sends it again: refused (ApiError) on any error of the check, or a warning not in `acknowledged`.
   * Returns the new message's id.
   */
  function resend(id: number, options: { origin?: ResendOrigin; acknowledged?: readonly CheckCode[] } = {}): number {
    const { row, draft } = original(id);
    const origin = options.origin ?? 'composer';
    const now = clock.now();
    const error = checkError(compose.check(draft, { origin, literal: true, now }));
    if (error) throw error;
    const sent = compose.send(draft, { origin, literal: true, resendOf: row.id, acknowledged: options.acknowledged ?? [], now });
    const copy = sent.messages[0];
    if (!copy) throw checkError(sent.report) ?? new ApiError('validation', 'composeCore.checks.no_recipients', { count: 0 });
    // The original stops waiting for a status answer: the operator decided.
    if (row.status === 'unknown') {
      repo.stopChecking(row.id, now);
      bus.emit({ type: 'messages.changed', ids: [row.id], source: 'local' });
    }
    return copy.id;
  }

  return { check, resend };
}

export type Resend = ReturnType<typeof createResend>;
