// The Contacts group of the Settings page: the shop's categories, custom fields, presets and saved
// filters, the same editor the Contacts page opens in its Manage drawer.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContactsVocabulary } from '../contacts/ContactsVocabulary';

export function ContactsCard() {
  const { t } = useTranslation();
  return (
    <Card
      title={t('settings.contactsCard.title')}
      className="settings-card"
      data-testid="settings-contacts"
    >
      {/* Too long for the title bar beside the title: it would squeeze the title away. */}
      <Typography.Paragraph type="secondary">{t('settings.contactsCard.help')}</Typography.Paragraph>
      <ContactsVocabulary />
    </Card>
  );
}
