// Reminder rules against the real core with a fake clock: a rule fires at its time and not before,
// daily/weekly/monthly/cron, month ends, 29 February birthdays, a daylight-saving change in New York,
// the catch-up policy inside and outside the grace window, and the texts as compose renders them.
import { describe, expect, it } from 'vitest';
import { openCore } from '../../helpers/core';
import { FakeClock } from '../../helpers/fake-clock';
import { addRule, birthdayRule, contact, occurrences, ruleMessages, runUntil, shop } from './helpers';

const at = (iso: string) => Date.parse(iso);

describe('a rule fires at its time', () => {
  it('not a second early, then once, with the text rendered for the contact', async () => {
    // 2026-06-01 09:00 in Taipei.
    const { core, clock, dataDir } = await openCore();
    const { templateId } = await shop(core);
    await contact(core, '王小明', '0912345678', { birthday: '1990-06-01' });
    await contact(core, '林美麗', '0922333444', { birthday: '1985-07-01' });
    const rule = await addRule(core, birthdayRule(templateId));
    expect(rule.nextRunAt).toBe('2026-06-01T02:00:00.000Z');

    await clock.advanceAsync(at('2026-06-01T02:00:00Z') - clock.now() - 1000);
    expect(ruleMessages(dataDir)).toEqual([]);
    await clock.advanceAsync(1000);
    const sent = ruleMessages(dataDir);
    expect(sent.map((m) => [m.to_e164, m.text, m.origin, m.created_at])).toEqual([['+886912345678', '【測試店】王小明生日快樂', 'rule', at('2026-06-01T02:00:00Z')]]);

    // The rest of the day and the next: nobody else has a birthday; nothing more.
    await runUntil(core, clock, clock.now() + 24 * 3600_000);
    expect(ruleMessages(dataDir)).toHaveLength(1);
    expect(occurrences(dataDir, rule.id).map((o) => [new Date(o.occurrence_at).toISOString(), o.outcome, o.queued])).toEqual([
      ['2026-06-01T02:00:00.000Z', 'ran', 1],
      ['2026-06-02T02:00:00.000Z', 'ran', 0],
    ]);
    expect((await core.api['rules.get']({ id: rule.id })).lastRunAt).toBe('2026-06-02T02:00:00.000Z');
  });

  it('weekly on its days and a cron expression in the shop zone', async () => {
    const { core, clock, dataDir } = await openCore();
    const { templateId } = await shop(core);
    await contact(core, '王小明', '0912345678');
    const everyone = { filter: {}, conditions: [] };
    // 2026-06-01 is a Monday: Wednesdays and Fridays at 10:00, and weekdays at 09:30 by cron.
    const weekly = await addRule(core, { name: 'w', target: everyone, templateId, cadence: { kind: 'weekly', days: [3, 5] }, time: '10:00' });
    const cron = await addRule(core, { name: 'c', target: everyone, templateId, cadence: { kind: 'cron', expression: '30 9 * * 1-5' } });
    await runUntil(core, clock, clock.now() + 7 * 24 * 3600_000);
    const local = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
    expect(ruleMessages(dataDir, weekly.id).map((m) => local(m.created_at))).toEqual(['2026-06-03T10:00', '2026-06-05T10:00']);
    expect(ruleMessages(dataDir, cron.id).map((m) => local(m.created_at))).toEqual(['2026-06-01T09:30', '2026-06-02T09:30', '2026-06-03T09:30', '2026-06-04T09:30', '2026-06-05T09:30']);
  });

  it('monthly on day 31 runs on the last day of a 30-day month', async () => {
    const clock = new FakeClock(at('2026-06-29T00:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core);
    await contact(core, '王小明', '0912345678');
    const rule = await addRule(core, { name: 'm', target: { filter: {}, conditions: [] }, templateId, cadence: { kind: 'monthly', day: 31 }, time: '10:00' });
    expect(rule.nextRunAt).toBe('2026-06-30T02:00:00.000Z');
    await runUntil(core, clock, clock.now() + 3 * 24 * 3600_000);
    expect(ruleMessages(dataDir).map((m) => new Date(m.created_at).toISOString())).toEqual(['2026-06-30T02:00:00.000Z']);
  });
});

describe('29 February birthdays', () => {
  it('are greeted on 28 February in a common year by default', async () => {
    const clock = new FakeClock(at('2027-02-27T20:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core);
    await contact(core, '閏年生', '0912345678', { birthday: '2000-02-29' });
    await contact(core, '二八生', '0922333444', { birthday: '--02-28' });
    await contact(core, '三一生', '0933444555', { birthday: '1999-03-01' });
    await addRule(core, birthdayRule(templateId));
    await runUntil(core, clock, clock.now() + 8 * 3600_000);
    expect(ruleMessages(dataDir).map((m) => m.text).sort()).toEqual(['【測試店】二八生生日快樂', '【測試店】閏年生生日快樂']);
    await runUntil(core, clock, clock.now() + 24 * 3600_000);
    expect(ruleMessages(dataDir).map((m) => m.text)).toContain('【測試店】三一生生日快樂');
    expect(ruleMessages(dataDir)).toHaveLength(3);
  });

  it('on 1 March when the setting says so', async () => {
    const clock = new FakeClock(at('2027-02-27T20:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core);
    await core.api['settings.set']({ key: 'rules.leapDayBirthday', value: 'mar1' });
    await contact(core, '閏年生', '0912345678', { birthday: '2000-02-29' });
    await addRule(core, birthdayRule(templateId));
    await runUntil(core, clock, clock.now() + 8 * 3600_000);
    expect(ruleMessages(dataDir)).toEqual([]);
    await runUntil(core, clock, clock.now() + 24 * 3600_000);
    expect(ruleMessages(dataDir).map((m) => [m.text, new Date(m.created_at).toISOString()])).toEqual([['【測試店】閏年生生日快樂', '2027-03-01T02:00:00.000Z']]);
  });
});

describe('vehicle presets', () => {
  it('inspection due next month on day 1, insurance 30 and 7 days ahead', async () => {
    const clock = new FakeClock(at('2026-06-30T00:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core);
    await core.api['contacts.fields.presets']({ preset: 'vehicle', enabled: true });
    await contact(core, '七月檢', '0912345678', { vehicles: [{ plate: 'ABC-1234', inspectionDue: '2026-08' }] });
    await contact(core, '八月檢', '0922333444', { vehicles: [{ plate: 'XYZ-9', inspectionDue: '2026-09' }] });
    await contact(core, '保險', '0933444555', { vehicles: [{ plate: 'INS-1', insuranceExpiry: '2026-07-31' }] });
    const inspection = await addRule(core, { name: 'i', preset: 'inspection', target: { filter: {}, conditions: [{ kind: 'monthFromRun', field: 'vehicle.inspectionDue', months: 1 }] }, templateId, cadence: { kind: 'monthly', day: 1 }, time: '10:00' });
    const insurance = await addRule(core, { name: 's', preset: 'insurance', target: { filter: {}, conditions: [{ kind: 'daysFromRun', field: 'vehicle.insuranceExpiry', days: [30, 7] }] }, templateId, cadence: { kind: 'daily' }, time: '10:00' });
    await runUntil(core, clock, clock.now() + 26 * 24 * 3600_000);
    // 1 July: inspection due in August. Insurance 31 July: reminded on 1 July (30 days) and 24 July (7 days).
    expect(ruleMessages(dataDir, inspection.id).map((m) => m.to_e164)).toEqual(['+886912345678']);
    const local = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    expect(ruleMessages(dataDir, insurance.id).map((m) => local(m.created_at))).toEqual(['2026-07-01', '2026-07-24']);
  });
});

describe('daylight saving (America/New_York)', () => {
  it('a run in the spring-forward gap goes at the first moment after it, once', async () => {
    const clock = new FakeClock(at('2026-03-08T05:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core, 'America/New_York');
    await contact(core, 'Ann', '0912345678');
    const rule = await addRule(core, { name: 'd', target: { filter: {}, conditions: [] }, templateId, cadence: { kind: 'daily' }, time: '02:30' });
    expect(rule.nextRunAt).toBe('2026-03-08T07:00:00.000Z');
    await runUntil(core, clock, clock.now() + 2 * 24 * 3600_000);
    expect(ruleMessages(dataDir).map((m) => new Date(m.created_at).toISOString())).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('a run in the repeated hour goes once, at its first occurrence', async () => {
    const clock = new FakeClock(at('2026-11-01T04:00:00Z'));
    const { core, dataDir } = await openCore({ clock });
    const { templateId } = await shop(core, 'America/New_York');
    await contact(core, 'Ann', '0912345678');
    await addRule(core, { name: 'd', target: { filter: {}, conditions: [] }, templateId, cadence: { kind: 'daily' }, time: '01:30' });
    await runUntil(core, clock, clock.now() + 6 * 3600_000);
    expect(ruleMessages(dataDir).map((m) => new Date(m.created_at).toISOString())).toEqual(['2026-11-01T05:30:00.000Z']);
  });
});

describe('catch-up after sleep or a closed app', () => {
  it('runs an occurrence found within the grace window, records older ones as missed', async () => {
    const { core, clock, dataDir } = await openCore();
    const { templateId } = await shop(core);
    await contact(core, '王小明', '0912345678', { birthday: '1990-06-01' });
    const rule = await addRule(core, { ...birthdayRule(templateId), target: { filter: {}, conditions: [] } });
    // The PC sleeps from 09:00 until 11:30 (the run at 10:00 is 90 minutes late: within 2 hours).
    clock.jump(2.5 * 3600_000);
    await clock.runDueAsync();
    await clock.advanceAsync(1000);
    expect(ruleMessages(dataDir)).toHaveLength(1);
    expect(occurrences(dataDir, rule.id).map((o) => o.outcome)).toEqual(['ran']);

    // Then asleep for three days: 2, 3 and 4 June at 10:00 are older than 2 hours at wake-up (4 June 13:00).
    clock.jump(at('2026-06-04T05:00:00Z') - clock.now());
    await clock.runDueAsync();
    await clock.advanceAsync(1000);
    expect(ruleMessages(dataDir)).toHaveLength(1);
    expect(occurrences(dataDir, rule.id).map((o) => o.outcome)).toEqual(['ran', 'missed', 'missed', 'missed']);
    const view = await core.api['rules.get']({ id: rule.id });
    expect(view.missed).toBe(3);
    expect(view.nextRunAt).toBe('2026-06-05T02:00:00.000Z');
    // The tray and the header say something needs the operator.
    expect(await core.api['scheduler.status']({})).toMatchObject({ state: 'attention', attention: { missedRuns: 3 } });

    // The operator sends one of them now and dismisses another: nothing was silently lost or burst.
    const missed = (await core.api['rules.history']({ id: rule.id, outcome: 'missed', limit: 10 })).occurrences;
    const sentNow = await core.api['rules.resolveMissed']({ id: rule.id, occurrenceAt: missed[0]!.occurrenceAt, action: 'run' });
    expect([sentNow.outcome, sentNow.queued]).toEqual(['ran', 1]);
    await core.api['rules.resolveMissed']({ id: rule.id, occurrenceAt: missed[1]!.occurrenceAt, action: 'dismiss' });
    expect((await core.api['rules.get']({ id: rule.id })).missed).toBe(1);
    expect((await core.api['scheduler.status']({})).attention.missedRuns).toBe(1);
    expect(ruleMessages(dataDir)).toHaveLength(2);
  });

  it('a rule switched off and on again does not catch up the time it was off', async () => {
    const { core, clock, dataDir } = await openCore();
    const { templateId } = await shop(core);
    await contact(core, '王小明', '0912345678');
    const rule = await addRule(core, { ...birthdayRule(templateId), target: { filter: {}, conditions: [] } });
    await core.api['rules.setEnabled']({ id: rule.id, enabled: false });
    await runUntil(core, clock, clock.now() + 3 * 3600_000);
    await core.api['rules.setEnabled']({ id: rule.id, enabled: true });
    await clock.advanceAsync(60_000);
    expect(ruleMessages(dataDir)).toEqual([]);
    expect(occurrences(dataDir, rule.id)).toEqual([]);
  });
});
