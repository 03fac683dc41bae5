// For a message whose fate is unknown (or that failed): "resend" makes a new, linked message after a
// warning about a possible duplicate; "mark failed" records the operator's verdict.
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText } from '../../components/error-text';

const RESENDABLE = new Set(['unknown', 'failed', 'expired', 'missed']);

export function UnknownActions({ message: m }: { message: MessageView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
  const resend = useMutation({
    mutationFn: () => api.call('messages.resend', { id: m.id, origin: 'composer' }),
    onSuccess: (copy) => {
      void message.success(t('sending.drawer.resent', { id: copy.id }));
      done();
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  const markFailed = useMutation({
    mutationFn: () => api.call('messages.markFailed', { id: m.id }),
    onSuccess: () => {
      void message.success(t('sending.drawer.markedFailed'));
      done();
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  if (!RESENDABLE.has(m.status)) return null;
  return (
    <div className="unknown-actions" data-testid="unknown-actions">
      {m.status === 'unknown' && <Alert type="warning" showIcon title={t('sending.drawer.unknownHelp')} />}
      <Space className="unknown-actions-buttons">
        <Popconfirm title={t('sending.drawer.resendConfirm')} onConfirm={() => resend.mutate()} okText={t('sending.drawer.resend')}>
          <Button type="primary" loading={resend.isPending} data-testid="resend">
            {t('sending.drawer.resend')}
          </Button>
        </Popconfirm>
        {m.status === 'unknown' && (
          <Button danger loading={markFailed.isPending} onClick={() => markFailed.mutate()} data-testid="mark-failed">
            {t('sending.drawer.markFailed')}
          </Button>
        )}
      </Space>
    </div>
  );
}
