// The target's conditions relative to the day the rule runs: birthday that day, a date field N days
// ahead or behind (several N: "30 and 7 days before"), a year-month field N months ahead.
import { useState } from 'react';
import { Button, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RuleCondition } from '../../../src-shared/api/rules-schemas';
import type { DateFieldChoice } from '../contacts/FilterDrawer';

interface Props {
  value: RuleCondition[];
  choices: DateFieldChoice[];
  onChange(next: RuleCondition[]): void;
}

function parseDays(text: string): number[] | null {
  const parts = text.normalize('NFKC').split(/[,、，\s]+/).filter(Boolean);
  const days = parts.map(Number);
  return parts.length > 0 && parts.length <= 10 && days.every((d) => Number.isInteger(d) && Math.abs(d) <= 3650) ? days : null;
}

function DaysInput({ days, onChange }: { days: number[]; onChange(d: number[]): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? days.join(', ');
  return (
    <Input
      value={text}
      status={draft !== null && parseDays(draft) === null ? 'error' : undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        const d = parseDays(e.target.value);
        if (d) onChange(d);
      }}
      onBlur={() => setDraft(null)}
      className="rules-days-input"
      aria-label={t('rules.ui.editor.days')}
      data-testid="rule-condition-days"
    />
  );
}

export function ConditionsField({ value, choices, onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, c: RuleCondition) => onChange(value.map((x, j) => (j === i ? c : x)));
  const firstField = choices[0]?.ref;
  const kinds = (['birthdayToday', 'daysFromRun', 'monthFromRun'] as const).filter((k) => k === 'birthdayToday' || firstField !== undefined);

  const withKind = (kind: RuleCondition['kind'], old: RuleCondition): RuleCondition => {
    const field = 'field' in old ? old.field : firstField!;
    if (kind === 'birthdayToday') return { kind };
    if (kind === 'daysFromRun') return { kind, field, days: [30] };
    return { kind, field, months: 1 };
  };

  return (
    <Space orientation="vertical" className="rules-full">
      {value.map((c, i) => (
        <Space key={i} wrap data-testid="rule-condition">
          <Select
            value={c.kind}
            onChange={(k: RuleCondition['kind']) => set(i, withKind(k, c))}
            options={kinds.map((k) => ({ value: k, label: t(`rules.ui.editor.conditionKinds.${k}`) }))}
            className="rules-condition-kind"
            aria-label={t('rules.ui.editor.conditionKind')}
          />
          {c.kind !== 'birthdayToday' && (
            <Select
              value={c.field}
              onChange={(field: typeof c.field) => set(i, { ...c, field })}
              options={choices.map((x) => ({ value: x.ref, label: x.label }))}
              className="rules-condition-field"
              aria-label={t('rules.ui.editor.field')}
            />
          )}
          {c.kind === 'daysFromRun' && (
            <>
              <DaysInput days={c.days} onChange={(days) => set(i, { ...c, days })} />
              <span>{t('rules.ui.editor.daysHelp')}</span>
            </>
          )}
          {c.kind === 'monthFromRun' && (
            <>
              <InputNumber min={-24} max={24} value={c.months} onChange={(m) => set(i, { ...c, months: m ?? 0 })} aria-label={t('rules.ui.editor.months')} />
              <span>{t('rules.ui.editor.monthsHelp')}</span>
            </>
          )}
          <Button icon={<DeleteOutlined />} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('rules.ui.editor.removeCondition')} />
        </Space>
      ))}
      {value.length < 5 && (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...value, { kind: 'birthdayToday' }])} data-testid="rule-add-condition">
          {t('rules.ui.editor.addCondition')}
        </Button>
      )}
    </Space>
  );
}
