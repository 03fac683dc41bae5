// A banner per paused account (refused credentials, out of credit…) with the reason and "resume":
// its messages wait, nothing is dropped.
import { Alert, App, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/providers/api';
import { queryKeys, useAccounts } from '../../app/queries';
import { errorText, translateKey } from '../../components/error-text';

export function PausedAccountsBanner() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const accounts = useAccounts();
  const resume = useMutation({
    mutationFn: (name: string) => api.call('accounts.resume', { name }),
    onSuccess: (next, name) => {
      queryClient.setQueryData(queryKeys.accounts, next);
      void message.success(t('sending.header.resumed', { account: name }));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  const paused = accounts.data?.accounts.filter((a) => a.paused) ?? [];
  return (
    <>
      {paused.map((a) => (
        <Alert
          key={a.id}
          banner
          type="warning"
          showIcon
          className="banner"
          data-testid="paused-account-banner"
          title={t('sending.header.pausedBanner', { account: a.name, reason: a.pausedReason ? translateKey(t, a.pausedReason) : '' })}
          action={
            <Button size="small" loading={resume.isPending && resume.variables === a.name} onClick={() => resume.mutate(a.name)}>
              {t('sending.header.resume')}
            </Button>
          }
        />
      ))}
    </>
  );
}
