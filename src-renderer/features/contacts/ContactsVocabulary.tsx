// The shop's own vocabulary for contacts: categories (name and colour), custom fields (typed, each a
// template placeholder), the two presets, and saved filters. Shown in the Contacts page's Manage
// drawer and in the Contacts group of the Settings page.
import { useState } from 'react';
import { App, Button, ColorPicker, Empty, Form, Input, List, Popconfirm, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldKeySchema, fieldTypes, presetNames, type Category, type FieldType } from '../../../src-shared/api/contacts-schemas';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useNumberFormat } from '../../components/format';
import { contactKeys, useCategories, useFields, useSavedFilters } from './queries';

/** Colours offered for a new category, in turn. */
export const categoryPalette = ['#1f5fd1', '#13a8a8', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#f5222d', '#faad14', '#2f54eb', '#8c8c8c'];

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: (readonly string[])[]) => keys.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
}

function CategoryRow({ category }: { category: Category }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const invalidate = useInvalidate();
  const fmt = useNumberFormat();
  const [name, setName] = useState(category.name);
  const update = useMutation({
    mutationFn: (patch: { name?: string; colour?: string }) => api.call('contacts.categories.update', { id: category.id, ...patch }),
    onSuccess: () => invalidate(contactKeys.categories),
    onError: (err) => {
      setName(category.name);
      void message.error(errorText(t, err));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.call('contacts.categories.delete', { id: category.id }),
    onSuccess: () => invalidate(contactKeys.categories, contactKeys.list),
    onError: (err) => void message.error(errorText(t, err)),
  });
  return (
    <List.Item
      actions={[
        <Popconfirm key="delete" title={t('contactsUi.manage.deleteCategory', { name: category.name, n: category.count })} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('contactsUi.manage.delete')} />
        </Popconfirm>,
      ]}
    >
      <Space>
        <ColorPicker value={category.colour} disabledAlpha onChangeComplete={(c) => update.mutate({ colour: c.toHexString() })} aria-label={t('contactsUi.manage.colour')} />
        <Input
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && name.trim() !== category.name && update.mutate({ name: name.trim() })}
          onPressEnter={(e) => e.currentTarget.blur()}
          aria-label={t('contactsUi.manage.categoryName')}
          className="manage-name"
        />
        <Typography.Text type="secondary">{t('contactsUi.manage.count', { n: fmt(category.count) })}</Typography.Text>
      </Space>
    </List.Item>
  );
}

function CategoriesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const invalidate = useInvalidate();
  const categories = useCategories();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = categories.data?.categories ?? [];
  const create = useMutation({
    mutationFn: () => api.call('contacts.categories.create', { name: name.trim(), colour: categoryPalette[list.length % categoryPalette.length]! }),
    onSuccess: () => {
      setName('');
      setError(null);
      invalidate(contactKeys.categories);
    },
    onError: (err) => setError(errorText(t, err)),
  });
  return (
    <>
      <Form layout="inline" component="div" className="manage-add">
        <Form.Item validateStatus={error ? 'error' : undefined} help={error}>
          <Input
            value={name}
            maxLength={40}
            placeholder={t('contactsUi.manage.newCategory')}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => name.trim() && create.mutate()}
            data-testid="category-new-name"
          />
        </Form.Item>
        <Button type="primary" icon={<PlusOutlined />} disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()} data-testid="category-add">
          {t('contactsUi.manage.add')}
        </Button>
      </Form>
      <List dataSource={list} locale={{ emptyText: <Empty description={t('contactsUi.manage.noCategories')} /> }} renderItem={(c) => <CategoryRow key={c.id} category={c} />} />
    </>
  );
}

function FieldsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const invalidate = useInvalidate();
  const fields = useFields();
  const [draft, setDraft] = useState<{ key: string; label: string; type: FieldType }>({ key: '', label: '', type: 'text' });
  const [error, setError] = useState<string | null>(null);
  const keyValid = fieldKeySchema.safeParse(draft.key).success;
  const create = useMutation({
    mutationFn: () => api.call('contacts.fields.create', { key: draft.key, label: draft.label.trim(), type: draft.type }),
    onSuccess: () => {
      setDraft({ key: '', label: '', type: 'text' });
      setError(null);
      invalidate(contactKeys.fields);
    },
    onError: (err) => setError(errorText(t, err)),
  });
  const preset = useMutation({
    mutationFn: (p: { preset: (typeof presetNames)[number]; enabled: boolean }) => api.call('contacts.fields.presets', p),
    onSuccess: () => invalidate(contactKeys.fields, contactKeys.list),
    onError: (err) => void message.error(errorText(t, err)),
  });
  const remove = useMutation({
    mutationFn: (key: string) => api.call('contacts.fields.delete', { key }),
    onSuccess: () => invalidate(contactKeys.fields, contactKeys.list),
    onError: (err) => void message.error(errorText(t, err)),
  });
  const rename = useMutation({
    mutationFn: (p: { key: string; label: string }) => api.call('contacts.fields.update', p),
    onSuccess: () => invalidate(contactKeys.fields),
    onError: (err) => void message.error(errorText(t, err)),
  });
  const presets = fields.data?.presets;
  return (
    <>
      <Typography.Title level={5}>{t('contactsUi.manage.presets')}</Typography.Title>
      <List
        dataSource={[...presetNames]}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Switch key="on" checked={presets?.[p] ?? false} loading={preset.isPending} onChange={(enabled) => preset.mutate({ preset: p, enabled })} aria-label={t(`contacts.preset.${p}`)} data-testid={`preset-${p}`} />,
            ]}
          >
            <List.Item.Meta title={t(`contacts.preset.${p}`)} description={t(`contactsUi.manage.presetHelp.${p}`)} />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('contactsUi.manage.fields')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('contactsUi.manage.fieldsHelp')}</Typography.Paragraph>
      <Form layout="inline" component="div" className="manage-add">
        <Form.Item validateStatus={draft.key && !keyValid ? 'error' : undefined} help={draft.key && !keyValid ? t('contactsUi.manage.keyInvalid') : undefined}>
          <Input value={draft.key} maxLength={32} placeholder={t('contactsUi.manage.fieldKey')} onChange={(e) => setDraft({ ...draft, key: e.target.value.trim() })} aria-label={t('contactsUi.manage.fieldKey')} className="manage-key" />
        </Form.Item>
        <Form.Item>
          <Input value={draft.label} maxLength={60} placeholder={t('contactsUi.manage.fieldLabel')} onChange={(e) => setDraft({ ...draft, label: e.target.value })} aria-label={t('contactsUi.manage.fieldLabel')} />
        </Form.Item>
        <Form.Item>
          <Select value={draft.type} onChange={(type: FieldType) => setDraft({ ...draft, type })} options={fieldTypes.map((ft) => ({ value: ft, label: t(`contacts.fieldType.${ft}`) }))} className="manage-type" aria-label={t('contactsUi.manage.fieldType')} />
        </Form.Item>
        <Button type="primary" icon={<PlusOutlined />} disabled={!keyValid || !draft.label.trim()} loading={create.isPending} onClick={() => create.mutate()}>
          {t('contactsUi.manage.add')}
        </Button>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <List
        dataSource={fields.data?.fields ?? []}
        locale={{ emptyText: <Empty description={t('contactsUi.manage.noFields')} /> }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Popconfirm key="delete" title={t('contactsUi.manage.deleteField', { label: f.label })} onConfirm={() => remove.mutate(f.key)} okButtonProps={{ danger: true }}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('contactsUi.manage.delete')} />
              </Popconfirm>,
            ]}
          >
            <Space>
              <Input
                defaultValue={f.label}
                maxLength={60}
                onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== f.label && rename.mutate({ key: f.key, label: e.target.value.trim() })}
                onPressEnter={(e) => e.currentTarget.blur()}
                aria-label={t('contactsUi.manage.fieldLabel')}
                className="manage-name"
              />
              <Tag>{`{${f.key}}`}</Tag>
              <Typography.Text type="secondary">{t(`contacts.fieldType.${f.type}`)}</Typography.Text>
              {f.preset && <Tag color="blue">{t(`contacts.preset.${f.preset}`)}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

function SavedFiltersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const invalidate = useInvalidate();
  const saved = useSavedFilters();
  const remove = useMutation({
    mutationFn: (id: number) => api.call('contacts.savedFilters.delete', { id }),
    onSuccess: () => invalidate(contactKeys.savedFilters),
    onError: (err) => void message.error(errorText(t, err)),
  });
  return (
    <List
      dataSource={saved.data?.filters ?? []}
      locale={{ emptyText: <Empty description={t('contactsUi.manage.noSavedFilters')} /> }}
      renderItem={(f) => (
        <List.Item
          actions={[
            <Popconfirm key="delete" title={t('contactsUi.manage.deleteSavedFilter', { name: f.name })} onConfirm={() => remove.mutate(f.id)} okButtonProps={{ danger: true }}>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('contactsUi.manage.delete')} />
            </Popconfirm>,
          ]}
        >
          {f.name}
        </List.Item>
      )}
    />
  );
}

/** The three tabs, wherever they are shown. */
export function ContactsVocabulary() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'categories', label: t('contactsUi.manage.categories'), children: <CategoriesTab /> },
        { key: 'fields', label: t('contactsUi.manage.fieldsTab'), children: <FieldsTab /> },
        { key: 'saved', label: t('contactsUi.manage.savedFilters'), children: <SavedFiltersTab /> },
      ]}
    />
  );
}
