// The contacts as a table, virtualised: only the rows in view exist in the DOM, so 100k contacts
// scroll like 20. Keyboard: ↑/↓ move, Space selects, Enter opens, Home/End jump.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Checkbox, Spin } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import type { ColumnView } from './columns';
import { isSelected, type Selection } from './selection';

const ROW_HEIGHT = 44;
const CHECK_WIDTH = 44;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 40;

interface Props {
  rows: readonly ContactView[];
  columns: readonly ColumnView[];
  selection: Selection;
  /** All matching (loaded or not) are selected, some are, or none. */
  headerCheck: 'all' | 'some' | 'none';
  active: number;
  hasMore: boolean;
  loadingMore: boolean;
  empty: ReactNode;
  onActive(index: number): void;
  onToggle(index: number, range: boolean): void;
  onToggleAll(): void;
  onOpen(contact: ContactView): void;
  onLoadMore(): void;
  onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void;
}

export function ContactsTable(p: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const width = CHECK_WIDTH + p.columns.reduce((s, c) => s + c.width, 0);

  const { hasMore, loadingMore, onLoadMore, rows } = p;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, rows.length, hasMore, loadingMore, onLoadMore]);

  // Keep the active row in view as the keyboard moves it.
  useEffect(() => {
    if (p.active >= 0 && p.active < p.rows.length) virtualizer.scrollToIndex(p.active, { align: 'auto' });
  }, [p.active, p.rows.length, virtualizer]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const n = p.rows.length;
    if (n === 0) return p.onKeyDown?.(e);
    const move = (i: number) => {
      e.preventDefault();
      p.onActive(Math.max(0, Math.min(n - 1, i)));
    };
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        if (e.shiftKey && p.active >= 0) p.onToggle(Math.min(n - 1, p.active + 1), false);
        return move(p.active + 1);
      case 'ArrowUp':
        if (e.shiftKey && p.active > 0) p.onToggle(p.active - 1, false);
        return move(p.active - 1);
      case 'PageDown':
        return move(p.active + page);
      case 'PageUp':
        return move(p.active - page);
      case 'Home':
        return move(0);
      case 'End':
        return move(n - 1);
      case ' ':
        e.preventDefault();
        if (p.active >= 0) p.onToggle(p.active, false);
        return;
      case 'Enter': {
        const row = p.rows[p.active];
        if (row) {
          e.preventDefault();
          p.onOpen(row);
        }
        return;
      }
      default:
        p.onKeyDown?.(e);
    }
  }

  return (
    <div
      ref={scrollRef}
      className="contacts-grid"
      role="grid"
      aria-rowcount={p.rows.length + 1}
      aria-multiselectable
      aria-label={t('contactsUi.table.label')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (p.active < 0 && p.rows.length) p.onActive(0);
      }}
      data-testid="contacts-table"
    >
      <div className="contacts-grid-head" role="row" style={{ width }}>
        <div className="contacts-cell contacts-check" role="columnheader" style={{ width: CHECK_WIDTH }}>
          <Checkbox
            checked={p.headerCheck === 'all'}
            indeterminate={p.headerCheck === 'some'}
            onChange={p.onToggleAll}
            aria-label={t('contactsUi.select.allToggle')}
            tabIndex={-1}
          />
        </div>
        {p.columns.map((c) => (
          <div key={c.id} className="contacts-cell" role="columnheader" style={{ width: c.width }}>
            {c.title}
          </div>
        ))}
      </div>
      {p.rows.length === 0 ? (
        <div className="contacts-grid-empty">{p.empty}</div>
      ) : (
        <div className="contacts-grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
          {items.map((item) => {
            const row = p.rows[item.index]!;
            const selected = isSelected(p.selection, row.id);
            return (
              <div
                key={row.id}
                role="row"
                aria-selected={selected}
                aria-rowindex={item.index + 2}
                className={`contacts-row${selected ? ' selected' : ''}${item.index === p.active ? ' active' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}
                onClick={(e) => {
                  p.onActive(item.index);
                  if (e.ctrlKey || e.metaKey || e.shiftKey) p.onToggle(item.index, e.shiftKey);
                  else p.onOpen(row);
                }}
                data-testid="contact-row"
              >
                <div className="contacts-cell contacts-check" role="gridcell" style={{ width: CHECK_WIDTH }} onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    checked={selected}
                    onChange={(e) => p.onToggle(item.index, (e.nativeEvent as MouseEvent).shiftKey)}
                    aria-label={t('contactsUi.select.row', { name: row.name })}
                    tabIndex={-1}
                  />
                </div>
                {p.columns.map((c) => (
                  <div key={c.id} className="contacts-cell" role="gridcell" style={{ width: c.width }}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
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
