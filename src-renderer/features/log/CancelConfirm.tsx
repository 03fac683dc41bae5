// "Cancel this message?" before a scheduled or queued message is cancelled: the same question from the
// log's row and from its detail drawer.
import type { ReactNode } from 'react';
import { Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

export function CancelConfirm({ onConfirm, onOpenChange, children }: { onConfirm(): void; onOpenChange?(open: boolean): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('log.cancel.title')}
      description={t('log.cancel.body')}
      okText={t('log.cancel.ok')}
      cancelText={t('log.cancel.keep')}
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
      {...(onOpenChange ? { onOpenChange } : {})}
    >
      {children}
    </Popconfirm>
  );
}
