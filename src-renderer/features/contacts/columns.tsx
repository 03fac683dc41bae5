// What each column of the contacts table shows. Widths are fixed: the table is virtualised (rows are
// positioned by index, so every row has the same height and every column a known width).
import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Category, ContactView, FieldDefinition, VehicleFieldKey } from '../../../src-shared/api/contacts-schemas';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import type { ColumnId } from './column-prefs';
import { formatCalendar } from './dates';

export interface ColumnDeps {
  t: TFunction;
  locale: string;
  region: string;
  categories: ReadonlyMap<number, Category>;
  fields: ReadonlyMap<string, FieldDefinition>;
  formatTime(iso: string): string;
}

export interface ColumnView {
  id: ColumnId;
  title: string;
  width: number;
  render(c: ContactView): ReactNode;
}

export function CategoryTags({ ids, categories, max = 3 }: { ids: readonly number[]; categories: ReadonlyMap<number, Category>; max?: number }) {
  const shown = ids.slice(0, max);
  return (
    <span className="contact-tags">
      {shown.map((id) => {
        const cat = categories.get(id);
        return cat ? (
          <Tag key={id} color={cat.colour} className="contact-tag">
            {cat.name}
          </Tag>
        ) : null;
      })}
      {ids.length > max && <Tag className="contact-tag">+{ids.length - max}</Tag>}
    </span>
  );
}

export function columnTitle(id: ColumnId, deps: Pick<ColumnDeps, 't' | 'fields'>): string {
  if (id.startsWith('field.')) return deps.fields.get(id.slice(6))?.label ?? id.slice(6);
  if (id.startsWith('vehicle.')) return deps.t(`contacts.preset.fields.${id.slice(8)}`);
  return deps.t(`contactsUi.columns.${id}`);
}

const WIDTHS: Partial<Record<string, number>> = {
  name: 190, phone: 150, categories: 220, birthday: 130, notes: 260, optOut: 90, region: 70, updatedAt: 170, createdAt: 170,
  'vehicle.plate': 130,
};

function vehicleValues(c: ContactView, key: VehicleFieldKey, locale: string): string {
  return c.vehicles.map((v) => (key === 'plate' ? v.plate : formatCalendar(v[key], locale))).filter(Boolean).join('、');
}

function render(id: ColumnId, c: ContactView, d: ColumnDeps): ReactNode {
  if (id.startsWith('field.')) {
    const key = id.slice(6);
    const type = d.fields.get(key)?.type;
    const value = c.fields[key] ?? '';
    return type === 'date' || type === 'yearMonth' ? formatCalendar(value, d.locale) : value;
  }
  if (id.startsWith('vehicle.')) return vehicleValues(c, id.slice(8) as VehicleFieldKey, d.locale);
  switch (id) {
    case 'name':
      return (
        <span className="contact-name">
          {c.name}
          {c.honorific && <span className="contact-honorific">{c.honorific}</span>}
        </span>
      );
    case 'phone':
      return <span className="contact-phone">{formatPhoneForShop(c.phone, d.region)}</span>;
    case 'categories':
      return <CategoryTags ids={c.categoryIds} categories={d.categories} />;
    case 'birthday':
      return formatCalendar(c.birthday, d.locale);
    case 'notes':
      return <Typography.Text type="secondary">{c.notes.replace(/\s+/g, ' ')}</Typography.Text>;
    case 'optOut':
      return c.optOut.flag ? (
        <Tag color="red" icon={<StopOutlined />}>
          {d.t('contactsUi.optOut.short')}
        </Tag>
      ) : null;
    case 'region':
      return c.region;
    case 'updatedAt':
      return d.formatTime(c.updatedAt);
    case 'createdAt':
      return d.formatTime(c.createdAt);
    default:
      return null;
  }
}

export function columnViews(ids: readonly ColumnId[], deps: ColumnDeps): ColumnView[] {
  return ids.map((id) => ({
    id,
    title: columnTitle(id, deps),
    width: WIDTHS[id] ?? (id.startsWith('vehicle.') || id.startsWith('field.') ? 140 : 150),
    render: (c) => render(id, c, deps),
  }));
}
