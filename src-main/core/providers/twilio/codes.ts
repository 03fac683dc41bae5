// Twilio error codes (providers.md §4.3) met when creating a message, and the delivery error codes of a
// failed/undelivered message. 429/20429 never reached processing and is always safe to retry.
import type { CodeTable } from '../common';

export const TWILIO_CODES: CodeTable = {
  '20003': { kind: 'account', key: 'providers.code.badCredentials' },
  '20005': { kind: 'account', key: 'providers.code.accountDisabled' },
  '20404': { kind: 'rejected', key: 'providers.code.messageNotFound' },
  '20429': { kind: 'retry', key: 'providers.code.tooManyConnections' },
  '21211': { kind: 'rejected', key: 'providers.code.badNumber' },
  '21214': { kind: 'rejected', key: 'providers.code.badNumber' },
  '21604': { kind: 'rejected', key: 'providers.code.badNumber' },
  '21614': { kind: 'rejected', key: 'providers.code.badNumber' },
  '21212': { kind: 'account', key: 'providers.code.badSender' },
  '21603': { kind: 'account', key: 'providers.code.badSender' },
  '21606': { kind: 'account', key: 'providers.code.badSender' },
  '21659': { kind: 'account', key: 'providers.code.badSender' },
  '21602': { kind: 'rejected', key: 'providers.code.emptyText' },
  '21617': { kind: 'rejected', key: 'providers.code.tooLong' },
  '21408': { kind: 'rejected', key: 'providers.code.internationalNotAllowed' },
  '21610': { kind: 'rejected', key: 'providers.code.blacklisted' },
  // The sender's queue already holds 10 h of messages: refused synchronously, nothing queued.
  '21611': { kind: 'retry', key: 'providers.code.queueFull' },
};

/** Message `status` values → our states (a failed/undelivered one is explained by its error_code). */
export const TWILIO_STATUS: Record<string, 'pending' | 'delivered' | 'failed'> = {
  accepted: 'pending', scheduled: 'pending', queued: 'pending', sending: 'pending', sent: 'pending',
  delivered: 'delivered', read: 'delivered',
  failed: 'failed', undelivered: 'failed', canceled: 'failed',
  receiving: 'pending', received: 'pending', partially_delivered: 'pending',
};

export const TWILIO_DELIVERY_ERRORS: Record<string, { state: 'failed' | 'expired'; key: string }> = {
  '30001': { state: 'failed', key: 'providers.status.systemError' },
  '30003': { state: 'failed', key: 'providers.status.phoneOff' },
  '30004': { state: 'failed', key: 'providers.status.rejected' },
  '30005': { state: 'failed', key: 'providers.status.noSuchNumber' },
  '30006': { state: 'failed', key: 'providers.status.badNumber' },
  '30007': { state: 'failed', key: 'providers.status.keywordBlocked' },
  '30008': { state: 'failed', key: 'providers.status.carrierError' },
  '30036': { state: 'expired', key: 'providers.status.expired' },
};
