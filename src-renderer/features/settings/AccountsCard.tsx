// The SMS accounts, read-only in this version: which one sends by default and what credit is left.
import { Card, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-shared/api/schemas';
import { useAccounts, useBalance } from '../../app/queries';
import { useNumberFormat } from '../../components/format';

function Balance({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const balance = useBalance(account.name);
  if (balance.isPending) return <Skeleton.Input active size="small" />;
  if (balance.isError || !balance.data.supported || balance.data.balance === null) {
    return <Typography.Text type="secondary">{t('settings.accounts.balanceUnknown')}</Typography.Text>;
  }
  const unit = balance.data.unit ? t(`settings.accounts.units.${balance.data.unit}`, { defaultValue: balance.data.unit }) : '';
  return (
    <span className="account-balance" data-testid="account-balance">
      <span className="account-balance-value">{fmt(balance.data.balance)}</span> {unit}
    </span>
  );
}

export function AccountsCard() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  return (
    <Card title={t('settings.accounts.title')} className="settings-card" extra={<Typography.Text type="secondary">{t('settings.accounts.readOnly')}</Typography.Text>}>
      <List
        loading={accounts.isPending}
        dataSource={accounts.data?.accounts ?? []}
        locale={{ emptyText: t('settings.accounts.empty') }}
        renderItem={(a) => (
          <List.Item extra={<Balance account={a} />}>
            <List.Item.Meta
              title={
                <span className="account-name">
                  {a.name}
                  {a.default && <Tag color="blue">{t('settings.accounts.default')}</Tag>}
                  {a.testMode && <Tag color="gold">{t('common.testMode')}</Tag>}
                  {a.paused && <Tag color="red">{t('settings.accounts.paused')}</Tag>}
                </span>
              }
              description={
                <span>
                  {t(`common.provider.${a.provider}`)}
                  {a.username && ` · ${a.username}`}
                  {a.sender && ` · ${t('settings.accounts.sender', { sender: a.sender })}`}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
