// The default account's balance in the header (the cached figure the dispatcher keeps fresh), with a
// warning when it is below the low-balance setting.
import { Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAccounts, useSettings } from '../../app/queries';

export function BalanceIndicator() {
  const { t, i18n } = useTranslation();
  const accounts = useAccounts();
  const settings = useSettings();
  const account = accounts.data?.accounts.find((a) => a.default);
  if (!account || account.balance === null) return null;
  const threshold = settings.data?.settings.find((s) => s.key === 'sending.lowBalance')?.value ?? '';
  const balance = new Intl.NumberFormat(i18n.language).format(account.balance);
  const unit = account.balanceUnit ? t(`settings.accounts.units.${account.balanceUnit}`, { defaultValue: account.balanceUnit }) : '';
  return (
    <span className="header-balance" data-testid="header-balance">
      <Typography.Text type={account.lowBalance ? 'warning' : 'secondary'}>
        {unit ? t('sending.header.balanceUnit', { balance, unit }) : t('sending.header.balance', { balance })}
      </Typography.Text>
      {account.lowBalance && (
        <Tooltip title={t('sending.header.lowHelp', { threshold: String(threshold) })}>
          <Tag color="warning" icon={<WarningOutlined />} data-testid="low-balance">
            {t('sending.header.low')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
