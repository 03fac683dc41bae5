// Per-message switches: notification or marketing (marketing needs an opt-out line and consent), and
// whether the shop's default prefix ("親愛的 {姓名} {稱謂}") and suffix (its signature) are added.
import { Segmented, Space, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { messagePurposes, type MessagePurpose } from '../../../src-shared/api/schemas';

interface Props {
  purpose: MessagePurpose;
  usePrefix: boolean;
  useSuffix: boolean;
  prefix: string;
  suffix: string;
  onChange(next: { purpose?: MessagePurpose; usePrefix?: boolean; useSuffix?: boolean }): void;
}

export function MessageOptions({ purpose, usePrefix, useSuffix, prefix, suffix, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[20, 8]} className="message-options">
      <Segmented<MessagePurpose>
        value={purpose}
        onChange={(v) => onChange({ purpose: v })}
        options={messagePurposes.map((p) => ({ value: p, label: t(`templatesUi.purpose.${p}`) }))}
        aria-label={t('composeUi.options.purpose')}
        data-testid="compose-purpose"
      />
      <Tooltip title={prefix ? t('composeUi.options.prefixIs', { text: prefix }) : t('composeUi.options.prefixUnset')}>
        <label className="option-switch">
          <Switch size="small" checked={usePrefix} onChange={(v) => onChange({ usePrefix: v })} data-testid="compose-use-prefix" />
          <span>{t('composeUi.options.prefix')}</span>
        </label>
      </Tooltip>
      <Tooltip title={suffix ? t('composeUi.options.suffixIs', { text: suffix }) : t('composeUi.options.suffixUnset')}>
        <label className="option-switch">
          <Switch size="small" checked={useSuffix} onChange={(v) => onChange({ useSuffix: v })} data-testid="compose-use-suffix" />
          <span>{t('composeUi.options.suffix')}</span>
        </label>
      </Tooltip>
    </Space>
  );
}
