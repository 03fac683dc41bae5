// What a resend confirm may do, apart from its looks: the messages whose check found no error go,
// each acknowledging its own warnings, once every warning shown has had its click.
import type { CheckCode, CheckIssue, ComposeCheckReport } from '../../../src-shared/api/compose-schemas';

export interface ResendPlan {
  ok: boolean;
  /** Why not (an i18n key part): still checking, nothing may go, or a warning without its click. */
  reason: 'checking' | 'nothing' | 'acknowledge' | null;
  /** The messages that go, with the warnings acknowledged for each. */
  items: { id: number; acknowledged: CheckCode[] }[];
  /** The warnings of the messages that go, one per code (counts added up). */
  warnings: CheckIssue[];
  /** Every check came back without a single finding. */
  clear: boolean;
}

export function resendPlan(checks: { id: number; report: ComposeCheckReport | null }[], acknowledged: ReadonlySet<CheckCode>): ResendPlan {
  const pending = checks.some((c) => c.report === null);
  const going = checks.filter((c): c is { id: number; report: ComposeCheckReport } => c.report !== null && !c.report.issues.some((i) => i.severity === 'error'));
  const warnings = new Map<CheckCode, CheckIssue>();
  for (const c of going) {
    for (const w of c.report.issues.filter((i) => i.severity === 'warning')) {
      const seen = warnings.get(w.code);
      warnings.set(w.code, seen ? { ...seen, count: seen.count + w.count, examples: [...seen.examples, ...w.examples].slice(0, 5) } : w);
    }
  }
  const items = going.map((c) => ({ id: c.id, acknowledged: c.report.issues.filter((i) => i.severity === 'warning').map((i) => i.code) }));
  const unanswered = [...warnings.keys()].some((code) => !acknowledged.has(code));
  const reason = pending ? 'checking' : items.length === 0 ? 'nothing' : unanswered ? 'acknowledge' : null;
  return {
    ok: reason === null,
    reason,
    items,
    warnings: [...warnings.values()],
    clear: !pending && checks.every((c) => c.report!.issues.length === 0),
  };
}
