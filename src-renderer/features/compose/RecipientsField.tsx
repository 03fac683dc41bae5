// The recipients box: paste or type numbers in any of the ways people do; each parsed number shows
// as a chip, and every number that cannot be sent says why before anything is sent.
import { forwardRef } from 'react';
import { Input, Tag, Tooltip, Typography, type GetRef } from 'antd';
import { CloseCircleOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ParsedRecipients } from '../../../src-shared/phone/recipients';
import { useNumberFormat } from '../../components/format';

export type TextAreaRef = GetRef<typeof Input.TextArea>;

// Thousands of pasted numbers would make thousands of chips; the count says the rest.
const MAX_CHIPS = 40;

interface Props {
  value: string;
  onChange(value: string): void;
  parsed: ParsedRecipients;
  invalid: boolean;
  /** Keep a typed number as a contact (one step); absent: no such action. */
  onSaveContact?(raw: string): void;
  /** Tab from the numbers goes straight on to the message (the contact pickers have their own key). */
  onTabNext?(): void;
}

export const RecipientsField = forwardRef<TextAreaRef, Props>(function RecipientsField({ value, onChange, parsed, invalid, onSaveContact, onTabNext }, ref) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const { valid, rejected } = parsed;
  const hidden = Math.max(0, valid.length - MAX_CHIPS);
  return (
    <div className="recipients-field">
      <Input.TextArea
        ref={ref}
        id="compose-recipients"
        autoFocus
        value={value}
        status={invalid ? 'error' : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (onTabNext && e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey) {
            e.preventDefault();
            onTabNext();
          }
        }}
        placeholder={t('compose.recipients.placeholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        spellCheck={false}
        aria-describedby="compose-recipients-summary"
        data-testid="compose-recipients"
      />
      <div className="recipients-summary" id="compose-recipients-summary">
        <Typography.Text strong data-testid="recipient-count">
          {t('compose.recipients.count', { n: fmt(valid.length) })}
        </Typography.Text>
        {rejected.length > 0 && (
          <Typography.Text type="danger" data-testid="recipient-rejected-count">
            {t('compose.recipients.rejectedCount', { n: fmt(rejected.length) })}
          </Typography.Text>
        )}
        {valid.length === 0 && rejected.length === 0 && <Typography.Text type="secondary">{t('compose.recipients.hint')}</Typography.Text>}
      </div>
      {(valid.length > 0 || rejected.length > 0) && (
        <div className="recipient-chips">
          {valid.slice(0, MAX_CHIPS).map((r) => (
            <Tooltip key={r.e164} title={onSaveContact ? t('composeUi.recipients.saveAsContact', { number: r.e164 }) : r.e164}>
              <Tag className="recipient-chip" data-testid="recipient-chip">
                {r.national}
                {onSaveContact && (
                  <UserAddOutlined
                    className="chip-save"
                    role="button"
                    tabIndex={-1}
                    aria-label={t('composeUi.recipients.saveAsContact', { number: r.national })}
                    data-testid="recipient-save-contact"
                    onClick={() => onSaveContact(r.raw)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onSaveContact(r.raw);
                      }
                    }}
                  />
                )}
              </Tag>
            </Tooltip>
          ))}
          {hidden > 0 && <Tag className="recipient-chip">{t('compose.recipients.more', { n: fmt(hidden) })}</Tag>}
          {rejected.map((r, i) => (
            <Tag key={`${r.raw}-${i}`} color="error" icon={<CloseCircleOutlined />} className="recipient-chip" data-testid="recipient-rejected">
              {r.raw}
              <span className="chip-reason">{t(`common.rejection.${r.code}`)}</span>
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
});
