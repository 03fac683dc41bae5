// Test, edit and remove for one account. Removing an account with waiting messages is refused by the
// core with the count; the operator is then offered to move them to the default account.
import { App, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-shared/api/schemas';
import { asApiError } from '../../../src-shared/client';
import { useApi } from '../../app/providers/api';
import { queryKeys, useAppInfo } from '../../app/queries';
import { useNumberFormat } from '../../components/format';
import { errorText } from '../../components/error-text';
import { verificationText } from './verification-text';

export function AccountActions({ account, onEdit }: { account: AccountView; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const info = useAppInfo();
  const fmt = useNumberFormat();

  const test = useMutation({
    mutationFn: () => api.call('accounts.test', { name: account.name }),
    onSuccess: (r) => {
      const text = verificationText(t, r.account, r.verification, fmt);
      if (r.verification.status === 'ok' || r.verification.status === 'unsupported') void message.success(text);
      else void message.error(text);
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const removed = (name: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
    void message.success(t('accounts.ui.removed', { account: name }));
  };

  const remove = useMutation({
    mutationFn: (moveTo?: string) => api.call('accounts.remove', { name: account.name, ...(moveTo ? { moveTo } : {}) }),
    onSuccess: (r) => removed(r.removed),
    onError: (err) => {
      const e = asApiError(err);
      const target = info.data?.defaultAccount;
      if (e.key === 'accounts.error.hasWaiting' && target && target !== account.name) {
        modal.confirm({
          title: errorText(t, err),
          okText: t('accounts.ui.moveAndRemove', { target }),
          cancelText: t('accounts.ui.cancel'),
          onOk: () => remove.mutateAsync(target),
        });
        return;
      }
      void message.error(errorText(t, err));
    },
  });

  return (
    <Space size="small" wrap>
      <Button size="small" loading={test.isPending} onClick={() => test.mutate()} data-testid={`account-test-${account.name}`}>
        {t('accounts.ui.test')}
      </Button>
      {!account.testMode && (
        <Button size="small" onClick={onEdit} data-testid={`account-edit-${account.name}`}>
          {t('accounts.ui.edit')}
        </Button>
      )}
      {!account.default && (
        <Popconfirm title={t('accounts.ui.removeConfirm', { name: account.name })} okText={t('accounts.ui.remove')} cancelText={t('accounts.ui.cancel')} onConfirm={() => remove.mutate(undefined)}>
          <Button size="small" danger loading={remove.isPending} data-testid={`account-remove-${account.name}`}>
            {t('accounts.ui.remove')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
