// A message status as a coloured tag: green arrived, blue on its way, red failed, grey stopped.
import { Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '../../src-shared/api/schemas';

const colors: Record<MessageStatus, string> = {
  draft: 'default',
  scheduled: 'purple',
  queued: 'blue',
  sending: 'processing',
  sent: 'cyan',
  delivered: 'success',
  failed: 'error',
  expired: 'orange',
  unknown: 'warning',
  cancelled: 'default',
  blocked: 'magenta',
  missed: 'volcano',
};

export function StatusTag({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} icon={status === 'sending' ? <SyncOutlined spin /> : undefined} className="status-tag" data-status={status}>
      {t(`common.status.${status}`)}
    </Tag>
  );
}
