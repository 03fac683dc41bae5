// The pre-send check's bookkeeping: issues gathered per code (how many recipients, a few examples),
// and the rules about the whole text that need no database (sender tag, opt-out line).
import type { CheckCode, CheckIssue } from '../../../src-shared/api/compose-schemas';

export type Severity = 'error' | 'warning';
type Params = Record<string, string | number>;

/** Codes that concern one recipient (an error leaves that recipient out); the rest concern the send. */
export const recipientCodes: ReadonlySet<CheckCode> = new Set<CheckCode>([
  'invalid_number', 'not_mobile', 'duplicate', 'opted_out', 'missing_value', 'too_long', 'unsupported_chars', 'frequency_cap', 'template_repeat',
]);

const MAX_EXAMPLES = 5;

export interface IssueExample {
  to: string;
  contactId: number | null;
  name: string | null;
  params?: Params;
}

/** Collects issues in the order they are first met; one entry per (code, severity). */
export function createIssueCollector() {
  const issues = new Map<string, CheckIssue>();
  const entry = (code: CheckCode, severity: Severity, params?: Params): CheckIssue => {
    const id = `${code}:${severity}`;
    let issue = issues.get(id);
    if (!issue) {
      issue = { code, severity, count: 0, examples: [], ...(params ? { params } : {}) };
      issues.set(id, issue);
    }
    return issue;
  };
  return {
    /** A rule about one recipient. */
    recipient(code: CheckCode, severity: Severity, example: IssueExample, params?: Params): void {
      const issue = entry(code, severity, params);
      issue.count++;
      if (issue.examples.length < MAX_EXAMPLES) issue.examples.push(example);
    },
    /** A rule about the whole send. */
    send(code: CheckCode, severity: Severity, params?: Params): void {
      entry(code, severity, params);
    },
    list(): CheckIssue[] {
      return [...issues.values()];
    },
  };
}

/** The unsubscribe text of a region when the shop set none (Taiwan 退訂, mainland 退订, Japan 配信停止). */
export function defaultOptOutLine(region: string): string {
  switch (region) {
    case 'TW':
    case 'HK':
    case 'MO':
      return '退訂';
    case 'CN':
      return '退订';
    case 'JP':
      return '配信停止';
    default:
      return 'STOP';
  }
}

/** The shop's sender tag: as set, or 【shop name】; '' when the shop has neither. */
export function senderTagOf(setting: string, shopName: string): string {
  if (setting.trim()) return setting.trim();
  return shopName.trim() ? `【${shopName.trim()}】` : '';
}

const BRACKETED_NAME = /【[^】\n]{1,30}】|\[[^\]\n]{1,30}\]/;

/** Does the text name the sender: the shop's tag when it has one, otherwise any 【名稱】 / [Name]. */
export function hasSenderTag(text: string, tag: string): boolean {
  return tag ? text.includes(tag) : BRACKETED_NAME.test(text);
}

export function hasOptOutLine(text: string, line: string): boolean {
  return text.toLowerCase().includes(line.toLowerCase());
}
