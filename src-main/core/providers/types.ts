// One interface for every SMS provider (DESIGN.md §6). Scheduling is always ours; providers only
// send, report status, tell the balance and (where they can) cancel.
import type { Clock } from '../types';
import type { ProviderName } from '../../../src-shared/api/schemas';

export interface OutgoingMessage {
  messageId: number;
  idempotencyKey: string;
  /** E.164 */
  to: string;
  text: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

/** An explanation a person can read: an i18n key with params, plus the provider's own code and words. */
export interface ProviderProblem {
  code: string;
  key: string;
  params?: Record<string, string | number>;
  detail: string | null;
}

export type SendOutcome =
  | { kind: 'accepted'; providerMessageId: string }
  /** Definitely refused for this message (bad number, content): → failed. */
  | ({ kind: 'rejected' } & ProviderProblem)
  /** Failed before the provider could have accepted it: safe to retry automatically. */
  | ({ kind: 'retry'; retryAfterMs?: number } & ProviderProblem)
  /** May or may not have reached the provider: never resent automatically. */
  | ({ kind: 'unknown' } & ProviderProblem)
  /** The account itself is refused (credentials, IP, disabled): message failed, account paused. */
  | ({ kind: 'account' } & ProviderProblem)
  /** Out of credit: nothing was sent; the message goes back to the queue and the account pauses. */
  | ({ kind: 'no_credit' } & ProviderProblem);

export interface StatusRef {
  /** Empty when the provider's answer to the send was never read (a crash, a timeout): see idempotencyKey. */
  providerMessageId: string;
  /** Our key, sent with the message where the provider takes one (capabilities.idempotencyKey). */
  idempotencyKey?: string;
  to: string;
  acceptedAt: number;
}

export type StatusOutcome =
  | { state: 'pending' }
  | { state: 'delivered'; at: number }
  | ({ state: 'failed' } & ProviderProblem)
  | ({ state: 'expired' } & ProviderProblem)
  /**
   * The provider has no such message (looked up by idempotency key or id): it never arrived. Only
   * an adapter whose lookup is authoritative (capabilities.idempotencyKey) may say so.
   */
  | { state: 'not_found' };

export interface Balance {
  balance: number | null;
  unit: string | null;
  supported: boolean;
}

export interface ProviderCapabilities {
  multiRecipient: boolean;
  idempotencyKey: boolean;
  longSms: boolean;
  balance: boolean;
  cancel: boolean;
  /** How long delivery reports may take before we stop asking (ms). */
  reportDeadlineMs: number;
  /** Most recipients of one text in one request, when multiRecipient (default 100). */
  maxBatch?: number;
  /** Default per-account limits (an account's own columns override them). */
  defaultRatePerSecond?: number;
  defaultConcurrency?: number;
}

export interface Provider {
  readonly name: ProviderName;
  readonly capabilities: ProviderCapabilities;
  /** One outcome per message, in order. */
  send(batch: OutgoingMessage[]): Promise<SendOutcome[]>;
  /** One outcome per ref, in order. */
  status(refs: StatusRef[]): Promise<StatusOutcome[]>;
  balance(): Promise<Balance>;
}

export interface ProviderAccount {
  id: number;
  name: string;
  provider: ProviderName;
  baseUrl: string | null;
  username: string | null;
  /** The opened secret, or null when none is stored or it cannot be opened here ("password needed"). */
  secret: string | null;
  sender: string | null;
}

export interface ProviderContext {
  clock: Clock;
  /** Reads a setting at call time (e.g. the sandbox's delivery delay). */
  setting: (key: 'sandbox.deliveryDelayMs') => number;
}

export type ProviderFactory = (account: ProviderAccount, context: ProviderContext) => Provider;
