// Everything known about one message, for the customer on the phone asking "did it arrive?": the
// text as sent, how it was counted, who it went to (and their contact), through which account, the
// provider's id and every step with its code, the error explained, and who sent it from where.
import { useRef } from 'react';
import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/api/schemas';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import { StatusTag } from '../../components/StatusTag';
import { useDateTimeFormat } from '../../components/format';
import { explainError } from './columns';
import { MessageActions } from './MessageActions';
import { MessageHistory } from './MessageHistory';
import { useEscapeToClose } from './useEscapeToClose';
import { useRules } from '../rules/queries';
import { useTemplates } from '../templates/queries';
import './log.css';

interface Props {
  message: MessageView | null;
  timeZone: string;
  region: string;
  onClose(): void;
}

/** "composer · amy", "CLI", "rule「生日祝福」", "template #3" (a deleted one) … */
function sentBy(t: (k: string, p?: Record<string, unknown>) => string, m: MessageView, names: { template(id: number): string | undefined; rule(id: number): string | undefined }): string {
  const parts = [t(`common.origin.${m.origin}`)];
  const rule = m.ruleId ? names.rule(m.ruleId) : undefined;
  const template = m.templateId ? names.template(m.templateId) : undefined;
  if (m.ruleId) parts.push(rule ? t('logRoom.detail.ruleNamed', { name: rule }) : t('logRoom.detail.rule', { id: m.ruleId }));
  if (m.templateId) parts.push(template ? t('logRoom.detail.templateNamed', { name: template }) : t('logRoom.detail.template', { id: m.templateId }));
  if (m.operator) parts.push(t('logRoom.detail.operator', { name: m.operator }));
  return parts.join(' · ');
}

export function MessageDrawer({ message: m, timeZone, region, onClose }: Props) {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat(timeZone);
  const templates = useTemplates();
  const rules = useRules();
  const names = {
    template: (id: number) => templates.data?.templates.find((x) => x.id === id)?.name,
    rule: (id: number) => rules.data?.rules.find((x) => x.id === id)?.name,
  };
  const body = useRef<HTMLDivElement>(null);
  // Whether one of the actions' confirmations is open: Escape is then theirs.
  const popupOpen = useRef(false);
  useEscapeToClose(m !== null, onClose, () => popupOpen.current);
  const time = (iso: string | null) => (iso ? formatTime(iso) : '—');
  return (
    <Drawer open={m !== null} onClose={onClose} size={520} title={m ? t('log.detail.title', { id: m.id }) : ''}>
      {m && (
        <div ref={body} tabIndex={-1} className="detail-body" data-testid="message-detail">
          <div className="detail-head">
            <StatusTag status={m.status} />
            {m.testMode && <Tag color="gold">{t('log.testBadge')}</Tag>}
          </div>
          {m.error && (
            <Typography.Paragraph type="danger" className="detail-error" data-testid="detail-error">
              {explainError(t, m)}
              {m.error.detail && <span className="detail-provider">{t('log.detail.providerSaid', { detail: m.error.detail, code: m.error.code })}</span>}
            </Typography.Paragraph>
          )}
          <MessageActions
            message={m}
            timeZone={timeZone}
            region={region}
            onPopupChange={(open) => {
              popupOpen.current = open;
              // A closed confirmation leaves focus on its hidden button: give it back to the drawer.
              if (!open) setTimeout(() => body.current?.focus(), 0);
            }}
          />
          <div className="detail-text" data-testid="detail-text">{m.text}</div>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'to',
                label: t('log.detail.to'),
                children: (
                  <span>
                    {`${formatPhoneForShop(m.to, region)}（${m.to}）`}
                    {m.contact && (
                      <>
                        {' · '}
                        <a href={`#/contacts?open=${m.contact.id}`} data-testid="detail-contact">{m.contact.name}</a>
                      </>
                    )}
                  </span>
                ),
              },
              { key: 'typed', label: t('log.detail.typed'), children: m.toRaw },
              { key: 'segments', label: t('log.detail.segments'), children: `${t('log.segments', { n: m.segments })} · ${t(`common.encoding.${m.encoding}`)}` },
              { key: 'account', label: t('log.detail.account'), children: `${m.account} · ${t(`common.provider.${m.provider}`)}` },
              { key: 'origin', label: t('logRoom.detail.sentBy'), children: <span data-testid="detail-origin">{sentBy(t, m, names)}</span> },
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
        </div>
      )}
    </Drawer>
  );
}
