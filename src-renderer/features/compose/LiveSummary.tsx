// The side panel's numbers: recipients, segments per message (a range once placeholders make the
// texts differ), the total and its cost, the account and the time. Before the first check answers,
// the count of the text as typed stands in.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { useNumberFormat } from '../../components/format';
import type { CounterView } from './counter';
import { AccountCell, CostCell } from './SummaryCells';

interface Props {
  view: CounterView;
  /** Typed numbers that parse, for the count before the check answers. */
  typed: number;
  report: ComposeCheckReport | undefined;
  account: string;
  testMode: boolean;
  when: string | null;
}

export function LiveSummary({ view, typed, report, account, testMode, when }: Props) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const totals = report?.totals;
  const recipients = report ? report.sendable : typed;
  const each = totals && totals.minSegments !== totals.maxSegments
    ? t('composeUi.check.segmentRange', { min: fmt(totals.minSegments), max: fmt(totals.maxSegments) })
    : t('compose.summary.segmentsValue', { n: fmt(totals ? totals.maxSegments : view.count.segments) });
  const total = totals ? totals.segments : typed * view.count.segments;
  return (
    <Descriptions
      column={1}
      size="small"
      className="summary-panel"
      items={[
        { key: 'recipients', label: t('compose.summary.recipients'), children: <span data-testid="summary-recipients">{t('compose.summary.recipientsValue', { n: fmt(recipients) })}</span> },
        {
          key: 'each',
          label: t('compose.summary.each'),
          children: (
            <span data-testid="summary-each">
              {each}
              <Tag variant="filled" className="summary-encoding">
                {t(`common.encoding.${view.count.encoding}`)}
              </Tag>
            </span>
          ),
        },
        { key: 'total', label: t('compose.summary.total'), children: <strong data-testid="summary-total">{t('compose.summary.segmentsValue', { n: fmt(total) })}</strong> },
        ...(totals && totals.cost !== null
          ? [{
              key: 'cost',
              label: t('composeUi.check.cost'),
              children: <CostCell totals={totals} testId="summary-cost" />,
            }]
          : []),
        {
          key: 'account',
          label: t('compose.summary.account'),
          children: <AccountCell account={account} testMode={testMode} />,
        },
        { key: 'when', label: t('compose.summary.when'), children: when ?? t('compose.summary.now') },
      ]}
    />
  );
}
