// One template: name, category, purpose, the event it answers (if any) and the text, with placeholder
// chips and the live counter. Ctrl+Enter saves; Esc closes without saving.
import { useEffect, useRef, useState } from 'react';
import { App, AutoComplete, Button, Drawer, Form, Input, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { eventKinds, type EventKind, type TemplateView } from '../../../src-shared/api/compose-schemas';
import { messagePurposes, type MessagePurpose } from '../../../src-shared/api/schemas';
import { errorText } from '../../components/error-text';
import { KeyHint } from '../../components/KeyHint';
import { counterView } from '../compose/counter';
import { SegmentCounter } from '../compose/SegmentCounter';
import type { TextAreaRef } from '../compose/RecipientsField';
import { insertIntoTextArea } from './insert-text';
import { PlaceholderChips } from './PlaceholderChips';
import { useSaveTemplate } from './queries';

interface Props {
  /** null: a new template. */
  template: TemplateView | null;
  categories: readonly string[];
  onClose(saved?: TemplateView): void;
}

interface Draft {
  name: string;
  category: string;
  purpose: MessagePurpose;
  eventKind: EventKind | null;
  body: string;
}

function draftOf(t: TemplateView | null): Draft {
  return { name: t?.name ?? '', category: t?.category ?? '', purpose: t?.purpose ?? 'notification', eventKind: t?.eventKind ?? null, body: t?.body ?? '' };
}

export function TemplateForm({ template, categories, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveTemplate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(template));
  const [errors, setErrors] = useState<{ name?: string; body?: string }>({});
  const bodyRef = useRef<TextAreaRef>(null);
  const nameRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => setDraft(draftOf(template)), [template]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key === 'name' || key === 'body') setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit() {
    const next: typeof errors = {};
    if (!draft.name.trim()) next.name = t('templatesUi.form.nameRequired');
    if (!draft.body.trim()) next.body = t('templatesUi.form.bodyRequired');
    setErrors(next);
    if (next.name) return nameRef.current?.focus();
    if (next.body) return bodyRef.current?.focus();
    try {
      const saved = await save.mutateAsync({
        ...(template ? { id: template.id } : {}),
        name: draft.name.trim(),
        category: draft.category.trim() || null,
        purpose: draft.purpose,
        eventKind: draft.eventKind,
        body: draft.body,
      });
      void message.success(t(template ? 'templatesUi.form.updated' : 'templatesUi.form.created', { name: saved.name }));
      onClose(saved);
    } catch (err) {
      void message.error(errorText(t, err));
    }
  }

  const view = counterView(draft.body);
  return (
    <Drawer
      open
      size="large"
      title={t(template ? 'templatesUi.form.editTitle' : 'templatesUi.form.newTitle')}
      onClose={() => onClose()}
      destroyOnHidden
      data-testid="template-form"
      extra={
        <Space>
          <KeyHint keys={['Ctrl', 'Enter']} label={t('templatesUi.form.save')} />
          <Button onClick={() => onClose()}>{t('templatesUi.form.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="template-save">
            {t('templatesUi.form.save')}
          </Button>
        </Space>
      }
    >
      <Form
        layout="vertical"
        component="div"
        requiredMark={false}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <Form.Item label={t('templatesUi.form.name')} htmlFor="template-name" validateStatus={errors.name ? 'error' : undefined} help={errors.name}>
          <Input
            id="template-name"
            autoFocus
            ref={(r) => {
              nameRef.current = r?.input ?? null;
            }}
            value={draft.name}
            maxLength={60}
            onChange={(e) => set('name', e.target.value)}
            placeholder={t('templatesUi.form.namePlaceholder')}
          />
        </Form.Item>
        <Space wrap size={24} className="template-form-row">
          <Form.Item label={t('templatesUi.form.category')} htmlFor="template-category">
            <AutoComplete
              id="template-category"
              className="template-category-input"
              value={draft.category}
              onChange={(v: string) => set('category', v)}
              options={categories.map((c) => ({ value: c }))}
              placeholder={t('templatesUi.form.categoryPlaceholder')}
              maxLength={40}
              filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            />
          </Form.Item>
          <Form.Item label={t('templatesUi.form.purpose')}>
            <Segmented<MessagePurpose>
              value={draft.purpose}
              onChange={(v) => set('purpose', v)}
              options={messagePurposes.map((p) => ({ value: p, label: t(`templatesUi.purpose.${p}`) }))}
              data-testid="template-purpose"
            />
          </Form.Item>
          <Form.Item label={t('templatesUi.form.eventKind')} htmlFor="template-event" tooltip={t('templatesUi.form.eventKindHelp')}>
            <Select<EventKind | null>
              id="template-event"
              className="template-event-select"
              value={draft.eventKind}
              allowClear
              onChange={(v) => set('eventKind', v ?? null)}
              placeholder={t('templatesUi.form.eventKindNone')}
              options={eventKinds.map((k) => ({ value: k, label: t(`templatesUi.event.${k}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('templatesUi.form.body')} htmlFor="template-body" validateStatus={errors.body ? 'error' : undefined} help={errors.body}>
          <Input.TextArea
            id="template-body"
            ref={bodyRef}
            value={draft.body}
            onChange={(e) => set('body', e.target.value)}
            autoSize={{ minRows: 5, maxRows: 14 }}
            maxLength={2000}
            placeholder={t('templatesUi.form.bodyPlaceholder')}
            data-testid="template-body"
          />
        </Form.Item>
        <SegmentCounter view={view} />
        <PlaceholderChips
          includeEvents={draft.eventKind !== null}
          onInsert={(text) => insertIntoTextArea(bodyRef.current?.resizableTextArea?.textArea, draft.body, text, (v) => set('body', v))}
        />
        {draft.purpose === 'marketing' && <p className="template-hint">{t('templatesUi.form.marketingHint')}</p>}
      </Form>
    </Drawer>
  );
}
