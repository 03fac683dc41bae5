// The resend confirm's rule: messages with an error stay, each warning of those that go needs its click.
import { describe, expect, it } from 'vitest';
import type { CheckIssue, ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { resendPlan } from '../../../src-renderer/features/log/resend-plan';

const issue = (code: CheckIssue['code'], severity: CheckIssue['severity'], count = 1): CheckIssue => ({ code, severity, count, examples: [] });
const report = (issues: CheckIssue[]): ComposeCheckReport => ({
  recipients: 1, sendable: issues.some((i) => i.severity === 'error') ? 0 : 1, issues,
  totals: { messages: 1, segments: 1, minSegments: 1, maxSegments: 1, cost: null, balance: null, balanceUnit: null },
  samples: [], quietUntil: null, at: null,
});

describe('resendPlan', () => {
  it('waits for every check', () => {
    expect(resendPlan([{ id: 1, report: null }], new Set())).toMatchObject({ ok: false, reason: 'checking' });
  });

  it('an error keeps that message back; none left means nothing can go', () => {
    const plan = resendPlan([{ id: 1, report: report([issue('opted_out', 'error'), issue('no_sender_tag', 'warning', 0)]) }], new Set(['no_sender_tag']));
    expect(plan).toMatchObject({ ok: false, reason: 'nothing', items: [], warnings: [] });
  });

  it('the warnings of the messages that go, once each, must all be acknowledged', () => {
    const checks = [
      { id: 1, report: report([issue('quiet_hours', 'warning', 0)]) },
      { id: 2, report: report([issue('quiet_hours', 'warning', 0), issue('no_sender_tag', 'warning', 0)]) },
      { id: 3, report: report([issue('frequency_cap', 'error')]) },
    ];
    const some = resendPlan(checks, new Set(['quiet_hours']));
    expect(some).toMatchObject({ ok: false, reason: 'acknowledge' });
    expect(some.warnings.map((w) => w.code)).toEqual(['quiet_hours', 'no_sender_tag']);
    const all = resendPlan(checks, new Set(['quiet_hours', 'no_sender_tag']));
    expect(all).toMatchObject({ ok: true, reason: null, clear: false });
    expect(all.items).toEqual([{ id: 1, acknowledged: ['quiet_hours'] }, { id: 2, acknowledged: ['quiet_hours', 'no_sender_tag'] }]);
  });

  it('a clean check is clear and ready', () => {
    expect(resendPlan([{ id: 4, report: report([]) }], new Set())).toMatchObject({ ok: true, clear: true, items: [{ id: 4, acknowledged: [] }] });
  });
});
