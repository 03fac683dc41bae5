// Initialise: clear one kind of data (the core lists which this version holds) behind a typed
// confirmation word; the core makes a backup first.
import { useState } from 'react';
import { App, Button, Card, Input, Modal, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClearScope } from '../../../src-shared/api/data-schemas';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';

export function ClearCard({ scopes, busy }: { scopes: ClearScope[]; busy: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const [scope, setScope] = useState<ClearScope | null>(null);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('data.clear.confirmWord');
  const clear = useMutation({
    mutationFn: (s: ClearScope) => api.call('data.clear', { scope: s, confirmation: typed }),
    onSuccess: (r) => {
      setOpen(false);
      setTyped('');
      void message.success(t('data.page.clearDone', { file: r.backup }), 8);
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  return (
    <Card title={t('data.page.clearTitle')} className="settings-card">
      <Space orientation="vertical" size="middle" className="data-card-body">
        <Typography.Text type="secondary">{t('data.page.clearHelp')}</Typography.Text>
        <Space wrap>
          <Select<ClearScope>
            className="data-clear-scope"
            value={scope}
            onChange={setScope}
            placeholder={t('data.page.clearTitle')}
            options={scopes.map((s) => ({ value: s, label: t(`data.page.clearScopes.${s}`) }))}
          />
          <Button danger disabled={!scope || busy} onClick={() => setOpen(true)}>
            {t('data.page.clearButton')}
          </Button>
        </Space>
      </Space>
      <Modal
        open={open}
        title={scope ? t('data.page.clearConfirmTitle', { scope: t(`data.page.clearScopes.${scope}`) }) : ''}
        okText={t('data.page.clearButton')}
        okButtonProps={{ danger: true, disabled: typed.trim() !== word }}
        confirmLoading={clear.isPending}
        onOk={() => scope && clear.mutate(scope)}
        onCancel={() => {
          setOpen(false);
          setTyped('');
        }}
      >
        <p>{t('data.page.clearConfirmBody', { word })}</p>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
      </Modal>
    </Card>
  );
}
