// The integration API's keys on the Settings page: create one (shown once, with a copy button), see
// which exist and when they were last used, revoke one. The address shows while the API is on.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/providers/api';
import { useSettings } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat } from '../../components/format';
import { schedulerKeys, useIntegrationKeys } from './queries';

export function ApiKeysCard({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const keys = useIntegrationKeys();
  const settings = useSettings();
  const format = useDateTimeFormat(timeZone);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: schedulerKeys.keys });

  const create = useMutation({
    mutationFn: (keyName: string) => api.call('integration.keys.create', { name: keyName }),
    onSuccess: (r) => {
      setCreated({ name: r.key.name, secret: r.secret });
      setName('');
    },
    onError: (err) => void message.error(errorText(t, err)),
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.call('integration.keys.revoke', { id }),
    onError: (err) => void message.error(errorText(t, err)),
    onSettled: refresh,
  });

  const value = (key: string) => settings.data?.settings.find((s) => s.key === key)?.value;
  const enabled = value('integration.enabled') === true;
  const port = value('integration.port');

  return (
    <Card title={t('integration.keys.title')} className="settings-card" data-testid="api-keys-card">
      <Typography.Paragraph type="secondary">{t('integration.keys.help')}</Typography.Paragraph>
      <Typography.Paragraph>
        {enabled ? t('integration.keys.address', { url: `http://127.0.0.1:${String(port ?? '')}` }) : t('integration.keys.off')}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('integration.keys.name')}
          placeholder={t('integration.keys.namePlaceholder')}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && create.mutate(name.trim())}
        />
        <Button type="primary" disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate(name.trim())} data-testid="api-key-create">
          {t('integration.keys.create')}
        </Button>
      </Space.Compact>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginTop: 12 }}
          title={t('integration.keys.created', { name: created.name })}
          description={
            <Typography.Text code copyable={{ text: created.secret, tooltips: [t('integration.keys.copy'), t('integration.keys.copied')] }} data-testid="api-key-secret">
              {created.secret}
            </Typography.Text>
          }
        />
      )}
      <List
        loading={keys.isPending}
        dataSource={keys.data?.keys ?? []}
        locale={{ emptyText: t('integration.keys.empty') }}
        renderItem={(k) => (
          <List.Item
            data-testid="api-key-row"
            actions={k.revokedAt ? [] : [
              <Popconfirm key="revoke" title={t('integration.keys.revokeConfirm', { name: k.name })} onConfirm={() => revoke.mutate(k.id)}>
                <Button size="small" danger>{t('integration.keys.revoke')}</Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={<Space>{k.name}<Tag color={k.revokedAt ? 'default' : 'green'}>{t(k.revokedAt ? 'integration.keys.revoked' : 'integration.keys.active')}</Tag></Space>}
              description={
                <Space size={16} wrap>
                  <span>{t('integration.keys.prefix')} <Typography.Text code>{k.prefix}…</Typography.Text></span>
                  <span>{t('integration.keys.createdAt')} {format(k.createdAt, 'minute')}</span>
                  <span>{t('integration.keys.lastUsedAt')} {k.lastUsedAt ? format(k.lastUsedAt, 'minute') : t('integration.keys.never')}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
