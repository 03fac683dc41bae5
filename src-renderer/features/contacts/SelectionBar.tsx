// What to do with the selected contacts: widen or narrow the selection (all matching the filter, none,
// invert), add or remove a category, delete (with Undo in the notification).
import { Button, Dropdown, Space, Typography } from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../src-shared/api/contacts-schemas';
import { useNumberFormat } from '../../components/format';

interface Props {
  selected: number;
  total: number;
  categories: readonly Category[];
  busy: boolean;
  onAll(): void;
  onNone(): void;
  onInvert(): void;
  onCategory(categoryId: number, action: 'add' | 'remove'): void;
  onDelete(): void;
}

export function SelectionBar(p: Props) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const categoryItems = p.categories.map((c) => ({ key: String(c.id), label: <span><span className="category-dot" style={{ background: c.colour }} />{c.name}</span> }));
  return (
    <div className="contacts-selection" data-testid="selection-bar">
      <Space wrap size={8}>
        <Typography.Text strong data-testid="selection-count">
          {t('contactsUi.select.count', { n: fmt(p.selected), total: fmt(p.total) })}
        </Typography.Text>
        <Button size="small" onClick={p.onAll} data-testid="select-all">
          {t('contactsUi.select.all', { n: fmt(p.total) })}
        </Button>
        <Button size="small" onClick={p.onNone} data-testid="select-none">
          {t('contactsUi.select.none')}
        </Button>
        <Button size="small" onClick={p.onInvert} data-testid="select-invert">
          {t('contactsUi.select.invert')}
        </Button>
      </Space>
      <Space wrap size={8}>
        <Dropdown
          disabled={p.selected === 0 || p.categories.length === 0 || p.busy}
          menu={{ items: categoryItems, onClick: ({ key }) => p.onCategory(Number(key), 'add') }}
        >
          <Button size="small" icon={<PlusCircleOutlined />} data-testid="bulk-add-category">
            {t('contactsUi.bulk.addCategory')}
          </Button>
        </Dropdown>
        <Dropdown
          disabled={p.selected === 0 || p.categories.length === 0 || p.busy}
          menu={{ items: categoryItems, onClick: ({ key }) => p.onCategory(Number(key), 'remove') }}
        >
          <Button size="small" icon={<MinusCircleOutlined />}>
            {t('contactsUi.bulk.removeCategory')}
          </Button>
        </Dropdown>
        <Button size="small" danger icon={<DeleteOutlined />} disabled={p.selected === 0 || p.busy} onClick={p.onDelete} data-testid="bulk-delete">
          {t('contactsUi.bulk.delete')}
        </Button>
      </Space>
    </div>
  );
}
