// The next run of a rule (saved, or as typed in the editor): when, how many contacts, and the texts
// they would receive — a dry run; nothing is sent. A saved rule can be run now from here.
import { App, Button, Descriptions, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RuleInput } from '../../../src-shared/api/rules-schemas';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat, useNumberFormat } from '../../components/format';
import { ruleKeys } from './queries';
import { RuleHistory } from './RuleHistory';

interface Props {
  /** A saved rule's id, or the rule as typed. */
  subject: { id: number; name: string } | { input: RuleInput };
  /** The rule's zone: its run times are shown on that wall clock. */
  timeZone: string;
  shopTimeZone: string;
  onClose(): void;
}

export function PreviewDrawer({ subject, timeZone, shopTimeZone, onClose }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const when = useDateTimeFormat(timeZone);
  const num = useNumberFormat();
  const saved = 'id' in subject ? subject : null;
  const preview = useQuery({
    queryKey: [...ruleKeys.preview, saved ? saved.id : subject],
    queryFn: () => api.call('rules.preview', saved ? { id: saved.id, limit: 10 } : { rule: (subject as { input: RuleInput }).input, limit: 10 }),
    retry: false,
  });
  const runNow = useMutation({
    mutationFn: (id: number) => api.call('rules.runNow', { id }),
    onSuccess: (r) => {
      void message.success(t('rules.ui.ran', { queued: r.queued, skipped: r.skipped, already: r.already }));
      void queryClient.invalidateQueries({ queryKey: ruleKeys.list });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  const confirmRun = () => {
    if (!saved) return;
    modal.confirm({
      title: t('rules.ui.confirmRun.title', { name: saved.name }),
      content: t('rules.ui.confirmRun.body'),
      okText: t('rules.ui.actions.runNow'),
      cancelText: t('rules.ui.cancel'),
      onOk: () => runNow.mutateAsync(saved.id),
    });
  };
  const p = preview.data;

  return (
    <Drawer open onClose={onClose} size={560} title={t('rules.ui.preview.title')} data-testid="rule-preview"
      extra={saved && <Button type="primary" danger loading={runNow.isPending} onClick={confirmRun} data-testid="rule-run-now">{t('rules.ui.actions.runNow')}</Button>}
    >
      {preview.isPending && <Skeleton active />}
      {preview.isError && <Typography.Text type="danger">{errorText(t, preview.error)}</Typography.Text>}
      {p && (
        <Space orientation="vertical" className="rules-full">
          <Typography.Text type="secondary">{t('rules.ui.preview.dryRun')}</Typography.Text>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('rules.ui.preview.nextRun')}>{p.occurrenceAt ? when(p.occurrenceAt, 'minute') : t('rules.ui.never')}</Descriptions.Item>
            <Descriptions.Item label={t('rules.ui.preview.recipients')}><span data-testid="rule-preview-count">{num(p.recipients)}</span></Descriptions.Item>
            <Descriptions.Item label={t('rules.ui.editor.timeZone')}>
              <span data-testid="rule-preview-zone">{timeZone === shopTimeZone ? t('rules.ui.editor.timeZoneShop', { zone: timeZone }) : timeZone}</span>
            </Descriptions.Item>
            {p.upcoming.length > 0 && (
              <Descriptions.Item label={t('rules.ui.preview.upcoming')}>{p.upcoming.map((u) => when(u, 'minute')).join('、')}</Descriptions.Item>
            )}
          </Descriptions>
          {p.samples.length === 0 ? (
            <Empty description={t('rules.ui.preview.nobody')} />
          ) : (
            <List
              dataSource={p.samples}
              renderItem={(s) => (
                <List.Item data-testid="rule-preview-sample">
                  <List.Item.Meta
                    title={<Space>{s.name}<Typography.Text type="secondary">{s.to}</Typography.Text></Space>}
                    description={<Typography.Paragraph className="rules-sample-text">{s.text}</Typography.Paragraph>}
                  />
                  <Tag>{t('rules.ui.preview.segments', { count: s.segments, encoding: s.encoding })}</Tag>
                </List.Item>
              )}
            />
          )}
          {p.recipients > p.samples.length && <Typography.Text type="secondary">{t('rules.ui.preview.andMore', { count: p.recipients - p.samples.length })}</Typography.Text>}
        </Space>
      )}
      {saved && <RuleHistory id={saved.id} timeZone={timeZone} />}
    </Drawer>
  );
}
