// What the operator can do with one message: resend (a new, linked message, after a warning about a
// possible duplicate), cancel one that has not gone out, mark an `unknown` one failed, copy the text,
// open the recipient's contact.
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { CopyOutlined, RedoOutlined, StopOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { cancellable } from './columns';

const RESENDABLE = new Set(['unknown', 'failed', 'expired', 'missed']);

export function MessageActions({ message: m, onPopupChange }: { message: MessageView; onPopupChange(open: boolean): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
  const fail = (err: unknown) => void message.error(errorText(t, err));
  const resend = useMutation({
    mutationFn: () => api.call('messages.resend', { id: m.id, origin: 'composer' }),
    onSuccess: (copy) => {
      void message.success(t('sending.drawer.resent', { id: copy.id }));
      done();
    },
    onError: fail,
  });
  const markFailed = useMutation({
    mutationFn: () => api.call('messages.markFailed', { id: m.id }),
    onSuccess: () => {
      void message.success(t('sending.drawer.markedFailed'));
      done();
    },
    onError: fail,
  });
  const cancel = useMutation({
    mutationFn: () => api.call('messages.cancel', { id: m.id }),
    onSuccess: () => {
      void message.success(t('log.cancel.done'));
      done();
    },
    onError: fail,
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(m.text);
      void message.success(t('logRoom.actions.copied'));
    } catch {
      void message.error(t('logRoom.actions.copyFailed'));
    }
  };

  return (
    <div className="message-actions">
      {RESENDABLE.has(m.status) && (
        <div className="unknown-actions" data-testid="unknown-actions">
          {m.status === 'unknown' && <Alert type="warning" showIcon title={t('sending.drawer.unknownHelp')} />}
          <Space className="unknown-actions-buttons">
            <Popconfirm title={t('sending.drawer.resendConfirm')} onConfirm={() => {
              onPopupChange(false);
              resend.mutate();
            }} okText={t('sending.drawer.resend')} onOpenChange={onPopupChange}>
              <Button type="primary" icon={<RedoOutlined />} loading={resend.isPending} data-testid="resend">
                {t('sending.drawer.resend')}
              </Button>
            </Popconfirm>
            {m.status === 'unknown' && (
              <Button danger loading={markFailed.isPending} onClick={() => markFailed.mutate()} data-testid="mark-failed">
                {t('sending.drawer.markFailed')}
              </Button>
            )}
          </Space>
        </div>
      )}
      <Space wrap className="message-actions-buttons">
        {cancellable.includes(m.status) && (
          <Popconfirm
            title={t('log.cancel.title')}
            description={t('log.cancel.body')}
            okText={t('log.cancel.ok')}
            cancelText={t('log.cancel.keep')}
            okButtonProps={{ danger: true }}
            onConfirm={() => {
              onPopupChange(false);
              cancel.mutate();
            }}
            onOpenChange={onPopupChange}
          >
            <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="drawer-cancel">
              {t('log.cancel.action')}
            </Button>
          </Popconfirm>
        )}
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-text">
          {t('logRoom.actions.copy')}
        </Button>
        {m.contact && (
          <Button icon={<UserOutlined />} href={`#/contacts?open=${m.contact.id}`} data-testid="open-contact">
            {t('logRoom.actions.openContact')}
          </Button>
        )}
      </Space>
    </div>
  );
}
