// The confirm screen's rules: errors about some recipients can be settled by leaving them out, errors
// about the whole send cannot, every warning needs its own click, and nobody left means no send.
import { describe, expect, it } from 'vitest';
import type { CheckIssue, ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { acknowledgedCodes, confirmState, groupIssues, leftOutCount } from '../../../src-renderer/features/compose/check-state';

function report(issues: CheckIssue[], recipients = 3, sendable = 3): ComposeCheckReport {
  return {
    recipients,
    sendable,
    issues,
    totals: { messages: sendable, segments: sendable, minSegments: 1, maxSegments: 1, cost: null, balance: null, balanceUnit: null },
    samples: [],
    quietUntil: null,
    at: null,
  };
}
const issue = (code: CheckIssue['code'], severity: CheckIssue['severity'], count: number): CheckIssue => ({ code, severity, count, examples: [] });
const none = new Set<CheckIssue['code']>();

describe('pre-send check decisions', () => {
  it('sends at once when the check found nothing', () => {
    expect(confirmState(report([]), { leaveOut: false, acknowledged: none })).toEqual({ ok: true });
  });

  it('groups errors about recipients apart from errors about the whole send and from warnings', () => {
    const g = groupIssues(report([issue('invalid_number', 'error', 1), issue('empty_text', 'error', 0), issue('quiet_hours', 'warning', 0)]));
    expect(g.recipientErrors.map((i) => i.code)).toEqual(['invalid_number']);
    expect(g.blockingErrors.map((i) => i.code)).toEqual(['empty_text']);
    expect(g.warnings.map((i) => i.code)).toEqual(['quiet_hours']);
  });

  it('needs the choice to leave out recipients with errors, then sends to the rest', () => {
    const r = report([issue('invalid_number', 'error', 1)], 3, 2);
    expect(confirmState(r, { leaveOut: false, acknowledged: none })).toEqual({ ok: false, reason: 'leaveOut' });
    expect(confirmState(r, { leaveOut: true, acknowledged: none })).toEqual({ ok: true });
    expect(leftOutCount(r)).toBe(1);
  });

  it('never lets an error about the whole send through, even when leaving recipients out', () => {
    const r = report([issue('no_opt_out_line', 'error', 0), issue('opted_out', 'error', 1)], 3, 2);
    expect(confirmState(r, { leaveOut: true, acknowledged: none })).toMatchObject({ ok: false, reason: 'blocked', code: 'no_opt_out_line' });
  });

  it('refuses when leaving out would leave nobody', () => {
    const r = report([issue('opted_out', 'error', 2)], 2, 0);
    expect(confirmState(r, { leaveOut: true, acknowledged: none })).toEqual({ ok: false, reason: 'nobodyLeft' });
  });

  it('wants one click per warning, and counts only the warnings still on the report', () => {
    const r = report([issue('quiet_hours', 'warning', 0), issue('no_sender_tag', 'warning', 0)]);
    expect(confirmState(r, { leaveOut: false, acknowledged: new Set(['quiet_hours']) })).toMatchObject({ ok: false, reason: 'acknowledge', code: 'no_sender_tag' });
    expect(confirmState(r, { leaveOut: false, acknowledged: new Set(['quiet_hours', 'no_sender_tag']) })).toEqual({ ok: true });
    const fixed = report([issue('no_sender_tag', 'warning', 0)]);
    expect(acknowledgedCodes(fixed, new Set(['quiet_hours', 'no_sender_tag']))).toEqual(['no_sender_tag']);
  });
});
