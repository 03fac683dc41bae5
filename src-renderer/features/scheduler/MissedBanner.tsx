// The notice of timed messages that missed their time (catch-up after sleep or a closed app) and of
// recent failures: each missed one can be sent now or cancelled, or all at once. Nothing was sent
// behind the operator's back, and nothing disappears without them deciding.
import { useState } from 'react';
import { Alert, App, Button, List, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CheckCode } from '../../../src-shared/api/compose-schemas';
import type { MessageView } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { ResendDialog } from '../log/ResendDialog';
import { schedulerKeys, useMissed, useSchedulerStatus } from './queries';

function MissedRow({ message, timeZone, busy, onSend, onCancel }: { message: MessageView; timeZone: string; busy: boolean; onSend(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat(message.scheduledTimeZone ?? timeZone);
  return (
    <List.Item
      data-testid="missed-row"
      actions={[
        <Button key="send" size="small" type="primary" disabled={busy} onClick={onSend}>{t('scheduler.banner.sendNow')}</Button>,
        <Button key="cancel" size="small" disabled={busy} onClick={onCancel}>{t('scheduler.banner.cancel')}</Button>,
      ]}
    >
      <Space size={12} wrap>
        <Typography.Text strong>{message.toRaw}</Typography.Text>
        {message.scheduledAt && <Typography.Text type="secondary">{t('scheduler.banner.due', { time: format(message.scheduledAt) })}</Typography.Text>}
        <Typography.Text ellipsis style={{ maxWidth: 360 }}>{message.text}</Typography.Text>
      </Space>
    </List.Item>
  );
}

export function MissedBanner({ timeZone, region }: { timeZone: string; region: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const missed = useMissed();
  const status = useSchedulerStatus();
  const after = () => {
    void queryClient.invalidateQueries({ queryKey: schedulerKeys.missed });
    void queryClient.invalidateQueries({ queryKey: schedulerKeys.status });
  };
  // "Send now" goes through the pre-send check (the log's resend confirm) before anything is queued.
  const [checking, setChecking] = useState<MessageView[] | null>(null);
  const sendNow = useMutation({
    mutationFn: async (items: { id: number; acknowledged: CheckCode[] }[]) => {
      for (const item of items) await api.call('messages.resend', item);
    },
    onSuccess: () => {
      setChecking(null);
      void message.success(t('scheduler.banner.sentAgain'));
    },
    onError: (err) => void message.error(errorText(t, err)),
    onSettled: after,
  });
  const dismiss = useMutation({
    mutationFn: (input: { ids?: number[]; all?: 'missed' | 'failed' }) => api.call('scheduler.acknowledge', input),
    onSuccess: (_r, input) => void message.success(input.all === 'failed' ? t('scheduler.banner.dismiss') : t('scheduler.banner.cancelled')),
    onError: (err) => void message.error(errorText(t, err)),
    onSettled: after,
  });
  const busy = sendNow.isPending || dismiss.isPending;
  const list = missed.data?.messages ?? [];
  const total = missed.data?.total ?? 0;
  const failed = status.data?.attention.failed ?? 0;
  return (
    <>
      {total > 0 && (
        <Alert
          banner
          type="error"
          showIcon
          className="banner"
          data-testid="missed-banner"
          title={t('scheduler.banner.missed', { n: total })}
          description={
            <>
              <List size="small" dataSource={list} rowKey="id" renderItem={(m) => (
                <MissedRow message={m} timeZone={timeZone} busy={busy} onSend={() => setChecking([m])} onCancel={() => dismiss.mutate({ ids: [m.id] })} />
              )} />
              {total > list.length && <Typography.Text type="secondary">{t('scheduler.banner.more', { n: total - list.length })}</Typography.Text>}
            </>
          }
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" disabled={busy || total > list.length} onClick={() => setChecking(list)}>{t('scheduler.banner.sendAll')}</Button>
              <Button size="small" disabled={busy} onClick={() => dismiss.mutate({ all: 'missed' })}>{t('scheduler.banner.cancelAll')}</Button>
            </Space>
          }
        />
      )}
      {failed > 0 && (
        <Alert
          banner
          type="warning"
          showIcon
          className="banner"
          data-testid="failed-banner"
          title={t('scheduler.banner.failed', { n: failed })}
          action={
            <Space>
              <Button size="small" href="#/log">{t('scheduler.banner.showLog')}</Button>
              <Button size="small" disabled={busy} onClick={() => dismiss.mutate({ all: 'failed' })}>{t('scheduler.banner.dismiss')}</Button>
            </Space>
          }
        />
      )}
      {checking && (
        <ResendDialog
          messages={checking}
          timeZone={timeZone}
          region={region}
          onConfirm={async (items) => {
            await sendNow.mutateAsync(items).catch(() => undefined);
          }}
          onClose={() => setChecking(null)}
        />
      )}
    </>
  );
}
