// The message box with its live counter. Stray characters that switch a Latin text to UCS-2 (and so
// cut each part from 160 to 70 characters) are named, because that is a classic doubled bill.
import { forwardRef } from 'react';
import { Alert, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SegmentCounter } from './SegmentCounter';
import type { CounterView } from './counter';
import type { TextAreaRef } from './RecipientsField';

interface Props {
  value: string;
  onChange(value: string): void;
  view: CounterView;
  invalid: boolean;
}

export const MessageField = forwardRef<TextAreaRef, Props>(function MessageField({ value, onChange, view, invalid }, ref) {
  const { t } = useTranslation();
  return (
    <div className="message-field">
      <Input.TextArea
        ref={ref}
        id="compose-text"
        value={value}
        status={invalid ? 'error' : undefined}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('compose.text.placeholder')}
        autoSize={{ minRows: 5, maxRows: 14 }}
        data-testid="compose-text"
      />
      <SegmentCounter view={view} />
      {view.strayNonGsm.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="stray-chars"
          data-testid="stray-chars"
          title={
            <span>
              {t('compose.text.strayTitle')}
              {view.strayNonGsm.map((c) => (
                <Tag key={c} className="stray-char">
                  {c}
                </Tag>
              ))}
            </span>
          }
        />
      )}
    </div>
  );
});
