import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../components/format';
import type { SendSummary } from './summary';

interface Props {
  summary: SendSummary;
  account: string;
  testMode: boolean;
  when: string | null;
}

/** Used in the side panel and, identically, in the confirm dialog: what you see is what you confirm. */
export function SummaryPanel({ summary, account, testMode, when }: Props) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  return (
    <Descriptions
      column={1}
      size="small"
      className="summary-panel"
      items={[
        { key: 'recipients', label: t('compose.summary.recipients'), children: t('compose.summary.recipientsValue', { n: fmt(summary.recipients) }) },
        {
          key: 'each',
          label: t('compose.summary.each'),
          children: (
            <span>
              {t('compose.summary.segmentsValue', { n: fmt(summary.segmentsEach) })}
              <Tag variant="filled" className="summary-encoding">
                {t(`common.encoding.${summary.encoding}`)}
              </Tag>
            </span>
          ),
        },
        {
          key: 'total',
          label: t('compose.summary.total'),
          children: <strong data-testid="summary-total">{t('compose.summary.segmentsValue', { n: fmt(summary.totalSegments) })}</strong>,
        },
        {
          key: 'account',
          label: t('compose.summary.account'),
          children: (
            <span>
              {account}
              {testMode && (
                <Tag color="gold" className="summary-encoding">
                  {t('common.testMode')}
                </Tag>
              )}
            </span>
          ),
        },
        { key: 'when', label: t('compose.summary.when'), children: when ?? t('compose.summary.now') },
      ]}
    />
  );
}
