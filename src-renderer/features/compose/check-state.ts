// The confirm screen's rules, apart from its looks: which errors can be settled by leaving their
// recipients out, which block the send outright, and whether every warning has had its click.
import type { CheckCode, CheckIssue, ComposeCheckReport } from '../../../src-shared/api/compose-schemas';

export interface CheckGroups {
  /** Errors about some recipients: the operator may leave those out. */
  recipientErrors: CheckIssue[];
  /** Errors about the whole send (empty text, marketing without an opt-out line…): fix and check again. */
  blockingErrors: CheckIssue[];
  warnings: CheckIssue[];
}

export function groupIssues(report: ComposeCheckReport): CheckGroups {
  const errors = report.issues.filter((i) => i.severity === 'error');
  return {
    recipientErrors: errors.filter((i) => i.count > 0),
    blockingErrors: errors.filter((i) => i.count === 0),
    warnings: report.issues.filter((i) => i.severity === 'warning'),
  };
}

export interface Decisions {
  leaveOut: boolean;
  acknowledged: ReadonlySet<CheckCode>;
}

export type ConfirmState =
  | { ok: true }
  | { ok: false; reason: 'blocked' | 'leaveOut' | 'acknowledge' | 'nobodyLeft'; code?: CheckCode };

export function confirmState(report: ComposeCheckReport, d: Decisions): ConfirmState {
  const g = groupIssues(report);
  if (g.blockingErrors.length) return { ok: false, reason: 'blocked', code: g.blockingErrors[0]!.code };
  if (g.recipientErrors.length && !d.leaveOut) return { ok: false, reason: 'leaveOut' };
  if (report.sendable === 0) return { ok: false, reason: 'nobodyLeft' };
  const pending = g.warnings.find((w) => !d.acknowledged.has(w.code));
  if (pending) return { ok: false, reason: 'acknowledge', code: pending.code };
  return { ok: true };
}

/** How many recipients the errors leave out (a recipient with two errors counts once at most per issue; the core's `sendable` is exact). */
export function leftOutCount(report: ComposeCheckReport): number {
  return Math.max(0, report.recipients - report.sendable);
}

/** Only the warnings still on the report count as acknowledged (a fixed one needs no click next time). */
export function acknowledgedCodes(report: ComposeCheckReport, acknowledged: ReadonlySet<CheckCode>): CheckCode[] {
  return report.issues.filter((i) => i.severity === 'warning' && acknowledged.has(i.code)).map((i) => i.code);
}
