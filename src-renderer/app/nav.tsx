// Navigation entries, in the order the counter uses them.
import type { ReactNode } from 'react';
import {
  BarChartOutlined, BellOutlined, CalendarOutlined, DatabaseOutlined, EditOutlined, FileTextOutlined, HistoryOutlined, SettingOutlined, TeamOutlined,
} from '@ant-design/icons';
import type { RouteId } from './routes';

export const navIcons: Record<RouteId, ReactNode> = {
  compose: <EditOutlined />,
  contacts: <TeamOutlined />,
  templates: <FileTextOutlined />,
  schedules: <CalendarOutlined />,
  rules: <BellOutlined />,
  log: <HistoryOutlined />,
  reports: <BarChartOutlined />,
  settings: <SettingOutlined />,
  data: <DatabaseOutlined />,
};
