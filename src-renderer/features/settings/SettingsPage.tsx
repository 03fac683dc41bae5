// One page, grouped as the registry groups the settings, plus the accounts.
import { Card, Col, Form, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { settingDefinitions, settingGroups, settingKeys, type SettingGroup } from '../../../src-shared/settings/registry';
import type { AppInfo } from '../../app/Shell';
import { useSettings } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { AccountsCard } from './AccountsCard';
import { SettingControl } from './SettingControl';
import { ApiKeysCard } from '../scheduler/ApiKeysCard';

const keysOf = (group: SettingGroup) => settingKeys.filter((k) => settingDefinitions[k].group === group);

export function SettingsPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const values = new Map((settings.data?.settings ?? []).map((s) => [s.key, s.value]));
  return (
    <Row gutter={[24, 24]} className="settings-page">
      <Col xs={24} xl={14}>
        {settingGroups.map((group) => (
          <Card
            key={group}
            className="settings-card"
            title={t(`settings.groups.${group}.title`)}
            extra={<span className="settings-group-help">{t(`settings.groups.${group}.help`)}</span>}
          >
            {settings.isPending ? (
              <Skeleton active />
            ) : settings.isError ? (
              errorText(t, settings.error)
            ) : (
              <Form layout="vertical" component="div" className="settings-form">
                {keysOf(group).map((key) => (
                  <SettingControl key={key} settingKey={key} value={values.get(key) ?? null} effectiveDefault={key === 'shop.timeZone' ? info.timeZone : undefined} />
                ))}
              </Form>
            )}
          </Card>
        ))}
      </Col>
      <Col xs={24} xl={10}>
        <AccountsCard />
        <ApiKeysCard timeZone={info.timeZone} />
      </Col>
    </Row>
  );
}
