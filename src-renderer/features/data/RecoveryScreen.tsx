// Shown instead of the app when the start-up check found the database damaged: restore the newest good
// backup, or move the damaged file aside (never deleted) and start empty. Sending stays off meanwhile.
import { App, Button, Result, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';

export function RecoveryScreen({ status }: { status: MethodOutput<'data.status'> }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries();
  const restore = useMutation({ mutationFn: () => api.call('data.recoverFromBackup', {}), onSuccess: done, onError: (err) => void message.error(errorText(t, err), 8) });
  const startEmpty = useMutation({ mutationFn: () => api.call('data.recoverStartEmpty', {}), onSuccess: done, onError: (err) => void message.error(errorText(t, err), 8) });
  const problem = status.startupCheck?.problems[0];
  return (
    <div className="full-page-center" data-testid="recovery-screen">
      <Result
        status="warning"
        title={t('data.recovery.title')}
        subTitle={
          <Space orientation="vertical">
            <span className="gate-text">{t('data.recovery.body')}</span>
            {problem && <Typography.Text type="secondary">{t('data.recovery.problem', { problem })}</Typography.Text>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button type="primary" loading={restore.isPending} disabled={startEmpty.isPending} onClick={() => restore.mutate()}>
              {t('data.recovery.restoreNewest')}
            </Button>
            <Button
              danger
              loading={startEmpty.isPending}
              disabled={restore.isPending}
              onClick={() => modal.confirm({ title: t('data.recovery.startEmpty'), content: t('data.recovery.startEmptyConfirm', { dir: status.dataDir }), onOk: () => startEmpty.mutate() })}
            >
              {t('data.recovery.startEmpty')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
