// Insert a template in one keystroke: Ctrl+K opens this picker with the search box focused, the
// arrows move, Enter inserts the highlighted template at the caret, Esc goes back to the message.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Empty, Input, Modal, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../src-shared/api/compose-schemas';
import { KeyHint } from '../../components/KeyHint';
import { useTemplates } from '../templates/queries';
import '../templates/templates.css';

interface Props {
  open: boolean;
  onPick(template: TemplateView): void;
  onClose(): void;
}

export function TemplatePicker({ open, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  // Asked only while open: the composer must not load the phrase book before it is wanted.
  const query = useTemplates(search, undefined, open);
  const list = query.data?.templates ?? [];
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) {
      setSearch('');
      setActive(0);
    }
  }, [open]);
  useEffect(() => setActive(0), [search]);
  useEffect(() => {
    listRef.current?.querySelector('.template-picker-item-active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(list.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Ctrl+Enter must not reach the composer and open the check from inside the picker.
      e.stopPropagation();
      const chosen = list[active];
      if (chosen) onPick(chosen);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('composeUi.picker.title')}
      destroyOnHidden
      width={560}
      data-testid="template-picker"
    >
      <Input
        autoFocus
        prefix={<SearchOutlined />}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('composeUi.picker.search')}
        aria-label={t('composeUi.picker.search')}
        data-testid="template-picker-search"
      />
      <div className="key-hints picker-hints">
        <KeyHint keys={['↑↓']} label={t('composeUi.picker.move')} />
        <KeyHint keys={['Enter']} label={t('composeUi.picker.insert')} />
        <KeyHint keys={['Esc']} label={t('composeUi.picker.close')} />
      </div>
      {list.length === 0 && !query.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search ? t('composeUi.picker.noMatch') : t('composeUi.picker.empty')} />
      ) : (
        <div className="template-picker-list" role="listbox" ref={listRef} aria-label={t('composeUi.picker.title')}>
          {list.map((tpl, i) => (
            <div
              key={tpl.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'template-picker-item template-picker-item-active' : 'template-picker-item'}
              onMouseEnter={() => setActive(i)}
              onClick={() => onPick(tpl)}
              data-testid="template-picker-item"
            >
              <div>
                <Typography.Text strong>{tpl.name}</Typography.Text> {tpl.category && <Tag>{tpl.category}</Tag>}
                {tpl.purpose === 'marketing' && <Tag color="magenta">{t('templatesUi.purpose.marketing')}</Tag>}
              </div>
              <div className="template-picker-body">{tpl.body}</div>
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
