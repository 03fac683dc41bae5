// The Contacts group of the Settings page: the shop's categories, custom fields, presets and saved
// filters, the same editor the Contacts page opens in its Manage drawer.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContactsVocabulary } from '../contacts/ContactsVocabulary';

export function ContactsCard() {
  const { t } = useTranslation();
  return (
    <Card
      title={t('settings.contactsCard.title')}
      className="settings-card"
      extra={<span className="settings-group-help">{t('settings.contactsCard.help')}</span>}
      data-testid="settings-contacts"
    >
      <ContactsVocabulary />
    </Card>
  );
}
