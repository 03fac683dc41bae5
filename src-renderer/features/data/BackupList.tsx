// The backups in the folder, newest first: date, kind, size, what they hold, whether they are intact;
// restore one after a confirmation.
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../src-shared/api/data-schemas';
import { formatBytes } from '../../../src-shared/format/bytes';
import { useApi } from '../../app/providers/api';
import { errorText, translateKey } from '../../components/error-text';
import { useDateTimeFormat, useLocaleTag, useNumberFormat } from '../../components/format';
import { ProgressLine } from './ProgressLine';
import { useBackups } from './queries';
import type { DataProgress } from './useDataProgress';

export function BackupList({ timeZone, busy, progress }: { timeZone: string; busy: boolean; progress: DataProgress | null }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const api = useApi();
  const backups = useBackups();
  const fmtDate = useDateTimeFormat(timeZone);
  const fmtNumber = useNumberFormat();
  const locale = useLocaleTag();
  const restore = useMutation({
    mutationFn: (b: BackupView) => api.call('data.restore', { file: b.name }),
    onSuccess: (result, b) => void message.success(t('data.page.restoreDone', { date: b.createdAt ? fmtDate(b.createdAt, 'minute') : b.name, file: result.safetyBackup ?? result.movedAside ?? '-' }), 8),
    onError: (err) => void message.error(errorText(t, err), 8),
  });

  const confirmRestore = (b: BackupView) => {
    modal.confirm({
      title: t('data.page.restoreTitle'),
      content: t('data.page.restoreBody', { date: b.createdAt ? fmtDate(b.createdAt, 'minute') : b.name }),
      okText: t('data.page.restoreOk'),
      okButtonProps: { danger: true },
      onOk: () => restore.mutate(b),
    });
  };

  return (
    <Card title={t('data.page.listTitle')} className="settings-card">
      <ProgressLine progress={progress} operation="restore" />
      <Table<BackupView>
        data-testid="data-backup-list"
        size="small"
        rowKey="name"
        loading={backups.isPending}
        dataSource={backups.data?.backups ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('data.page.empty') }}
        columns={[
          { key: 'date', title: t('data.page.columns.date'), render: (_, b) => (b.createdAt ? fmtDate(b.createdAt, 'minute') : b.name) },
          { key: 'kind', title: t('data.page.columns.kind'), render: (_, b) => (b.kind ? t(`data.kinds.${b.kind}`) : '—') },
          { key: 'size', title: t('data.page.columns.size'), align: 'right', render: (_, b) => formatBytes(b.size, locale) },
          { key: 'counts', title: t('data.page.columns.counts'), render: (_, b) => (b.intact ? t('data.page.counts', { messages: fmtNumber(b.rowCounts.messages ?? 0) }) : '—') },
          {
            key: 'status',
            title: t('data.page.columns.status'),
            render: (_, b) =>
              b.intact ? <Tag color="green">{t('data.page.intact')}</Tag> : <Typography.Text type="danger">{translateKey(t, b.problem ?? 'data.errors.damaged')}</Typography.Text>,
          },
          {
            key: 'actions',
            title: t('data.page.columns.actions'),
            render: (_, b) => (
              <Button size="small" danger disabled={!b.intact || busy} loading={restore.isPending && restore.variables?.name === b.name} onClick={() => confirmRestore(b)}>
                {t('data.page.restore')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
