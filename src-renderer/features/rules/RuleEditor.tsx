// Making or changing a rule: preset, who (contact filter and conditions on the run's day), which
// template with or without the shop's default prefix/suffix, when (cadence and time in a zone the
// operator picks, the shop's by default), through which account. "Preview" shows the next run of the
// rule as typed, before it is saved.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Segmented, Select, Space, Switch, Tooltip, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rulePresets, type RulePreset, type RuleView } from '../../../src-shared/api/rules-schemas';
import { presetDefaults } from '../../../src-shared/rules/presets';
import { weekdayNames } from '../../../src-shared/rules/describe';
import { useApi } from '../../app/providers/api';
import { useAccounts } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { useLocaleTag } from '../../components/format';
import { FilterChips } from '../contacts/FilterChips';
import { FilterDrawer, useDateFieldChoices } from '../contacts/FilterDrawer';
import { useCategories, useFields } from '../contacts/queries';
import { useComposeTexts } from '../compose/useComposeTexts';
import { ConditionsField } from './ConditionsField';
import { ruleKeys, useTemplates } from './queries';
import { emptyForm, formFromPreset, formFromRule, ruleInput, type CadenceKind, type RuleFormValues } from './rule-form';
import type { RuleInput } from '../../../src-shared/api/rules-schemas';

interface Props {
  /** The rule being changed; null for a new one (optionally from a preset). */
  rule: RuleView | null;
  preset: RulePreset | null;
  /** The shop's zone (Settings): a new rule's default, and what the picker marks as the shop's. */
  shopTimeZone: string;
  onClose(): void;
  onPreview(input: RuleInput): void;
}

export function RuleEditor({ rule, preset, shopTimeZone, onClose, onPreview }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const locale = useLocaleTag();
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? formFromRule(rule) : preset ? formFromPreset(preset, t(`rules.presets.${preset}.name`), emptyForm(shopTimeZone)) : emptyForm(shopTimeZone)));
  const [filterOpen, setFilterOpen] = useState(false);
  const set = (patch: Partial<RuleFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const templates = useTemplates();
  // The prefix and suffix as set, for the switches' tooltips; the prefix rendered too, to notice a
  // template that already names the sender (the tag would then appear twice).
  const texts = useComposeTexts(values.usePrefix, false);
  const renderedPrefix = texts.wrap('', values.usePrefix, false).trim();
  const chosenBody = templates.data?.templates.find((tpl) => tpl.id === values.templateId)?.body ?? '';
  const tagTwice = values.usePrefix && renderedPrefix !== '' && chosenBody.includes(renderedPrefix);
  const zones = useMemo(() => zoneOptions(shopTimeZone, values.timeZone), [shopTimeZone, values.timeZone]);
  const accounts = useAccounts();
  const categories = useCategories();
  const fields = useFields();
  const fieldList = fields.data?.fields ?? [];
  const vehiclePreset = fields.data?.presets.vehicle ?? false;
  const choices = useDateFieldChoices(fieldList, vehiclePreset);
  const categoryMap = useMemo(() => new Map((categories.data?.categories ?? []).map((c) => [c.id, c])), [categories.data]);
  const days = weekdayNames(locale);
  const input = ruleInput(values);
  const needsVehicle = values.preset !== null && presetDefaults[values.preset].needs === 'vehicle' && !vehiclePreset;

  const save = useMutation({
    mutationFn: (body: RuleInput) => (rule ? api.call('rules.update', { id: rule.id, rule: body }) : api.call('rules.create', body)),
    onSuccess: (saved) => {
      void message.success(t('rules.ui.editor.saved', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ruleKeys.list });
      onClose();
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={rule ? t('rules.ui.editor.editTitle', { name: rule.name }) : t('rules.ui.editor.newTitle')}
      data-testid="rule-editor"
      extra={
        <Space>
          <Button disabled={!input} onClick={() => input && onPreview(input)} data-testid="rule-editor-preview">{t('rules.ui.actions.preview')}</Button>
          <Button type="primary" disabled={!input} loading={save.isPending} onClick={() => input && save.mutate(input)} data-testid="rule-editor-save">
            {t('rules.ui.editor.save')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('rules.ui.editor.preset')}>
          <Select
            value={values.preset ?? 'custom'}
            onChange={(p: RulePreset | 'custom') => setValues((v) => (p === 'custom' ? { ...v, preset: null } : formFromPreset(p, t(`rules.presets.${p}.name`), v)))}
            options={[{ value: 'custom', label: t('rules.presets.custom') }, ...rulePresets.map((p) => ({ value: p, label: t(`rules.presets.${p}.name`) }))]}
            data-testid="rule-preset"
          />
          {values.preset && <Typography.Text type="secondary">{t(`rules.presets.${values.preset}.help`)}</Typography.Text>}
        </Form.Item>
        {needsVehicle && <Alert type="warning" showIcon title={t('rules.ui.editor.needsVehicle')} className="rules-alert" />}
        <Form.Item label={t('rules.ui.editor.name')} required>
          <Input value={values.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name" />
        </Form.Item>
        <Form.Item label={t('rules.ui.editor.who')}>
          <Space orientation="vertical" className="rules-full">
            <ConditionsField value={values.conditions} choices={choices} onChange={(conditions) => set({ conditions })} />
            <Space wrap>
              <Button icon={<FilterOutlined />} onClick={() => setFilterOpen(true)} data-testid="rule-filter">{t('rules.ui.editor.filter')}</Button>
              <FilterChips filter={values.filter} categories={categoryMap} fields={fieldList} vehiclePreset={vehiclePreset} onChange={(filter) => set({ filter })} />
            </Space>
          </Space>
        </Form.Item>
        <Form.Item label={t('rules.ui.editor.template')} required
          extra={templates.isError ? errorText(t, templates.error) : undefined}>
          <Select
            value={values.templateId ?? undefined}
            placeholder={t('rules.ui.editor.templatePlaceholder')}
            onChange={(templateId: number) => set({ templateId })}
            options={(templates.data?.templates ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="rule-template"
          />
        </Form.Item>
        <Form.Item label={t('rules.ui.editor.wrap')} extra={t('rules.ui.editor.wrapHelp')}>
          <Space wrap size={[20, 8]}>
            <Tooltip title={texts.prefix ? t('composeUi.options.prefixIs', { text: texts.prefix }) : t('composeUi.options.prefixUnset')}>
              <label className="rules-switch">
                <Switch size="small" checked={values.usePrefix} onChange={(usePrefix) => set({ usePrefix })} data-testid="rule-use-prefix" />
                <span>{t('composeUi.options.prefix')}</span>
              </label>
            </Tooltip>
            <Tooltip title={texts.suffix ? t('composeUi.options.suffixIs', { text: texts.suffix }) : t('composeUi.options.suffixUnset')}>
              <label className="rules-switch">
                <Switch size="small" checked={values.useSuffix} onChange={(useSuffix) => set({ useSuffix })} data-testid="rule-use-suffix" />
                <span>{t('composeUi.options.suffix')}</span>
              </label>
            </Tooltip>
          </Space>
          {tagTwice && (
            <Alert type="warning" showIcon className="rules-wrap-alert" data-testid="rule-tag-twice"
              title={t('rules.ui.editor.tagTwice', { tag: renderedPrefix })}
              action={<Button size="small" onClick={() => set({ usePrefix: false })}>{t('rules.ui.editor.prefixOff')}</Button>} />
          )}
        </Form.Item>
        <Form.Item label={t('rules.ui.editor.when')}>
          <Space orientation="vertical" className="rules-full">
            <Segmented<CadenceKind>
              value={values.cadence}
              onChange={(cadence) => set({ cadence })}
              options={(['daily', 'weekly', 'monthly', 'cron'] as const).map((k) => ({ value: k, label: t(`rules.ui.editor.cadence.${k}`) }))}
              data-testid="rule-cadence"
            />
            {values.cadence === 'weekly' && (
              <Checkbox.Group value={values.weekDays} onChange={(d) => set({ weekDays: (d as number[]).slice().sort((a, b) => a - b) })}
                options={days.map((name, i) => ({ value: i, label: name }))} />
            )}
            {values.cadence === 'monthly' && (
              <Space>
                <InputNumber min={1} max={31} value={values.monthDay} onChange={(n) => set({ monthDay: n ?? 1 })} aria-label={t('rules.ui.editor.monthDay')} />
                <Typography.Text type="secondary">{t('rules.ui.editor.monthDayHelp')}</Typography.Text>
              </Space>
            )}
            {values.cadence === 'cron' ? (
              <Space orientation="vertical" className="rules-full">
                <Input value={values.cron} onChange={(e) => set({ cron: e.target.value })} className="rules-cron" aria-label={t('rules.ui.editor.cadence.cron')} data-testid="rule-cron" />
                <Typography.Text type="secondary">{t('rules.ui.editor.cronHelp')}</Typography.Text>
              </Space>
            ) : (
              <Space>
                <span>{t('rules.ui.editor.time')}</span>
                <Input value={values.time} onChange={(e) => set({ time: e.target.value.trim() })} placeholder="10:00" className="rules-time"
                  status={/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time) ? undefined : 'error'} aria-label={t('rules.ui.editor.time')} data-testid="rule-time" />
              </Space>
            )}
            <Space wrap>
              <span>{t('rules.ui.editor.timeZone')}</span>
              <Select
                value={values.timeZone || shopTimeZone}
                onChange={(timeZone: string) => set({ timeZone })}
                options={zones.map((z) => ({ value: z, label: z === shopTimeZone ? t('rules.ui.editor.timeZoneShop', { zone: z }) : z }))}
                showSearch={{ optionFilterProp: 'value' }}
                className="rules-zone"
                aria-label={t('rules.ui.editor.timeZone')}
                data-testid="rule-time-zone"
              />
            </Space>
            {(values.timeZone || shopTimeZone) !== shopTimeZone && (
              <Typography.Text type="warning" data-testid="rule-zone-differs">{t('rules.ui.editor.timeZoneOther', { zone: shopTimeZone })}</Typography.Text>
            )}
          </Space>
        </Form.Item>
        <Form.Item label={t('rules.ui.editor.account')}>
          <Select
            value={values.account ?? ''}
            onChange={(a: string) => set({ account: a === '' ? null : a })}
            options={[{ value: '', label: t('rules.ui.editor.defaultAccount') }, ...(accounts.data?.accounts ?? []).map((a) => ({ value: a.name, label: a.name }))]}
          />
        </Form.Item>
        <Form.Item label={t('rules.ui.editor.enabled')}>
          <Switch checked={values.enabled} onChange={(enabled) => set({ enabled })} />
        </Form.Item>
      </Form>
      <FilterDrawer
        open={filterOpen}
        filter={values.filter}
        categories={categories.data?.categories ?? []}
        fields={fieldList}
        vehiclePreset={vehiclePreset}
        onChange={(filter) => set({ filter })}
        onClose={() => setFilterOpen(false)}
      />
    </Drawer>
  );
}

/** Every IANA zone the runtime knows, the shop's first; the rule's own kept even if the list lacks it. */
function zoneOptions(shopZone: string, ruleZone: string): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    // An old runtime: the shop's zone and the rule's are still offered.
  }
  return [...new Set([shopZone, ...(ruleZone ? [ruleZone] : []), ...all])];
}
