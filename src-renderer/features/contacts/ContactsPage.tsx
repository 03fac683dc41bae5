// The customers: search as you type, filters that can be saved, a virtualised table or cards, bulk
// actions on everything matching (not only the rows in view), a form, import and export.
// Keys: / search · ↓ from the search into the list · Alt+N new · Alt+F filters · Alt+I import ·
// in the list: Space select, Enter open, Ctrl+A all, Esc none, Delete delete.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { App, Badge, Button, Card, Dropdown, Empty, Input, Modal, Popover, Segmented, Select, Space, Tooltip, type InputRef } from 'antd';
import {
  AppstoreOutlined, ColumnWidthOutlined, DownloadOutlined, FilterOutlined, MoreOutlined, PlusOutlined, SaveOutlined, SettingOutlined, TableOutlined, UploadOutlined,
} from '@ant-design/icons';
import { Checkbox } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContactFilter, ContactView } from '../../../src-shared/api/contacts-schemas';
import type { AppInfo } from '../../app/Shell';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat, useLocaleTag, useNumberFormat } from '../../components/format';
import { KeyHint } from '../../components/KeyHint';
import { availableColumns, loadColumns, requiredColumns, saveColumns, toggleColumn, type ColumnId } from './column-prefs';
import { columnTitle, columnViews } from './columns';
import { ContactCards } from './ContactCards';
import { ContactForm } from './ContactForm';
import { ContactsTable } from './ContactsTable';
import { FilterChips } from './FilterChips';
import { FilterDrawer } from './FilterDrawer';
import { canonicalFilter, conditionCount, isEmptyFilter } from './filter-model';
import { downloadBase64 } from './files';
import { ImportWizard } from './ImportWizard';
import { ManageDrawer } from './ManageDrawer';
import { contactKeys, useCategories, useContactList, useFields, useSavedFilters, type ContactSort } from './queries';
import { SelectionBar } from './SelectionBar';
import { emptySelection, invert, selectAll, selectedCount, setSelected, toTarget, toggle, type Selection } from './selection';
import './contacts.css';

type View = 'table' | 'cards';
const VIEW_KEY = 'smsdesk.contacts.view';
const SORTS: Record<string, ContactSort> = {
  name: { by: 'name', dir: 'asc' },
  updated: { by: 'updatedAt', dir: 'desc' },
  created: { by: 'createdAt', dir: 'desc' },
  birthday: { by: 'birthday', dir: 'asc' },
};

function storedView(): View {
  try {
    return window.localStorage.getItem(VIEW_KEY) === 'cards' ? 'cards' : 'table';
  } catch {
    return 'table';
  }
}

export function ContactsPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { message, modal, notification } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const locale = useLocaleTag();
  const fmt = useNumberFormat();
  const formatTime = useDateTimeFormat(info.timeZone);

  const [searchText, setSearchText] = useState('');
  const [filter, setFilter] = useState<ContactFilter>({});
  const [sortKey, setSortKey] = useState('name');
  const [view, setView] = useState<View>(storedView);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [active, setActive] = useState(-1);
  const anchor = useRef(-1);
  const [editing, setEditing] = useState<{ contact: ContactView | null } | null>(null);
  // Opened from another room (the Log's "open contact"): #/contacts?open=ID opens that contact's form.
  useEffect(() => {
    const wanted = /[?&]open=(\d+)/.exec(window.location.hash);
    if (!wanted) return;
    window.history.replaceState(null, '', '#/contacts');
    api.call('contacts.get', { id: Number(wanted[1]) }).then((contact) => setEditing({ contact }), () => undefined);
  }, [api]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [manageOpen, setManageOpen] = useState(false);
  const [savedId, setSavedId] = useState<number | null>(null);
  const searchRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const categories = useCategories();
  const fieldsQuery = useFields();
  const savedFilters = useSavedFilters();
  const categoryList = useMemo(() => categories.data?.categories ?? [], [categories.data]);
  const categoryMap = useMemo(() => new Map(categoryList.map((c) => [c.id, c])), [categoryList]);
  const fields = useMemo(() => fieldsQuery.data?.fields ?? [], [fieldsQuery.data]);
  const fieldMap = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);
  const vehiclePreset = fieldsQuery.data?.presets.vehicle ?? false;

  // Search as you type: the core answers short queries from an index, so a short pause is enough.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.search === searchText ? f : { ...f, search: searchText })), 150);
    return () => clearTimeout(timer);
  }, [searchText]);

  const query = useMemo(() => canonicalFilter(filter), [filter]);
  const queryKey = JSON.stringify(query);
  const list = useContactList(query, SORTS[sortKey]!);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.contacts) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  // A new filter is a new set: what was selected in the old one is not carried over.
  useEffect(() => {
    setSelection(emptySelection);
    setActive(-1);
    anchor.current = -1;
  }, [queryKey]);

  const available = useMemo(() => availableColumns(fields, vehiclePreset), [fields, vehiclePreset]);
  const [columnIds, setColumnIds] = useState<ColumnId[]>(() => loadColumns(window.localStorage, available));
  // Fields arrive after the first render: re-read the stored choice once they are known.
  useEffect(() => setColumnIds(loadColumns(window.localStorage, available)), [available]);
  const chooseColumn = (id: ColumnId) => {
    const next = toggleColumn(columnIds, id);
    setColumnIds(next);
    saveColumns(window.localStorage, next);
  };
  const columns = useMemo(
    () => columnViews(columnIds, { t, locale, region: info.region, categories: categoryMap, fields: fieldMap, formatTime: (iso) => formatTime(iso, 'minute') }),
    [columnIds, t, locale, info.region, categoryMap, fieldMap, formatTime],
  );

  const count = selectedCount(selection, total);
  const headerCheck = selection.mode === 'all' && selection.except.size === 0 && total > 0 ? 'all' : count > 0 ? 'some' : 'none';

  const onToggle = useCallback(
    (index: number, range: boolean) => {
      const row = rows[index];
      if (!row) return;
      if (range && anchor.current >= 0) {
        const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
        setSelection((s) => setSelected(s, rows.slice(a, b + 1).map((r) => r.id), true));
      } else {
        setSelection((s) => toggle(s, row.id));
        anchor.current = index;
      }
    },
    [rows],
  );

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const bulkCategory = useMutation({
    mutationFn: (p: { categoryId: number; action: 'add' | 'remove' }) => {
      const target = toTarget(selection, query, total);
      if (!target) throw new Error('nothing selected');
      return api.call('contacts.bulkCategory', { target, ...p });
    },
    onSuccess: (r, p) => {
      const name = categoryMap.get(p.categoryId)?.name ?? '';
      void message.success(t(p.action === 'add' ? 'contactsUi.bulk.added' : 'contactsUi.bulk.removed', { n: fmt(r.count), name }));
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
      void queryClient.invalidateQueries({ queryKey: contactKeys.categories });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const undo = useMutation({
    mutationFn: (undoToken: string) => api.call('contacts.undoDelete', { undoToken }),
    onSuccess: (r) => {
      void message.success(r.conflicts ? t('contactsUi.bulk.restoredConflicts', { n: fmt(r.count), conflicts: fmt(r.conflicts) }) : t('contactsUi.bulk.restored', { n: fmt(r.count) }));
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const remove = useMutation({
    mutationFn: () => {
      const target = toTarget(selection, query, total);
      if (!target) throw new Error('nothing selected');
      return api.call('contacts.delete', { target });
    },
    onSuccess: (r) => {
      setSelection(emptySelection);
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
      void queryClient.invalidateQueries({ queryKey: contactKeys.categories });
      const key = `contacts-deleted-${r.undoToken}`;
      notification.success({
        key,
        title: t('contactsUi.bulk.deleted', { n: fmt(r.count) }),
        duration: 12,
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(key);
              undo.mutate(r.undoToken);
            }}
            data-testid="undo-delete"
          >
            {t('contactsUi.bulk.undo')}
          </Button>
        ),
      });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  function confirmDelete() {
    if (count === 0) return;
    modal.confirm({
      title: t('contactsUi.bulk.deleteTitle', { n: fmt(count) }),
      content: t('contactsUi.bulk.deleteBody'),
      okText: t('contactsUi.bulk.delete'),
      okButtonProps: { danger: true },
      cancelText: t('contactsUi.form.cancel'),
      onOk: () => remove.mutateAsync().then(() => undefined, () => undefined),
    });
  }

  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => api.call('contacts.export', { format, filter: query }),
    onSuccess: (r) => {
      downloadBase64(r.fileName, r.fileBase64);
      void message.success(t('contactsUi.export.done', { n: fmt(r.count) }));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const [saveOpen, setSaveOpen] = useState(false);
  const [saveName, setSaveName] = useState('');
  const saveFilter = useMutation({
    mutationFn: (replace: boolean) => api.call('contacts.savedFilters.save', { ...(replace && savedId ? { id: savedId } : {}), name: saveName.trim(), filter: query }),
    onSuccess: (saved) => {
      setSaveOpen(false);
      setSavedId(saved.id);
      void message.success(t('contactsUi.saved.done', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: contactKeys.savedFilters });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  const savedList = savedFilters.data?.filters ?? [];
  const currentSaved = savedList.find((f) => f.id === savedId);

  function applySaved(id: number | null) {
    setSavedId(id);
    const saved = savedList.find((f) => f.id === id);
    const next = saved ? saved.filter : {};
    setFilter(next);
    setSearchText(next.search ?? '');
  }

  // Page-wide keys; inputs keep their own keys, except Escape in the search box.
  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if (editing || importOpen || manageOpen || saveOpen) return;
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const k = e.key.toLowerCase();
        if (k === 'n' || e.code === 'KeyN') {
          e.preventDefault();
          setEditing({ contact: null });
        } else if (k === 'f' || e.code === 'KeyF') {
          e.preventDefault();
          setFiltersOpen((o) => !o);
        } else if (k === 'i' || e.code === 'KeyI') {
          e.preventDefault();
          setImportOpen(true);
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing, importOpen, manageOpen, saveOpen]);

  function onListKey(e: KeyboardEvent<HTMLDivElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setSelection(selectAll());
    } else if (e.key === 'Escape') {
      setSelection(emptySelection);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      confirmDelete();
    }
  }

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      setFilter((f) => ({ ...f, search: searchText }));
      setActive((a) => (a < 0 ? 0 : a));
      listRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    } else if (e.key === 'Escape' && searchText) {
      setSearchText('');
    }
  }

  const filtered = !isEmptyFilter(query);
  const empty = list.isPending ? (
    ' '
  ) : list.isError ? (
    <Empty description={errorText(t, list.error)} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('contactsUi.emptyFiltered') : t('contactsUi.empty')}>
      {!filtered && (
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ contact: null })}>
            {t('contactsUi.new')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
            {t('contactsUi.import.open')}
          </Button>
        </Space>
      )}
    </Empty>
  );

  const columnPicker = (
    <div className="column-picker" data-testid="column-picker">
      {available.map((id) => (
        <Checkbox key={id} checked={columnIds.includes(id)} disabled={requiredColumns.includes(id)} onChange={() => chooseColumn(id)}>
          {columnTitle(id, { t, fields: fieldMap })}
        </Checkbox>
      ))}
    </div>
  );

  const editingContact = editing?.contact ? (rows.find((r) => r.id === editing.contact!.id) ?? editing.contact) : null;
  const conditions = conditionCount(query);

  return (
    <div className="contacts-page">
      <Card className="contacts-card" styles={{ body: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, padding: 0 } }}>
        <div className="contacts-toolbar">
          <Input.Search
            ref={searchRef}
            allowClear
            autoFocus
            className="contacts-search"
            placeholder={t('contactsUi.search.placeholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onKeyDown={onSearchKey}
            onSearch={(v) => setFilter((f) => ({ ...f, search: v }))}
            aria-label={t('contactsUi.search.label')}
            data-testid="contacts-search"
          />
          <Badge count={conditions} size="small" color="#1f5fd1">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} data-testid="contacts-filters">
              {t('contactsUi.filter.open')}
            </Button>
          </Badge>
          <Select
            allowClear
            className="contacts-saved"
            placeholder={t('contactsUi.saved.placeholder')}
            value={savedId ?? undefined}
            onChange={(id?: number) => applySaved(id ?? null)}
            options={savedList.map((f) => ({ value: f.id, label: f.name }))}
            notFoundContent={t('contactsUi.saved.none')}
            popupMatchSelectWidth={false}
            aria-label={t('contactsUi.saved.placeholder')}
            data-testid="contacts-saved-filters"
          />
          <Tooltip title={t('contactsUi.saved.save')}>
            <Button
              icon={<SaveOutlined />}
              disabled={!filtered}
              onClick={() => {
                setSaveName(currentSaved?.name ?? '');
                setSaveOpen(true);
              }}
              aria-label={t('contactsUi.saved.save')}
              data-testid="contacts-save-filter"
            />
          </Tooltip>
          <div className="contacts-toolbar-spacer" />
          <Select
            value={sortKey}
            onChange={setSortKey}
            className="contacts-sort"
            options={Object.keys(SORTS).map((k) => ({ value: k, label: t(`contactsUi.sort.${k}`) }))}
            aria-label={t('contactsUi.sort.label')}
          />
          <Segmented<View>
            value={view}
            onChange={(v) => {
              setView(v);
              try {
                window.localStorage.setItem(VIEW_KEY, v);
              } catch {
                // Not remembered; still switched.
              }
            }}
            options={[
              { value: 'table', icon: <TableOutlined />, title: t('contactsUi.view.table') },
              { value: 'cards', icon: <AppstoreOutlined />, title: t('contactsUi.view.cards') },
            ]}
            aria-label={t('contactsUi.view.label')}
          />
          {view === 'table' && (
            <Popover trigger="click" placement="bottomRight" title={t('contactsUi.columnsPicker')} content={columnPicker}>
              <Button aria-label={t('contactsUi.columnsPicker')} icon={<ColumnWidthOutlined />} data-testid="contacts-columns" />
            </Popover>
          )}
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="contacts-import">
            {t('contactsUi.import.open')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'csv', icon: <DownloadOutlined />, label: t('contactsUi.export.csv') },
                { key: 'xlsx', icon: <DownloadOutlined />, label: t('contactsUi.export.xlsx') },
                { type: 'divider' },
                { key: 'manage', icon: <SettingOutlined />, label: t('contactsUi.manage.title') },
              ],
              onClick: ({ key }) => (key === 'manage' ? setManageOpen(true) : exportFile.mutate(key as 'csv' | 'xlsx')),
            }}
          >
            <Button icon={<MoreOutlined />} loading={exportFile.isPending} aria-label={t('contactsUi.more')} data-testid="contacts-more" />
          </Dropdown>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ contact: null })} data-testid="contacts-new">
            {t('contactsUi.new')}
          </Button>
        </div>
        <FilterChips filter={query} categories={categoryMap} fields={fields} vehiclePreset={vehiclePreset} onChange={(f) => setFilter({ ...f, search: filter.search })} />
        <SelectionBar
          selected={count}
          total={total}
          categories={categoryList}
          busy={bulkCategory.isPending || remove.isPending}
          onAll={() => setSelection(selectAll())}
          onNone={() => setSelection(emptySelection)}
          onInvert={() => setSelection((s) => invert(s))}
          onCategory={(categoryId, action) => bulkCategory.mutate({ categoryId, action })}
          onDelete={confirmDelete}
        />
        <div className="contacts-body" ref={listRef}>
          {view === 'table' ? (
            <ContactsTable
              rows={rows}
              columns={columns}
              selection={selection}
              headerCheck={headerCheck}
              active={active}
              hasMore={!!hasNextPage}
              loadingMore={isFetchingNextPage}
              empty={empty}
              onActive={setActive}
              onToggle={onToggle}
              onToggleAll={() => setSelection(headerCheck === 'none' ? selectAll() : emptySelection)}
              onOpen={(contact) => setEditing({ contact })}
              onLoadMore={loadMore}
              onKeyDown={onListKey}
            />
          ) : (
            <div onKeyDown={onListKey} className="contacts-cards-wrap">
              <ContactCards
                rows={rows}
                selection={selection}
                categories={categoryMap}
                region={info.region}
                locale={locale}
                active={active}
                hasMore={!!hasNextPage}
                loadingMore={isFetchingNextPage}
                empty={empty}
                onActive={setActive}
                onToggle={onToggle}
                onOpen={(contact) => setEditing({ contact })}
                onLoadMore={loadMore}
              />
            </div>
          )}
        </div>
        <div className="contacts-footer">
          <span className="key-hints">
            <KeyHint keys={['/']} label={t('contactsUi.keys.search')} />
            <KeyHint keys={['Alt', 'N']} label={t('contactsUi.keys.new')} />
            <KeyHint keys={['Space']} label={t('contactsUi.keys.select')} />
            <KeyHint keys={['Enter']} label={t('contactsUi.keys.open')} />
            <KeyHint keys={['Ctrl', 'A']} label={t('contactsUi.keys.all')} />
          </span>
        </div>
      </Card>

      <FilterDrawer
        open={filtersOpen}
        filter={filter}
        categories={categoryList}
        fields={fields}
        vehiclePreset={vehiclePreset}
        onChange={setFilter}
        onClose={() => setFiltersOpen(false)}
      />
      <ContactForm
        open={editing !== null}
        contact={editingContact}
        region={info.region}
        categories={categoryList}
        fields={fields.filter((f) => f.preset !== 'vehicle')}
        vehiclePreset={vehiclePreset}
        onClose={() => setEditing(null)}
      />
      <ImportWizard open={importOpen} region={info.region} fields={fields} vehiclePreset={vehiclePreset} onClose={() => setImportOpen(false)} />
      <ManageDrawer open={manageOpen} onClose={() => setManageOpen(false)} />
      <Modal
        open={saveOpen}
        title={t('contactsUi.saved.save')}
        onCancel={() => setSaveOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setSaveOpen(false)}>{t('contactsUi.form.cancel')}</Button>
            {currentSaved && (
              <Button disabled={!saveName.trim()} loading={saveFilter.isPending} onClick={() => saveFilter.mutate(true)}>
                {t('contactsUi.saved.replace', { name: currentSaved.name })}
              </Button>
            )}
            <Button type="primary" disabled={!saveName.trim()} loading={saveFilter.isPending} onClick={() => saveFilter.mutate(false)} data-testid="save-filter-ok">
              {t('contactsUi.saved.saveNew')}
            </Button>
          </Space>
        }
      >
        <Input
          autoFocus
          value={saveName}
          maxLength={60}
          placeholder={t('contactsUi.saved.name')}
          onChange={(e) => setSaveName(e.target.value)}
          onPressEnter={() => saveName.trim() && saveFilter.mutate(false)}
          aria-label={t('contactsUi.saved.name')}
          data-testid="save-filter-name"
        />
      </Modal>
    </div>
  );
}
