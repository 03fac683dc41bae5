// The story of one message (messages.events): each step and attempt with its time, the status it
// went from and to, and the provider's code and words — what the operator reads to a customer.
import { Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { useDateTimeFormat } from '../../components/format';

export const messageEventsKey = (id: number) => ['messages.events', id] as const;

export function MessageHistory({ message, timeZone }: { message: MessageView; timeZone: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const formatTime = useDateTimeFormat(timeZone);
  // The message's updatedAt is part of the key: a change to the message fetches its story again.
  const events = useQuery({ queryKey: [...messageEventsKey(message.id), message.updatedAt], queryFn: () => api.call('messages.events', { id: message.id }) });
  const list = events.data?.events ?? [];
  return (
    <div className="message-history" data-testid="message-history">
      <Typography.Title level={5}>{t('sending.drawer.attempts')}</Typography.Title>
      {list.length === 0 ? (
        <Typography.Text type="secondary">{t('sending.drawer.noAttempts')}</Typography.Text>
      ) : (
        <Timeline
          items={list.map((e, i) => ({
            key: i,
            children: (
              <div>
                <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>{' '}
                <span>
                  {t('sending.drawer.attemptLine', {
                    from: e.from ? t(`common.status.${e.from}`) : '—',
                    to: t(`common.status.${e.to}`),
                  })}
                </span>
                {(e.code || e.detail) && (
                  <Typography.Text type="secondary" className="history-provider">
                    {' '}
                    {[e.code, e.detail].filter(Boolean).join(' · ')}
                  </Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
