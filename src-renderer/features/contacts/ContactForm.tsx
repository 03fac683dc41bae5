// One contact, new or edited, in a drawer. Every value is checked on its field as it is typed (the
// number through the one phone rule, with the reason it cannot receive SMS); the core's refusals
// land on the field they are about. Ctrl+Enter saves, Esc closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, AutoComplete, Button, Checkbox, Col, Divider, Drawer, Form, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Category, ContactView, FieldDefinition } from '../../../src-shared/api/contacts-schemas';
import { asApiError } from '../../../src-shared/client';
import { useApi } from '../../app/providers/api';
import { errorText, translateKey } from '../../components/error-text';
import { KeyHint } from '../../components/KeyHint';
import { checkPhone } from './phone-check';
import { contactKeys } from './queries';
import {
  emptyFormValues, formValuesOf, normalizeBirthday, normalizeDate, normalizeFieldValue, normalizeYearMonth, toContactInput,
  type ContactFormValues,
} from './form-values';

interface Props {
  open: boolean;
  /** The contact to edit; null for a new one. */
  contact: ContactView | null;
  region: string;
  categories: readonly Category[];
  fields: readonly FieldDefinition[];
  vehiclePreset: boolean;
  onClose(): void;
}

const HONORIFICS: Record<string, string[]> = {
  'zh-TW': ['先生', '小姐', '女士', '太太', '老師'],
  'zh-CN': ['先生', '女士', '小姐', '老师'],
  ja: ['様', 'さん', '殿'],
  en: ['Mr', 'Ms', 'Mrs', 'Dr'],
};

type FormPath = (string | number)[];

/** An issue path from the core ("fields.plate", "vehicles.0.plate") as a form field name. */
function toFormPath(path: string): FormPath {
  if (path === 'optOut.how') return ['optOutHow'];
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function ContactForm({ open, contact, region, categories, fields, vehiclePreset, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContactFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const phone = Form.useWatch('phone', form) ?? '';
  const optOut = Form.useWatch('optOut', form) ?? false;
  const phoneCheck = useMemo(() => checkPhone(phone, region), [phone, region]);

  // Filled when the drawer opens on a contact, not again when the list refetches it (a change event
  // while the operator types must not wipe what they typed).
  const contactRef = useRef(contact);
  contactRef.current = contact;
  const contactId = contact?.id ?? null;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(contactRef.current ? formValuesOf(contactRef.current) : emptyFormValues());
    setFormError(null);
  }, [open, contactId, form]);

  const save = useMutation({
    mutationFn: (values: ContactFormValues) => {
      const input = toContactInput(values, { fields, vehiclePreset, ...(contact ? { existing: contact } : {}) });
      return contact ? api.call('contacts.update', { id: contact.id, ...input }) : api.call('contacts.create', input);
    },
    onSuccess: (saved) => {
      void message.success(t(contact ? 'contactsUi.form.updated' : 'contactsUi.form.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
      void queryClient.invalidateQueries({ queryKey: contactKeys.categories });
      onClose();
    },
    onError: (err) => {
      const e = asApiError(err);
      const text = errorText(t, e);
      const onFields = (e.issues ?? []).filter((i) => i.path).map((i) => ({ name: toFormPath(i.path), errors: [translateKey(t, i.key, e.params)] }));
      if (e.key.startsWith('contacts.errors.phone')) onFields.push({ name: ['phone'], errors: [text] });
      if (onFields.length) {
        // Paths the form does not have (a field deleted meanwhile) still need to be seen.
        const known = onFields.filter((f) => form.getFieldInstance(f.name as never) !== undefined || f.name[0] === 'phone' || f.name[0] === 'name');
        form.setFields(known.map((f) => ({ ...f, name: f.name as never })));
        setFormError(known.length === onFields.length ? null : text);
      } else {
        setFormError(text);
      }
    },
  });

  function submit() {
    form.validateFields().then(
      (values) => save.mutate({ ...emptyFormValues(), ...form.getFieldsValue(true), ...values }),
      () => undefined,
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  }

  const formatRule = (normalize: (s: string) => string | null, key: string) => ({
    validator: (_: unknown, value: string | undefined) => (normalize(value ?? '') === null ? Promise.reject(new Error(t(key))) : Promise.resolve()),
  });

  const honorifics = HONORIFICS[i18n.language] ?? HONORIFICS['zh-TW']!;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={contact ? t('contactsUi.form.editTitle', { name: contact.name }) : t('contactsUi.form.newTitle')}
      footer={
        <div className="contact-form-footer">
          <KeyHint keys={['Ctrl', 'Enter']} label={t('contactsUi.form.save')} />
          <Space>
            <Button onClick={onClose}>{t('contactsUi.form.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={submit} data-testid="contact-save">
              {t('contactsUi.form.save')}
            </Button>
          </Space>
        </div>
      }
    >
      <div onKeyDown={onKeyDown}>
        {formError && <Alert type="error" showIcon title={formError} className="contact-form-error" data-testid="contact-form-error" />}
        <Form form={form} layout="vertical" requiredMark="optional" onFinish={submit} initialValues={emptyFormValues()} data-testid="contact-form">
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="name" label={t('contactsUi.columns.name')} rules={[{ required: true, whitespace: true, message: t('contacts.errors.nameEmpty') }, { max: 100 }]} data-testid="contact-name">
                <Input autoFocus maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="honorific" label={t('contactsUi.columns.honorific')} rules={[{ max: 20 }]}>
                <AutoComplete options={honorifics.map((h) => ({ value: h }))} maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="phone"
            label={t('contactsUi.columns.phone')}
            required
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('contactsUi.form.phoneRequired') },
              {
                validator: (_, value: string | undefined) => {
                  const check = checkPhone(value ?? '', region);
                  return check.ok === false ? Promise.reject(new Error(t(check.key, { phone: (value ?? '').trim() }))) : Promise.resolve();
                },
              },
            ]}
            extra={phoneCheck.ok === true ? <span data-testid="contact-phone-ok">{t('contactsUi.form.phoneOk', { national: phoneCheck.national, e164: phoneCheck.e164 })}</span> : t('contactsUi.form.phoneHelp')}
            data-testid="contact-phone"
          >
            <Input inputMode="tel" maxLength={40} spellCheck={false} />
          </Form.Item>
          <Form.Item name="categoryIds" label={t('contactsUi.columns.categories')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
              tagRender={({ value, label, closable, onClose: close }) => {
                const cat = categories.find((c) => c.id === value);
                return (
                  <Tag color={cat?.colour} closable={closable} onClose={close} className="contact-tag">
                    {label}
                  </Tag>
                );
              }}
              notFoundContent={t('contactsUi.form.noCategories')}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="birthday"
                label={t('contactsUi.columns.birthday')}
                rules={[formatRule(normalizeBirthday, 'contactsUi.form.birthdayInvalid')]}
                extra={t('contactsUi.form.birthdayHelp')}
                data-testid="contact-birthday"
              >
                <Input placeholder="1985-02-29 / 02-29" maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="consents" label={t('contactsUi.form.consent')} extra={t('contactsUi.form.consentHelp')}>
                <Checkbox.Group
                  options={[
                    { value: 'notification', label: t('contactsUi.consent.notification') },
                    { value: 'marketing', label: t('contactsUi.consent.marketing') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notes" label={t('contactsUi.columns.notes')} rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
          <Row gutter={16} align="middle">
            <Col span={8}>
              <Form.Item name="optOut" label={t('contactsUi.columns.optOut')} valuePropName="checked" extra={t('contactsUi.form.optOutHelp')}>
                <Switch />
              </Form.Item>
            </Col>
            <Col span={16}>
              {optOut && (
                <Form.Item name="optOutHow" label={t('contactsUi.form.optOutHow')} rules={[{ max: 200 }]}>
                  <Input placeholder={t('contactsUi.form.optOutHowPlaceholder')} maxLength={200} />
                </Form.Item>
              )}
            </Col>
          </Row>
          {contact?.optOut.flag && contact.optOut.at && (
            <Typography.Paragraph type="secondary">{t('contactsUi.form.optedOutAt', { at: new Date(contact.optOut.at).toLocaleString(i18n.language) })}</Typography.Paragraph>
          )}

          {fields.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('contactsUi.form.customFields')}</Divider>
              <Row gutter={16}>
                {fields.map((f) => (
                  <Col span={12} key={f.key}>
                    <Form.Item
                      name={['fields', f.key]}
                      label={f.label}
                      rules={[formatRule((s) => normalizeFieldValue(f.type, s), `contactsUi.form.invalid.${f.type}`)]}
                      data-testid={`contact-field-${f.key}`}
                    >
                      <Input placeholder={f.type === 'text' ? undefined : t(`contactsUi.form.placeholder.${f.type}`)} maxLength={1000} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </>
          )}

          {vehiclePreset && (
            <>
              <Divider titlePlacement="start">{t('contactsUi.form.vehicles')}</Divider>
              <Form.List name="vehicles">
                {(items, { add, remove }) => (
                  <div className="vehicle-rows">
                    {items.map((item) => (
                      <div key={item.key} className="vehicle-row" data-testid="vehicle-row">
                        <Form.Item name={[item.name, 'plate']} label={t('contacts.preset.fields.plate')} rules={[{ required: true, whitespace: true, message: t('contactsUi.form.plateRequired') }, { max: 20 }]}>
                          <Input maxLength={20} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'inspectionDue']} label={t('contacts.preset.fields.inspectionDue')} rules={[formatRule(normalizeYearMonth, 'contactsUi.form.invalid.yearMonth')]}>
                          <Input placeholder="2027-03" maxLength={10} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'insuranceExpiry']} label={t('contacts.preset.fields.insuranceExpiry')} rules={[formatRule(normalizeDate, 'contactsUi.form.invalid.date')]}>
                          <Input placeholder="2027-03-31" maxLength={12} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'factoryDate']} label={t('contacts.preset.fields.factoryDate')} rules={[formatRule(normalizeDate, 'contactsUi.form.invalid.date')]}>
                          <Input placeholder="2019-05-01" maxLength={12} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'licenceDate']} label={t('contacts.preset.fields.licenceDate')} rules={[formatRule(normalizeDate, 'contactsUi.form.invalid.date')]}>
                          <Input placeholder="2019-06-01" maxLength={12} />
                        </Form.Item>
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('contactsUi.form.removeVehicle')} className="vehicle-remove" />
                      </div>
                    ))}
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ plate: '', factoryDate: '', licenceDate: '', inspectionDue: '', insuranceExpiry: '' })}
                      data-testid="vehicle-add"
                    >
                      {t('contactsUi.form.addVehicle')}
                    </Button>
                  </div>
                )}
              </Form.List>
            </>
          )}
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Drawer>
  );
}
