// The rule editor's values ↔ the contract's rule input; presets fill in target, cadence and time; the
// cadence and target in words (the Rules room and the CLI share them).
import { describe, expect, it } from 'vitest';
import { ruleInputSchema, type RuleView } from '../../../src-shared/api/rules-schemas';
import { createI18n } from '../../../src-shared/i18n';
import { describeCadence, describeTarget, weekdayNames, zoneToShow } from '../../../src-shared/rules/describe';
import { emptyForm, formFromPreset, formFromRule, ruleInput } from '../../../src-renderer/features/rules/rule-form';

describe('rule form', () => {
  it('a new rule starts in the shop\'s zone with the prefix and suffix on; the zone goes into the input', () => {
    const form = { ...emptyForm('Asia/Taipei'), name: 'n', templateId: 1 };
    expect(ruleInput(form)).toMatchObject({ timeZone: 'Asia/Taipei', usePrefix: true, useSuffix: true });
    expect(ruleInput({ ...form, timeZone: 'Asia/Tokyo', usePrefix: false })).toMatchObject({ timeZone: 'Asia/Tokyo', usePrefix: false, useSuffix: true });
    // Picking a preset keeps the zone already chosen.
    expect(formFromPreset('birthday', '生日祝福', { ...form, timeZone: 'Asia/Tokyo' }).timeZone).toBe('Asia/Tokyo');
  });

  it('has no input until a template and a name are chosen', () => {
    expect(ruleInput(emptyForm())).toBeNull();
    expect(ruleInput({ ...emptyForm(), name: '  ', templateId: 1 })).toBeNull();
  });

  it('a preset fills in target, cadence and time; the result passes the contract', () => {
    const form = { ...formFromPreset('inspection', '定檢到期提醒'), templateId: 3 };
    const input = ruleInput(form)!;
    expect(input).toMatchObject({ name: '定檢到期提醒', preset: 'inspection', cadence: { kind: 'monthly', day: 1 }, time: '10:00', templateId: 3 });
    expect(input.target.conditions).toEqual([{ kind: 'monthFromRun', field: 'vehicle.inspectionDue', months: 1 }]);
    expect(ruleInputSchema.safeParse(input).success).toBe(true);
  });

  it('a name typed before picking a preset is kept', () => {
    expect(formFromPreset('birthday', '生日祝福', { ...emptyForm(), name: '我的生日規則' }).name).toBe('我的生日規則');
  });

  it('a cron cadence carries no time; a saved rule loads back into the same input', () => {
    const form = { ...emptyForm(), name: 'c', templateId: 2, cadence: 'cron' as const, cron: '0 9 * * 1-5' };
    const input = ruleInput(form)!;
    expect(input.cadence).toEqual({ kind: 'cron', expression: '0 9 * * 1-5' });
    expect('time' in input).toBe(false);
    const saved: RuleView = {
      id: 1, name: 'c', enabled: true, preset: null, target: { filter: {}, conditions: [] }, templateId: 2, cadence: { kind: 'weekly', days: [1, 3] },
      time: '08:30', timeZone: 'Asia/Taipei', account: null, usePrefix: false, useSuffix: true, nextRunAt: null, lastRunAt: null, missed: 0, createdAt: '2026-06-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z',
    };
    expect(ruleInput(formFromRule(saved))).toEqual({ name: 'c', enabled: true, preset: null, target: { filter: {}, conditions: [] }, templateId: 2, cadence: { kind: 'weekly', days: [1, 3] }, time: '08:30', timeZone: 'Asia/Taipei', account: null, usePrefix: false, useSuffix: true });
  });
});

describe('rules in words', () => {
  const t = createI18n('zh-TW').t as unknown as (k: string, p?: Record<string, unknown>) => string;
  const en = createI18n('en').t as unknown as (k: string, p?: Record<string, unknown>) => string;
  it('names weekdays in the locale, Sunday first', () => {
    expect(weekdayNames('en-US', 'long')[0]).toBe('Sunday');
    expect(weekdayNames('ja-JP')[1]).toBe('月');
  });
  it('describes cadences and targets', () => {
    expect(describeCadence({ kind: 'daily' }, '10:00', t, 'zh-TW')).toBe('每天 10:00');
    expect(describeCadence({ kind: 'weekly', days: [1, 3] }, '09:00', en, 'en-US')).toBe('Every Mon, Wed at 09:00');
    expect(describeTarget({ target: { filter: {}, conditions: [{ kind: 'daysFromRun', field: 'vehicle.insuranceExpiry', days: [30, 7] }] } }, t)).toBe('保險到期日在 30、7 天後');
    expect(describeTarget({ target: { filter: {}, conditions: [] } }, en)).toBe('All contacts');
  });
  it('names the rule\'s zone beside its time only when it is not the shop\'s', () => {
    expect(zoneToShow('Asia/Tokyo', 'Asia/Taipei')).toBe('Asia/Tokyo');
    expect(zoneToShow('Asia/Taipei', 'Asia/Taipei')).toBeNull();
    expect(describeCadence({ kind: 'daily' }, '09:00', t, 'zh-TW', 'Asia/Tokyo')).toBe('每天 09:00 Asia/Tokyo');
    expect(describeCadence({ kind: 'monthly', day: 1 }, '09:00', en, 'en-US', null)).toBe(en('rules.cadence.monthly', { day: 1, time: '09:00' }));
    expect(describeCadence({ kind: 'cron', expression: '0 9 * * *' }, null, en, 'en-US', 'America/New_York')).toBe('cron: 0 9 * * * (America/New_York)');
  });
});
