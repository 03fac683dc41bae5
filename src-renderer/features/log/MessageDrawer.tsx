// Everything known about one message, for the customer on the phone asking "did it arrive?".
import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/api/schemas';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import { StatusTag } from '../../components/StatusTag';
import { useDateTimeFormat } from '../../components/format';
import { explainError } from './columns';
import { MessageHistory } from './MessageHistory';
import { UnknownActions } from './UnknownActions';

interface Props {
  message: MessageView | null;
  timeZone: string;
  region: string;
  onClose(): void;
}

export function MessageDrawer({ message: m, timeZone, region, onClose }: Props) {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat(timeZone);
  const time = (iso: string | null) => (iso ? formatTime(iso) : '—');
  return (
    <Drawer open={m !== null} onClose={onClose} size={480} title={m ? t('log.detail.title', { id: m.id }) : ''}>
      {m && (
        <>
          <div className="detail-head">
            <StatusTag status={m.status} />
            {m.testMode && <Tag color="gold">{t('log.testBadge')}</Tag>}
          </div>
          {m.error && (
            <Typography.Paragraph type="danger" className="detail-error">
              {explainError(t, m)}
              {m.error.detail && <span className="detail-provider">{t('log.detail.providerSaid', { detail: m.error.detail, code: m.error.code })}</span>}
            </Typography.Paragraph>
          )}
          <UnknownActions message={m} />
          <div className="detail-text">{m.text}</div>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'to', label: t('log.detail.to'), children: `${formatPhoneForShop(m.to, region)}（${m.to}）` },
              { key: 'typed', label: t('log.detail.typed'), children: m.toRaw },
              { key: 'segments', label: t('log.detail.segments'), children: `${t('log.segments', { n: m.segments })} · ${t(`common.encoding.${m.encoding}`)}` },
              { key: 'account', label: t('log.detail.account'), children: `${m.account} · ${t(`common.provider.${m.provider}`)}` },
              { key: 'origin', label: t('log.detail.origin'), children: t(`common.origin.${m.origin}`) },
              { key: 'memo', label: t('log.detail.memo'), children: m.memo ?? '—' },
              { key: 'created', label: t('log.detail.createdAt'), children: time(m.createdAt) },
              ...(m.scheduledAt ? [{ key: 'scheduled', label: t('log.detail.scheduledAt'), children: `${time(m.scheduledAt)}${m.scheduledTimeZone ? `（${m.scheduledTimeZone}）` : ''}` }] : []),
              { key: 'sent', label: t('log.detail.sentAt'), children: time(m.sentAt) },
              { key: 'delivered', label: t('log.detail.deliveredAt'), children: time(m.deliveredAt) },
              { key: 'providerId', label: t('log.detail.providerMessageId'), children: m.providerMessageId ?? '—' },
              ...(m.resendOf ? [{ key: 'resendOf', label: t('sending.drawer.resend'), children: t('sending.drawer.resendOf', { id: m.resendOf }) }] : []),
            ]}
          />
          <MessageHistory message={m} timeZone={timeZone} />
        </>
      )}
    </Drawer>
  );
}
