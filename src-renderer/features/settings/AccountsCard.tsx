// The SMS accounts: which one sends by default, what credit is left, and adding, editing, testing and
// removing them (AccountForm, AccountActions).
import { useState } from 'react';
import { Button, Card, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-shared/api/schemas';
import { useAccounts, useBalance } from '../../app/queries';
import { useNumberFormat } from '../../components/format';
import { AccountActions } from './AccountActions';
import { AccountForm } from './AccountForm';

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
  // null: closed; 'new': adding; an account: editing it.
  const [editing, setEditing] = useState<AccountView | 'new' | null>(null);
  return (
    <Card
      title={t('settings.accounts.title')}
      className="settings-card"
      extra={
        <Button type="primary" size="small" onClick={() => setEditing('new')} data-testid="account-add">
          {t('accounts.ui.add')}
        </Button>
      }
    >
      <AccountForm key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id} account={editing === 'new' || editing === null ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
      <List
        loading={accounts.isPending}
        dataSource={accounts.data?.accounts ?? []}
        locale={{ emptyText: t('settings.accounts.empty') }}
        renderItem={(a) => (
          <List.Item extra={<Balance account={a} />} actions={[<AccountActions key="actions" account={a} onEdit={() => setEditing(a)} />]}>
            <List.Item.Meta
              title={
                <span className="account-name">
                  {a.name}
                  {a.default && <Tag color="blue">{t('settings.accounts.default')}</Tag>}
                  {a.testMode && <Tag color="gold">{t('common.testMode')}</Tag>}
                  {a.paused && <Tag color="red">{t('settings.accounts.paused')}</Tag>}
                  {a.secretState === 'needed' && <Tag color="orange">{t('accounts.passwordNeeded')}</Tag>}
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
