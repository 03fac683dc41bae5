// The frame every room sits in: navigation on the left, status on top, the room below.
import { useState } from 'react';
import { Alert, Layout, Menu } from 'antd';
import { MessageFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src-shared/api/contract';
import { routeIds, useRoute, type RouteId } from './routes';
import { navIcons } from './nav';
import { useConnectionState } from './providers/api';
import { HeaderBar } from './HeaderBar';
import { PausedAccountsBanner } from '../features/sending/PausedAccountsBanner';
import { MissedBanner } from '../features/scheduler/MissedBanner';
import { ComposePage } from '../features/compose/ComposePage';
import { LogPage } from '../features/log/LogPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DataPage } from '../features/data/DataPage';
import { RulesPage } from '../features/rules/RulesPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { ComingSoon } from '../features/placeholder/ComingSoon';

export type AppInfo = MethodOutput<'app.info'>;

function Room({ route, info }: { route: RouteId; info: AppInfo }) {
  switch (route) {
    case 'compose':
      return <ComposePage info={info} />;
    case 'contacts':
      return <ContactsPage info={info} />;
    case 'log':
      return <LogPage info={info} />;
    case 'reports':
      return <ReportsPage info={info} />;
    case 'settings':
      return <SettingsPage info={info} />;
    case 'data':
      return <DataPage info={info} />;
    case 'rules':
      return <RulesPage info={info} />;
    case 'templates':
      return <TemplatesPage info={info} />;
    default:
      return <ComingSoon room={route} />;
  }
}

export function Shell({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const [route, navigate] = useRoute();
  const [collapsed, setCollapsed] = useState(false);
  const connection = useConnectionState();

  return (
    <Layout className="shell">
      <Layout.Sider width={224} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" className="shell-sider">
        <div className="brand">
          <span className="brand-mark">
            <MessageFilled />
          </span>
          {!collapsed && (
            <span className="brand-text">
              <span className="brand-name">smsdesk</span>
              <span className="brand-tagline">{t('shell.tagline')}</span>
            </span>
          )}
        </div>
        <nav aria-label={t('shell.navLabel')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[route]}
            onClick={({ key }) => navigate(key as RouteId)}
            items={routeIds.map((id) => ({ key: id, icon: navIcons[id], label: t(`shell.nav.${id}`) }))}
          />
        </nav>
        {!collapsed && <div className="sider-footer">{t('shell.version', { version: info.version })}</div>}
      </Layout.Sider>
      <Layout>
        <HeaderBar route={route} info={info} />
        {info.testMode && <Alert banner type="warning" showIcon title={t('common.testModeBanner')} className="banner" data-testid="test-mode-banner" />}
        <PausedAccountsBanner />
        <MissedBanner timeZone={info.timeZone} region={info.region} />
        {connection === 'offline' && <Alert banner type="error" showIcon title={t('shell.connection.lost')} className="banner" />}
        <Layout.Content className="shell-content">
          <div className="room">
            <Room route={route} info={info} />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
