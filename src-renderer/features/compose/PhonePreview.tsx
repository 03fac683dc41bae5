// How the message arrives: one bubble per part, since some phones show long messages in pieces.
import { useTranslation } from 'react-i18next';
import { splitSegments } from '../../../src-shared/sms/segments';

export function PhonePreview({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = text ? splitSegments(text) : [];
  return (
    <div className="phone-preview" aria-label={t('compose.preview.label')}>
      <div className="phone-notch" />
      <div className="phone-screen">
        {parts.length === 0 ? (
          <div className="phone-empty">{t('compose.preview.empty')}</div>
        ) : (
          parts.map((part, i) => (
            <div className="bubble" key={i}>
              {parts.length > 1 && <span className="bubble-part">{t('compose.preview.part', { i: i + 1, n: parts.length })}</span>}
              {part}
            </div>
          ))
        )}
      </div>
    </div>
  );
}
