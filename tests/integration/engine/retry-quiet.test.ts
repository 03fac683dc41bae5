// Retries and quiet hours through the real core (SQLite file, dispatcher timers on a fake clock):
// Retry-After is never violated, attempts are bounded, and quiet hours defer what the app sends on
// its own while an operator's explicit send goes at once.
import { describe, expect, it } from 'vitest';
import { eventsOf, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, type TestCore } from '../../helpers/core';
import { scriptedProvider } from '../../helpers/scripted-provider';

const taipei = (local: string) => Date.parse(`${local}+08:00`);
const tokyo = (local: string) => Date.parse(`${local}+09:00`);

async function coreAt(start: number, zone = 'Asia/Taipei') {
  const provider = scriptedProvider();
  const t = await openCore({ clock: new FakeClock(start), providers: { sandbox: provider.factory } });
  await t.core.api['settings.set']({ key: 'shop.timeZone', value: zone });
  return { t, provider };
}

/** The PC slept until `at`: the clock jumps, and the dispatcher's timer fires on waking (DESIGN.md §7). */
async function jumpTo(t: TestCore, at: number): Promise<void> {
  t.clock.jump(at - t.clock.now());
  await t.clock.advanceAsync(0);
  await t.core.tick();
}

const get = (t: TestCore, id: number) => t.core.api['messages.get']({ id });
const row = (t: TestCore, id: number) => withDb(t.dataDir, (db) => db.prepare('select status, attempts, next_action_at from messages where id = ?').get(id) as { status: string; attempts: number; next_action_at: number | null });

/** A message of an automatic origin (a reminder rule), as the rules engine will insert it. */
function insertRuleMessage(t: TestCore, now: number, purpose = 'notification'): number {
  return withDb(t.dataDir, (db) => (db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, created_at, updated_at, next_action_at, purpose)
    values (lower(hex(randomblob(16))), 1, '+886912345678', '0912345678', 'reminder', 'GSM-7', 1, 'queued', 'rule', ?, ?, ?, ?) returning id`).get(now, now, now, purpose) as { id: number }).id);
}

describe('automatic retries', () => {
  it('waits at least Retry-After, then sends', async () => {
    const { t, provider } = await coreAt(taipei('2026-06-01T10:00:00'));
    provider.onSend = (batch, n) => batch.map(() => (n === 1 ? { kind: 'retry', code: 'http_429', key: 'errors.provider.network', detail: null, retryAfterMs: 45_000 } : { kind: 'accepted', providerMessageId: 'ok-1' }));
    const start = t.clock.now();
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    expect(row(t, 1)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row(t, 1).next_action_at).toBeGreaterThanOrEqual(start + 45_000);
    await t.clock.advanceAsync(44_999);
    expect(provider.requests).toHaveLength(1);
    await t.clock.advanceAsync(60_000);
    expect(provider.requests).toHaveLength(2);
    expect((await get(t, 1)).status).toBe('sent');
    expect(eventsOf(t.dataDir, 1).map((e) => `${e.from_status}→${e.to_status}:${e.code}`)).toEqual([
      'null→queued:null', 'queued→sending:claimed', 'sending→queued:http_429', 'queued→sending:claimed', 'sending→sent:accepted',
    ]);
  });

  it('stops after sending.maxAttempts and fails with the reason', async () => {
    const { t, provider } = await coreAt(taipei('2026-06-01T10:00:00'));
    await t.core.api['settings.set']({ key: 'sending.maxAttempts', value: 3 });
    provider.onSend = (batch) => batch.map(() => ({ kind: 'retry', code: 'ECONNREFUSED', key: 'errors.provider.network', detail: 'refused' }));
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(3_600_000);
    expect(provider.requests).toHaveLength(3);
    const m = await get(t, 1);
    expect(m.status).toBe('failed');
    expect(m.error).toMatchObject({ code: 'ECONNREFUSED', key: 'sending.retry.exhausted', params: { attempts: 3 } });
  });

  it('a transport error the adapter let through is classified by the same table (refused → retry, reset → unknown)', async () => {
    const { t, provider } = await coreAt(taipei('2026-06-01T10:00:00'));
    provider.onSend = (_batch, n) => {
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: n === 1 ? 'ECONNREFUSED' : 'ECONNRESET' }) });
    };
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    expect((await get(t, 1)).status).toBe('queued');
    await t.clock.advanceAsync(600_000);
    const m = await get(t, 1);
    expect(m.status).toBe('unknown');
    expect(m.error?.code).toBe('ECONNRESET');
    expect(provider.requests).toHaveLength(2);
    expect(t.logs.filter((l) => l.includes('threw'))).toHaveLength(2);
    t.logs.length = 0;
  });

  it('a retry that would fall in quiet hours waits for their end, or fails when so set', async () => {
    const { t, provider } = await coreAt(taipei('2026-06-01T20:59:50'));
    provider.onSend = (batch, n) => batch.map((m) => (n === 1 || m.text === 'evening' ? { kind: 'retry', code: 'http_503', key: 'errors.provider.network', detail: null, retryAfterMs: 30_000 } : { kind: 'accepted', providerMessageId: 'ok' }));
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    expect(row(t, 1)).toMatchObject({ status: 'queued', next_action_at: taipei('2026-06-02T09:00:00') });
    await jumpTo(t, taipei('2026-06-02T08:59:59'));
    expect(provider.requests).toHaveLength(1);
    await t.clock.advanceAsync(1000);
    expect(provider.requests).toHaveLength(2);

    await t.core.api['settings.set']({ key: 'sending.quietHours.retryFails', value: true });
    await jumpTo(t, taipei('2026-06-02T20:59:50'));
    await t.core.api['messages.send']({ to: '0922333444', text: 'evening', origin: 'composer' });
    await t.clock.advanceAsync(0);
    // id 1 went on its retry at 09:00 and was accepted; id 2's retry would be at 21:00:20.
    expect((await get(t, 1)).status).not.toBe('queued');
    const m = await get(t, 2);
    expect(m.status).toBe('failed');
    expect(m.error).toMatchObject({ code: 'quiet_hours', key: 'sending.retry.quietHours' });
  });
});

describe('quiet hours', () => {
  it('defer rule messages and marketing to the window end (Taipei); an operator notification goes at once', async () => {
    const night = taipei('2026-06-01T22:30:00');
    const { t, provider } = await coreAt(night);
    const rule = insertRuleMessage(t, night);
    const marketing = (await t.core.api['messages.send']({ to: '0922333444', text: 'sale', origin: 'composer', purpose: 'marketing' })).messages[0]!.id;
    const explicit = (await t.core.api['messages.send']({ to: '0933444555', text: 'your order', origin: 'cli' })).messages[0]!.id;
    await t.clock.advanceAsync(0);
    expect((await get(t, explicit)).status).toBe('sent');
    for (const id of [rule, marketing]) {
      const m = await get(t, id);
      expect(m.status).toBe('queued');
      expect(m.nextActionAt).toBe(new Date(taipei('2026-06-02T09:00:00')).toISOString());
      expect(eventsOf(t.dataDir, id).at(-1)).toMatchObject({ from_status: 'queued', to_status: 'queued', code: 'quiet_hours' });
    }
    expect(provider.requests.flat().map((m) => m.messageId)).toEqual([explicit]);
    // Nothing leaves inside the window, even across midnight.
    await jumpTo(t, taipei('2026-06-02T02:00:00'));
    await jumpTo(t, taipei('2026-06-02T08:59:59'));
    expect(provider.requests.flat().map((m) => m.messageId)).toEqual([explicit]);
    await t.clock.advanceAsync(1000);
    expect((await get(t, rule)).status).toBe('sent');
    expect((await get(t, marketing)).status).toBe('sent');
  });

  it('follow the shop zone: Tokyo 21:00 is quiet while Taipei is still 20:00', async () => {
    const start = tokyo('2026-06-01T21:00:00');
    const { t, provider } = await coreAt(start, 'Asia/Tokyo');
    const id = insertRuleMessage(t, start);
    await t.clock.advanceAsync(0);
    expect((await get(t, id)).nextActionAt).toBe(new Date(tokyo('2026-06-02T09:00:00')).toISOString());
    expect(provider.requests).toHaveLength(0);

    await t.core.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
    const other = insertRuleMessage(t, t.clock.now());
    await t.core.tick();
    expect((await get(t, other)).status).toBe('sent');
  });

  it('turned off, rule messages go at night too', async () => {
    const night = taipei('2026-06-01T23:00:00');
    const { t } = await coreAt(night);
    await t.core.api['settings.set']({ key: 'sending.quietHours.enabled', value: false });
    const id = insertRuleMessage(t, night);
    await t.core.tick();
    expect((await get(t, id)).status).toBe('sent');
  });
});
