// reports.summary: the month at a glance, computed in SQL. Periods are the shop's calendar days:
// instants are shifted by the zone's offset at the start of the range (exact for the zones our shops
// use — Taipei, Shanghai, Tokyo have no daylight saving; elsewhere a period edge may be off by the
// DST hour).
import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { ReportGrouping, ReportSummary } from '../../../src-shared/api/log-schemas';
import type { Db } from '../db/client';

/** Statuses a provider has charged for: it accepted the message (a later `failed` has a provider id). */
const CHARGED = `(m.status in ('sent','delivered','expired') or (m.status = 'failed' and m.provider_message_id is not null))`;
const FAILURE_LIMIT = 10;

/** The zone's offset from UTC at an instant, in ms (Intl gives the wall time; the difference is the offset). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

function periodSql(groupBy: ReportGrouping): string {
  const day = `date((m.created_at + @offset) / 1000, 'unixepoch')`;
  if (groupBy === 'week') return `date(${day}, '-6 days', 'weekday 1')`; // the Monday on or before
  if (groupBy === 'month') return `strftime('%Y-%m-01', ${day})`;
  return day;
}

export function reportSummary(db: Db, input: { since: number; until: number; groupBy: ReportGrouping; timeZone: string; region: string }): ReportSummary {
  const range = { since: input.since, until: input.until, offset: zoneOffsetMs(input.since, input.timeZone) };
  const inRange = `m.created_at >= @since and m.created_at < @until`;

  const periodRows = db.prepare(`select ${periodSql(input.groupBy)} as period, m.status as status, count(*) as n
    from messages m where ${inRange} group by period, m.status order by period`).all(range) as { period: string; status: string; n: number }[];
  const periods: ReportSummary['periods'] = [];
  for (const r of periodRows) {
    let last = periods[periods.length - 1];
    if (!last || last.period !== r.period) periods.push((last = { period: r.period, counts: {} }));
    last.counts[r.status] = r.n;
  }

  const totals = db.prepare(`select count(*) as messages, coalesce(sum(m.segments), 0) as segments,
      coalesce(sum(m.status = 'delivered'), 0) as delivered, coalesce(sum(m.status = 'failed'), 0) as failed,
      coalesce(sum(m.status in ('delivered','failed','expired')), 0) as answered
    from messages m where ${inRange}`).get(range) as { messages: number; segments: number; delivered: number; failed: number; answered: number };

  const code = isSupportedCountry(input.region) ? `+${getCountryCallingCode(input.region as CountryCode)}` : '+';
  const costRows = db.prepare(`select a.id as accountId, a.name as account, a.price_domestic as pd, a.price_international as pi,
      coalesce(sum(case when substr(m.to_e164, 1, length(@code)) = @code then m.segments end), 0) as dom,
      coalesce(sum(case when substr(m.to_e164, 1, length(@code)) = @code then 0 else m.segments end), 0) as intl
    from messages m join accounts a on a.id = m.account_id
    where ${inRange} and ${CHARGED} and m.test_mode = 0 group by a.id order by a.name`).all({ ...range, code }) as { accountId: number; account: string; pd: number | null; pi: number | null; dom: number; intl: number }[];
  const costs = costRows.map((r) => {
    const unpriced = (r.dom > 0 && r.pd === null) || (r.intl > 0 && r.pi === null);
    return { accountId: r.accountId, account: r.account, segmentsDomestic: r.dom, segmentsInternational: r.intl, cost: unpriced ? null : r.dom * (r.pd ?? 0) + r.intl * (r.pi ?? 0) };
  });

  const balances = (db.prepare(`select b.account_id as accountId, a.name as account, b.unit as unit, b.at as at, b.balance as balance
    from balance_readings b join accounts a on a.id = b.account_id where b.at >= @since and b.at < @until order by b.at`).all(range) as { accountId: number; account: string; unit: string | null; at: number; balance: number }[])
    .map((b) => ({ ...b, at: new Date(b.at).toISOString() }));

  const failureRows = db.prepare(`select coalesce(m.error_key, case m.status when 'expired' then 'reports.failure.expired' when 'blocked' then 'reports.failure.blocked' else 'errors.internal' end) as key, coalesce(m.error_code, '') as code, min(m.error_params) as params, count(*) as count
    from messages m where ${inRange} and m.status in ('failed','expired','blocked') group by key, code order by count desc, key limit ${FAILURE_LIMIT}`).all(range) as { key: string; code: string; params: string | null; count: number }[];
  const failures = failureRows.map((f) => {
    let params: Record<string, string | number> | undefined;
    try {
      params = f.params ? (JSON.parse(f.params) as Record<string, string | number>) : undefined;
    } catch {
      params = undefined;
    }
    return { key: f.key, code: f.code, ...(params ? { params } : {}), count: f.count };
  });

  return {
    periods,
    totals: {
      messages: totals.messages,
      segments: totals.segments,
      delivered: totals.delivered,
      failed: totals.failed,
      deliveryRate: totals.answered > 0 ? totals.delivered / totals.answered : null,
    },
    costs,
    balances,
    failures,
  };
}
