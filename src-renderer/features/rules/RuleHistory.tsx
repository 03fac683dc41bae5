// A saved rule's recent runs: when, what became of each (ran, missed, failed with the reason,
// dismissed), and how many reminders were queued or left out.
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleOutcome } from '../../../src-shared/api/rules-schemas';
import { translateKey } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { useRuleHistory } from './queries';

const COLOURS: Record<RuleOutcome, string> = { ran: 'green', missed: 'orange', failed: 'red', dismissed: 'default' };

export function RuleHistory({ id, timeZone }: { id: number; timeZone: string }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(timeZone);
  const history = useRuleHistory(id);
  const items = history.data?.occurrences ?? [];
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('rules.ui.history.title')}</Typography.Text>}
      dataSource={items}
      locale={{ emptyText: t('rules.ui.history.empty') }}
      data-testid="rule-history"
      renderItem={(o) => (
        <List.Item>
          <Space wrap>
            <span>{when(o.occurrenceAt, 'minute')}</span>
            <Tag color={COLOURS[o.outcome]}>{t(`rules.ui.history.outcomes.${o.outcome}`)}</Tag>
            {o.trigger === 'manual' && <Tag>{t('rules.ui.history.manual')}</Tag>}
            {o.outcome === 'ran' && <span>{t('rules.ui.history.counts', { queued: o.queued, skipped: o.skipped })}</span>}
            {o.error && <Typography.Text type="danger">{translateKey(t, o.error.key, o.error.params)}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}
