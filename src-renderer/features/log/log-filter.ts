// The Log screen's filter: what the operator picked, and the contract's filter it stands for.
import type { LogFilterInput } from '../../../src-shared/api/log-schemas';
import type { MessageStatus, Origin } from '../../../src-shared/api/schemas';
import { rangeInstants, type RangePreset } from '../../../src-shared/time/ranges';

export interface LogFilterState {
  range: RangePreset;
  /** Both days included (YYYY-MM-DD), for range 'custom'. */
  custom: [string, string] | null;
  status: MessageStatus[];
  accountId: number | null;
  recipient: string;
  text: string;
  memo: string;
  origin: Origin[];
  operator: string;
  templateId: number | null;
  ruleId: number | null;
}

export const emptyLogFilter: LogFilterState = {
  range: 'all', custom: null, status: [], accountId: null, recipient: '', text: '', memo: '', origin: [], operator: '', templateId: null, ruleId: null,
};

export function isFiltered(f: LogFilterState): boolean {
  return JSON.stringify(f) !== JSON.stringify(emptyLogFilter);
}

/** The contract's filter; null when a custom range is still incomplete. Times in the shop's zone. */
export function toApiFilter(f: LogFilterState, now: number, timeZone: string): LogFilterInput | null {
  if (f.range === 'custom' && !f.custom) return null;
  const { since, until } = rangeInstants(f.range, now, timeZone, f.custom);
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  const out: LogFilterInput = {};
  if (since !== undefined) out.since = new Date(since).toISOString();
  if (until !== undefined) out.until = new Date(until).toISOString();
  if (f.status.length) out.status = f.status;
  if (f.origin.length) out.origin = f.origin;
  if (f.accountId !== null) out.accountId = f.accountId;
  if (f.templateId !== null) out.templateId = f.templateId;
  if (f.ruleId !== null) out.ruleId = f.ruleId;
  const recipient = text(f.recipient);
  if (recipient) out.recipient = recipient;
  const body = text(f.text);
  if (body) out.text = body;
  const memo = text(f.memo);
  if (memo) out.memo = memo;
  const operator = text(f.operator);
  if (operator) out.operator = operator;
  return out;
}
