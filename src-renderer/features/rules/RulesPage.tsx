// The Rules room: every reminder rule with its switch, cadence, target and next run; new rules from a
// preset; the editor, the preview (dry run) and run now; missed runs waiting for the operator.
import { useState } from 'react';
import { App, Badge, Button, Dropdown, Popconfirm, Skeleton, Space, Switch, Table, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rulePresets, type RuleInput, type RulePreset, type RuleView } from '../../../src-shared/api/rules-schemas';
import { describeCadence, describeTarget, zoneToShow } from '../../../src-shared/rules/describe';
import type { AppInfo } from '../../app/Shell';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat, useLocaleTag } from '../../components/format';
import { useFields } from '../contacts/queries';
import { MissedRuns } from './MissedRuns';
import { PreviewDrawer } from './PreviewDrawer';
import { RuleEditor } from './RuleEditor';
import { ruleKeys, useRules } from './queries';
import './rules.css';

type Editing = { rule: RuleView | null; preset: RulePreset | null } | null;
type Previewing = { id: number; name: string; timeZone: string } | { input: RuleInput } | null;

export function RulesPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const locale = useLocaleTag();
  const rules = useRules();
  const fields = useFields();
  const [editing, setEditing] = useState<Editing>(null);
  const [previewing, setPreviewing] = useState<Previewing>(null);
  const labelOf = (key: string) => fields.data?.fields.find((f) => f.key === key)?.label;

  const onDone = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.list }), onError: (err: unknown) => void message.error(errorText(t, err)) };
  const toggle = useMutation({ mutationFn: (v: { id: number; enabled: boolean }) => api.call('rules.setEnabled', v), ...onDone });
  const remove = useMutation({ mutationFn: (id: number) => api.call('rules.remove', { id }), ...onDone });

  if (rules.isPending) return <Skeleton active />;
  if (rules.isError) return <>{errorText(t, rules.error)}</>;
  const list = rules.data.rules;

  return (
    <Space orientation="vertical" className="rules-page rules-full" size="large">
      <Space className="rules-toolbar">
        <Typography.Title level={4} className="rules-title">{t('rules.ui.title')}</Typography.Title>
        <Space.Compact data-testid="rules-new">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null, preset: null })}>{t('rules.ui.new')}</Button>
          <Dropdown
            trigger={['click']}
            menu={{ items: rulePresets.map((p) => ({ key: p, label: t(`rules.presets.${p}.name`) })), onClick: ({ key }) => setEditing({ rule: null, preset: key as RulePreset }) }}
          >
            <Button type="primary" icon={<DownOutlined />} aria-label={t('rules.ui.fromPreset')} data-testid="rules-new-preset" />
          </Dropdown>
        </Space.Compact>
      </Space>
      <MissedRuns rules={list} timeZone={info.timeZone} />
      <Table<RuleView>
        rowKey="id"
        dataSource={list}
        pagination={false}
        locale={{ emptyText: t('rules.ui.empty') }}
        data-testid="rules-table"
        columns={[
          {
            key: 'enabled', title: t('rules.ui.columns.enabled'), width: 80,
            render: (_, r) => <Switch checked={r.enabled} loading={toggle.isPending && toggle.variables?.id === r.id} onChange={(enabled) => toggle.mutate({ id: r.id, enabled })} aria-label={t('rules.ui.columns.enabled')} />,
          },
          { key: 'name', title: t('rules.ui.columns.name'), render: (_, r) => <Badge count={r.missed} size="small" offset={[8, 0]}><span>{r.name}</span></Badge> },
          { key: 'when', title: t('rules.ui.columns.when'), render: (_, r) => <span data-testid="rule-when">{describeCadence(r.cadence, r.time, t, locale, zoneToShow(r.timeZone, info.timeZone))}</span> },
          { key: 'who', title: t('rules.ui.columns.who'), render: (_, r) => describeTarget(r, t, labelOf) },
          { key: 'next', title: t('rules.ui.columns.next'), render: (_, r) => <NextRun rule={r} shopTimeZone={info.timeZone} /> },
          {
            key: 'actions', title: '', align: 'right',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setPreviewing({ id: r.id, name: r.name, timeZone: r.timeZone })} data-testid="rule-preview-open">{t('rules.ui.actions.preview')}</Button>
                <Button size="small" onClick={() => setEditing({ rule: r, preset: null })}>{t('rules.ui.actions.edit')}</Button>
                <Popconfirm title={t('rules.ui.confirmRemove', { name: r.name })} okText={t('rules.ui.actions.remove')} cancelText={t('rules.ui.cancel')} onConfirm={() => remove.mutate(r.id)}>
                  <Button size="small" danger>{t('rules.ui.actions.remove')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <RuleEditor rule={editing.rule} preset={editing.preset} shopTimeZone={info.timeZone} onClose={() => setEditing(null)} onPreview={(input) => setPreviewing({ input })} />
      )}
      {previewing && (
        <PreviewDrawer subject={previewing} timeZone={('id' in previewing ? previewing.timeZone : previewing.input.timeZone) ?? info.timeZone} shopTimeZone={info.timeZone} onClose={() => setPreviewing(null)} />
      )}
    </Space>
  );
}

/** The next run on the rule's own wall clock, its zone named when it is not the shop's. */
function NextRun({ rule, shopTimeZone }: { rule: RuleView; shopTimeZone: string }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(rule.timeZone);
  if (!rule.enabled) return <Typography.Text type="secondary">{t('rules.ui.off')}</Typography.Text>;
  if (!rule.nextRunAt) return <span>{t('rules.ui.never')}</span>;
  const zone = zoneToShow(rule.timeZone, shopTimeZone);
  return <span data-testid="rule-next">{zone ? `${when(rule.nextRunAt, 'minute')} ${zone}` : when(rule.nextRunAt, 'minute')}</span>;
}
