// The Data room: backups (now, list, restore), check and compact, initialise.
import { Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../app/Shell';
import { errorText } from '../../components/error-text';
import { BackupCard } from './BackupCard';
import { BackupList } from './BackupList';
import { ClearCard } from './ClearCard';
import { MaintenanceCard } from './MaintenanceCard';
import { useDataStatus } from './queries';
import { useDataProgress } from './useDataProgress';

export function DataPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const status = useDataStatus();
  const progress = useDataProgress();
  if (status.isPending) return <Skeleton active />;
  if (status.isError) return <>{errorText(t, status.error)}</>;
  const busy = status.data.running !== null;
  return (
    <Row gutter={[24, 24]} className="data-page">
      <Col xs={24} xl={10}>
        <Row gutter={[24, 24]}>
          <Col span={24}>
            <BackupCard status={status.data} timeZone={info.timeZone} progress={progress} />
          </Col>
          <Col span={24}>
            <MaintenanceCard busy={busy} progress={progress} status={status.data} timeZone={info.timeZone} />
          </Col>
          <Col span={24}>
            <ClearCard scopes={status.data.clearScopes} busy={busy} />
          </Col>
        </Row>
      </Col>
      <Col xs={24} xl={14}>
        <BackupList timeZone={info.timeZone} busy={busy} progress={progress} />
      </Col>
    </Row>
  );
}
