// The month at a glance for the owner: messages per day/week/month by status, the delivery rate,
// segments used, the estimated cost per account, the balance over time and the commonest failures.
// Everything is computed in SQL by reports.summary; this page only draws it.
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportGrouping } from '../../../src-shared/api/log-schemas';
import { reportGroupings } from '../../../src-shared/api/log-schemas';
import { rangeInstants, type RangePreset } from '../../../src-shared/time/ranges';
import type { AppInfo } from '../../app/Shell';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText, translateKey } from '../../components/error-text';
import { useLocaleTag, useNumberFormat } from '../../components/format';
import { BalanceChart } from './BalanceChart';
import { StatusChart } from './StatusChart';
import './reports.css';

const PRESETS: RangePreset[] = ['today', '7d', 'month', 'custom'];

export function ReportsPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useNumberFormat();
  const locale = useLocaleTag();
  const [preset, setPreset] = useState<RangePreset>('month');
  const [custom, setCustom] = useState<[string, string] | null>(null);
  const [groupBy, setGroupBy] = useState<ReportGrouping>('day');

  const range = useMemo(() => {
    if (preset === 'custom' && !custom) return null;
    const r = rangeInstants(preset, Date.now(), info.timeZone, custom);
    return r.since !== undefined && r.until !== undefined ? { since: new Date(r.since).toISOString(), until: new Date(r.until).toISOString() } : null;
  }, [preset, custom, info.timeZone]);

  // Under messages.list, so every messages.changed event refreshes the report too.
  const summary = useQuery({
    queryKey: [...queryKeys.messages, 'reports.summary', range, groupBy],
    queryFn: () => api.call('reports.summary', { ...range!, groupBy }),
    enabled: range !== null,
    placeholderData: (previous) => previous,
  });
  const data = summary.data;
  const percent = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v));
  const money = (v: number | null) => (v === null ? t('reports.page.noPrice') : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v));

  return (
    <div className="reports-page" data-testid="reports-page">
      <Card className="reports-toolbar">
        <Space wrap>
          <Select<RangePreset>
            value={preset}
            onChange={(p) => setPreset(p)}
            options={PRESETS.map((p) => ({ value: p, label: t(`logRoom.range.${p}`) }))}
            aria-label={t('reports.page.range')}
            className="reports-range"
            data-testid="reports-range"
          />
          {preset === 'custom' && (
            <DatePicker.RangePicker
              value={custom ? [dayjs(custom[0]), dayjs(custom[1])] : null}
              onChange={(days) => setCustom(days?.[0] && days[1] ? [days[0].format('YYYY-MM-DD'), days[1].format('YYYY-MM-DD')] : null)}
              aria-label={t('reports.page.range')}
            />
          )}
          <Segmented<ReportGrouping>
            value={groupBy}
            onChange={setGroupBy}
            options={reportGroupings.map((g) => ({ value: g, label: t(`reports.page.groupBy.${g}`) }))}
            aria-label={t('reports.page.groupByLabel')}
          />
        </Space>
      </Card>
      {summary.isError ? (
        <Empty description={errorText(t, summary.error)} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card><Statistic title={t('reports.page.messages')} value={data ? fmt(data.totals.messages) : '—'} data-testid="reports-messages" /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card><Statistic title={t('reports.page.segments')} value={data ? fmt(data.totals.segments) : '—'} data-testid="reports-segments" /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card><Statistic title={t('reports.page.deliveryRate')} value={data ? percent(data.totals.deliveryRate) : '—'} data-testid="reports-rate" /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card><Statistic title={t('reports.page.failed')} value={data ? fmt(data.totals.failed) : '—'} /></Card>
            </Col>
          </Row>
          <Card title={t('reports.page.perPeriod')} className="reports-card">
            {data && data.periods.length > 0 ? <StatusChart periods={data.periods} groupBy={groupBy} /> : <Empty description={t('reports.page.empty')} />}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('reports.page.costs')} className="reports-card">
                <Table
                  size="small"
                  pagination={false}
                  rowKey="accountId"
                  dataSource={data?.costs ?? []}
                  locale={{ emptyText: t('reports.page.empty') }}
                  columns={[
                    { key: 'account', title: t('reports.page.account'), dataIndex: 'account' },
                    { key: 'dom', title: t('reports.page.segmentsDomestic'), align: 'right', render: (_, r) => fmt(r.segmentsDomestic) },
                    { key: 'intl', title: t('reports.page.segmentsInternational'), align: 'right', render: (_, r) => fmt(r.segmentsInternational) },
                    { key: 'cost', title: t('reports.page.cost'), align: 'right', render: (_, r) => money(r.cost) },
                  ]}
                />
                <Typography.Text type="secondary" className="reports-note">{t('reports.page.costNote')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('reports.page.failures')} className="reports-card">
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(r) => `${r.key}|${r.code}`}
                  dataSource={data?.failures ?? []}
                  locale={{ emptyText: t('reports.page.noFailures') }}
                  columns={[
                    { key: 'reason', title: t('reports.page.reason'), render: (_, r) => translateKey(t, r.key, r.params) },
                    { key: 'code', title: t('reports.page.code'), dataIndex: 'code', width: 140 },
                    { key: 'count', title: t('reports.page.count'), align: 'right', width: 88, render: (_, r) => fmt(r.count) },
                  ]}
                  data-testid="reports-failures"
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('reports.page.balance')} className="reports-card">
            {data && data.balances.length > 0 ? <BalanceChart balances={data.balances} timeZone={info.timeZone} /> : <Empty description={t('reports.page.noBalance')} />}
          </Card>
        </>
      )}
    </div>
  );
}
