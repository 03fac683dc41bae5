// The Contacts page's drawer for the shop's categories, custom fields and saved filters.
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContactsVocabulary } from './ContactsVocabulary';

export function ManageDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} size={620} title={t('contactsUi.manage.title')}>
      <ContactsVocabulary />
    </Drawer>
  );
}
