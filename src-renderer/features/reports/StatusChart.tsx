// Messages per period, stacked by status (recharts). Colours follow the status tags.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { messageStatuses, type MessageStatus } from '../../../src-shared/api/schemas';
import type { ReportGrouping, ReportSummary } from '../../../src-shared/api/log-schemas';
import { useLocaleTag, useNumberFormat } from '../../components/format';

export const statusColours: Record<MessageStatus, string> = {
  draft: '#bfbfbf', scheduled: '#722ed1', queued: '#1677ff', sending: '#69b1ff', sent: '#13c2c2', delivered: '#52c41a',
  failed: '#ff4d4f', expired: '#fa8c16', unknown: '#faad14', cancelled: '#8c8c8c', blocked: '#eb2f96', missed: '#fa541c',
};

/** A period's first day (YYYY-MM-DD) as the reader writes dates; months without the day. */
export function usePeriodLabel(groupBy: ReportGrouping): (period: string) => string {
  const locale = useLocaleTag();
  const format = new Intl.DateTimeFormat(locale, groupBy === 'month' ? { timeZone: 'UTC', year: 'numeric', month: 'short' } : { timeZone: 'UTC', month: 'short', day: 'numeric' });
  return (period: string) => format.format(Date.parse(`${period}T00:00:00Z`));
}

export function StatusChart({ periods, groupBy }: { periods: ReportSummary['periods']; groupBy: ReportGrouping }) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const label = usePeriodLabel(groupBy);
  const present = messageStatuses.filter((s) => periods.some((p) => (p.counts[s] ?? 0) > 0));
  const rows = periods.map((p) => ({ period: label(p.period), ...p.counts }));
  return (
    <div className="reports-chart" data-testid="reports-status-chart">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => fmt(v)} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend />
          {present.map((s) => (
            <Bar key={s} dataKey={s} name={t(`common.status.${s}`)} stackId="status" fill={statusColours[s]} maxBarSize={56} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
