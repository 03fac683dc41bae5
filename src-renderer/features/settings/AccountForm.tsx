// Add or edit a provider account. Field labels follow the provider (Twilio: Account SID / Auth Token);
// a stored password is never sent back, so the field starts empty and "leave empty to keep" it. The
// rules are the shared ones (src-shared/accounts/fields.ts); the core checks again and, unless told not
// to, asks the provider — a refusal shows here with the provider's code.
import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountFieldProblems, needsCredentials, passwordLabelKey, usernameLabelKey } from '../../../src-shared/accounts/fields';
import { providerNames, type AccountView, type ProviderName } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { verificationText } from './verification-text';

interface Values {
  provider: ProviderName;
  name: string;
  username?: string;
  password?: string;
  sender?: string;
  baseUrl?: string;
  priceDomestic?: number | null;
  priceInternational?: number | null;
  default?: boolean;
  noVerify?: boolean;
}

interface Props {
  /** The account to edit; null adds a new one. */
  account: AccountView | null;
  open: boolean;
  onClose: () => void;
}

const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function AccountForm({ account, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const provider = (Form.useWatch('provider', form) ?? account?.provider ?? 'twsms') as ProviderName;

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const common = {
        ...(blankToUndefined(v.password) ? { password: v.password } : {}),
        ...(v.priceDomestic !== undefined && v.priceDomestic !== null ? { priceDomestic: v.priceDomestic } : {}),
        ...(v.priceInternational !== undefined && v.priceInternational !== null ? { priceInternational: v.priceInternational } : {}),
        ...(v.noVerify ? { noVerify: true } : {}),
      };
      if (!account) {
        return api.call('accounts.add', {
          provider: v.provider,
          name: v.name.trim(),
          ...(blankToUndefined(v.username) ? { username: v.username!.trim() } : {}),
          ...(blankToUndefined(v.sender) ? { sender: v.sender!.trim() } : {}),
          ...(blankToUndefined(v.baseUrl) ? { baseUrl: v.baseUrl!.trim() } : {}),
          ...(v.default ? { default: true } : {}),
          ...common,
        });
      }
      return api.call('accounts.update', {
        name: account.name,
        ...(v.name.trim() !== account.name ? { newName: v.name.trim() } : {}),
        username: blankToUndefined(v.username) ?? null,
        sender: blankToUndefined(v.sender) ?? null,
        baseUrl: blankToUndefined(v.baseUrl) ?? null,
        ...common,
      });
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      void queryClient.invalidateQueries({ queryKey: ['accounts.balance'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
      void message.success(t(account ? 'accounts.ui.saved' : 'accounts.ui.added', { account: result.account.name }));
      const v = result.verification;
      if (v.status === 'failed') void message.warning(verificationText(t, result.account.name, v));
      close();
    },
    onError: (err) => setError(errorText(t, err)),
  });

  function close() {
    setError(null);
    form.resetFields();
    onClose();
  }

  function submit(v: Values) {
    // The shared rules first, for an instant answer by the field; the core checks the same again.
    const { problems } = accountFieldProblems(v.provider ?? provider, {
      username: v.username,
      sender: v.sender,
      baseUrl: v.baseUrl,
      priceDomestic: v.priceDomestic ?? undefined,
      priceInternational: v.priceInternational ?? undefined,
      hasSecret: Boolean(blankToUndefined(v.password)) || (account !== null && account.secretState === 'stored'),
    });
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.field, errors: [t(p.key)] })));
      return;
    }
    setError(null);
    save.mutate(v);
  }

  const initial: Partial<Values> = account
    ? {
        provider: account.provider,
        name: account.name,
        username: account.username ?? '',
        sender: account.sender ?? '',
        baseUrl: account.baseUrl ?? '',
        priceDomestic: account.priceDomestic ?? null,
        priceInternational: account.priceInternational ?? null,
      }
    : { provider: 'twsms' };
  const credentials = needsCredentials(provider);

  return (
    <Modal
      open={open}
      title={account ? t('accounts.ui.editTitle', { name: account.name }) : t('accounts.ui.addTitle')}
      okText={t('accounts.ui.save')}
      cancelText={t('accounts.ui.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="account-form" preserve={false}>
        <Form.Item name="provider" label={t('accounts.field.provider')}>
          <Select disabled={account !== null} options={providerNames.map((p) => ({ value: p, label: t(`common.provider.${p}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('accounts.field.name')} rules={[{ required: true, whitespace: true, message: t('accounts.field.name') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {credentials && (
          <>
            <Form.Item name="username" label={t(usernameLabelKey(provider))}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
            {account?.secretState === 'needed' && <Alert type="warning" showIcon className="account-password-needed" message={t('accounts.help.passwordNeeded')} />}
            <Form.Item
              name="password"
              label={t(passwordLabelKey(provider))}
              extra={account && account.secretState === 'stored' ? t('accounts.help.passwordKeep') : undefined}
            >
              <Input.Password maxLength={500} autoComplete="new-password" placeholder={account?.secretState === 'stored' ? t('accounts.ui.passwordStored') : undefined} />
            </Form.Item>
          </>
        )}
        {provider === 'twilio' && (
          <Form.Item name="sender" label={t('accounts.field.sender')} extra={t('accounts.help.twilioSender')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        )}
        {credentials && (
          <Form.Item name="baseUrl" label={t('accounts.field.baseUrl')} extra={t('accounts.help.baseUrl')}>
            <Input maxLength={300} autoComplete="off" placeholder="https://" />
          </Form.Item>
        )}
        <Form.Item name="priceDomestic" label={t('accounts.field.priceDomestic')}>
          <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="priceInternational" label={t('accounts.field.priceInternational')}>
          <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
        {!account && (
          <Form.Item name="default" valuePropName="checked">
            <Checkbox>{t('accounts.field.default')}</Checkbox>
          </Form.Item>
        )}
        {credentials && (
          <Form.Item name="noVerify" valuePropName="checked">
            <Checkbox>{t('accounts.field.noVerify')}</Checkbox>
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="account-form-error" />}
      </Form>
    </Modal>
  );
}
