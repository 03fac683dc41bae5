// The active filter conditions as chips under the toolbar; closing a chip drops its condition.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, ContactFilter, FieldDefinition } from '../../../src-shared/api/contacts-schemas';
import { useLocaleTag } from '../../components/format';
import { formatCalendar, monthName } from './dates';
import { describeCondition, monthOfBirthdayRange } from './filter-model';
import { useDateFieldChoices } from './FilterDrawer';

interface Props {
  filter: ContactFilter;
  categories: ReadonlyMap<number, Category>;
  fields: readonly FieldDefinition[];
  vehiclePreset: boolean;
  onChange(next: ContactFilter): void;
}

export function FilterChips({ filter, categories, fields, vehiclePreset, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocaleTag();
  const choices = useDateFieldChoices(fields, vehiclePreset);
  const chips: { key: string; text: string; color?: string; drop(): ContactFilter }[] = [];
  const names = (ids: readonly number[]) => ids.map((id) => categories.get(id)?.name ?? `#${id}`).join('、');

  if (filter.categoryIds?.length) chips.push({ key: 'cat', text: t('contactsUi.chips.in', { names: names(filter.categoryIds) }), color: 'blue', drop: () => ({ ...filter, categoryIds: undefined }) });
  if (filter.excludeCategoryIds?.length) chips.push({ key: 'xcat', text: t('contactsUi.chips.notIn', { names: names(filter.excludeCategoryIds) }), drop: () => ({ ...filter, excludeCategoryIds: undefined }) });
  if (filter.birthday) {
    const month = monthOfBirthdayRange(filter.birthday);
    chips.push({
      key: 'bday',
      color: 'magenta',
      text: month ? t('contactsUi.chips.birthdayMonth', { month: monthName(month, locale) }) : t('contactsUi.chips.birthdayRange', { from: formatCalendar(filter.birthday.from, locale), to: formatCalendar(filter.birthday.to, locale) }),
      drop: () => ({ ...filter, birthday: undefined }),
    });
  }
  (filter.dates ?? []).forEach((c, i) => {
    const d = describeCondition(c);
    const field = choices.find((x) => x.ref === c.field)?.label ?? c.field;
    const params = { field, ...('month' in d ? { month: formatCalendar(d.month, locale) } : {}), ...('days' in d ? { days: d.days } : {}),
      ...('from' in d ? { from: formatCalendar(d.from, locale) } : {}), ...('to' in d ? { to: formatCalendar(d.to, locale) } : {}),
      ...('fromDays' in d ? { fromDays: d.fromDays, toDays: d.toDays } : {}) };
    chips.push({ key: `date${i}`, color: 'gold', text: t(`contactsUi.chips.date.${d.key}`, params), drop: () => ({ ...filter, dates: filter.dates?.filter((_, j) => j !== i) }) });
  });
  if (filter.optOut && filter.optOut !== 'any') chips.push({ key: 'opt', color: 'red', text: t(`contactsUi.filter.optOut.${filter.optOut}`), drop: () => ({ ...filter, optOut: undefined }) });

  if (!chips.length) return null;
  return (
    <div className="contacts-chips" data-testid="filter-chips">
      {chips.map((c) => (
        <Tag key={c.key} color={c.color} closable onClose={() => onChange(c.drop())} closeIcon>
          {c.text}
        </Tag>
      ))}
    </div>
  );
}
