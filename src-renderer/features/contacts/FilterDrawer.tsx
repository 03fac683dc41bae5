// The filters beyond the search box: categories, birthday month or days, any date or year-month
// field ("inspection due 2027-03", "insurance expires within 30 days"), opt-out. Changes apply at once.
import { useState } from 'react';
import { Button, Drawer, Form, Input, InputNumber, Radio, Segmented, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category, ContactFilter, DateCondition, FieldDefinition } from '../../../src-shared/api/contacts-schemas';
import { normalizeDate, normalizeYearMonth } from './form-values';
import { betweenDates, birthdayMonthRange, dueInMonth, monthOfBirthdayRange, withinDays, type DateFieldRef } from './filter-model';
import { monthName } from './dates';
import { useLocaleTag } from '../../components/format';

interface Props {
  open: boolean;
  filter: ContactFilter;
  categories: readonly Category[];
  fields: readonly FieldDefinition[];
  vehiclePreset: boolean;
  onChange(next: ContactFilter): void;
  onClose(): void;
}

export interface DateFieldChoice {
  ref: DateFieldRef;
  label: string;
  type: 'date' | 'yearMonth';
}

/** The date and year-month fields a filter can look at, with their labels. */
export function useDateFieldChoices(fields: readonly FieldDefinition[], vehiclePreset: boolean): DateFieldChoice[] {
  const { t } = useTranslation();
  const custom = fields.filter((f) => f.type === 'date' || f.type === 'yearMonth').map((f) => ({ ref: `field.${f.key}` as DateFieldRef, label: f.label, type: f.type as 'date' | 'yearMonth' }));
  const vehicle: DateFieldChoice[] = vehiclePreset
    ? (['inspectionDue', 'insuranceExpiry', 'factoryDate', 'licenceDate'] as const).map((k) => ({
        ref: `vehicle.${k}` as DateFieldRef,
        label: t(`contacts.preset.fields.${k}`),
        type: k === 'inspectionDue' ? 'yearMonth' : 'date',
      }))
    : [];
  return [...vehicle, ...custom];
}

type Mode = 'month' | 'next' | 'past' | 'between';

function modeOf(c: DateCondition): Mode {
  if (c.range.kind === 'relative') return c.range.fromDays < 0 ? 'past' : 'next';
  return c.range.from && c.range.from === c.range.to && c.range.from.length === 7 ? 'month' : 'between';
}

function DateConditionRow({ condition, choices, onChange, onRemove }: { condition: DateCondition; choices: DateFieldChoice[]; onChange(c: DateCondition): void; onRemove(): void }) {
  const { t } = useTranslation();
  const mode = modeOf(condition);
  const r = condition.range;
  // What is typed but not yet a valid date stays in the box; the filter changes once it is valid.
  const [draft, setDraft] = useState<Record<string, string>>({});
  const text = (key: 'from' | 'to' | 'month', fallback: string | undefined) => draft[key] ?? fallback ?? '';
  const typed = (key: 'from' | 'to' | 'month', value: string, normalize: (s: string) => string | null, apply: (v: string) => void) => {
    setDraft((d) => ({ ...d, [key]: value }));
    const v = normalize(value);
    if (v !== null) apply(v);
  };
  const setMode = (m: Mode) => {
    setDraft({});
    const ym = new Date().toISOString().slice(0, 7);
    if (m === 'month') onChange(dueInMonth(condition.field, ym));
    else if (m === 'next') onChange(withinDays(condition.field, 30));
    else if (m === 'past') onChange(withinDays(condition.field, -30));
    else onChange(betweenDates(condition.field, undefined, undefined));
  };
  const invalid = (key: 'from' | 'to' | 'month', normalize: (s: string) => string | null) => (draft[key] !== undefined && normalize(draft[key]!) === null ? 'error' : undefined);

  return (
    <div className="filter-date-row" data-testid="filter-date-row">
      <Space wrap>
        <Select
          value={condition.field}
          options={choices.map((c) => ({ value: c.ref, label: c.label }))}
          onChange={(field: DateFieldRef) => onChange({ ...condition, field })}
          className="filter-date-field"
          aria-label={t('contactsUi.filter.dateField')}
        />
        <Select
          value={mode}
          onChange={setMode}
          className="filter-date-mode"
          options={(['month', 'next', 'past', 'between'] as const).map((m) => ({ value: m, label: t(`contactsUi.filter.mode.${m}`) }))}
          aria-label={t('contactsUi.filter.dateMode')}
        />
        {mode === 'month' && r.kind === 'absolute' && (
          <Input
            className="filter-date-input"
            value={text('month', r.from)}
            status={invalid('month', normalizeYearMonth)}
            placeholder="2027-03"
            onChange={(e) => typed('month', e.target.value, normalizeYearMonth, (v) => v && onChange(dueInMonth(condition.field, v)))}
            aria-label={t('contactsUi.filter.mode.month')}
          />
        )}
        {(mode === 'next' || mode === 'past') && r.kind === 'relative' && (
          <Space.Compact>
            <InputNumber
              min={0}
              max={3650}
              value={mode === 'next' ? r.toDays : -r.fromDays}
              onChange={(n) => onChange(withinDays(condition.field, (mode === 'next' ? 1 : -1) * (n ?? 0)))}
              aria-label={t('contactsUi.filter.days')}
            />
            <Space.Addon>{t('contactsUi.filter.daysUnit')}</Space.Addon>
          </Space.Compact>
        )}
        {mode === 'between' && r.kind === 'absolute' && (
          <>
            <Input
              className="filter-date-input"
              value={text('from', r.from)}
              status={invalid('from', normalizeDate)}
              placeholder="2027-01-01"
              onChange={(e) => typed('from', e.target.value, normalizeDate, (v) => onChange(betweenDates(condition.field, v || undefined, r.to)))}
              aria-label={t('contactsUi.filter.from')}
            />
            <span>–</span>
            <Input
              className="filter-date-input"
              value={text('to', r.to)}
              status={invalid('to', normalizeDate)}
              placeholder="2027-12-31"
              onChange={(e) => typed('to', e.target.value, normalizeDate, (v) => onChange(betweenDates(condition.field, r.from, v || undefined)))}
              aria-label={t('contactsUi.filter.to')}
            />
          </>
        )}
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('contactsUi.filter.removeCondition')} />
      </Space>
    </div>
  );
}

type BirthdayMode = 'none' | 'month' | 'range';

export function FilterDrawer({ open, filter, categories, fields, vehiclePreset, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocaleTag();
  const choices = useDateFieldChoices(fields, vehiclePreset);
  const birthdayMonth = filter.birthday ? monthOfBirthdayRange(filter.birthday) : null;
  const birthdayMode: BirthdayMode = !filter.birthday ? 'none' : birthdayMonth ? 'month' : 'range';
  const [rangeDraft, setRangeDraft] = useState({ from: '', to: '' });
  const set = (patch: Partial<ContactFilter>) => onChange({ ...filter, ...patch });
  const dates = filter.dates ?? [];
  const catOptions = categories.map((c) => ({ value: c.id, label: c.name }));

  const monthDay = (s: string) => {
    const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.trim().normalize('NFKC'));
    return m ? `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
  };
  const setRange = (key: 'from' | 'to', value: string) => {
    const next = { ...rangeDraft, [key]: value };
    setRangeDraft(next);
    const from = monthDay(next.from);
    const to = monthDay(next.to);
    if (from && to) set({ birthday: { from, to } });
  };

  return (
    <Drawer open={open} onClose={onClose} size={560} title={t('contactsUi.filter.title')} data-testid="filter-drawer"
      extra={<Button onClick={() => onChange(filter.search ? { search: filter.search } : {})}>{t('contactsUi.filter.clear')}</Button>}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('contactsUi.filter.inCategories')}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={catOptions} value={filter.categoryIds ?? []} onChange={(ids: number[]) => set({ categoryIds: ids })} data-testid="filter-categories" />
        </Form.Item>
        <Form.Item label={t('contactsUi.filter.notInCategories')}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={catOptions} value={filter.excludeCategoryIds ?? []} onChange={(ids: number[]) => set({ excludeCategoryIds: ids })} />
        </Form.Item>
        <Form.Item label={t('contactsUi.columns.birthday')}>
          <Space orientation="vertical" className="filter-full">
            <Segmented<BirthdayMode>
              value={birthdayMode}
              onChange={(m) => {
                if (m === 'none') set({ birthday: undefined });
                else if (m === 'month') set({ birthday: birthdayMonthRange(new Date().getMonth() + 1) });
                else {
                  setRangeDraft({ from: '', to: '' });
                  set({ birthday: undefined });
                }
              }}
              options={(['none', 'month', 'range'] as const).map((m) => ({ value: m, label: t(`contactsUi.filter.birthday.${m}`) }))}
            />
            {birthdayMode === 'month' && (
              <Select
                value={birthdayMonth ?? 1}
                onChange={(m: number) => set({ birthday: birthdayMonthRange(m) })}
                options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1, locale) }))}
                className="filter-month"
                aria-label={t('contactsUi.filter.birthday.month')}
              />
            )}
            {(birthdayMode === 'range' || (birthdayMode === 'none' && (rangeDraft.from || rangeDraft.to))) && (
              <Space>
                <Input placeholder="12-20" value={rangeDraft.from || filter.birthday?.from || ''} onChange={(e) => setRange('from', e.target.value)} aria-label={t('contactsUi.filter.from')} className="filter-date-input" />
                <span>–</span>
                <Input placeholder="01-10" value={rangeDraft.to || filter.birthday?.to || ''} onChange={(e) => setRange('to', e.target.value)} aria-label={t('contactsUi.filter.to')} className="filter-date-input" />
                <Typography.Text type="secondary">{t('contactsUi.filter.birthday.rangeHelp')}</Typography.Text>
              </Space>
            )}
          </Space>
        </Form.Item>
        <Form.Item label={t('contactsUi.filter.dates')} extra={choices.length === 0 ? t('contactsUi.filter.noDateFields') : undefined}>
          {dates.map((c, i) => (
            <DateConditionRow
              key={i}
              condition={c}
              choices={choices}
              onChange={(next) => set({ dates: dates.map((d, j) => (j === i ? next : d)) })}
              onRemove={() => set({ dates: dates.filter((_, j) => j !== i) })}
            />
          ))}
          {choices.length > 0 && dates.length < 10 && (
            <Button icon={<PlusOutlined />} onClick={() => set({ dates: [...dates, withinDays(choices[0]!.ref, 30)] })} data-testid="filter-add-date">
              {t('contactsUi.filter.addDate')}
            </Button>
          )}
        </Form.Item>
        <Form.Item label={t('contactsUi.columns.optOut')}>
          <Radio.Group
            value={filter.optOut ?? 'any'}
            onChange={(e) => set({ optOut: e.target.value as ContactFilter['optOut'] })}
            options={(['any', 'exclude', 'only'] as const).map((o) => ({ value: o, label: t(`contactsUi.filter.optOut.${o}`) }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
