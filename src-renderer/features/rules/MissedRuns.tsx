// Runs that were found too late (the PC was off or asleep past the grace window): never sent in a
// burst, never dropped without a word — the operator sends each now or dismisses it.
import { Alert, App, Button, List, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../src-shared/api/rules-schemas';
import { zoneToShow } from '../../../src-shared/rules/describe';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { ruleKeys, useMissedRuns } from './queries';

export function MissedRuns({ rules, timeZone }: { rules: readonly RuleView[]; timeZone: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const missed = useMissedRuns();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const resolve = useMutation({
    mutationFn: (v: { id: number; occurrenceAt: string; action: 'run' | 'dismiss' }) => api.call('rules.resolveMissed', v),
    onSuccess: (o) => {
      if (o.outcome === 'ran') void message.success(t('rules.ui.ran', { queued: o.queued, skipped: o.skipped, already: 0 }));
      void queryClient.invalidateQueries({ queryKey: ruleKeys.list });
      void queryClient.invalidateQueries({ queryKey: ruleKeys.history });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  const items = missed.data?.occurrences ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="rules-missed"
      data-testid="rules-missed"
      title={t('rules.ui.missed.title', { count: items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(o) => (
            <List.Item
              actions={[
                <Button key="run" size="small" type="primary" onClick={() => resolve.mutate({ id: o.ruleId, occurrenceAt: o.occurrenceAt, action: 'run' })}>{t('rules.ui.missed.sendNow')}</Button>,
                <Button key="dismiss" size="small" onClick={() => resolve.mutate({ id: o.ruleId, occurrenceAt: o.occurrenceAt, action: 'dismiss' })}>{t('rules.ui.missed.dismiss')}</Button>,
              ]}
            >
              <Space>{byId.get(o.ruleId)?.name ?? `#${o.ruleId}`}<When at={o.occurrenceAt} ruleZone={byId.get(o.ruleId)?.timeZone ?? timeZone} shopZone={timeZone} /></Space>
            </List.Item>
          )}
        />
      }
    />
  );
}

/** The run's time on the rule's own wall clock, its zone named when it is not the shop's. */
function When({ at, ruleZone, shopZone }: { at: string; ruleZone: string; shopZone: string }) {
  const when = useDateTimeFormat(ruleZone);
  const zone = zoneToShow(ruleZone, shopZone);
  return <span>{zone ? `${when(at, 'minute')} ${zone}` : when(at, 'minute')}</span>;
}
