// Backup now, where backups go, when the last and the next one are, and the reminder to keep a copy
// on another disk.
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { ProgressLine } from './ProgressLine';
import type { DataProgress } from './useDataProgress';

export function BackupCard({ status, timeZone, progress }: { status: MethodOutput<'data.status'>; timeZone: string; progress: DataProgress | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const fmt = useDateTimeFormat(timeZone);
  const backup = useMutation({
    mutationFn: () => api.call('data.backup', {}),
    onSuccess: (made) => void message.success(t('data.page.backupDone', { file: made.name })),
    onError: (err) => void message.error(errorText(t, err)),
  });
  return (
    <Card title={t('data.operations.backup')} className="settings-card">
      <Space orientation="vertical" size="middle" className="data-card-body">
        <Alert type="info" showIcon title={t('data.page.reminder')} />
        <Typography.Text data-testid="data-backup-dir" copyable={{ text: status.backupDir }}>
          {t('data.page.folder', { dir: status.backupDir })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {status.lastBackupAt ? t('data.page.lastBackup', { at: fmt(status.lastBackupAt, 'minute') }) : t('data.page.never')}
          {status.nextScheduledBackupAt && ` · ${t('data.page.nextBackup', { at: fmt(status.nextScheduledBackupAt, 'minute') })}`}
        </Typography.Text>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={backup.isPending}
          disabled={status.running !== null && !backup.isPending}
          onClick={() => backup.mutate()}
          data-testid="data-backup-now"
        >
          {t('data.page.backupNow')}
        </Button>
        <ProgressLine progress={progress} operation="backup" />
      </Space>
    </Card>
  );
}
