// A rule's cadence and target in words, for the Rules room and the CLI (one wording for both).
import type { RuleCadence, RuleCondition, RuleView } from '../api/rules-schemas';

type T = (key: string, params?: Record<string, unknown>) => string;

/** Weekday names in the locale, Sunday first (1 January 2023 was a Sunday). */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2023, 0, 1 + i)));
}

/**
 * `zone`: the rule's zone when it differs from the shop's (zoneToShow), written after the time
 * ("09:00 Asia/Tokyo"); null or absent when the rule follows the shop's zone.
 */
export function describeCadence(cadence: RuleCadence, time: string | null, t: T, locale: string, zone?: string | null): string {
  const at = zone && time ? `${time} ${zone}` : time;
  switch (cadence.kind) {
    case 'daily':
      return t('rules.cadence.daily', { time: at });
    case 'weekly': {
      const names = weekdayNames(locale);
      return t('rules.cadence.weekly', { days: cadence.days.map((d) => names[d]).join(t('rules.cadence.separator')), time: at });
    }
    case 'monthly':
      return t('rules.cadence.monthly', { day: cadence.day, time: at });
    case 'cron':
      return zone ? t('rules.cadence.cronInZone', { expression: cadence.expression, zone }) : t('rules.cadence.cron', { expression: cadence.expression });
  }
}

/** The rule's zone when it is not the shop's (shown beside its time), else null. */
export function zoneToShow(ruleZone: string, shopZone: string): string | null {
  return ruleZone === shopZone ? null : ruleZone;
}

/** A date field reference ("vehicle.inspectionDue", "field.key") as the operator knows it. */
export function fieldLabel(field: string, t: T, customLabel?: (key: string) => string | undefined): string {
  if (field.startsWith('vehicle.')) return t(`rules.fields.${field.slice('vehicle.'.length)}`);
  const key = field.slice('field.'.length);
  return customLabel?.(key) ?? key;
}

export function describeCondition(c: RuleCondition, t: T, customLabel?: (key: string) => string | undefined): string {
  switch (c.kind) {
    case 'birthdayToday':
      return t('rules.condition.birthdayToday');
    case 'daysFromRun':
      return t('rules.condition.daysFromRun', { field: fieldLabel(c.field, t, customLabel), days: c.days.join(t('rules.cadence.separator')) });
    case 'monthFromRun':
      return t('rules.condition.monthFromRun', { field: fieldLabel(c.field, t, customLabel), months: c.months });
  }
}

export function describeTarget(rule: Pick<RuleView, 'target'>, t: T, customLabel?: (key: string) => string | undefined): string {
  const parts = rule.target.conditions.map((c) => describeCondition(c, t, customLabel));
  const f = rule.target.filter;
  if (f.categoryIds?.length) parts.push(t('rules.condition.categories', { count: f.categoryIds.length }));
  if (f.search) parts.push(t('rules.condition.search', { text: f.search }));
  return parts.length ? parts.join(t('rules.condition.and')) : t('rules.condition.everyone');
}
