// One message from "send" to "delivered" through the real core, the sandbox provider and a real SQLite
// file, with time moved only by the fake clock (DESIGN.md §5, §7): the statuses, the story in
// message_events, scheduling in the shop's zone, refusals, cancelling, pausing, and the test badge.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import type { MessageView } from '../../../src-shared/api/schemas';
import { eventsOf, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, setDeliveryDelay, type TestCore } from '../../helpers/core';

const get = async (t: TestCore, id: number): Promise<MessageView> => t.core.api['messages.get']({ id });
const story = (t: TestCore, id: number) => eventsOf(t.dataDir, id).map((e) => `${e.from_status ?? '∅'}→${e.to_status}`);

/** The ApiError a call throws (through the validating entry point hosts use). */
async function callError(t: TestCore, method: string, input: unknown): Promise<ApiError> {
  const error = await t.core.call(method, input).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function row(t: TestCore, id: number) {
  return withDb(t.dataDir, (db) => db.prepare('select * from messages where id = ?').get(id) as Record<string, number | string | null>);
}

describe('send now → delivered', () => {
  it('goes queued → sending → sent → delivered, each step in message_events, with the sandbox delay', async () => {
    const t = await openCore();
    await setDeliveryDelay(t.core, 1000);
    const start = t.clock.now();
    const sent = await t.core.call('messages.send', { to: '0912345678', text: '【測試店】您好' });
    expect(sent).toEqual({ messages: [{ id: 1, to: '+886912345678', status: 'queued' }], rejected: [] });
    expect((await get(t, 1)).status).toBe('queued');

    // The core's own timers run the dispatcher: nothing calls tick() here.
    await t.clock.advanceAsync(0);
    const afterSend = await get(t, 1);
    expect(afterSend.status).toBe('sent');
    expect(afterSend.sentAt).toBe(new Date(start).toISOString());
    expect(afterSend.providerMessageId).toMatch(/^sbx-/);

    await t.clock.advanceAsync(999);
    expect((await get(t, 1)).status).toBe('sent');
    await t.clock.advanceAsync(1);
    const delivered = await get(t, 1);
    expect(delivered).toMatchObject({
      status: 'delivered',
      to: '+886912345678',
      toRaw: '0912345678',
      text: '【測試店】您好',
      segments: 1,
      encoding: 'UCS-2',
      account: 'sandbox',
      provider: 'sandbox',
      origin: 'composer',
      error: null,
      deliveredAt: new Date(start + 1000).toISOString(),
      nextActionAt: null,
    });
    expect(story(t, 1)).toEqual(['∅→queued', 'queued→sending', 'sending→sent', 'sent→delivered']);
    const events = eventsOf(t.dataDir, 1);
    expect(events[2]).toMatchObject({ code: 'accepted', detail: delivered.providerMessageId, at: start });
    expect(events[3]).toMatchObject({ code: 'delivered', at: start + 1000 });
    expect(row(t, 1)).toMatchObject({ attempts: 1, final_at: start + 1000 });
  });

  it('takes longer when the sandbox delay is longer, and polls with backoff meanwhile', async () => {
    const t = await openCore();
    await setDeliveryDelay(t.core, 20_000);
    const start = t.clock.now();
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    const polls: number[] = [];
    let lastChecks = 0;
    for (let ms = 0; ms < 40_000 && (await get(t, 1)).status === 'sent'; ms += 250) {
      await t.clock.advanceAsync(250);
      const checks = Number(row(t, 1).status_checks);
      if (checks !== lastChecks) polls.push(t.clock.now() - start);
      lastChecks = checks;
    }
    expect((await get(t, 1)).status).toBe('delivered');
    // Status queries 1 s after acceptance, then 2 s, 4 s, 8 s later …; delivered at the first query after 20 s.
    expect(polls).toEqual([1000, 3000, 7000, 15_000]);
    expect((await get(t, 1)).deliveredAt).toBe(new Date(start + 20_000).toISOString());
    expect(eventsOf(t.dataDir, 1).at(-1)).toMatchObject({ to_status: 'delivered', at: start + 31_000 });
  });

  it('asks for the first status within 2 s of acceptance', async () => {
    const t = await openCore();
    await setDeliveryDelay(t.core, 600_000);
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'cli' });
    await t.clock.advanceAsync(0);
    const m = await get(t, 1);
    expect(m.status).toBe('sent');
    expect(Date.parse(m.nextActionAt!) - Date.parse(m.sentAt!)).toBeLessThanOrEqual(2000);
    expect(row(t, 1).status_checks).toBe(0);
    await t.clock.advanceAsync(2000);
    expect(row(t, 1).status_checks).toBe(1);
    expect((await get(t, 1)).status).toBe('sent');
  });

  it('fails a number ending in 0000 with the sandbox explanation', async () => {
    const t = await openCore();
    const { messages } = await t.core.api['messages.send']({ to: '0912340000, 0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    await t.clock.advanceAsync(1000);
    const failed = await get(t, messages[0]!.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({
      code: 'sandbox_undeliverable',
      key: 'errors.provider.sandboxUndeliverable',
      params: { to: '0912 340 000' },
      detail: expect.stringContaining('UNDELIV'),
    });
    expect(failed.deliveredAt).toBeNull();
    expect(story(t, failed.id)).toEqual(['∅→queued', 'queued→sending', 'sending→sent', 'sent→failed']);
    expect((await get(t, messages[1]!.id)).status).toBe('delivered');
  });

  it('emits messages.changed (local, with the ids) at each step', async () => {
    const t = await openCore();
    const { messages } = await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    const id = messages[0]!.id;
    const changes = () => t.events.filter((e) => e.type === 'messages.changed');
    expect(changes()).toEqual([{ type: 'messages.changed', ids: [id], source: 'local' }]);
    await t.clock.advanceAsync(0);
    expect(changes().length).toBeGreaterThanOrEqual(2);
    expect(changes().at(-1)).toEqual({ type: 'messages.changed', ids: [id], source: 'local' });
    const before = changes().length;
    await t.clock.advanceAsync(1000);
    expect(changes().length).toBe(before + 1);
    expect(changes().at(-1)).toEqual({ type: 'messages.changed', ids: [id], source: 'local' });
    expect(changes().every((e) => e.type === 'messages.changed' && e.source === 'local')).toBe(true);
  });

  it('gives every message its own idempotency key at creation', async () => {
    const t = await openCore({ dispatch: false });
    const numbers = Array.from({ length: 60 }, (_, i) => `0912${String(1_000_001 + i).slice(1)}`);
    await t.core.api['messages.send']({ to: numbers.join(','), text: 'a', origin: 'composer' });
    await t.core.api['messages.send']({ to: numbers.slice(0, 10).join(','), text: 'b', origin: 'composer' });
    const keys = withDb(t.dataDir, (db) => (db.prepare('select idempotency_key as k from messages').all() as { k: string }[]).map((r) => r.k));
    expect(keys).toHaveLength(70);
    expect(new Set(keys).size).toBe(70);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('scheduled messages', () => {
  it('wait for their time in the shop zone (Asia/Taipei), then go when the clock reaches it', async () => {
    const t = await openCore({ clock: new FakeClock(Date.UTC(2026, 5, 1, 1, 0)) }); // 09:00 in Taipei
    await t.core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    const { messages } = await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at: '2026-06-01T10:30', origin: 'composer' });
    const due = Date.UTC(2026, 5, 1, 2, 30);
    expect(messages[0]!.status).toBe('scheduled');
    expect(await get(t, 1)).toMatchObject({ scheduledAt: new Date(due).toISOString(), scheduledTimeZone: 'Asia/Taipei', nextActionAt: new Date(due).toISOString() });

    await t.clock.advanceAsync(due - 1 - t.clock.now());
    expect((await get(t, 1)).status).toBe('scheduled');
    expect(story(t, 1)).toEqual(['∅→scheduled']);
    await t.clock.advanceAsync(1);
    expect((await get(t, 1)).status).toBe('sent');
    expect(eventsOf(t.dataDir, 1).map((e) => [e.to_status, e.at])).toEqual([
      ['scheduled', Date.UTC(2026, 5, 1, 1, 0)],
      ['queued', due],
      ['sending', due],
      ['sent', due],
    ]);
  });

  it('use the zone’s daylight-saving offset (America/New_York on the spring-forward day)', async () => {
    const t = await openCore({ clock: new FakeClock(Date.UTC(2026, 2, 8, 6, 0)) }); // 01:00 EST
    await t.core.call('settings.set', { key: 'shop.timeZone', value: 'America/New_York' });
    const { messages } = await t.core.api['messages.send']({ to: '0912345678, 0922333444', text: 'hi', at: '2026-03-08T03:30', origin: 'composer' });
    const inGap = await t.core.api['messages.send']({ to: '0933444555', text: 'hi', at: '2026-03-08T02:30', origin: 'composer' });
    const due = Date.UTC(2026, 2, 8, 7, 30); // 03:30 EDT: 1.5 h of real time later, not 2.5 h
    expect((await get(t, messages[0]!.id)).scheduledAt).toBe(new Date(due).toISOString());
    expect((await get(t, inGap.messages[0]!.id)).scheduledAt).toBe(new Date(due).toISOString());

    await t.clock.advanceAsync(due - 1 - t.clock.now());
    expect((await get(t, messages[0]!.id)).status).toBe('scheduled');
    await t.clock.advanceAsync(1);
    for (const id of [messages[0]!.id, messages[1]!.id, inGap.messages[0]!.id]) expect((await get(t, id)).status).toBe('sent');
  });

  it('go after a clock jump past their time (a PC waking from sleep), not before', async () => {
    const t = await openCore();
    const due = t.clock.now() + 3 * 3600_000;
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at: new Date(due).toISOString(), origin: 'composer' });
    await t.clock.advanceAsync(3600_000);
    expect((await get(t, 1)).status).toBe('scheduled');
    t.clock.jump(2 * 3600_000 + 60_000); // slept past the time: no timer fired meanwhile
    expect((await get(t, 1)).status).toBe('scheduled');
    await t.clock.advanceAsync(0); // the overdue timer fires on waking and compares wall-clock time
    expect((await get(t, 1)).status).toBe('sent');
    expect(eventsOf(t.dataDir, 1).find((e) => e.to_status === 'queued')?.at).toBe(due + 60_000);
  });

  it('refuses a time more than 5 s in the past, accepts one within 5 s (sent now)', async () => {
    const t = await openCore();
    const now = t.clock.now();
    const past = await callError(t, 'messages.send', { to: '0912345678', text: 'hi', at: new Date(now - 5001).toISOString() });
    expect(past).toMatchObject({ kind: 'validation', key: 'errors.time.past' });
    const recent = await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at: new Date(now - 4000).toISOString(), origin: 'composer' });
    expect(recent.messages[0]!.status).toBe('queued');
    expect(withDb(t.dataDir, (db) => db.prepare('select count(*) as n from messages').get())).toEqual({ n: 1 });
  });

  it('refuses a time it cannot read, and an impossible date', async () => {
    const t = await openCore();
    for (const at of ['next tuesday', '2026-06-01', '2026-02-30T10:00', '2026-02-30T10:00:00Z']) {
      const error = await callError(t, 'messages.send', { to: '0912345678', text: 'hi', at });
      expect(error).toMatchObject({ kind: 'validation', key: 'errors.time.invalid', params: { at } });
    }
    expect(withDb(t.dataDir, (db) => db.prepare('select count(*) as n from messages').get())).toEqual({ n: 0 });
  });
});

describe('recipients', () => {
  it('rejects duplicates, landlines and invalid numbers with codes, and sends the rest', async () => {
    const t = await openCore({ dispatch: false });
    const result = await t.core.call('messages.send', { to: '0912345678, 0912-345-678; 02-2722-1234\n123\t+81 90 1234 5678', text: 'hi' });
    expect(result).toEqual({
      messages: [
        { id: 1, to: '+886912345678', status: 'queued' },
        { id: 2, to: '+819012345678', status: 'queued' },
      ],
      rejected: [
        { to: '0912-345-678', code: 'duplicate' },
        { to: '02-2722-1234', code: 'not_mobile' },
        { to: '123', code: 'invalid_number' },
      ],
    });
  });

  it('creates nothing when every number is rejected', async () => {
    const t = await openCore({ dispatch: false });
    const result = await t.core.call('messages.send', { to: '02-2722-1234, 123', text: 'hi' });
    expect(result).toEqual({ messages: [], rejected: [{ to: '02-2722-1234', code: 'not_mobile' }, { to: '123', code: 'invalid_number' }] });
    expect(withDb(t.dataDir, (db) => db.prepare('select count(*) as n from messages').get())).toEqual({ n: 0 });
    expect(t.events.filter((e) => e.type === 'messages.changed')).toEqual([]);
  });

  it('reads national numbers in the shop region', async () => {
    const t = await openCore({ dispatch: false });
    await t.core.call('settings.set', { key: 'shop.region', value: 'JP' });
    const result = await t.core.api['messages.send']({ to: '090-1234-5678, 050-1234-5678', text: 'hi', origin: 'composer' });
    expect(result.messages.map((m) => m.to)).toEqual(['+819012345678']);
    expect(result.rejected).toEqual([{ to: '050-1234-5678', code: 'not_mobile' }]);
  });

  it('refuses an empty text and one over 10 segments', async () => {
    const t = await openCore({ dispatch: false });
    expect(await callError(t, 'messages.send', { to: '0912345678', text: '  \n ' })).toMatchObject({ kind: 'validation', key: 'errors.text.empty' });
    expect(await callError(t, 'messages.send', { to: '0912345678', text: '字'.repeat(67 * 10 + 1) })).toMatchObject({ kind: 'validation', key: 'errors.text.tooLong', params: { segments: 11, max: 10 } });
    expect(await callError(t, 'messages.send', { to: '0912345678', text: 'hi', account: 'nobody' })).toMatchObject({ kind: 'not_found', key: 'errors.notFound.account' });
  });

  it('keeps the text exactly as given, and the memo trimmed', async () => {
    const t = await openCore({ dispatch: false });
    const text = '  您好\r\n明天見 ^{}[~]|€  ';
    await t.core.api['messages.send']({ to: '0912345678', text, memo: '  VIP  ', origin: 'cli' });
    expect(await get(t, 1)).toMatchObject({ text, memo: 'VIP', origin: 'cli' });
  });
});

describe('cancel', () => {
  it('cancels a scheduled message, which then never goes', async () => {
    const t = await openCore();
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at: new Date(t.clock.now() + 60_000).toISOString(), origin: 'composer' });
    const cancelled = await t.core.call('messages.cancel', { id: 1 });
    expect(cancelled).toMatchObject({ id: 1, status: 'cancelled', nextActionAt: null });
    expect(eventsOf(t.dataDir, 1).at(-1)).toMatchObject({ from_status: 'scheduled', to_status: 'cancelled', code: 'operator' });
    await t.clock.advanceAsync(120_000);
    expect((await get(t, 1)).status).toBe('cancelled');
    expect(story(t, 1)).toEqual(['∅→scheduled', 'scheduled→cancelled']);
  });

  it('cancels a queued message before it is claimed', async () => {
    const t = await openCore({ dispatch: false });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    expect(await t.core.call('messages.cancel', { id: 1 })).toMatchObject({ status: 'cancelled' });
  });

  it('refuses to cancel a delivered message (conflict) and an unknown id (not_found)', async () => {
    const t = await openCore();
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(1000);
    expect((await get(t, 1)).status).toBe('delivered');
    expect(await callError(t, 'messages.cancel', { id: 1 })).toMatchObject({ kind: 'conflict', key: 'errors.conflict.notCancellable', params: { status: 'delivered' } });
    expect((await get(t, 1)).status).toBe('delivered');
    expect(await callError(t, 'messages.cancel', { id: 99 })).toMatchObject({ kind: 'not_found', key: 'errors.notFound.message', params: { id: 99 } });
  });
});

describe('pausing', () => {
  it('stops claiming while paused (nothing leaves the queue), and resuming sends', async () => {
    const t = await openCore();
    const status = await t.core.call('dispatcher.setPaused', { paused: true });
    expect(status).toMatchObject({ paused: true });
    await t.core.api['messages.send']({ to: '0912345678, 0922333444', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(120_000);
    expect((await get(t, 1)).status).toBe('queued');
    expect((await t.core.api['dispatcher.status']({})).counts.queued).toBe(2);
    expect(t.events).toContainEqual({ type: 'dispatcher.changed' });

    await t.core.call('dispatcher.setPaused', { paused: false });
    await t.clock.advanceAsync(0);
    expect((await get(t, 1)).status).toBe('sent');
    expect((await get(t, 2)).status).toBe('sent');
  });

  it('waits for a paused account without spinning, and sends for the others', async () => {
    const t = await openCore();
    withDb(t.dataDir, (db) => {
      db.prepare(`insert into accounts (name, provider, is_default, created_at, updated_at) values ('second', 'sandbox', 0, 0, 0)`).run();
      db.prepare(`update accounts set paused_reason = 'errors.provider.noCredit' where name = 'sandbox'`).run();
    });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.core.api['messages.send']({ to: '0922333444', text: 'hi', account: 'second', origin: 'composer' });
    // The FakeClock throws on a timer that re-arms itself at the same instant forever.
    await t.clock.advanceAsync(60_000);
    expect((await get(t, 1)).status).toBe('queued');
    expect((await get(t, 2)).status).toBe('delivered');
  });

  it('is a setting: settings.set sending.paused works the same', async () => {
    const t = await openCore();
    await t.core.call('settings.set', { key: 'sending.paused', value: true });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(30_000);
    expect((await get(t, 1)).status).toBe('queued');
    await t.core.call('settings.set', { key: 'sending.paused', value: false });
    await t.clock.advanceAsync(0);
    expect((await get(t, 1)).status).toBe('sent');
  });
});

describe('test mode', () => {
  it('a fresh data dir has exactly one account, the sandbox, as its default, and says test mode', async () => {
    const t = await openCore({ dispatch: false });
    const info = await t.core.call('app.info', {});
    expect(info).toMatchObject({ testMode: true, defaultAccount: 'sandbox', region: 'TW', language: 'zh-TW' });
    const { accounts } = await t.core.api['accounts.list']({});
    expect(accounts).toEqual([
      {
        id: 1, name: 'sandbox', provider: 'sandbox', default: true, baseUrl: null, username: null, sender: null, secretState: 'none', priceDomestic: null, priceInternational: null,
        testMode: true, paused: false, pausedReason: null, balance: null, balanceUnit: null, balanceCheckedAt: null, lowBalance: false,
      },
    ]);
    expect(await t.core.call('accounts.balance', {})).toEqual({ account: 'sandbox', balance: 9999, unit: 'points', supported: true });
  });

  it('marks sandbox messages with the test badge; a real default account turns test mode off', async () => {
    const t = await openCore({ dispatch: false });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    expect((await get(t, 1)).testMode).toBe(true);

    withDb(t.dataDir, (db) => db.prepare(`insert into accounts (name, provider, is_default, username, secret_sealed, created_at, updated_at) values ('shop', 'twsms', 0, 'shop01', 'v1:x:y:z', 0, 0)`).run());
    await t.core.call('accounts.setDefault', { name: 'shop' });
    expect(await t.core.call('app.info', {})).toMatchObject({ testMode: false, defaultAccount: 'shop' });
    await t.core.api['messages.send']({ to: '0922333444', text: 'hi', origin: 'composer' });
    expect(await get(t, 2)).toMatchObject({ testMode: false, account: 'shop', provider: 'twsms' });
    expect((await get(t, 1)).testMode).toBe(true);
    const accounts = (await t.core.api['accounts.list']({})).accounts;
    expect(accounts.map((a) => [a.name, a.default])).toEqual([['shop', true], ['sandbox', false]]);
    expect(JSON.stringify(accounts)).not.toContain('v1:x:y:z');
  });

  it('does not add a second sandbox when the data dir is opened again', async () => {
    const first = await openCore({ dispatch: false });
    await first.core.close();
    const again = await openCore({ dispatch: false, dataDir: first.dataDir });
    expect((await again.core.api['accounts.list']({})).accounts).toHaveLength(1);
  });
});

describe('the log', () => {
  it('lists newest first with filters and keyset paging', async () => {
    const t = await openCore({ dispatch: false });
    await t.core.api['messages.send']({ to: '0912345678', text: 'first', memo: 'VIP', origin: 'composer' });
    t.clock.jump(60_000);
    await t.core.api['messages.send']({ to: '0922333444, 0933444555', text: 'second', origin: 'cli' });
    await t.core.api['messages.cancel']({ id: 3 });

    const list = async (input: Record<string, unknown>) => ((await t.core.call('messages.list', input)) as { messages: MessageView[]; nextBeforeId: number | null });
    expect((await list({})).messages.map((m) => m.id)).toEqual([3, 2, 1]);
    expect((await list({ status: ['cancelled'] })).messages.map((m) => m.id)).toEqual([3]);
    expect((await list({ search: '0922-333' })).messages.map((m) => m.id)).toEqual([2]);
    expect((await list({ search: 'VIP' })).messages.map((m) => m.id)).toEqual([1]);
    expect((await list({ search: 'second' })).messages.map((m) => m.id)).toEqual([3, 2]);
    expect((await list({ since: new Date(t.clock.now() - 1000).toISOString() })).messages.map((m) => m.id)).toEqual([3, 2]);
    expect((await list({ until: new Date(t.clock.now() - 1000).toISOString() })).messages.map((m) => m.id)).toEqual([1]);
    const page1 = await list({ limit: 2 });
    expect(page1.messages.map((m) => m.id)).toEqual([3, 2]);
    expect(page1.nextBeforeId).toBe(2);
    const page2 = await list({ limit: 2, beforeId: 2 });
    expect(page2.messages.map((m) => m.id)).toEqual([1]);
    expect(page2.nextBeforeId).toBeNull();
    expect((await list({ account: 'sandbox' })).messages).toHaveLength(3);
    await expect(list({ account: 'nobody' })).rejects.toMatchObject({ kind: 'not_found' });
  });
});
