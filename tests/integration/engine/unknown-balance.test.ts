// What happens when the provider's answer is lost (unknown), and when credit runs out: settled by the
// status query or the duplicate guard where possible, else left to the operator (resend / mark
// failed); out of credit puts the message back in the queue and pauses the account until its balance
// is positive or the operator resumes it.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { eventsOf, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, type TestCore } from '../../helpers/core';
import { scriptedProvider } from '../../helpers/scripted-provider';

const START = Date.parse('2026-06-01T10:00:00+08:00');
const get = (t: TestCore, id: number) => t.core.api['messages.get']({ id });
const story = (t: TestCore, id: number) => eventsOf(t.dataDir, id).map((e) => `${e.from_status ?? '∅'}→${e.to_status}`);
const lost = { kind: 'unknown' as const, code: 'UND_ERR_HEADERS_TIMEOUT', key: 'errors.provider.unknown', detail: 'no answer' };

async function open(capabilities = {}) {
  const provider = scriptedProvider(capabilities);
  const t = await openCore({ clock: new FakeClock(START), providers: { sandbox: provider.factory } });
  await t.core.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
  return { t, provider };
}

describe('unknown', () => {
  it('without an id or a duplicate guard it stays unknown for the operator, who can resend (a new, linked message) or mark it failed', async () => {
    const { t, provider } = await open();
    provider.onSend = (batch, n) => batch.map((m) => (n <= 2 ? lost : { kind: 'accepted', providerMessageId: `p${m.messageId}` }));
    await t.core.api['messages.send']({ to: '0912345678, 0922333444', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(3600_000);
    for (const id of [1, 2]) {
      const m = await get(t, id);
      expect(m.status).toBe('unknown');
      expect(m.nextActionAt).toBeNull();
    }
    expect(provider.requests).toHaveLength(2);
    expect(provider.statusRequests).toHaveLength(0);

    // The resend goes through the pre-send check: its warning (no sender tag on 'hi') needs the operator's click.
    const copy = await t.core.call('messages.resend', { id: 1, acknowledged: ['no_sender_tag'] }) as { id: number; resendOf: number; status: string; text: string };
    expect(copy).toMatchObject({ id: 3, resendOf: 1, status: 'queued', text: 'hi' });
    await t.core.tick();
    expect((await get(t, 3)).status).toBe('sent');
    // The provider is told the previous attempt may have arrived (EVERY8D uses its duplicate filter then).
    expect(provider.requests[2]![0]).toMatchObject({ messageId: 3, previousAttemptUnknown: true });

    const failed = await t.core.call('messages.markFailed', { id: 2 }) as { status: string; error: { key: string } };
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'operator', key: 'sending.operator.markedFailed' } });
    expect(story(t, 2)).toEqual(['∅→queued', 'queued→sending', 'sending→unknown', 'unknown→failed']);

    // Only unknown can be marked failed; a delivered or queued message cannot be resent.
    const err = await t.core.call('messages.markFailed', { id: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'conflict', key: 'sending.conflict.notMarkable' });
    await expect(t.core.call('messages.resend', { id: 3 })).rejects.toMatchObject({ key: 'sending.conflict.notResendable' });
    await expect(t.core.call('messages.resend', { id: 99 })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('with the provider’s id, the status query settles it (accepted → sent → delivered)', async () => {
    const { t, provider } = await open();
    provider.onSend = (batch) => batch.map(() => ({ kind: 'accepted', providerMessageId: 'p-1' }));
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.core.tick();
    // A takeover marked it unknown after the provider had accepted and we recorded the id.
    withDb(t.dataDir, (db) => db.prepare(`update messages set status = 'unknown', next_action_at = ?, status_checks = 0 where id = 1`).run(START));
    provider.onStatus = (refs) => refs.map(() => ({ state: 'delivered', at: START + 500 }));
    await t.core.tick();
    expect((await get(t, 1)).status).toBe('delivered');
    expect(provider.statusRequests.at(-1)).toEqual([expect.objectContaining({ providerMessageId: 'p-1', to: '+886912345678' })]);
  });

  it('with a duplicate guard (idempotency key), it is sent again under the same key and the provider drops the copy', async () => {
    const { t, provider } = await open({ idempotencyKey: true });
    const seen = new Map<string, string>();
    provider.onSend = (batch, n) => batch.map((m) => {
      const id = seen.get(m.idempotencyKey) ?? `p-${seen.size + 1}`;
      seen.set(m.idempotencyKey, id);
      return n === 1 ? lost : { kind: 'accepted', providerMessageId: id };
    });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    expect((await get(t, 1)).status).toBe('unknown');
    await t.clock.advanceAsync(5000);
    const m = await get(t, 1);
    expect(m.status).toBe('sent');
    expect(m.providerMessageId).toBe('p-1');
    expect(provider.requests.map((r) => r[0]!.idempotencyKey)).toEqual([provider.requests[0]![0]!.idempotencyKey, provider.requests[0]![0]!.idempotencyKey]);
    expect(provider.requests[1]![0]!.previousAttemptUnknown).toBe(true);
    expect(story(t, 1)).toEqual(['∅→queued', 'queued→sending', 'sending→unknown', 'unknown→queued', 'queued→sending', 'sending→sent']);
  });

  it('messages.events lists each attempt with time, from, to, provider code and words', async () => {
    const { t, provider } = await open();
    provider.onSend = (batch, n) => batch.map(() => (n === 1 ? { kind: 'retry', code: '99998', key: 'errors.provider.network', detail: '資料處理異常，請重新發送' } : { kind: 'accepted', providerMessageId: 'p-9' }));
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(60_000);
    const { events } = await t.core.call('messages.events', { id: 1 }) as { events: { at: string; from: string | null; to: string; code: string | null; detail: string | null }[] };
    expect(events.map((e) => [e.from, e.to, e.code])).toEqual([
      [null, 'queued', null], ['queued', 'sending', 'claimed'], ['sending', 'queued', '99998'], ['queued', 'sending', 'claimed'], ['sending', 'sent', 'accepted'],
    ]);
    expect(events[2]).toMatchObject({ at: new Date(START).toISOString(), detail: '資料處理異常，請重新發送' });
    expect(events[1]!.detail).toBe('attempt 1');
    expect(events[3]!.detail).toBe('attempt 2');
  });
});

describe('balance', () => {
  it('out of credit: the message goes back to the queue, the account pauses, and resumes once the balance is positive', async () => {
    const { t, provider } = await open();
    let credit = 0;
    provider.onSend = (batch) => batch.map(() => (credit > 0 ? { kind: 'accepted', providerMessageId: 'p' } : { kind: 'no_credit', code: '00020', key: 'errors.provider.unknown', detail: '通數不足' }));
    provider.onBalance = () => ({ balance: credit, unit: 'points', supported: true });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    expect((await get(t, 1)).status).toBe('queued');
    let account = (await t.core.api['accounts.list']({})).accounts[0]!;
    expect(account).toMatchObject({ paused: true, pausedReason: 'sending.paused.noCredit', balance: 0 });
    expect(t.events).toContainEqual({ type: 'accounts.changed' });

    // Still no credit: it waits, and nothing is dropped or resent meanwhile.
    await t.clock.advanceAsync(120_000);
    expect(provider.requests).toHaveLength(1);
    credit = 500;
    await t.clock.advanceAsync(60_000);
    account = (await t.core.api['accounts.list']({})).accounts[0]!;
    expect(account).toMatchObject({ paused: false, balance: 500, balanceUnit: 'points' });
    expect((await get(t, 1)).status).toBe('sent');
    expect(provider.requests).toHaveLength(2);
  });

  it('the operator resumes a paused account; the low-balance flag follows the setting', async () => {
    const { t, provider } = await open();
    provider.onBalance = () => ({ balance: 80, unit: 'points', supported: true });
    withDb(t.dataDir, (db) => db.prepare(`insert into accounts (name, provider, is_default, paused_reason, created_at, updated_at) values ('tw', 'twsms', 0, 'errors.provider.unsupported', 0, 0)`).run());
    const resumed = await t.core.call('accounts.resume', { name: 'tw' }) as { accounts: { name: string; paused: boolean }[] };
    expect(resumed.accounts.find((a) => a.name === 'tw')!.paused).toBe(false);
    await expect(t.core.call('accounts.resume', { name: 'nobody' })).rejects.toMatchObject({ kind: 'not_found' });

    await t.core.api['accounts.balance']({});
    const sandbox = () => Promise.resolve(t.core.api['accounts.list']({})).then((r) => r.accounts.find((a) => a.name === 'sandbox')!);
    // The sandbox is a test account: never "low".
    expect(await sandbox()).toMatchObject({ balance: 80, lowBalance: false });
    withDb(t.dataDir, (db) => db.prepare(`update accounts set provider = 'twsms', balance = 80 where name = 'tw'`).run());
    const tw = () => Promise.resolve(t.core.api['accounts.list']({})).then((r) => r.accounts.find((a) => a.name === 'tw')!);
    expect((await tw()).lowBalance).toBe(true);
    await t.core.api['settings.set']({ key: 'sending.lowBalance', value: 50 });
    expect((await tw()).lowBalance).toBe(false);
  });
});

describe('account-level refusal', () => {
  it('fails the message that met it, pauses the account, and sends no more through it', async () => {
    const { t, provider } = await open({ defaultConcurrency: 1 });
    provider.onSend = (batch) => batch.map(() => ({ kind: 'account', code: '00010', key: 'errors.provider.unknown', detail: '帳號或密碼錯誤' }));
    await t.core.api['messages.send']({ to: '0912345678, 0922333444, 0933444555', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(60_000);
    expect(provider.requests).toHaveLength(1);
    expect((await get(t, 1)).status).toBe('failed');
    for (const id of [2, 3]) expect((await get(t, id)).status).toBe('queued');
    const account = (await t.core.api['accounts.list']({})).accounts[0]!;
    expect(account).toMatchObject({ paused: true, pausedReason: 'errors.provider.unknown' });

    // The operator fixed the password and resumes: the waiting messages go.
    provider.onSend = (batch) => batch.map(() => ({ kind: 'accepted', providerMessageId: 'ok' }));
    await t.core.api['accounts.resume']({ name: 'sandbox' });
    await t.clock.advanceAsync(1000);
    for (const id of [2, 3]) expect((await get(t, id)).status).toBe('sent');
  });
});

describe('balance readings', () => {
  it('tell the screens only when the balance changed (a reading is not news: screens re-read on every change)', async () => {
    const t = await openCore({ clock: new FakeClock(START) });
    await t.core.api['accounts.balance']({});
    const changes = () => t.events.filter((e) => e.type === 'accounts.changed').length;
    const afterFirst = changes();
    await t.core.api['accounts.balance']({});
    await t.core.api['accounts.balance']({});
    expect(changes()).toBe(afterFirst);
  });
});
