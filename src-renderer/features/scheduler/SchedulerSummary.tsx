// The tray's states in the header (browser mode has no tray; the window shows the same): idle,
// sending, paused or needs attention, with the next scheduled time and, on hover, what needs attention.
import { Badge, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchedulerStatus } from '../../../src-shared/api/scheduler-schemas';
import { useDateTimeFormat } from '../../components/format';
import { useSchedulerStatus } from './queries';

const badge = { idle: 'default', sending: 'processing', paused: 'warning', attention: 'error' } as const;

/** The lines of "what needs attention", translated; shared by the tooltip here. */
export function attentionLines(s: SchedulerStatus, t: (key: string, params?: Record<string, unknown>) => string): string[] {
  const a = s.attention;
  const lines: string[] = [];
  if (a.missed) lines.push(t('scheduler.summary.reasons.missed', { n: a.missed }));
  if (a.failed) lines.push(t('scheduler.summary.reasons.failed', { n: a.failed }));
  if (a.unknown) lines.push(t('scheduler.summary.reasons.unknown', { n: a.unknown }));
  if (a.lowBalance.length) lines.push(t('scheduler.summary.reasons.lowBalance', { accounts: a.lowBalance.join(', ') }));
  if (a.pausedAccounts.length) lines.push(t('scheduler.summary.reasons.pausedAccounts', { accounts: a.pausedAccounts.join(', ') }));
  // Reminder-rule runs found too late: the Rules room lists them (send now or dismiss).
  if (a.missedRuns) lines.push(t('rules.tray.missedRuns', { n: a.missedRuns }));
  // Attention outranks paused in the state: the pause is still said.
  if (s.paused && lines.length) lines.push(t('shell.sending.state.paused'));
  return lines;
}

export function SchedulerSummary({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const status = useSchedulerStatus();
  const format = useDateTimeFormat(timeZone);
  if (!status.data) return null;
  const s = status.data;
  const next = s.nextDueAt ? t('scheduler.summary.next', { time: format(s.nextDueAt) }) : t('scheduler.summary.noNext');
  const lines = attentionLines(s, t);
  return (
    <Tooltip title={lines.length ? lines.join(' · ') : next}>
      <span data-testid="scheduler-state" data-state={s.state}>
        <Badge status={badge[s.state]} text={<span className="header-strong">{t(`scheduler.state.${s.state}`)}</span>} />
        {s.scheduled > 0 && <Typography.Text type="secondary"> · {next}</Typography.Text>}
      </span>
    </Tooltip>
  );
}
