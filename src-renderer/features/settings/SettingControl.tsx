// One control per setting, chosen by the registry's kind. Choices save at once; typed values save
// when the field is left or Enter is pressed. A refused value stays in the field with the reason under it.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { settingDefinitions, type SettingKey } from '../../../src-shared/settings/registry';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText } from '../../components/error-text';

type Value = string | number | boolean | null;

interface Props {
  settingKey: SettingKey;
  value: Value;
  /** What a null value means (e.g. the OS time zone the core computed). */
  effectiveDefault?: string | undefined;
}

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function SettingControl({ settingKey, value, effectiveDefault }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const def = settingDefinitions[settingKey];
  const [draft, setDraft] = useState<Value>(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);
  const zones = useMemo(() => (def.kind === 'timeZone' ? allTimeZones() : []), [def.kind]);

  const save = useMutation({
    mutationFn: (next: Value) => api.call('settings.set', { key: settingKey, value: next }),
    onSuccess: () => {
      setError(null);
      void message.success(t('settings.saved', { label: t(`settings.keys.${settingKey}.label`, { defaultValue: settingKey }) }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dispatcher });
    },
    onError: (err) => setError(errorText(t, err)),
  });

  function commit(next: Value) {
    setDraft(next);
    if (next === value) {
      setError(null);
      return;
    }
    // Check here first for an instant answer; the core checks again with the same schema.
    const checked = (def.schema as z.ZodType<unknown>).safeParse(next);
    if (!checked.success) {
      setError(t(`settings.invalid.${def.kind}`, { min: def.min ?? '', max: def.max ?? '' }));
      return;
    }
    save.mutate(checked.data as Value);
  }

  const id = `setting-${settingKey.replace('.', '-')}`;
  let control: ReactNode;
  switch (def.kind) {
    case 'boolean':
      control = <Switch id={id} checked={draft === true} loading={save.isPending} onChange={(v) => commit(v)} />;
      break;
    case 'enum':
      control = (
        <Select
          id={id}
          className="setting-select"
          value={draft as string}
          loading={save.isPending}
          onChange={(v: string) => commit(v)}
          options={(def.options ?? []).map((o) => ({ value: o, label: t(`settings.keys.${settingKey}.options.${o}`, { defaultValue: o }) }))}
        />
      );
      break;
    case 'timeZone':
      control = (
        <Select
          id={id}
          className="setting-select"
          showSearch
          value={(draft as string | null) ?? undefined}
          placeholder={t('settings.timeZoneDefault', { zone: effectiveDefault ?? '' })}
          loading={save.isPending}
          onChange={(v: string) => commit(v)}
          options={zones.map((z) => ({ value: z, label: z }))}
        />
      );
      break;
    case 'integer':
      control = (
        <InputNumber
          id={id}
          className="setting-number"
          value={typeof draft === 'number' ? draft : null}
          min={def.min}
          max={def.max}
          precision={0}
          onChange={(v) => setDraft(v)}
          onBlur={() => commit(draft)}
          onPressEnter={() => commit(draft)}
          suffix={t(`settings.keys.${settingKey}.unit`, { defaultValue: '' })}
        />
      );
      break;
    default:
      control = (
        <Input
          id={id}
          className="setting-input"
          value={typeof draft === 'string' ? draft : ''}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit(draft)}
          onPressEnter={() => commit(draft)}
          placeholder={t(`settings.keys.${settingKey}.placeholder`, { defaultValue: '' })}
          allowClear
        />
      );
  }

  return (
    <Form.Item
      label={t(`settings.keys.${settingKey}.label`, { defaultValue: settingKey })}
      htmlFor={id}
      extra={t(`settings.keys.${settingKey}.help`, { defaultValue: '' })}
      validateStatus={error ? 'error' : save.isPending ? 'validating' : undefined}
      help={error ?? undefined}
      data-testid={id}
    >
      {control}
    </Form.Item>
  );
}
