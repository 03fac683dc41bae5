// Recipients from the customer list: pick people by any fragment of name, number or plate, whole
// categories, or a saved filter ("birthday this month", "inspection due next month").
import { useDeferredValue, useState } from 'react';
import { Badge, Button, Select, Space, Tag } from 'antd';
import { ControlOutlined, FilterOutlined, TagsOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SavedFilter } from '../../../src-shared/api/contacts-schemas';
import { useApi } from '../../app/providers/api';
import { useNumberFormat } from '../../components/format';
import { FilterChips } from '../contacts/FilterChips';
import { FilterDrawer } from '../contacts/FilterDrawer';
import { canonicalFilter, conditionCount } from '../contacts/filter-model';
import { useCategories, useFields } from '../contacts/queries';
import '../contacts/contacts.css';
import type { PickedContact, RecipientsState } from './draft';

interface Props {
  value: RecipientsState;
  onChange(next: RecipientsState): void;
  savedFilters: readonly SavedFilter[];
  onSavedFiltersWanted(): void;
}

function useContactSearch(search: string, enabled: boolean) {
  const api = useApi();
  const s = search.trim();
  return useQuery({
    enabled,
    queryKey: ['contacts.list', 'compose-picker', s],
    queryFn: () => api.call('contacts.list', { filter: s ? { search: s } : {}, limit: 20 }),
    placeholderData: (previous) => previous,
  });
}

export function ContactRecipients({ value, onChange, savedFilters, onSavedFiltersWanted }: Props) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  // The lists load when first wanted (a picker opened, or something already chosen), so opening the
  // composer asks the core for nothing it may not need.
  const [wanted, setWanted] = useState({ contacts: false, groups: false });
  const [conditionsOpen, setConditionsOpen] = useState(false);
  const hasConditions = Object.keys(value.conditions).length > 0;
  const fields = useFields(conditionsOpen || hasConditions);
  const fieldList = fields.data?.fields ?? [];
  const vehiclePreset = fields.data?.presets.vehicle ?? false;
  const found = useContactSearch(deferred, wanted.contacts || search !== '');
  const categories = useCategories(wanted.groups || value.categoryIds.length > 0 || conditionsOpen || hasConditions);
  const categoryList = categories.data?.categories ?? [];

  const options = (found.data?.contacts ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} ${c.phoneNational}`,
    contact: { id: c.id, name: c.name, phone: c.phoneNational } satisfies PickedContact,
  }));
  // Picked contacts stay labelled even when the current search no longer lists them.
  const known = new Map<number, PickedContact>(value.contacts.map((c) => [c.id, c]));
  for (const o of options) known.set(o.value, o.contact);

  return (
    <Space orientation="vertical" className="contact-recipients" size={8}>
      <Select
        mode="multiple"
        id="compose-contacts"
        className="full-width"
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        value={value.contacts.map((c) => c.id)}
        onChange={(ids: number[]) => {
          onChange({ ...value, contacts: ids.map((id) => known.get(id)).filter((c): c is PickedContact => !!c) });
          setSearch('');
        }}
        options={[...options, ...value.contacts.filter((c) => !options.some((o) => o.value === c.id)).map((c) => ({ value: c.id, label: `${c.name} ${c.phone}`, contact: c }))]}
        labelRender={(o) => known.get(Number(o.value))?.name ?? o.label}
        placeholder={t('composeUi.recipients.contactsPlaceholder')}
        prefix={<UserOutlined />}
        notFoundContent={found.isFetching ? null : t('composeUi.recipients.noContact')}
        loading={found.isFetching}
        onFocus={() => setWanted((w) => (w.contacts ? w : { ...w, contacts: true }))}
        aria-label={t('composeUi.recipients.contacts')}
        data-testid="compose-contacts"
      />
      <Space wrap size={8} className="contact-groups">
        <Select
          mode="multiple"
          id="compose-categories"
          className="compose-categories"
          value={value.categoryIds}
          onChange={(ids: number[]) => onChange({ ...value, categoryIds: ids })}
          options={categoryList.map((c) => ({
            value: c.id,
            label: (
              <span>
                <Tag color={c.colour} className="category-dot" />
                {c.name} <span className="option-count">{fmt(c.count)}</span>
              </span>
            ),
            name: c.name,
          }))}
          showSearch={{ optionFilterProp: 'name' }}
          placeholder={t('composeUi.recipients.categoriesPlaceholder')}
          prefix={<TagsOutlined />}
          onFocus={() => setWanted((w) => (w.groups ? w : { ...w, groups: true }))}
          aria-label={t('composeUi.recipients.categories')}
          allowClear
          data-testid="compose-categories"
        />
        <Select
          id="compose-saved-filter"
          className="compose-saved-filter"
          value={value.savedFilterId ?? undefined}
          onChange={(id: number | undefined) => onChange({ ...value, savedFilterId: id ?? null })}
          options={savedFilters.map((f) => ({ value: f.id, label: f.name }))}
          placeholder={t('composeUi.recipients.savedFilterPlaceholder')}
          prefix={<FilterOutlined />}
          onFocus={onSavedFiltersWanted}
          aria-label={t('composeUi.recipients.savedFilter')}
          allowClear
          data-testid="compose-saved-filter"
        />
        <Badge count={conditionCount(value.conditions)} size="small">
          <Button icon={<ControlOutlined />} onClick={() => setConditionsOpen(true)} data-testid="compose-conditions">
            {t('composeUi.recipients.conditions')}
          </Button>
        </Badge>
      </Space>
      {hasConditions && (
        <FilterChips
          filter={value.conditions}
          categories={new Map(categoryList.map((c) => [c.id, c]))}
          fields={fieldList}
          vehiclePreset={vehiclePreset}
          onChange={(next) => onChange({ ...value, conditions: canonicalFilter(next) })}
        />
      )}
      <FilterDrawer
        open={conditionsOpen}
        filter={value.conditions}
        categories={categoryList}
        fields={fieldList}
        vehiclePreset={vehiclePreset}
        onChange={(next) => onChange({ ...value, conditions: canonicalFilter(next) })}
        onClose={() => setConditionsOpen(false)}
      />
    </Space>
  );
}
