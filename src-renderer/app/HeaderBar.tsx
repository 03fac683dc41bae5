// Top bar: where we are, which account sends, and whether sending is running (with the one switch
// an operator needs when something goes wrong: pause).
import { App, Badge, Button, Divider, Space, Tag, Tooltip, Typography } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DispatcherStatus } from '../../src-shared/api/schemas';
import type { RouteId } from './routes';
import type { AppInfo } from './Shell';
import { navIcons } from './nav';
import { useApi } from './providers/api';
import { queryKeys, useDispatcherStatus } from './queries';
import { errorText } from '../components/error-text';
import { BalanceIndicator } from '../features/sending/BalanceIndicator';
import { SchedulerSummary } from '../features/scheduler/SchedulerSummary';

type SendingState = 'paused' | 'active' | 'elsewhere' | 'idle';

function sendingState(s: DispatcherStatus): SendingState {
  if (s.paused) return 'paused';
  if (s.active) return 'active';
  return s.holder ? 'elsewhere' : 'idle';
}

const badgeStatus = { paused: 'warning', active: 'processing', elsewhere: 'success', idle: 'default' } as const;

function SendingControl() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const status = useDispatcherStatus();
  const toggle = useMutation({
    mutationFn: (paused: boolean) => api.call('dispatcher.setPaused', { paused }),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.dispatcher, next);
      void message.success(t(next.paused ? 'shell.sending.pausedToast' : 'shell.sending.resumedToast'));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  if (!status.data) return null;
  const state = sendingState(status.data);
  const { queued, sending } = status.data.counts;
  const waiting = queued + sending;
  const holder = status.data.holder;
  // Paused and sending are already the scheduler's state beside this (the tray's four states): said
  // once. Who sends (another program, or nobody) is this control's own news.
  const ownNews = state === 'elsewhere' || state === 'idle';
  return (
    <Space size={12} data-testid="sending-state" data-state={state}>
      {ownNews && (
        <Tooltip title={state === 'elsewhere' && holder ? t('shell.sending.holder', { host: holder.host, pid: holder.pid }) : t(`shell.sending.help.${state}`)}>
          <Badge status={badgeStatus[state]} text={<span className="header-strong">{t(`shell.sending.state.${state}`)}</span>} />
        </Tooltip>
      )}
      {waiting > 0 && <Typography.Text type="secondary">{t('shell.sending.waiting', { n: waiting })}</Typography.Text>}
      <Button
        size="middle"
        icon={status.data.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
        loading={toggle.isPending}
        onClick={() => toggle.mutate(!status.data.paused)}
      >
        {t(status.data.paused ? 'shell.sending.resume' : 'shell.sending.pause')}
      </Button>
    </Space>
  );
}

export function HeaderBar({ route, info }: { route: RouteId; info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <header className="header-bar">
      <div className="header-title">
        <span className="header-title-icon">{navIcons[route]}</span>
        <h1>{t(`shell.nav.${route}`)}</h1>
      </div>
      <div className="header-status">
        <Space size={8}>
          <Typography.Text type="secondary">{t('shell.account.label')}</Typography.Text>
          <span className="header-strong" data-testid="default-account">{info.defaultAccount ?? t('shell.account.none')}</span>
          {info.testMode && <Tag color="gold">{t('common.testMode')}</Tag>}
          <BalanceIndicator />
        </Space>
        <Divider orientation="vertical" />
        <SchedulerSummary timeZone={info.timeZone} />
        <Divider orientation="vertical" />
        <SendingControl />
      </div>
    </header>
  );
}
