// The Log's filter bar: date range, statuses (with how many each for the rest of the filter), the
// recipient (number fragment or contact name) and text, and the rarer ones behind "More filters".
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, DatePicker, Input, Popover, Select, Space, Tag } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { messageStatuses, origins, type MessageStatus } from '../../../src-shared/api/schemas';
import { rangePresets, type RangePreset } from '../../../src-shared/time/ranges';
import { useAccounts } from '../../app/queries';
import { useRules } from '../rules/queries';
import { useTemplates } from '../templates/queries';
import { emptyLogFilter, type LogFilterState } from './log-filter';

interface Props {
  value: LogFilterState;
  onChange(next: LogFilterState): void;
  counts: Record<string, number> | undefined;
  format(n: number): string;
}

/** A text box that tells the filter once typing pauses, not on every key. */
function useDebounced(value: string, apply: (v: string) => void): [string, (v: string) => void] {
  const [text, setText] = useState(value);
  // The latest apply, so a re-render (a live update) does not restart the pause.
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => applyRef.current(text), 300);
    return () => clearTimeout(timer);
  }, [text, value]);
  return [text, setText];
}

export function LogFilters({ value, onChange, counts, format }: Props) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const templates = useTemplates();
  const rules = useRules();
  const ruleList = rules.data?.rules ?? [];
  // Two rules may share a name: their ids tell them apart.
  const ruleLabel = (r: { id: number; name: string }) => (ruleList.filter((x) => x.name === r.name).length > 1 ? `${r.name} (#${r.id})` : r.name);
  const set = <K extends keyof LogFilterState>(key: K) => (v: LogFilterState[K]) => onChange({ ...value, [key]: v });
  const [recipient, setRecipient] = useDebounced(value.recipient, (v) => onChange({ ...value, recipient: v }));
  const [text, setText] = useDebounced(value.text, (v) => onChange({ ...value, text: v }));
  const [memo, setMemo] = useDebounced(value.memo, (v) => onChange({ ...value, memo: v }));
  const [operator, setOperator] = useDebounced(value.operator, (v) => onChange({ ...value, operator: v }));
  const moreCount = [value.accountId !== null, value.memo !== '', value.origin.length > 0, value.operator !== '', value.templateId !== null, value.ruleId !== null].filter(Boolean).length;

  const toggleStatus = (s: MessageStatus) => onChange({ ...value, status: value.status.includes(s) ? value.status.filter((x) => x !== s) : [...value.status, s] });

  const more = (
    <div className="log-more-filters" data-testid="log-more-filters">
      <label>
        {t('logRoom.filter.account')}
        <Select
          allowClear
          value={value.accountId ?? undefined}
          onChange={(v: number | undefined) => set('accountId')(v ?? null)}
          placeholder={t('logRoom.filter.anyAccount')}
          options={(accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: a.name }))}
          aria-label={t('logRoom.filter.account')}
        />
      </label>
      <label>
        {t('logRoom.filter.memo')}
        <Input allowClear value={memo} onChange={(e) => setMemo(e.target.value)} aria-label={t('logRoom.filter.memo')} />
      </label>
      <label>
        {t('logRoom.filter.origin')}
        <Select
          mode="multiple"
          allowClear
          value={value.origin}
          onChange={set('origin')}
          placeholder={t('logRoom.filter.anyOrigin')}
          options={origins.map((o) => ({ value: o, label: t(`common.origin.${o}`) }))}
          aria-label={t('logRoom.filter.origin')}
        />
      </label>
      <label>
        {t('logRoom.filter.operator')}
        <Input allowClear value={operator} onChange={(e) => setOperator(e.target.value)} aria-label={t('logRoom.filter.operator')} />
      </label>
      <label>
        {t('logRoom.filter.template')}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={value.templateId ?? undefined}
          onChange={(v: number | undefined) => set('templateId')(v ?? null)}
          placeholder={t('logRoom.filter.anyTemplate')}
          options={(templates.data?.templates ?? []).map((x) => ({ value: x.id, label: x.name }))}
          notFoundContent={t('logRoom.filter.noMatch')}
          aria-label={t('logRoom.filter.template')}
          data-testid="log-template"
        />
      </label>
      <label>
        {t('logRoom.filter.rule')}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={value.ruleId ?? undefined}
          onChange={(v: number | undefined) => set('ruleId')(v ?? null)}
          placeholder={t('logRoom.filter.anyRule')}
          options={ruleList.map((r) => ({ value: r.id, label: ruleLabel(r) }))}
          notFoundContent={t('logRoom.filter.noMatch')}
          aria-label={t('logRoom.filter.rule')}
          data-testid="log-rule"
        />
      </label>
    </div>
  );

  return (
    <div className="log-filters">
      <Space wrap size={8}>
        <Select<RangePreset>
          value={value.range}
          onChange={(range) => onChange({ ...value, range, custom: range === 'custom' ? value.custom : null })}
          options={rangePresets.map((r) => ({ value: r, label: t(`logRoom.range.${r}`) }))}
          aria-label={t('logRoom.filter.range')}
          className="log-range"
          data-testid="log-range"
        />
        {value.range === 'custom' && (
          <DatePicker.RangePicker
            value={value.custom ? [dayjs(value.custom[0]), dayjs(value.custom[1])] : null}
            onChange={(days) => set('custom')(days?.[0] && days[1] ? [days[0].format('YYYY-MM-DD'), days[1].format('YYYY-MM-DD')] : null)}
            aria-label={t('logRoom.filter.customRange')}
          />
        )}
        <Select
          mode="multiple"
          allowClear
          className="log-status-filter"
          placeholder={t('log.filter.status')}
          value={value.status}
          onChange={set('status')}
          maxTagCount="responsive"
          options={messageStatuses.map((s) => ({ value: s, label: `${t(`common.status.${s}`)}${counts ? ` (${format(counts[s] ?? 0)})` : ''}` }))}
          aria-label={t('log.filter.status')}
          data-testid="log-status-filter"
        />
        <Input.Search
          allowClear
          className="log-search"
          placeholder={t('logRoom.filter.recipient')}
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
          onSearch={(v) => onChange({ ...value, recipient: v })}
          aria-label={t('logRoom.filter.recipient')}
          data-testid="log-recipient"
        />
        <Input.Search
          allowClear
          className="log-search"
          placeholder={t('logRoom.filter.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ ...value, text: v })}
          aria-label={t('logRoom.filter.text')}
          data-testid="log-text"
        />
        <Popover content={more} trigger="click" placement="bottomLeft" title={t('logRoom.filter.more')}>
          <Badge count={moreCount} size="small">
            <Button icon={<FilterOutlined />} data-testid="log-more">
              {t('logRoom.filter.more')}
            </Button>
          </Badge>
        </Popover>
        <Button icon={<ClearOutlined />} onClick={() => onChange(emptyLogFilter)} disabled={JSON.stringify(value) === JSON.stringify(emptyLogFilter)}>
          {t('logRoom.filter.clear')}
        </Button>
      </Space>
      {counts && (
        <div className="log-counts" data-testid="log-counts" aria-label={t('logRoom.countsLabel')}>
          {messageStatuses.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
            <Tag.CheckableTag key={s} checked={value.status.includes(s)} onChange={() => toggleStatus(s)} data-status={s}>
              {t(`common.status.${s}`)} {format(counts[s] ?? 0)}
            </Tag.CheckableTag>
          ))}
        </div>
      )}
    </div>
  );
}
