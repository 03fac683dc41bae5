// The confirm screen (SMS送信君's 確認画面): the check's errors and warnings, the totals against the
// balance, a few rendered samples, a test to the operator's own phone, then the send.
// Keyboard: the dialog opens on the first thing that needs an answer (Space ticks it); Enter sends once
// nothing is left to answer, or moves to what still is. Esc goes back to the message.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Checkbox, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { ClockCircleOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CheckCode, ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { useDateTimeFormat, useNumberFormat } from '../../components/format';
import { acknowledgedCodes, confirmState, groupIssues, leftOutCount } from './check-state';
import { IssueList } from './IssueList';
import { useAcknowledged, WarningsAlert } from './WarningsAlert';
import { AccountCell, CostCell } from './SummaryCells';

const OWN_NUMBER_KEY = 'smsdesk.compose.ownNumber';

function storedOwnNumber(fallback: string): string {
  try {
    return window.localStorage.getItem(OWN_NUMBER_KEY) || fallback;
  } catch {
    return fallback;
  }
}

interface Props {
  report: ComposeCheckReport;
  account: string;
  testMode: boolean;
  timeZone: string;
  /** The shop's own number from the settings, used when this PC has not remembered another. */
  testNumber: string;
  sending: boolean;
  rechecking: boolean;
  onConfirm(decision: { leaveOut: boolean; acknowledged: CheckCode[] }): void;
  onSendAtInstead(isoInstant: string): void;
  onSendTest(to: string): Promise<void>;
  onClose(): void;
}

export function CheckDialog({ report, account, testMode, timeZone, testNumber, sending, rechecking, onConfirm, onSendAtInstead, onSendTest, onClose }: Props) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const formatTime = useDateTimeFormat(timeZone);
  const [leaveOut, setLeaveOut] = useState(false);
  const { acknowledged, ack } = useAcknowledged();
  const [ownNumber, setOwnNumber] = useState(() => storedOwnNumber(testNumber));
  const [testing, setTesting] = useState(false);
  const okRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  const groups = groupIssues(report);
  const state = confirmState(report, { leaveOut, acknowledged });
  const scheduled = report.at !== null;
  const { totals } = report;

  /** The first thing still waiting for an answer, or the send button. */
  function focusNext() {
    const pending = bodyRef.current?.querySelector<HTMLInputElement>('input[type=checkbox]:not(:checked)');
    if (pending && !state.ok) pending.focus();
    else okRef.current?.focus();
  }

  // Open (and after a re-check) on what needs answering first.
  useEffect(() => {
    const id = window.setTimeout(focusNext, 60);
    return () => window.clearTimeout(id);
  }, [report]);

  function confirm() {
    if (!state.ok || sending) return;
    onConfirm({ leaveOut: leaveOut && groups.recipientErrors.length > 0, acknowledged: acknowledgedCodes(report, acknowledged) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    // Buttons and the test-number box handle their own Enter.
    if (target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA' || target.closest('[data-own-number]')) return;
    e.preventDefault();
    if (state.ok) confirm();
    else focusNext();
  }

  async function sendTest() {
    if (!ownNumber.trim()) return;
    try {
      window.localStorage.setItem(OWN_NUMBER_KEY, ownNumber.trim());
    } catch {
      // Remembering the number is a convenience only.
    }
    setTesting(true);
    try {
      await onSendTest(ownNumber.trim());
    } finally {
      setTesting(false);
    }
  }

  const blockedText = !state.ok ? t(`composeUi.check.blocked.${state.reason}`) : null;
  const segmentsEach = totals.minSegments === totals.maxSegments
    ? t('compose.summary.segmentsValue', { n: fmt(totals.maxSegments) })
    : t('composeUi.check.segmentRange', { min: fmt(totals.minSegments), max: fmt(totals.maxSegments) });

  return (
    <Modal
      open
      width={640}
      title={
        <span>
          {scheduled ? <ClockCircleOutlined /> : null} {t(scheduled ? 'compose.confirm.titleScheduled' : 'compose.confirm.title')}
        </span>
      }
      onCancel={onClose}
      // Again once the opening animation is over: the dialog's own focus handling may have run later.
      afterOpenChange={(opened) => opened && focusNext()}
      // The composer decides where the focus goes next (the recipients after a send, the message after Esc).
      focusTriggerAfterClose={false}
      modalRender={(node) => <div onKeyDown={onKeyDown}>{node}</div>}
      footer={
        <div className="check-footer">
          {blockedText && (
            <Typography.Text type="secondary" className="check-footer-hint" data-testid="check-blocked">
              {blockedText}
            </Typography.Text>
          )}
          <Button onClick={onClose}>{t('compose.confirm.cancel')}</Button>
          <Button id="confirm-send" ref={okRef} type="primary" disabled={!state.ok || rechecking} loading={sending} onClick={confirm}>
            {t(scheduled ? 'compose.confirm.okScheduled' : 'compose.confirm.ok')}
          </Button>
        </div>
      }
      data-testid="check-dialog"
    >
      <div ref={bodyRef} className="check-body">
        <Descriptions
          column={2}
          size="small"
          className="check-totals"
          items={[
            { key: 'messages', label: t('composeUi.check.messages'), children: <span data-testid="check-messages">{t('compose.summary.recipientsValue', { n: fmt(report.sendable) })}</span> },
            { key: 'each', label: t('compose.summary.each'), children: segmentsEach },
            { key: 'total', label: t('compose.summary.total'), children: <strong data-testid="summary-total">{t('compose.summary.segmentsValue', { n: fmt(totals.segments) })}</strong> },
            {
              key: 'cost',
              label: t('composeUi.check.cost'),
              children: <CostCell totals={totals} testId="check-cost" />,
            },
            {
              key: 'account',
              label: t('compose.summary.account'),
              children: <AccountCell account={account} testMode={testMode} />,
            },
            { key: 'when', label: t('compose.summary.when'), children: report.at ? formatTime(report.at, 'minute') : t('compose.summary.now') },
          ]}
        />

        {groups.blockingErrors.length > 0 && (
          <Alert type="error" showIcon className="check-group" data-testid="check-blocking" title={t('composeUi.check.blockingTitle')} description={<IssueList issues={groups.blockingErrors} timeZone={timeZone} />} />
        )}

        {groups.recipientErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="check-group"
            data-testid="check-errors"
            title={t('composeUi.check.errorsTitle', { n: fmt(leftOutCount(report)) })}
            description={
              <div>
                <IssueList issues={groups.recipientErrors} timeZone={timeZone} />
                <Checkbox checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)} data-testid="check-leave-out" className="check-leave-out">
                  {t('composeUi.check.leaveOut', { n: fmt(leftOutCount(report)), m: fmt(report.sendable) })}
                </Checkbox>
              </div>
            }
          />
        )}

        <WarningsAlert
          issues={groups.warnings}
          timeZone={timeZone}
          acknowledged={acknowledged}
          ack={ack}
          extra={(issue) =>
            issue.code === 'quiet_hours' &&
            report.quietUntil && (
              <Button size="small" icon={<ClockCircleOutlined />} onClick={() => onSendAtInstead(report.quietUntil!)} data-testid="send-at-instead">
                {t('composeUi.check.sendAtInstead', { when: formatTime(report.quietUntil, 'minute') })}
              </Button>
            )
          }
        />

        {report.issues.length === 0 && <Alert type="success" showIcon className="check-group" title={t('composeUi.check.allClear')} data-testid="check-all-clear" />}

        {report.samples.length > 0 && (
          <div className="check-samples">
            <Typography.Text strong>{t('composeUi.check.samplesTitle')}</Typography.Text>
            {report.samples.slice(0, 3).map((s, i) => (
              <div key={`${s.to}-${i}`} className="check-sample" data-testid="check-sample">
                <Typography.Text type="secondary" className="check-sample-to">
                  {s.name ? `${s.name} · ` : ''}
                  {s.to} · {t('compose.summary.segmentsValue', { n: fmt(s.segments) })}
                </Typography.Text>
                <div className="check-sample-text">{s.text}</div>
              </div>
            ))}
          </div>
        )}

        {testMode && <Typography.Paragraph type="secondary">{t('compose.confirm.testMode')}</Typography.Paragraph>}

        <div className="check-test" data-own-number>
          <Space.Compact className="check-test-compact">
            <Input
              value={ownNumber}
              onChange={(e) => setOwnNumber(e.target.value)}
              onPressEnter={() => void sendTest()}
              placeholder={t('composeUi.check.ownNumber')}
              aria-label={t('composeUi.check.ownNumber')}
              maxLength={40}
              data-testid="own-number"
            />
            <Button icon={<ExperimentOutlined />} loading={testing} disabled={!ownNumber.trim()} onClick={() => void sendTest()} data-testid="send-test">
              {t('composeUi.check.sendTest')}
            </Button>
          </Space.Compact>
        </div>
      </div>
    </Modal>
  );
}
