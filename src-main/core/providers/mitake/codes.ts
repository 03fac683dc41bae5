// Mitake (三竹) v2.14 codes (providers.md §3.7). Letters and `*` are errors of a call; digits are the
// message's state. `a`/`b`/`r`/`l` are "later" (retry); `s` (billing failed) is how an account without
// points is refused, so it requeues and pauses like TwSMS 00020.
import type { CodeTable } from '../common';

export const MITAKE_CODES: CodeTable = {
  '*': { kind: 'unknown', key: 'providers.code.systemError' },
  a: { kind: 'retry', key: 'providers.code.serviceSuspended' },
  b: { kind: 'retry', key: 'providers.code.serviceSuspended' },
  c: { kind: 'account', key: 'providers.code.missingCredentials' },
  d: { kind: 'account', key: 'providers.code.missingCredentials' },
  e: { kind: 'account', key: 'providers.code.badCredentials' },
  f: { kind: 'account', key: 'providers.code.accountExpired' },
  h: { kind: 'account', key: 'providers.code.accountDisabled' },
  k: { kind: 'account', key: 'providers.code.ipNotAllowed' },
  l: { kind: 'retry', key: 'providers.code.tooManyConnections' },
  m: { kind: 'account', key: 'providers.code.passwordChange' },
  n: { kind: 'account', key: 'providers.code.passwordChange' },
  p: { kind: 'account', key: 'providers.code.noPermission' },
  r: { kind: 'retry', key: 'providers.code.serviceSuspended' },
  s: { kind: 'no_credit', key: 'providers.code.billingFailed' },
  t: { kind: 'rejected', key: 'providers.code.messageExpired' },
  u: { kind: 'rejected', key: 'providers.code.emptyText' },
  v: { kind: 'rejected', key: 'providers.code.badNumber' },
  w: { kind: 'rejected', key: 'providers.code.tooManyIds' },
  x: { kind: 'rejected', key: 'providers.code.tooLarge' },
  y: { kind: 'rejected', key: 'providers.code.badParameter', params: { name: '—' } },
  z: { kind: 'rejected', key: 'providers.code.noData' },
  // Accepted: 0 scheduled, 1/2 (3 in older clients) handed to the carrier, 4 already delivered.
  '0': { kind: 'accepted', key: 'providers.code.ok' },
  '1': { kind: 'accepted', key: 'providers.code.ok' },
  '2': { kind: 'accepted', key: 'providers.code.ok' },
  '3': { kind: 'accepted', key: 'providers.code.ok' },
  '4': { kind: 'accepted', key: 'providers.code.ok' },
};

export const MITAKE_STATUS: Record<string, { state: 'pending' | 'delivered' | 'failed' | 'expired'; key: string }> = {
  '0': { state: 'pending', key: 'providers.status.pending' },
  '1': { state: 'pending', key: 'providers.status.pending' },
  '2': { state: 'pending', key: 'providers.status.pending' },
  '3': { state: 'pending', key: 'providers.status.pending' },
  '4': { state: 'delivered', key: 'providers.status.delivered' },
  '5': { state: 'failed', key: 'providers.status.badContent' },
  '6': { state: 'failed', key: 'providers.status.badNumber' },
  '7': { state: 'failed', key: 'providers.status.undeliverable' },
  '8': { state: 'expired', key: 'providers.status.expired' },
  '9': { state: 'failed', key: 'providers.status.cancelled' },
};
