// The log's filter as SQL: one translation used by the list, the counts and the export. Every
// fragment match is instr() on the stored text (no LIKE wildcards to escape); the text filter
// ignores the case of A–Z (SQLite's lower() folds ASCII only, which the in-memory model in the
// property test mirrors).
import type { MessageStatus, Origin } from '../../../src-shared/api/schemas';

export interface LogFilter {
  status?: readonly MessageStatus[];
  since?: number;
  until?: number;
  search?: string;
  recipient?: string;
  text?: string;
  memo?: string;
  accountId?: number;
  templateId?: number;
  ruleId?: number;
  /** By name: the messages of the template (or rules) with this exact name. */
  templateName?: string;
  ruleName?: string;
  origin?: readonly Origin[];
  operator?: string;
}

export interface SqlWhere {
  /** `where …` or an empty string. */
  sql: string;
  params: Record<string, string | number>;
}

/** Digits of a number fragment as they appear in E.164: separators dropped, a trunk 0 dropped. */
export function numberDigits(fragment: string): string {
  return fragment.replace(/\D/g, '').replace(/^0/, '');
}

/** The live contact with the message's number, or the one linked when it was sent. */
export const CONTACT_ID_SQL = `coalesce(m.contact_id, (select c.id from contacts c where c.phone_e164 = m.to_e164 and c.deleted_batch is null))`;

export function logWhere(f: LogFilter, options: { ignoreStatus?: boolean } = {}): SqlWhere {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const list = (column: string, name: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${column} in (${values.map((_, i) => `@${name}${i}`).join(',')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };
  const compare = (column: string, op: string, name: string, value: number | string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} ${op} @${name}`);
    params[name] = value;
  };
  if (!options.ignoreStatus) list('m.status', 's', f.status);
  list('m.origin', 'o', f.origin);
  compare('m.created_at', '>=', 'since', f.since);
  compare('m.created_at', '<', 'until', f.until);
  compare('m.account_id', '=', 'accountId', f.accountId);
  compare('m.template_id', '=', 'templateId', f.templateId);
  compare('m.rule_id', '=', 'ruleId', f.ruleId);
  compare('m.operator', '=', 'operator', f.operator);
  if (f.templateName !== undefined) {
    where.push(`m.template_id in (select t.id from templates t where t.name = @templateName)`);
    params.templateName = f.templateName;
  }
  if (f.ruleName !== undefined) {
    where.push(`m.rule_id in (select r.id from rules r where r.name = @ruleName)`);
    params.ruleName = f.ruleName;
  }
  if (f.search) {
    // The CLI's --search: the number in any form, the typed number, the text or the memo.
    where.push(`((length(@searchDigits) > 0 and instr(m.to_e164, @searchDigits) > 0) or instr(m.to_raw, @search) > 0 or instr(m.text, @search) > 0 or instr(coalesce(m.memo, ''), @search) > 0)`);
    params.search = f.search;
    params.searchDigits = numberDigits(f.search);
  }
  if (f.recipient) {
    // The number in any form (its digits against E.164), or the name of the contact with that number
    // (the live one, or the one linked when it was sent). The name branches use the number and
    // contact indexes (a few rows); four digits or more are looked up in the narrow number index
    // first (a fragment that long matches few messages, and a full scan of the table would read
    // every row); shorter fragments match many, so scanning newest first stops early.
    const digits = numberDigits(f.recipient);
    const byName = `m.to_e164 in (select c.phone_e164 from contacts c where c.deleted_batch is null and instr(c.name, @recipient) > 0)
      or m.contact_id in (select c.id from contacts c where instr(c.name, @recipient) > 0)`;
    const byNumber = digits.length >= 4
      ? `m.id in (select n.id from messages n where instr(n.to_e164, @recipientDigits) > 0)`
      : `instr(m.to_e164, @recipientDigits) > 0`;
    where.push(digits ? `(${byNumber} or ${byName})` : `(${byName})`);
    params.recipient = f.recipient;
    if (digits) params.recipientDigits = digits;
  }
  if (f.text) {
    where.push(`instr(lower(m.text), lower(@text)) > 0`);
    params.text = f.text;
  }
  if (f.memo) {
    where.push(`instr(coalesce(m.memo, ''), @memo) > 0`);
    params.memo = f.memo;
  }
  return { sql: where.length ? `where ${where.join(' and ')}` : '', params };
}
