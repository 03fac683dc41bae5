// What the operator can do with one message: resend (a new, linked message, after the pre-send check
// and, for an unknown one, a warning about a possible duplicate), cancel one that has not gone out, mark an `unknown` one failed, copy the text,
// open the recipient's contact.
import { useState } from 'react';
import { Alert, App, Button, Space } from 'antd';
import { CopyOutlined, RedoOutlined, StopOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CheckCode } from '../../../src-shared/api/compose-schemas';
import type { MessageView } from '../../../src-shared/api/schemas';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { CancelConfirm } from './CancelConfirm';
import { cancellable } from './columns';
import { ResendDialog } from './ResendDialog';

const RESENDABLE = new Set(['unknown', 'failed', 'expired', 'missed']);

interface Props {
  message: MessageView;
  timeZone: string;
  region: string;
  onPopupChange(open: boolean): void;
}

export function MessageActions({ message: m, timeZone, region, onPopupChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
  const fail = (err: unknown) => void message.error(errorText(t, err));
  const [checking, setChecking] = useState(false);
  const openCheck = (open: boolean) => {
    setChecking(open);
    onPopupChange(open);
  };
  const resend = useMutation({
    mutationFn: (acknowledged: CheckCode[]) => api.call('messages.resend', { id: m.id, origin: 'composer', acknowledged }),
    onSuccess: (copy) => {
      void message.success(t('sending.drawer.resent', { id: copy.id }));
      openCheck(false);
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
            <Button type="primary" icon={<RedoOutlined />} loading={resend.isPending} onClick={() => openCheck(true)} data-testid="resend">
              {t('sending.drawer.resend')}
            </Button>
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
          <CancelConfirm
            onConfirm={() => {
              onPopupChange(false);
              cancel.mutate();
            }}
            onOpenChange={onPopupChange}
          >
            <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="drawer-cancel">
              {t('log.cancel.action')}
            </Button>
          </CancelConfirm>
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
      {checking && (
        <ResendDialog
          messages={[m]}
          timeZone={timeZone}
          region={region}
          onConfirm={async (items) => {
            if (items[0]) await resend.mutateAsync(items[0].acknowledged).catch(() => undefined);
          }}
          onClose={() => openCheck(false)}
        />
      )}
    </div>
  );
}
