// The compose service as reminder rules and the integration API call it (not through the contract):
// origin 'rule' with a rule id, idempotency keys per (rule, contact, occurrence) that never make a
// second message, and quiet hours that are not a warning for automatic sends (the claim defers them).
// A real database (migrated by a real core) on a second connection, with the real services around it.
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountsService } from '../../../src-main/core/accounts/service';
import { createComposeService } from '../../../src-main/core/compose/service';
import { createTemplates } from '../../../src-main/core/compose/templates';
import { applyPragmas, openRaw } from '../../../src-main/core/db/client';
import { createEventBus } from '../../../src-main/core/events/bus';
import { createMessageRepository } from '../../../src-main/core/outbox/repository';
import { builtInProviders } from '../../../src-main/core/providers/registry';
import { createFileKeySecretBox } from '../../../src-main/core/secrets/file-key';
import { createSettingsService } from '../../../src-main/core/settings/service';
import { openCore } from '../../helpers/core';
import { FakeClock } from '../../helpers/fake-clock';

async function setup() {
  const tc = await openCore({ dispatch: false });
  await tc.core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
  await tc.core.call('settings.set', { key: 'shop.name', value: '測試店' });
  const a = (await tc.core.call('contacts.create', { name: '王小明', phone: '0912345678' })) as { id: number };
  const b = (await tc.core.call('contacts.create', { name: '李大華', phone: '0922333444' })) as { id: number };
  const db = openRaw(path.join(tc.dataDir, 'smsdesk.db'));
  applyPragmas(db);
  onTestFinished(() => {
    db.close();
  });
  const clock = new FakeClock(tc.clock.now());
  const bus = createEventBus();
  const settings = createSettingsService(db, bus, clock);
  const accounts = createAccountsService(db, bus, clock, createFileKeySecretBox(tc.dataDir), builtInProviders, { clock, setting: () => 0 as never });
  let woken = 0;
  const compose = createComposeService({
    db, settings, accounts, repo: createMessageRepository(db), templates: createTemplates(db, () => clock.now()), bus, clock,
    wake: () => woken++,
  });
  const rows = () => db.prepare('select * from messages order by id').all() as Record<string, unknown>[];
  return { ...tc, db, clock, compose, rows, ids: [a.id, b.id], woken: () => woken };
}

describe('compose.send for reminder rules and the integration API', () => {
  it('records origin and rule, and a repeated occurrence (same keys) makes no second message', async () => {
    const { compose, rows, ids, woken } = await setup();
    const draft = { recipients: { contactIds: ids }, text: '【測試店】{姓名} 您的愛車下月驗車' };
    const key = (occurrence: string) => (r: { contactId: number | null }) => `rule:7:${r.contactId}:${occurrence}`;
    const first = compose.send(draft, { origin: 'rule', ruleId: 7, leaveOut: true, acknowledged: [], idempotencyKeyFor: key('2026-06') });
    expect(first.messages.map((m) => m.status)).toEqual(['queued', 'queued']);
    expect(rows().map((r) => [r.origin, r.rule_id, r.contact_id, r.idempotency_key, r.text])).toEqual([
      ['rule', 7, ids[0], `rule:7:${ids[0]}:2026-06`, '【測試店】王小明 您的愛車下月驗車'],
      ['rule', 7, ids[1], `rule:7:${ids[1]}:2026-06`, '【測試店】李大華 您的愛車下月驗車'],
    ]);
    expect(woken()).toBe(1);

    const again = compose.send(draft, { origin: 'rule', ruleId: 7, leaveOut: true, acknowledged: [], idempotencyKeyFor: key('2026-06') });
    expect(again.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
    expect(rows()).toHaveLength(2);

    compose.send(draft, { origin: 'rule', ruleId: 7, leaveOut: true, acknowledged: [], idempotencyKeyFor: key('2026-07') });
    expect(rows()).toHaveLength(4);
  });

  it('quiet hours are no warning for automatic origins (the claim defers them), but are for an operator', async () => {
    const { compose, clock } = await setup();
    clock.setNow(Date.UTC(2026, 5, 1, 14, 0)); // 22:00 Taipei
    const draft = { recipients: { numbers: '0912345678' }, text: '【測試店】您的餘額為 {餘額} 元', variables: { 餘額: 350 } };
    const api = compose.check(draft, { origin: 'api' });
    expect(api.issues).toEqual([]);
    expect(api.quietUntil).toBe('2026-06-02T01:00:00.000Z');
    expect(api.samples[0]!.text).toBe('【測試店】您的餘額為 350 元');
    expect(compose.check(draft, { origin: 'cli' }).issues.map((i) => i.code)).toEqual(['quiet_hours']);
    expect(compose.send(draft, { origin: 'api', acknowledged: [], idempotencyKeyFor: () => 'caller-key-1' }).messages).toHaveLength(1);
    expect(compose.send(draft, { origin: 'api', acknowledged: [], idempotencyKeyFor: () => 'caller-key-1' }).messages).toHaveLength(1);
  });
});
