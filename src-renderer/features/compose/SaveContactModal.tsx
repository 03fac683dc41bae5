// A typed number kept as a customer in one step: the number is filled in, the name is all there is to
// type; Enter saves. The number then joins the send as that contact.
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { contactKeys } from '../contacts/queries';

interface Props {
  phone: string;
  onSaved(contact: ContactView): void;
  onClose(): void;
}

export function SaveContactModal({ phone, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [honorific, setHonorific] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.call('contacts.create', { name: name.trim(), phone, ...(honorific.trim() ? { honorific: honorific.trim() } : {}) }),
  });

  async function save() {
    if (!name.trim()) {
      setError(t('composeUi.saveContact.nameRequired'));
      return;
    }
    try {
      const contact = await create.mutateAsync();
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
      void message.success(t('composeUi.saveContact.saved', { name: contact.name }));
      onSaved(contact);
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  return (
    <Modal
      open
      title={t('composeUi.saveContact.title', { phone })}
      okText={t('composeUi.saveContact.ok')}
      cancelText={t('compose.confirm.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'save-contact-ok' } as Record<string, string>}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('composeUi.saveContact.name')} htmlFor="save-contact-name" validateStatus={error ? 'error' : undefined} help={error}>
          <Input
            id="save-contact-name"
            autoFocus
            value={name}
            maxLength={100}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onPressEnter={() => void save()}
            data-testid="save-contact-name"
          />
        </Form.Item>
        <Form.Item label={t('composeUi.saveContact.honorific')} htmlFor="save-contact-honorific">
          <Input id="save-contact-honorific" value={honorific} maxLength={20} onChange={(e) => setHonorific(e.target.value)} onPressEnter={() => void save()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
