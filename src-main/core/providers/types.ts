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
  /** The previous attempt of this message ended `unknown` (an operator's resend): use the provider's duplicate guard if it has one. */
  previousAttemptUnknown?: boolean;
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
  /** Default per-account sending limits (an account's own columns override them). */
  defaultRatePerSecond?: number;
  defaultConcurrency?: number;
  /** Most recipients one send request may carry (1 when neither multiRecipient nor mixedTexts). */
  maxRecipientsPerRequest?: number;
  /** One request may carry different texts to different numbers (Mitake's SmBulkSend), not only one text. */
  mixedTexts?: boolean;
  /** Most segments one message may have at this provider. */
  maxSegments?: number;
  /** Most characters one message may have at this provider. */
  maxLength?: number;
  /** The charset we send in. */
  charset?: 'UTF-8';
  /** The account's user field means this (for labels): user id, or Twilio's Account SID. */
  usernameKind?: 'user' | 'accountSid';
}

/** What a cancel of an accepted (provider-side scheduled) message came to. */
export type CancelOutcome =
  | { kind: 'cancelled' }
  /** Already sent or not found: nothing to cancel at the provider. */
  | ({ kind: 'too_late' } & ProviderProblem)
  | ({ kind: 'error' } & ProviderProblem);

/** HTTP timeouts for adapters (tests shorten them). */
export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface Provider {
  readonly name: ProviderName;
  readonly capabilities: ProviderCapabilities;
  /** One outcome per message, in order. */
  send(batch: OutgoingMessage[]): Promise<SendOutcome[]>;
  /** One outcome per ref, in order. */
  status(refs: StatusRef[]): Promise<StatusOutcome[]>;
  balance(): Promise<Balance>;
  /** Checks the credentials without sending (where balance() cannot); throws a ProviderCallError. */
  verify?(): Promise<void>;
  /** Cancels accepted messages, one outcome per ref, where the provider supports it. */
  cancel?(refs: StatusRef[]): Promise<CancelOutcome[]>;
  /** Releases sockets (called when the adapter is rebuilt or the core closes). */
  close?(): Promise<void>;
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
  /** HTTP timeouts for real providers; defaults when left out. */
  http?: Partial<HttpTimeouts>;
}

export type ProviderFactory = (account: ProviderAccount, context: ProviderContext) => Provider;
