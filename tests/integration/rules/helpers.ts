// A shop for the rules tests: the real core on a temp dir with a fake clock, a template, contacts.
import type { Core } from '../../../src-main/core';
import type { RuleInput, RuleView } from '../../../src-shared/api/rules-schemas';
import { withDb } from '../../helpers/db';
import type { FakeClock } from '../../helpers/fake-clock';

export async function shop(core: Core, timeZone = 'Asia/Taipei'): Promise<{ templateId: number }> {
  await core.api['settings.set']({ key: 'shop.timeZone', value: timeZone });
  await core.api['settings.set']({ key: 'shop.name', value: '測試店' });
  // The rules decide when; quiet hours are the dispatcher's and have their own tests.
  await core.api['settings.set']({ key: 'sending.quietHours.enabled', value: false });
  // No sender tag in the template: new rules add the shop's default prefix ({senderTag} → 【測試店】).
  const template = await core.api['templates.save']({ name: '生日', body: '{姓名}生日快樂', purpose: 'notification' });
  return { templateId: template.id };
}

export async function contact(core: Core, name: string, phone: string, extra: { birthday?: string; vehicles?: { plate: string; inspectionDue?: string; insuranceExpiry?: string }[] } = {}): Promise<number> {
  return (await core.api['contacts.create']({ name, phone, ...extra })).id;
}

export function birthdayRule(templateId: number, extra: Partial<RuleInput> = {}): RuleInput {
  return { name: '生日祝福', preset: 'birthday', target: { filter: {}, conditions: [{ kind: 'birthdayToday' }] }, templateId, cadence: { kind: 'daily' }, time: '10:00', ...extra };
}

export async function addRule(core: Core, input: RuleInput): Promise<RuleView> {
  // Through the contract, as a host calls it: defaults filled in, input checked.
  return (await core.call('rules.create', input)) as RuleView;
}

export interface RuleMessage { id: number; to_e164: string; text: string; contact_id: number | null; created_at: number; origin: string; idempotency_key: string }

/** The messages rules queued, as another program reading the file sees them. */
export function ruleMessages(dataDir: string, ruleId?: number): RuleMessage[] {
  return withDb(dataDir, (db) => db.prepare(`select id, to_e164, text, contact_id, created_at, origin, idempotency_key from messages where rule_id is not null ${ruleId ? 'and rule_id = ?' : ''} order by id`).all(...(ruleId ? [ruleId] : [])) as RuleMessage[]);
}

export function occurrences(dataDir: string, ruleId: number): { occurrence_at: number; outcome: string; queued: number }[] {
  return withDb(dataDir, (db) => db.prepare('select occurrence_at, outcome, queued from rule_occurrences where rule_id = ? order by occurrence_at').all(ruleId) as { occurrence_at: number; outcome: string; queued: number }[]);
}

/**
 * Moves the fake clock to `until`, stopping a second before each rule's next run and stepping over it
 * on the timers (so every run fires at its time), and jumping the quiet stretches in between — days
 * of heartbeats fired one by one would only make the test slow.
 */
export async function runUntil(core: Core, clock: FakeClock, until: number): Promise<void> {
  for (let guard = 0; guard < 10_000; guard++) {
    const { rules } = await core.api['rules.list']({});
    const next = Math.min(...rules.filter((r) => r.nextRunAt).map((r) => Date.parse(r.nextRunAt!)));
    if (!Number.isFinite(next) || next > until) {
      if (until - clock.now() > 2000) clock.jump(until - clock.now() - 1000);
      await clock.advanceAsync(Math.max(0, until - clock.now()));
      return;
    }
    if (next - clock.now() > 2000) clock.jump(next - clock.now() - 1000);
    await clock.runDueAsync();
    await clock.advanceAsync(2000);
  }
  throw new Error('runUntil: too many steps');
}
