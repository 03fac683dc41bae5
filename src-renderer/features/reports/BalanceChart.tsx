// The balance of each account over time (a line per account), from the readings the core records.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportSummary } from '../../../src-shared/api/log-schemas';
import { useDateTimeFormat, useNumberFormat } from '../../components/format';

const LINE_COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96', '#13c2c2'];

export function BalanceChart({ balances, timeZone }: { balances: ReportSummary['balances']; timeZone: string }) {
  const fmt = useNumberFormat();
  const formatTime = useDateTimeFormat(timeZone);
  const accounts = [...new Map(balances.map((b) => [b.accountId, `${b.account}${b.unit ? ` (${b.unit})` : ''}`])).entries()];
  // One point per reading; each account's line connects its own readings.
  const rows = balances.map((b) => ({ at: Date.parse(b.at), [`a${b.accountId}`]: b.balance }));
  return (
    <div className="reports-chart" data-testid="reports-balance-chart">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => formatTime(new Date(ms).toISOString(), 'short')} />
          <YAxis tickFormatter={(v: number) => fmt(v)} />
          <Tooltip labelFormatter={(ms) => formatTime(new Date(Number(ms)).toISOString(), 'minute')} formatter={(v) => fmt(Number(v))} />
          <Legend />
          {accounts.map(([id, name], i) => (
            <Line key={id} dataKey={`a${id}`} name={name} stroke={LINE_COLOURS[i % LINE_COLOURS.length]} connectNulls dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
