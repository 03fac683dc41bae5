// EVERY8D HTTP API 2.1 codes (providers.md §2.3, §2.5): negative answers of a call → what they mean
// for a message; STATUS values of a delivery report → our states.
import type { CodeTable } from '../common';

const badParam = (name: string) => ({ kind: 'rejected' as const, key: 'providers.code.badParameter', params: { name } });

export const EVERY8D_CODES: CodeTable = {
  '-1': badParam('parameters'),
  '-2': { kind: 'account', key: 'providers.code.badCredentials' },
  '-3': { kind: 'rejected', key: 'providers.code.blacklisted' },
  '-4': badParam('ST'),
  '-5': { kind: 'rejected', key: 'providers.code.tooLong' },
  '-6': badParam('ST'),
  '-8': { kind: 'rejected', key: 'providers.code.badNumber' },
  '-10': badParam('MMS'),
  '-24': { kind: 'rejected', key: 'providers.code.emptyText' },
  '-28': badParam('SendTime'),
  '-41': { kind: 'rejected', key: 'providers.code.badNumber' },
  '-98': { kind: 'rejected', key: 'providers.code.blacklisted' },
  '-99': { kind: 'unknown', key: 'providers.code.systemError' },
  '-100': { kind: 'account', key: 'providers.code.badCredentials' },
  '-101': { kind: 'account', key: 'providers.code.badCredentials' },
  '-300': { kind: 'account', key: 'providers.code.missingCredentials' },
  '-303': badParam('SB'),
  '-304': badParam('ATTACHMENT'),
  '-305': badParam('TYPE'),
  '-314': { kind: 'rejected', key: 'providers.code.tooLarge' },
};

export const EVERY8D_STATUS: Record<string, { state: 'pending' | 'delivered' | 'failed' | 'expired'; key: string }> = {
  '0': { state: 'pending', key: 'providers.status.pending' },
  '100': { state: 'delivered', key: 'providers.status.delivered' },
  '101': { state: 'failed', key: 'providers.status.phoneOff' },
  '102': { state: 'failed', key: 'providers.status.networkError' },
  '103': { state: 'failed', key: 'providers.status.noSuchNumber' },
  '104': { state: 'failed', key: 'providers.status.carrierBlacklist' },
  '105': { state: 'failed', key: 'providers.status.keywordBlocked' },
  '106': { state: 'failed', key: 'providers.status.systemError' },
  '107': { state: 'expired', key: 'providers.status.expired' },
  '300': { state: 'pending', key: 'providers.status.pending' },
  '301': { state: 'failed', key: 'providers.status.noCredit' },
  '303': { state: 'failed', key: 'providers.status.cancelled' },
  '500': { state: 'failed', key: 'providers.status.internationalDisabled' },
  '700': { state: 'pending', key: 'providers.status.pending' },
  '888': { state: 'pending', key: 'providers.status.pending' },
};
