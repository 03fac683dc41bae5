// Two cells the check screen and the side summary both show: the estimated cost against the account's
// balance, and the account with its test-mode tag.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { useNumberFormat } from '../../components/format';

type Totals = ComposeCheckReport['totals'];

export function CostCell({ totals, testId }: { totals: Totals; testId: string }) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const unitText = (unit: string | null) => (unit ? t(`settings.accounts.units.${unit}`, { defaultValue: unit }) : '');
  return (
    <span data-testid={testId}>
      {totals.cost === null ? t('composeUi.check.noPrice') : `${fmt(totals.cost)} ${unitText(totals.balanceUnit)}`}
      {totals.balance !== null && (
        <Typography.Text type={totals.cost !== null && totals.cost > totals.balance ? 'danger' : 'secondary'} className="check-balance">
          {t('composeUi.check.balance', { n: fmt(totals.balance), unit: unitText(totals.balanceUnit) })}
        </Typography.Text>
      )}
    </span>
  );
}

export function AccountCell({ account, testMode }: { account: string; testMode: boolean }) {
  const { t } = useTranslation();
  return (
    <span>
      {account}
      {testMode && (
        <Tag color="gold" className="summary-encoding">
          {t('common.testMode')}
        </Tag>
      )}
    </span>
  );
}
