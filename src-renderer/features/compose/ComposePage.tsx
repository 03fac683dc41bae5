// The composer, built for the counter: focus starts in the recipients box, Tab goes on to the
// message, Ctrl+K inserts a template, Ctrl+Enter runs the pre-send check and Enter in the check
// sends — no mouse needed. Rendering, counting and the check are src-shared and core functions; this
// screen only gathers the draft and shows their answers.
import { useEffect, useMemo, useRef, useState, useDeferredValue } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CheckCode, ComposeCheckReport, ComposeDraft, TemplateView } from '../../../src-shared/api/compose-schemas';
import type { MessagePurpose } from '../../../src-shared/api/schemas';
import { parseRecipients } from '../../../src-shared/phone/recipients';
import type { AppInfo } from '../../app/Shell';
import { useApi } from '../../app/providers/api';
import { queryKeys, useAccounts } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat, useNumberFormat } from '../../components/format';
import { KeyHint } from '../../components/KeyHint';
import { useSavedFilters } from '../contacts/queries';
import { insertIntoTextArea } from '../templates/insert-text';
import { PlaceholderChips } from '../templates/PlaceholderChips';
import { templateKeys } from '../templates/queries';
import { CheckDialog } from './CheckDialog';
import { ContactRecipients } from './ContactRecipients';
import { counterView } from './counter';
import { buildDraft, emptyRecipients, hasRecipients, removeNumber, type ComposeState, type RecipientsState } from './draft';
import { LeftOut } from './LeftOut';
import { LiveSummary } from './LiveSummary';
import { MessageField } from './MessageField';
import { MessageOptions } from './MessageOptions';
import { RecipientsField, type TextAreaRef } from './RecipientsField';
import { routeCharIssues } from './route-chars';
import { SamplePreview } from './SamplePreview';
import { SaveContactModal } from './SaveContactModal';
import { disabledDate, disabledTime, isPast, toWallClockText, untilParts, wallClockOf } from './schedule';
import { SendResult, type SendOutcome } from './SendResult';
import { TemplatePicker } from './TemplatePicker';
import { useComposeTexts } from './useComposeTexts';
import { useLiveCheck, useLivePreview } from './useLiveCheck';
import { usePersonalCount } from './usePersonalCount';
import '../templates/templates.css';
import './compose-ui.css';

type Field = 'recipients' | 'text' | 'at';

interface Checking {
  draft: ComposeDraft;
  report: ComposeCheckReport;
}

export function ComposePage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const accounts = useAccounts();
  const [savedFiltersWanted, setSavedFiltersWanted] = useState(false);
  const savedFiltersQuery = useSavedFilters(savedFiltersWanted);
  const savedFilters = useMemo(() => savedFiltersQuery.data?.filters ?? [], [savedFiltersQuery.data]);
  const formatTime = useDateTimeFormat(info.timeZone);
  const fmt = useNumberFormat();

  const [recipients, setRecipients] = useState<RecipientsState>(emptyRecipients);
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [purpose, setPurpose] = useState<MessagePurpose>('notification');
  const [usePrefix, setUsePrefix] = useState(false);
  const [useSuffix, setUseSuffix] = useState(false);
  const texts = useComposeTexts(usePrefix, useSuffix);
  const [memo, setMemo] = useState('');
  const [at, setAt] = useState<Dayjs | null>(null);
  const [account, setAccount] = useState<string | undefined>(undefined);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [checking, setChecking] = useState<Checking | null>(null);
  const [savingNumber, setSavingNumber] = useState<string | null>(null);
  const [, setTick] = useState(0);
  // Where the focus goes once the check screen is gone (after the commit that removed it, so neither
  // its focus trap nor its closing takes the focus back).
  const [focusAfter, setFocusAfter] = useState<{ field: 'recipients' | 'text'; n: number } | null>(null);
  const recipientsRef = useRef<TextAreaRef>(null);
  const textRef = useRef<TextAreaRef>(null);

  // Parsing thousands of pasted numbers must not make typing lag.
  const deferredNumbers = useDeferredValue(recipients.numbers);
  const parsed = useMemo(() => parseRecipients(deferredNumbers, info.region), [deferredNumbers, info.region]);
  // The counter counts what is sent: the text with the prefix and suffix switched on.
  const counted = texts.wrap(text, usePrefix, useSuffix);
  const view = useMemo(() => counterView(counted), [counted]);

  const accountList = accounts.data?.accounts ?? [];
  const chosenName = account ?? info.defaultAccount ?? accountList.find((a) => a.default)?.name ?? '';
  const chosen = accountList.find((a) => a.name === chosenName);
  const testMode = chosen?.testMode ?? info.testMode;
  const unsupported = useMemo(() => routeCharIssues(counted, chosen?.provider, info.region), [counted, chosen?.provider, info.region]);

  const state: ComposeState = {
    recipients, text, templateId, purpose, usePrefix, useSuffix, account, memo,
    at: at ? toWallClockText(at) : null,
    timeZone: info.timeZone,
  };
  const liveDraft = buildDraft({ ...state, at: null }, savedFilters);
  const live = hasRecipients(recipients) || text.trim() !== '';
  const preview = useLivePreview(liveDraft, live);
  const report = useLiveCheck(liveDraft, live && hasRecipients(recipients) && text.trim() !== '');
  const personal = usePersonalCount(counted, liveDraft, hasRecipients(recipients), report.data);

  // "in 3 h 20 min" stays true while the screen is open.
  useEffect(() => {
    if (!at) return;
    const id = window.setInterval(() => setTick((n) => n + 1), 30_000);
    return () => window.clearInterval(id);
  }, [at]);
  useEffect(() => {
    if (!focusAfter || checking) return;
    (focusAfter.field === 'recipients' ? recipientsRef : textRef).current?.focus();
  }, [focusAfter, checking]);
  const until = at ? untilParts(at, info.timeZone) : null;
  const whenText = at ? formatTime(toWallClockText(at) + at.tz(info.timeZone, true).format('Z'), 'minute') : null;

  const send = useMutation({
    mutationFn: (input: { draft: ComposeDraft; leaveOut: boolean; acknowledged: CheckCode[] }) => api.call('compose.send', { ...input, origin: 'composer' }),
  });
  const runCheck = useMutation({ mutationFn: (draft: ComposeDraft) => api.call('compose.check', { draft }) });

  const clearError = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  function validate(scheduled: boolean): boolean {
    // Parse the current text, not the deferred one: what is checked must be what is in the box.
    const current = parseRecipients(recipients.numbers, info.region);
    const fromContacts = hasRecipients({ ...recipients, numbers: '' });
    const next: Partial<Record<Field, string>> = {};
    if (!fromContacts && current.valid.length === 0) next.recipients = t(current.rejected.length ? 'compose.validation.allRejected' : 'compose.validation.noRecipients');
    if (!text.trim()) next.text = t('compose.validation.noText');
    if (scheduled && !at) next.at = t('compose.validation.noTime');
    if (scheduled && at && isPast(at, info.timeZone)) next.at = t('compose.validation.pastTime');
    setErrors(next);
    if (next.recipients) recipientsRef.current?.focus();
    else if (next.text) textRef.current?.focus();
    else if (next.at) setPickerOpen(true);
    return Object.keys(next).length === 0;
  }

  async function openCheck(scheduled: boolean, atOverride?: Dayjs) {
    if (runCheck.isPending || send.isPending || checking) return;
    if (!atOverride && !validate(scheduled)) return;
    const when = atOverride ?? at;
    const draft = buildDraft({ ...state, at: scheduled && when ? toWallClockText(when) : null }, savedFilters);
    try {
      setChecking({ draft, report: await runCheck.mutateAsync(draft) });
    } catch (err) {
      void message.error(errorText(t, err));
    }
  }

  async function sendAtInstead(iso: string) {
    const next = wallClockOf(iso, info.timeZone);
    setAt(next);
    if (!checking) return;
    const draft = { ...checking.draft, at: toWallClockText(next) };
    try {
      setChecking({ draft, report: await runCheck.mutateAsync(draft) });
    } catch (err) {
      void message.error(errorText(t, err));
    }
  }

  async function confirm(decision: { leaveOut: boolean; acknowledged: CheckCode[] }) {
    if (!checking) return;
    try {
      const result = await send.mutateAsync({ draft: checking.draft, ...decision });
      const scheduled = checking.report.at !== null;
      setOutcome({ result, when: scheduled && checking.report.at ? formatTime(checking.report.at, 'minute') : null });
      void message.success(t(scheduled ? 'compose.result.scheduledToast' : 'compose.result.queuedToast', { n: result.messages.length }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
      if (checking.draft.templateId) void queryClient.invalidateQueries({ queryKey: templateKeys.list });
      setRecipients(emptyRecipients);
      setText('');
      setTemplateId(null);
      setMemo('');
      setAt(null);
      setErrors({});
      setChecking(null);
      // The next customer starts in the recipients box.
      setFocusAfter((f) => ({ field: 'recipients', n: (f?.n ?? 0) + 1 }));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  }

  async function sendTest(to: string) {
    if (!checking) return;
    try {
      const result = await api.call('compose.sendTest', { draft: checking.draft, to });
      void message.success(t('composeUi.check.testSent', { to: result.to }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
    } catch (err) {
      void message.error(errorText(t, err));
    }
  }

  function insertTemplate(template: TemplateView) {
    setTemplatesOpen(false);
    const el = textRef.current?.resizableTextArea?.textArea;
    if (!text.trim()) {
      setText(template.body);
      requestAnimationFrame(() => {
        el?.focus();
        el?.setSelectionRange(template.body.length, template.body.length);
      });
    } else {
      insertIntoTextArea(el, text, template.body, setText);
    }
    setTemplateId(template.id);
    setPurpose(template.purpose);
    clearError('text');
  }

  // The composer's shortcuts work from anywhere on the page (the side navigation, the page body, a
  // button), not only inside the form: one listener on the window while the composer is shown, which
  // reads the latest state through a ref.
  const onKeyDown = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKeyDown.current = (e) => {
    if (e.defaultPrevented || e.isComposing || checking || templatesOpen || savingNumber !== null) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void openCheck(at !== null);
    } else if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      setTemplatesOpen(true);
    } else if (e.altKey && (e.key === 'c' || e.key === 'C' || e.code === 'KeyC')) {
      e.preventDefault();
      document.getElementById('compose-contacts')?.focus();
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const setNumbers = (numbers: string) => {
    setRecipients((r) => ({ ...r, numbers }));
    clearError('recipients');
  };

  return (
    <div className="compose">
      {outcome && <SendResult outcome={outcome} timeZone={info.timeZone} onClose={() => setOutcome(null)} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('compose.card.title')}
            extra={
              <span className="key-hints">
                <KeyHint keys={['Tab']} label={t('compose.keys.next')} />
                <KeyHint keys={['Alt', 'C']} label={t('composeUi.keys.contacts')} />
                <KeyHint keys={['Ctrl', 'K']} label={t('composeUi.keys.template')} />
                <KeyHint keys={['Ctrl', 'Enter']} label={t('composeUi.keys.check')} />
              </span>
            }
          >
            <Form layout="vertical" component="div" requiredMark={false}>
              <Form.Item label={t('compose.recipients.label')} htmlFor="compose-recipients" validateStatus={errors.recipients ? 'error' : undefined} help={errors.recipients}>
                <RecipientsField
                  ref={recipientsRef}
                  value={recipients.numbers}
                  onChange={setNumbers}
                  parsed={parsed}
                  invalid={!!errors.recipients}
                  onSaveContact={setSavingNumber}
                  onTabNext={() => textRef.current?.focus()}
                />
                <ContactRecipients
                  value={recipients}
                  onChange={(next) => {
                    setRecipients(next);
                    clearError('recipients');
                  }}
                  savedFilters={savedFilters}
                  onSavedFiltersWanted={() => setSavedFiltersWanted(true)}
                />
                <LeftOut report={report.data} timeZone={info.timeZone} />
              </Form.Item>
              <Form.Item
                label={
                  <span className="text-label">
                    {t('compose.text.label')}
                    <Button size="small" type="link" icon={<FileTextOutlined />} onClick={() => setTemplatesOpen(true)} data-testid="open-template-picker">
                      {t('composeUi.picker.open')}
                    </Button>
                  </span>
                }
                htmlFor="compose-text"
                validateStatus={errors.text ? 'error' : undefined}
                help={errors.text}
              >
                <MessageField
                  ref={textRef}
                  value={text}
                  onChange={(v) => {
                    setText(v);
                    clearError('text');
                  }}
                  view={view}
                  invalid={!!errors.text}
                  unsupported={unsupported}
                  range={
                    report.data && report.data.sendable > 0 && (report.data.totals.minSegments !== report.data.totals.maxSegments || /\{[^{}]+\}/.test(counted))
                      ? {
                          min: report.data.totals.minSegments,
                          max: report.data.totals.maxSegments,
                          total: report.data.totals.segments,
                          cost: report.data.totals.cost === null ? null : `${fmt(report.data.totals.cost)}${report.data.totals.balanceUnit ? ` ${t(`settings.accounts.units.${report.data.totals.balanceUnit}`, { defaultValue: report.data.totals.balanceUnit })}` : ''}`,
                        }
                      : null
                  }
                  personal={personal}
                />
                <PlaceholderChips includeEvents={false} onInsert={(token) => insertIntoTextArea(textRef.current?.resizableTextArea?.textArea, text, token, setText)} />
                <MessageOptions
                  purpose={purpose}
                  usePrefix={usePrefix}
                  useSuffix={useSuffix}
                  prefix={texts.prefix}
                  suffix={texts.suffix}
                  onChange={(o) => {
                    if (o.purpose) setPurpose(o.purpose);
                    if (o.usePrefix !== undefined) setUsePrefix(o.usePrefix);
                    if (o.useSuffix !== undefined) setUseSuffix(o.useSuffix);
                  }}
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
                    extra={
                      <span>
                        {t('compose.at.zone', { zone: info.timeZone })}
                        {until && (
                          <span className="at-until" data-testid="at-until">
                            {' · '}
                            {until.days > 0
                              ? t('composeUi.at.inDays', { d: until.days, h: until.hours, m: until.minutes })
                              : t('composeUi.at.in', { h: until.hours, m: until.minutes })}
                          </span>
                        )}
                      </span>
                    }
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
                        if (v && isPast(v, info.timeZone)) setErrors((e) => ({ ...e, at: t('compose.validation.pastTime') }));
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
                <Button
                  size="large"
                  icon={<ClockCircleOutlined />}
                  onClick={() => (at ? void openCheck(true) : setPickerOpen(true))}
                  type={at ? 'primary' : 'default'}
                  loading={runCheck.isPending && at !== null}
                  data-testid="send-at"
                >
                  {t('compose.actions.sendAt')}
                </Button>
                <Button
                  size="large"
                  icon={<SendOutlined />}
                  type={at ? 'default' : 'primary'}
                  loading={(runCheck.isPending && at === null) || send.isPending}
                  onClick={() => void openCheck(false)}
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
            <SamplePreview text={counted} samples={preview.data?.samples ?? []} />
            <LiveSummary view={view} typed={parsed.valid.length} report={report.data} account={chosenName} testMode={testMode} when={whenText} />
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
      <TemplatePicker open={templatesOpen} onPick={insertTemplate} onClose={() => {
        setTemplatesOpen(false);
        requestAnimationFrame(() => textRef.current?.focus());
      }} />
      {checking && (
        <CheckDialog
          report={checking.report}
          account={chosenName}
          testMode={testMode}
          timeZone={info.timeZone}
          testNumber={texts.testNumber}
          sending={send.isPending}
          rechecking={runCheck.isPending}
          onConfirm={(d) => void confirm(d)}
          onSendAtInstead={(iso) => void sendAtInstead(iso)}
          onSendTest={sendTest}
          onClose={() => {
            setChecking(null);
            setFocusAfter((f) => ({ field: 'text', n: (f?.n ?? 0) + 1 }));
          }}
        />
      )}
      {savingNumber !== null && (
        <SaveContactModal
          phone={savingNumber}
          onClose={() => setSavingNumber(null)}
          onSaved={(contact) => {
            setRecipients((r) => ({
              ...r,
              numbers: removeNumber(r.numbers, savingNumber),
              contacts: r.contacts.some((c) => c.id === contact.id) ? r.contacts : [...r.contacts, { id: contact.id, name: contact.name, phone: contact.phoneNational }],
            }));
            setSavingNumber(null);
          }}
        />
      )}
    </div>
  );
}
