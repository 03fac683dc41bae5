// TwSMS result codes (API 4.0 §6, plus the JSON API's extra codes) → what they mean for a message.
// Account-level codes pause the account; 00020 (out of credit) puts the message back in the queue;
// 99998 is the documented "please send again". Codes about a query/MO never come from a send, but
// are mapped so that nothing falls through as "unrecognised".
import type { CodeTable } from '../common';

const badParam = (name: string) => ({ kind: 'rejected' as const, key: 'providers.code.badParameter', params: { name } });

export const TWSMS_CODES: CodeTable = {
  '00000': { kind: 'accepted', key: 'providers.code.ok' },
  '00001': { kind: 'accepted', key: 'providers.code.ok' },
  '00010': { kind: 'account', key: 'providers.code.badCredentials' },
  '00011': { kind: 'account', key: 'providers.code.badCredentials' },
  '00012': { kind: 'account', key: 'providers.code.badCredentials' },
  '00020': { kind: 'no_credit', key: 'providers.code.noCredit' },
  '00030': { kind: 'account', key: 'providers.code.ipNotAllowed' },
  '00031': { kind: 'rejected', key: 'providers.code.internationalNotAllowed' },
  '00040': { kind: 'account', key: 'providers.code.accountDisabled' },
  '00041': { kind: 'account', key: 'providers.code.apiDisabled' },
  '00050': badParam('sendtime'),
  '00060': badParam('expirytime'),
  '00070': badParam('popup'),
  '00080': badParam('mo'),
  '00090': badParam('longsms'),
  '00100': { kind: 'rejected', key: 'providers.code.badNumber' },
  '00110': { kind: 'rejected', key: 'providers.code.emptyText' },
  '00120': { kind: 'rejected', key: 'providers.code.longSmsInternational' },
  '00130': { kind: 'rejected', key: 'providers.code.tooLong' },
  '00140': badParam('drurl'),
  '00150': badParam('sendtime'),
  '00170': badParam('drurl'),
  '00180': { kind: 'rejected', key: 'providers.code.emoji' },
  '00300': { kind: 'rejected', key: 'providers.code.messageNotFound' },
  '00310': { kind: 'rejected', key: 'providers.code.notYetSent' },
  '00400': badParam('snumber'),
  '00410': { kind: 'rejected', key: 'providers.code.messageNotFound' },
  '00420': badParam('smsQuery'),
  '00430': badParam('moQuery'),
  '99998': { kind: 'retry', key: 'providers.code.tryAgain' },
  '99999': { kind: 'unknown', key: 'providers.code.systemError' },
};

/** Delivery words (statustext, §8) → our states. */
export const TWSMS_STATUS: Record<string, { state: 'pending' | 'delivered' | 'failed' | 'expired'; key: string }> = {
  DELIVRD: { state: 'delivered', key: 'providers.status.delivered' },
  ACCEPTD: { state: 'pending', key: 'providers.status.pending' },
  UNKNOWN: { state: 'pending', key: 'providers.status.pending' },
  EXPIRED: { state: 'expired', key: 'providers.status.expired' },
  DELETED: { state: 'failed', key: 'providers.status.deleted' },
  UNDELIV: { state: 'failed', key: 'providers.status.undeliverable' },
  REJECTD: { state: 'failed', key: 'providers.status.rejected' },
  SYNTAXE: { state: 'failed', key: 'providers.status.syntax' },
  MOBERROR: { state: 'failed', key: 'providers.status.badNumber' },
  MSGERROR: { state: 'failed', key: 'providers.status.badContent' },
  OTHERROR: { state: 'failed', key: 'providers.status.carrierError' },
  REJERROR: { state: 'failed', key: 'providers.status.keywordBlocked' },
  REJMOBIL: { state: 'failed', key: 'providers.status.optedOut' },
};
