// The contacts as cards (名片), virtualised by rows of cards: as many cards per row as fit.
import { useEffect, useRef, type ReactNode } from 'react';
import { Checkbox, Spin, Typography } from 'antd';
import { CarOutlined, GiftOutlined, StopOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Category, ContactView } from '../../../src-shared/api/contacts-schemas';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import { useElementSize } from '../../components/useElementSize';
import { CategoryTags } from './columns';
import { formatCalendar } from './dates';
import { isSelected, type Selection } from './selection';

const CARD_MIN_WIDTH = 280;
const ROW_HEIGHT = 176;
const GAP = 12;

interface Props {
  rows: readonly ContactView[];
  selection: Selection;
  categories: ReadonlyMap<number, Category>;
  region: string;
  locale: string;
  active: number;
  hasMore: boolean;
  loadingMore: boolean;
  empty: ReactNode;
  onActive(index: number): void;
  onToggle(index: number, range: boolean): void;
  onOpen(contact: ContactView): void;
  onLoadMore(): void;
}

export function ContactCards(p: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [sizeRef, size] = useElementSize<HTMLDivElement>();
  const perRow = Math.max(1, Math.floor((size.width - GAP) / (CARD_MIN_WIDTH + GAP)));
  const rowCount = Math.ceil(p.rows.length / perRow);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT + GAP,
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();
  const lastRow = items.at(-1)?.index ?? 0;
  const { hasMore, loadingMore, onLoadMore } = p;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rowCount - 6) onLoadMore();
  }, [lastRow, rowCount, hasMore, loadingMore, onLoadMore]);
  useEffect(() => {
    if (p.active >= 0) virtualizer.scrollToIndex(Math.floor(p.active / perRow), { align: 'auto' });
  }, [p.active, perRow, virtualizer]);

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const n = p.rows.length;
    if (!n) return;
    const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow };
    const d = step[e.key];
    if (d !== undefined) {
      e.preventDefault();
      p.onActive(Math.max(0, Math.min(n - 1, p.active + d)));
    } else if (e.key === ' ' && p.active >= 0) {
      e.preventDefault();
      p.onToggle(p.active, false);
    } else if (e.key === 'Enter' && p.rows[p.active]) {
      e.preventDefault();
      p.onOpen(p.rows[p.active]!);
    }
  }

  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        sizeRef(el);
      }}
      className="contacts-cards"
      tabIndex={0}
      role="listbox"
      aria-multiselectable
      aria-label={t('contactsUi.cards.label')}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (p.active < 0 && p.rows.length) p.onActive(0);
      }}
      data-testid="contacts-cards"
    >
      {p.rows.length === 0 ? (
        <div className="contacts-grid-empty">{p.empty}</div>
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <div key={item.key} className="contacts-card-row" style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: `repeat(${perRow}, 1fr)` }}>
              {p.rows.slice(item.index * perRow, item.index * perRow + perRow).map((c, j) => {
                const index = item.index * perRow + j;
                const selected = isSelected(p.selection, c.id);
                return (
                  <div
                    key={c.id}
                    role="option"
                    aria-selected={selected}
                    className={`contact-card${selected ? ' selected' : ''}${index === p.active ? ' active' : ''}`}
                    style={{ height: ROW_HEIGHT }}
                    onClick={(e) => {
                      p.onActive(index);
                      if (e.ctrlKey || e.metaKey || e.shiftKey) p.onToggle(index, e.shiftKey);
                      else p.onOpen(c);
                    }}
                    data-testid="contact-card"
                  >
                    <div className="contact-card-head">
                      <span onClick={(e) => e.stopPropagation()}>
                        <Checkbox checked={selected} onChange={() => p.onToggle(index, false)} tabIndex={-1} aria-label={t('contactsUi.select.row', { name: c.name })} />
                      </span>
                      <span className="contact-card-name">
                        {c.name}
                        {c.honorific && <span className="contact-honorific">{c.honorific}</span>}
                      </span>
                      {c.optOut.flag && <StopOutlined className="contact-card-optout" title={t('contactsUi.optOut.short')} />}
                    </div>
                    <div className="contact-card-phone">{formatPhoneForShop(c.phone, p.region)}</div>
                    <CategoryTags ids={c.categoryIds} categories={p.categories} max={4} />
                    <div className="contact-card-meta">
                      {c.birthday && (
                        <span>
                          <GiftOutlined /> {formatCalendar(c.birthday.startsWith('--') ? c.birthday.slice(2) : c.birthday, p.locale)}
                        </span>
                      )}
                      {c.vehicles.length > 0 && (
                        <span>
                          <CarOutlined /> {c.vehicles.map((v) => v.plate).join('、')}
                        </span>
                      )}
                    </div>
                    {c.notes && (
                      <Typography.Text type="secondary" className="contact-card-notes" ellipsis>
                        {c.notes}
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
      {p.loadingMore && (
        <div className="contacts-grid-more">
          <Spin size="small" />
        </div>
      )}
    </div>
  );
}
