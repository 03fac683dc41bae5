// Check (integrity and foreign keys, with a report) and Compact (VACUUM, with progress).
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CheckReportView } from '../../../src-shared/api/data-schemas';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { formatBytes } from '../../../src-shared/format/bytes';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat, useLocaleTag } from '../../components/format';
import { ProgressLine } from './ProgressLine';
import type { DataProgress } from './useDataProgress';

export function MaintenanceCard({ busy, progress, status, timeZone }: { busy: boolean; progress: DataProgress | null; status: MethodOutput<'data.status'>; timeZone: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const locale = useLocaleTag();
  const fmt = useDateTimeFormat(timeZone);
  const last = status.lastFullCheck;
  const [report, setReport] = useState<CheckReportView | null>(null);
  const check = useMutation({
    mutationFn: () => api.call('data.check', { kind: 'full' }),
    onSuccess: setReport,
    onError: (err) => void message.error(errorText(t, err)),
  });
  const compact = useMutation({
    mutationFn: () => api.call('data.compact', {}),
    onSuccess: (r) => void message.success(t('data.page.compactDone', { before: formatBytes(r.bytesBefore, locale), after: formatBytes(r.bytesAfter, locale) })),
    onError: (err) => void message.error(errorText(t, err)),
  });
  const problems = report ? [...report.problems, ...report.foreignKeyViolations.map((v) => `${v.table} #${v.rowid ?? '?'} → ${v.parent}`)] : [];
  return (
    <Card title={t('data.page.maintenanceTitle')} className="settings-card">
      <Space orientation="vertical" size="middle" className="data-card-body">
        <Typography.Text type={last && !last.ok ? 'danger' : 'secondary'} data-testid="data-last-check">
          {last ? t(last.ok ? 'data.page.lastCheckOk' : 'data.page.lastCheckProblems', { at: fmt(last.at, 'minute') }) : t('data.page.neverChecked')}
          {status.nextFullCheckAt && ` · ${t('data.page.nextCheck', { at: fmt(status.nextFullCheckAt, 'minute') })}`}
        </Typography.Text>
        <Space wrap>
          <Button loading={check.isPending} disabled={busy && !check.isPending} onClick={() => check.mutate()} data-testid="data-check">
            {t('data.page.check')}
          </Button>
          <Button loading={compact.isPending} disabled={busy && !compact.isPending} onClick={() => compact.mutate()} data-testid="data-compact">
            {t('data.page.compact')}
          </Button>
        </Space>
        <ProgressLine progress={progress} operation="compact" />
        {report && (report.ok ? (
          <Alert type="success" showIcon title={t('data.page.checkOk')} data-testid="data-check-report" />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="data-check-report"
            title={t('data.page.checkProblems', { count: problems.length })}
            description={<ul className="data-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          />
        ))}
      </Space>
    </Card>
  );
}
