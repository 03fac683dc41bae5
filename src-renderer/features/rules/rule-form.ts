// The editor's form values ↔ the contract's rule input. The form keeps every cadence's fields so
// switching the cadence back and forth loses nothing typed.
import type { ContactFilter } from '../../../src-shared/api/contacts-schemas';
import type { RuleCondition, RuleInput, RulePreset, RuleView } from '../../../src-shared/api/rules-schemas';
import { presetDefaults } from '../../../src-shared/rules/presets';

export type CadenceKind = 'daily' | 'weekly' | 'monthly' | 'cron';

export interface RuleFormValues {
  name: string;
  enabled: boolean;
  preset: RulePreset | null;
  filter: ContactFilter;
  conditions: RuleCondition[];
  templateId: number | null;
  cadence: CadenceKind;
  weekDays: number[];
  monthDay: number;
  cron: string;
  time: string;
  /** IANA zone the time of day (or the cron expression) is read in; '' = the shop's (the core fills it in). */
  timeZone: string;
  account: string | null;
  /** The composer's "add the default prefix/suffix" switches; on for a new rule. */
  usePrefix: boolean;
  useSuffix: boolean;
}

/** `timeZone`: the shop's, so a new rule is stored with the zone the operator saw chosen. */
export function emptyForm(timeZone = ''): RuleFormValues {
  return { name: '', enabled: true, preset: null, filter: {}, conditions: [], templateId: null, cadence: 'daily', weekDays: [1], monthDay: 1, cron: '0 10 * * *', time: '10:00', timeZone, account: null, usePrefix: true, useSuffix: true };
}

/** A new rule from a preset: its target, cadence and time, named in the reader's language. */
export function formFromPreset(preset: RulePreset, name: string, base: RuleFormValues = emptyForm()): RuleFormValues {
  const d = presetDefaults[preset];
  const form: RuleFormValues = { ...base, preset, name: base.name || name, filter: d.target.filter, conditions: d.target.conditions, time: d.time, cadence: d.cadence.kind };
  if (d.cadence.kind === 'monthly') form.monthDay = d.cadence.day;
  if (d.cadence.kind === 'weekly') form.weekDays = d.cadence.days;
  return form;
}

export function formFromRule(r: RuleView): RuleFormValues {
  const f = emptyForm();
  return {
    ...f, name: r.name, enabled: r.enabled, preset: r.preset, filter: r.target.filter, conditions: r.target.conditions,
    templateId: r.templateId, cadence: r.cadence.kind, account: r.account, time: r.time ?? f.time, timeZone: r.timeZone,
    usePrefix: r.usePrefix, useSuffix: r.useSuffix,
    weekDays: r.cadence.kind === 'weekly' ? r.cadence.days : f.weekDays,
    monthDay: r.cadence.kind === 'monthly' ? r.cadence.day : f.monthDay,
    cron: r.cadence.kind === 'cron' ? r.cadence.expression : f.cron,
  };
}

export function ruleInput(v: RuleFormValues): RuleInput | null {
  if (v.templateId === null || !v.name.trim()) return null;
  const cadence = v.cadence === 'daily' ? { kind: 'daily' as const }
    : v.cadence === 'weekly' ? { kind: 'weekly' as const, days: v.weekDays }
      : v.cadence === 'monthly' ? { kind: 'monthly' as const, day: v.monthDay }
        : { kind: 'cron' as const, expression: v.cron };
  return {
    name: v.name.trim(), enabled: v.enabled, preset: v.preset, target: { filter: v.filter, conditions: v.conditions },
    templateId: v.templateId, cadence, ...(v.cadence !== 'cron' ? { time: v.time } : {}), ...(v.timeZone ? { timeZone: v.timeZone } : {}), account: v.account,
    usePrefix: v.usePrefix, useSuffix: v.useSuffix,
  };
}
