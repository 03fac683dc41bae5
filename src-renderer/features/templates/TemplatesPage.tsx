// The phrase book (常用短語 / 定型文): search, filter by category, create, edit and delete templates.
// Keys: / search · Alt+N new · ↓/↑ move in the list · Enter edit · Delete delete.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Card, Empty, Input, Segmented, Tag, Typography, type InputRef } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../src-shared/api/compose-schemas';
import type { AppInfo } from '../../app/Shell';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { KeyHint } from '../../components/KeyHint';
import { useRemoveTemplate, useTemplates } from './queries';
import { TemplateForm } from './TemplateForm';
import './templates.css';

const ALL = '';

export function TemplatesPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const formatTime = useDateTimeFormat(info.timeZone);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState(ALL);
  const [editing, setEditing] = useState<{ template: TemplateView | null } | null>(null);
  const [active, setActive] = useState(0);
  const searchRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const query = useTemplates(search, category || undefined);
  // The category list comes from an unfiltered query, so the chosen category never hides the others.
  const all = useTemplates();
  const remove = useRemoveTemplate();
  const templates = useMemo(() => query.data?.templates ?? [], [query.data]);
  const categories = all.data?.categories ?? [];

  useEffect(() => setActive((i) => Math.min(i, Math.max(0, templates.length - 1))), [templates.length]);

  function confirmRemove(template: TemplateView) {
    modal.confirm({
      title: t('templatesUi.remove.title', { name: template.name }),
      content: t('templatesUi.remove.body'),
      okText: t('templatesUi.remove.ok'),
      okButtonProps: { danger: true },
      cancelText: t('templatesUi.form.cancel'),
      autoFocusButton: 'ok',
      onOk: async () => {
        try {
          await remove.mutateAsync(template.id);
          void message.success(t('templatesUi.remove.done', { name: template.name }));
        } catch (err) {
          void message.error(errorText(t, err));
        }
      },
      afterClose: () => listRef.current?.focus(),
    });
  }

  // Room-wide keys listen on the window: after moving between rooms the focus is on the page itself.
  useEffect(() => {
    if (editing) return;
    function onKey(e: globalThis.KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setEditing({ template: null });
      } else if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);

  function onListKey(e: KeyboardEvent<HTMLDivElement>) {
    const current = templates[active];
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(templates.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (active === 0) searchRef.current?.focus();
      else setActive((i) => i - 1);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      setEditing({ template: current });
    } else if (e.key === 'Delete' && current) {
      e.preventDefault();
      confirmRemove(current);
    }
  }

  return (
    <div className="templates">
      <Card
        title={t('templatesUi.page.title')}
        extra={
          <span className="key-hints">
            <KeyHint keys={['/']} label={t('templatesUi.keys.search')} />
            <KeyHint keys={['Alt', 'N']} label={t('templatesUi.keys.new')} />
          </span>
        }
      >
        <div className="templates-toolbar">
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && templates.length) {
                e.preventDefault();
                setActive(0);
                listRef.current?.focus();
              }
            }}
            placeholder={t('templatesUi.page.search')}
            aria-label={t('templatesUi.page.search')}
            className="templates-search"
            data-testid="templates-search"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ template: null })} data-testid="template-new">
            {t('templatesUi.page.new')}
          </Button>
        </div>
        {categories.length > 0 && (
          <Segmented
            className="templates-categories"
            value={category}
            onChange={(v) => setCategory(String(v))}
            options={[{ value: ALL, label: t('templatesUi.page.allCategories') }, ...categories.map((c) => ({ value: c, label: c }))]}
          />
        )}
        {templates.length === 0 && !query.isPending ? (
          <Empty
            className="templates-empty"
            description={search || category ? t('templatesUi.page.noMatch') : query.isError ? errorText(t, query.error) : t('templatesUi.page.empty')}
          />
        ) : (
          <div className="template-list" role="listbox" tabIndex={0} ref={listRef} onKeyDown={onListKey} aria-label={t('templatesUi.page.title')} data-testid="template-list">
            {templates.map((tpl, i) => (
              <div
                key={tpl.id}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'template-row template-row-active' : 'template-row'}
                onClick={() => {
                  setActive(i);
                  setEditing({ template: tpl });
                }}
                data-testid="template-row"
              >
                <div className="template-row-head">
                  <Typography.Text strong className="template-name">
                    {tpl.name}
                  </Typography.Text>
                  {tpl.category && <Tag>{tpl.category}</Tag>}
                  <Tag color={tpl.purpose === 'marketing' ? 'magenta' : 'blue'}>{t(`templatesUi.purpose.${tpl.purpose}`)}</Tag>
                  {tpl.eventKind && <Tag color="orange">{t(`templatesUi.event.${tpl.eventKind}`)}</Tag>}
                  <span className="template-row-actions">
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('templatesUi.page.edit')}
                      onClick={(e) => {
                        e.stopPropagation();
                        setEditing({ template: tpl });
                      }}
                    />
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('templatesUi.remove.ok')}
                      data-testid="template-remove"
                      onClick={(e) => {
                        e.stopPropagation();
                        confirmRemove(tpl);
                      }}
                    />
                  </span>
                </div>
                <div className="template-body">{tpl.body}</div>
                <Typography.Text type="secondary" className="template-meta">
                  {tpl.lastUsedAt ? t('templatesUi.page.lastUsed', { when: formatTime(tpl.lastUsedAt, 'minute') }) : t('templatesUi.page.neverUsed')}
                </Typography.Text>
              </div>
            ))}
          </div>
        )}
      </Card>
      {editing && (
        <TemplateForm
          template={editing.template}
          categories={categories}
          onClose={() => {
            setEditing(null);
            requestAnimationFrame(() => listRef.current?.focus() ?? searchRef.current?.focus());
          }}
        />
      )}
    </div>
  );
}
