// The composer, built for the counter: focus starts in the recipients box, Tab goes to the message,
// Ctrl+Enter opens the confirmation and Enter confirms — no mouse needed.
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseRecipients } from '../../../src-shared/phone/recipients';
import type { AppInfo } from '../../app/Shell';
import { useApi } from '../../app/providers/api';
import { queryKeys, useAccounts } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { KeyHint } from '../../components/KeyHint';
import { counterView } from './counter';
import { MessageField } from './MessageField';
import { PhonePreview } from './PhonePreview';
import { RecipientsField, type TextAreaRef } from './RecipientsField';
import { disabledDate, disabledTime, isPast, toWallClockText } from './schedule';
import { SendResult, type SendOutcome } from './SendResult';
import { sendSummary } from './summary';
import { SummaryPanel } from './SummaryPanel';

type Field = 'recipients' | 'text' | 'at';

export function ComposePage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const accounts = useAccounts();
  const formatTime = useDateTimeFormat(info.timeZone);

  const [recipients, setRecipients] = useState('');
  const [text, setText] = useState('');
  const [memo, setMemo] = useState('');
  const [at, setAt] = useState<Dayjs | null>(null);
  const [account, setAccount] = useState<string | undefined>(undefined);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const recipientsRef = useRef<TextAreaRef>(null);
  const textRef = useRef<TextAreaRef>(null);
  const confirming = useRef(false);
  const sent = useRef(false);

  // Parsing thousands of pasted numbers must not make typing lag.
  const deferredRecipients = useDeferredValue(recipients);
  const parsed = useMemo(() => parseRecipients(deferredRecipients, info.region), [deferredRecipients, info.region]);
  const view = useMemo(() => counterView(text), [text]);
  const summary = sendSummary(parsed, view);

  const accountList = accounts.data?.accounts ?? [];
  const chosenName = account ?? info.defaultAccount ?? accountList.find((a) => a.default)?.name ?? '';
  const chosen = accountList.find((a) => a.name === chosenName);
  const testMode = chosen?.testMode ?? info.testMode;
  const whenText = at ? formatTime(toWallClockText(at) + offsetOf(at, info.timeZone), 'minute') : null;

  const send = useMutation({
    mutationFn: (input: { scheduled: boolean }) =>
      api.call('messages.send', {
        to: recipients,
        text,
        origin: 'composer',
        ...(input.scheduled && at ? { at: toWallClockText(at) } : {}),
        ...(memo.trim() ? { memo: memo.trim() } : {}),
        ...(account ? { account } : {}),
      }),
  });

  const clearError = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  function validate(scheduled: boolean): boolean {
    // Parse the current text, not the deferred one: what is confirmed must be what is in the box.
    const current = parseRecipients(recipients, info.region);
    const next: Partial<Record<Field, string>> = {};
    if (current.valid.length === 0) next.recipients = t(current.rejected.length ? 'compose.validation.allRejected' : 'compose.validation.noRecipients');
    if (!text.trim()) next.text = t('compose.validation.noText');
    if (scheduled && !at) next.at = t('compose.validation.noTime');
    if (scheduled && at && isPast(at, info.timeZone)) next.at = t('compose.validation.pastTime');
    setErrors(next);
    if (next.recipients) recipientsRef.current?.focus();
    else if (next.text) textRef.current?.focus();
    else if (next.at) setPickerOpen(true);
    return Object.keys(next).length === 0;
  }

  async function submit(scheduled: boolean): Promise<void> {
    try {
      const result = await send.mutateAsync({ scheduled });
      setOutcome({ result, when: scheduled ? whenText : null });
      void message.success(
        scheduled
          ? t('compose.result.scheduledToast', { n: result.messages.length })
          : t('compose.result.queuedToast', { n: result.messages.length }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
      setRecipients('');
      setText('');
      setMemo('');
      setAt(null);
      setErrors({});
      sent.current = true;
    } catch (err) {
      const e = errorText(t, err);
      void message.error(e);
    }
  }

  function confirmSend(scheduled: boolean) {
    if (confirming.current || send.isPending) return;
    if (!validate(scheduled)) return;
    confirming.current = true;
    const current = sendSummary(parseRecipients(recipients, info.region), counterView(text));
    modal.confirm({
      title: t(scheduled ? 'compose.confirm.titleScheduled' : 'compose.confirm.title'),
      icon: scheduled ? <ClockCircleOutlined /> : <SendOutlined />,
      width: 480,
      content: (
        <div className="confirm-body">
          <SummaryPanel summary={current} account={chosenName} testMode={testMode} when={scheduled ? whenText : null} />
          {current.rejected > 0 && <Typography.Paragraph type="warning">{t('compose.confirm.skipped', { n: current.rejected })}</Typography.Paragraph>}
          {testMode && <Typography.Paragraph type="secondary">{t('compose.confirm.testMode')}</Typography.Paragraph>}
        </div>
      ),
      okText: t(scheduled ? 'compose.confirm.okScheduled' : 'compose.confirm.ok'),
      cancelText: t('compose.confirm.cancel'),
      okButtonProps: { id: 'confirm-send' },
      // Enter confirms: the OK button has the focus when the dialog opens.
      autoFocusButton: 'ok',
      onOk: () => submit(scheduled),
      afterClose: () => {
        confirming.current = false;
        // The dialog hands focus back to where it was opened from; after a send the next customer
        // starts in the recipients box instead.
        if (sent.current) recipientsRef.current?.focus();
        sent.current = false;
      },
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      confirmSend(at !== null);
    }
  }

  function onScheduleClick() {
    if (!at) setPickerOpen(true);
    else confirmSend(true);
  }

  return (
    <div className="compose" onKeyDown={onKeyDown}>
      {outcome && <SendResult outcome={outcome} onClose={() => setOutcome(null)} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('compose.card.title')}
            extra={
              <span className="key-hints">
                <KeyHint keys={['Tab']} label={t('compose.keys.next')} />
                <KeyHint keys={['Ctrl', 'Enter']} label={t('compose.keys.send')} />
              </span>
            }
          >
            <Form layout="vertical" component="div" requiredMark={false}>
              <Form.Item label={t('compose.recipients.label')} htmlFor="compose-recipients" validateStatus={errors.recipients ? 'error' : undefined} help={errors.recipients}>
                <RecipientsField
                  ref={recipientsRef}
                  value={recipients}
                  onChange={(v) => {
                    setRecipients(v);
                    clearError('recipients');
                  }}
                  parsed={parsed}
                  invalid={!!errors.recipients}
                />
              </Form.Item>
              <Form.Item label={t('compose.text.label')} htmlFor="compose-text" validateStatus={errors.text ? 'error' : undefined} help={errors.text}>
                <MessageField
                  ref={textRef}
                  value={text}
                  onChange={(v) => {
                    setText(v);
                    clearError('text');
                  }}
                  view={view}
                  invalid={!!errors.text}
                />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('compose.account.label')} htmlFor="compose-account">
                    <Select
                      id="compose-account"
                      value={chosenName || undefined}
                      onChange={(v: string) => setAccount(v)}
                      loading={accounts.isPending}
                      options={accountList.map((a) => ({
                        value: a.name,
                        label: (
                          <span>
                            {a.name}
                            {a.default && <Tag className="option-tag">{t('compose.account.default')}</Tag>}
                            {a.testMode && (
                              <Tag color="gold" className="option-tag">
                                {t('common.testMode')}
                              </Tag>
                            )}
                          </span>
                        ),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('compose.at.label')}
                    htmlFor="compose-at"
                    validateStatus={errors.at ? 'error' : undefined}
                    help={errors.at}
                    extra={t('compose.at.zone', { zone: info.timeZone })}
                  >
                    <DatePicker
                      id="compose-at"
                      className="full-width"
                      showTime={{ format: 'HH:mm' }}
                      format="YYYY-MM-DD HH:mm"
                      value={at}
                      open={pickerOpen}
                      onOpenChange={setPickerOpen}
                      onChange={(v) => {
                        setAt(v);
                        clearError('at');
                      }}
                      disabledDate={disabledDate(info.timeZone)}
                      disabledTime={disabledTime(info.timeZone)}
                      placeholder={t('compose.at.placeholder')}
                      allowClear
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('compose.memo.label')} htmlFor="compose-memo" extra={t('compose.memo.help')}>
                <Input id="compose-memo" value={memo} maxLength={500} onChange={(e) => setMemo(e.target.value)} placeholder={t('compose.memo.placeholder')} />
              </Form.Item>
            </Form>
            <div className="compose-actions">
              <Space size={12}>
                <Button size="large" icon={<ClockCircleOutlined />} onClick={onScheduleClick} type={at ? 'primary' : 'default'} data-testid="send-at">
                  {t('compose.actions.sendAt')}
                </Button>
                <Button
                  size="large"
                  icon={<SendOutlined />}
                  type={at ? 'default' : 'primary'}
                  loading={send.isPending}
                  onClick={() => confirmSend(false)}
                  data-testid="send-now"
                >
                  {t('compose.actions.sendNow')}
                </Button>
              </Space>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('compose.preview.title')} className="side-card">
            <PhonePreview text={text} />
            <SummaryPanel summary={summary} account={chosenName} testMode={testMode} when={whenText} />
          </Card>
          {testMode && (
            <Card size="small" className="side-card tip-card" title={t('compose.tips.title')}>
              <Typography.Paragraph type="secondary" className="tip-text">
                {t('compose.tips.sandbox')}
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

/** The shop zone's offset at that wall-clock time, so the picked time formats as the shop sees it. */
function offsetOf(value: Dayjs, timeZone: string): string {
  return value.tz(timeZone, true).format('Z');
}
