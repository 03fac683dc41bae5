// What stands between start-up and the shell: waiting for the core, a refused token, a broken start.
import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from './providers/api';
import { useAppInfo } from './queries';
import { errorText } from '../components/error-text';
import { Shell } from './Shell';
import { RecoveryScreen } from '../features/data/RecoveryScreen';
import { useDataStatus } from '../features/data/queries';

function Centered({ children }: { children: ReactNode }) {
  return <div className="full-page-center">{children}</div>;
}

export function Gate() {
  const { t } = useTranslation();
  const connection = useConnectionState();
  const info = useAppInfo();
  const data = useDataStatus({ poll: true });

  if (connection === 'unauthorized') {
    return (
      <Centered>
        <Result
          icon={<LockOutlined className="gate-icon" />}
          title={t('shell.auth.title')}
          subTitle={<span className="gate-text">{t('shell.auth.body')}</span>}
          extra={<code className="gate-example">http://127.0.0.1:…/?token=…</code>}
        />
      </Centered>
    );
  }
  // A damaged database (start-up check) brings up the recovery screen instead of the app.
  if (data.data?.state === 'damaged') return <RecoveryScreen status={data.data} />;
  if (info.isPending) {
    return (
      <Centered>
        <Spin size="large" description={t('shell.loading')} />
      </Centered>
    );
  }
  if (info.isError) {
    return (
      <Centered>
        <Result
          status="error"
          title={t('shell.startFailed')}
          subTitle={errorText(t, info.error)}
          extra={
            <Button type="primary" onClick={() => void info.refetch()}>
              {t('shell.retry')}
            </Button>
          }
        />
      </Centered>
    );
  }
  return <Shell info={info.data} />;
}
