// "Resend" from the log (and "send now" of missed messages): the pre-send check of each message, as
// the composer's confirm screen shows it, before anything is queued. Errors (opted out, invalid number,
// the frequency cap…) keep that message from going; each warning (quiet hours, no sender tag…) needs
// its one click; then the messages without errors go, each a new message linked to its original.
import { useState } from 'react';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CheckCode, CheckIssue, ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import type { MessageView } from '../../../src-shared/api/schemas';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useNumberFormat } from '../../components/format';
import { IssueList } from '../compose/IssueList';
import { useAcknowledged, WarningsAlert } from '../compose/WarningsAlert';
import '../compose/compose-ui.css';
import { resendPlan } from './resend-plan';

interface Props {
  messages: MessageView[];
  timeZone: string;
  region: string;
  /** Resends those the check lets go, acknowledging their warnings; resolves when all are queued. */
  onConfirm(items: { id: number; acknowledged: CheckCode[] }[]): Promise<void>;
  onClose(): void;
}

export function ResendDialog({ messages, timeZone, region, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useNumberFormat();
  const { acknowledged, ack } = useAcknowledged();
  const [sending, setSending] = useState(false);
  const checks = useQueries({
    queries: messages.map((m) => ({
      queryKey: ['messages.resendCheck', m.id],
      queryFn: () => api.call('messages.resendCheck', { id: m.id }),
      staleTime: 0,
      gcTime: 0,
      retry: false,
    })),
  });
  const loading = checks.some((c) => c.isPending);
  const failed = checks.find((c) => c.isError);
  const reports = checks.map((c) => c.data ?? null);
  const plan = resendPlan(messages.map((m, i) => ({ id: m.id, report: reports[i] ?? null })), acknowledged);
  const unknown = messages.some((m) => m.status === 'unknown');
  const one = messages.length === 1;


  async function confirm() {
    if (!plan.ok || sending) return;
    setSending(true);
    try {
      await onConfirm(plan.items);
    } finally {
      setSending(false);
    }
  }

  const errorsOf = (r: ComposeCheckReport): CheckIssue[] => r.issues.filter((i) => i.severity === 'error');

  return (
    <Modal
      open
      width={600}
      title={t('logRoom.resend.title')}
      onCancel={onClose}
      data-testid="resend-dialog"
      footer={
        <div className="check-footer">
          {!loading && !plan.ok && (
            <Typography.Text type="secondary" className="check-footer-hint" data-testid="resend-blocked">
              {t(`logRoom.resend.blocked.${plan.reason}`)}
            </Typography.Text>
          )}
          <Button onClick={onClose} data-testid="resend-cancel">{t('logRoom.resend.cancel')}</Button>
          <Button type="primary" disabled={loading || !plan.ok} loading={sending} onClick={() => void confirm()} data-testid="resend-confirm">
            {one ? t('sending.drawer.resend') : t('logRoom.resend.okCount', { n: fmt(plan.items.length) })}
          </Button>
        </div>
      }
    >
      <div className="check-body" onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing && (e.target as HTMLElement).tagName !== 'BUTTON' && plan.ok) {
          e.preventDefault();
          void confirm();
        }
      }}>
        {unknown && <Alert type="warning" showIcon className="check-group" title={t('sending.drawer.resendConfirm')} data-testid="resend-duplicate" />}
        {loading && <Spin />}
        {failed && <Alert type="error" showIcon className="check-group" title={errorText(t, failed.error)} />}
        {messages.map((m, i) => {
          const report = reports[i];
          if (!report) return null;
          const errors = errorsOf(report);
          return (
            <div key={m.id} className="resend-message" data-testid="resend-message">
              {!one && (
                <Typography.Text strong className="resend-message-to">
                  #{m.id} · {formatPhoneForShop(m.to, region)}
                </Typography.Text>
              )}
              {errors.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  className="check-group"
                  data-testid="resend-errors"
                  title={t('logRoom.resend.errorsTitle')}
                  description={<IssueList issues={errors} timeZone={timeZone} />}
                />
              )}
              {one && report.samples[0] && (
                <div className="check-sample" data-testid="resend-sample">
                  <Typography.Text type="secondary" className="check-sample-to">
                    {formatPhoneForShop(m.to, region)} · {t('compose.summary.segmentsValue', { n: fmt(report.samples[0].segments) })}
                    {report.totals.cost !== null ? ` · ${t('composeUi.check.cost')} ${fmt(report.totals.cost)}` : ''}
                  </Typography.Text>
                  <div className="check-sample-text">{report.samples[0].text}</div>
                </div>
              )}
            </div>
          );
        })}
        <WarningsAlert issues={plan.warnings} timeZone={timeZone} acknowledged={acknowledged} ack={ack} />
        {!loading && !failed && plan.clear && <Alert type="success" showIcon className="check-group" title={t('composeUi.check.allClear')} data-testid="check-all-clear" />}
      </div>
    </Modal>
  );
}
