// Rooms that come in a later version: say plainly what they will do, so the app feels planned
// rather than unfinished, and point back to what works today.
import { Button, Card, Tag } from 'antd';
import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RouteId } from '../../app/routes';
import { navIcons } from '../../app/nav';

type Room = Exclude<RouteId, 'compose' | 'log' | 'reports' | 'settings' | 'data' | 'rules'>;

// How many feature lines each room's catalog entry lists (features.0 … features.n-1).
const featureCount: Record<Room, number> = { contacts: 4, templates: 4, schedules: 4 };

export function ComingSoon({ room }: { room: Room }) {
  const { t } = useTranslation();
  const features = Array.from({ length: featureCount[room] }, (_, i) => t(`shell.comingSoon.${room}.features.${i}`));
  return (
    <Card className="coming-soon" data-testid={`coming-soon-${room}`}>
      <div className="coming-soon-icon">{navIcons[room]}</div>
      <Tag color="blue" className="coming-soon-tag">
        {t('shell.comingSoon.badge')}
      </Tag>
      <h2>{t(`shell.comingSoon.${room}.title`)}</h2>
      <p className="coming-soon-lead">{t(`shell.comingSoon.${room}.lead`)}</p>
      <ul className="coming-soon-list">
        {features.map((f) => (
          <li key={f}>
            <CheckCircleOutlined />
            <span>{f}</span>
          </li>
        ))}
      </ul>
      <p className="coming-soon-meanwhile">{t('shell.comingSoon.meanwhile')}</p>
      <Button type="primary" icon={<EditOutlined />} href="#/compose">
        {t('shell.comingSoon.toCompose')}
      </Button>
    </Card>
  );
}
