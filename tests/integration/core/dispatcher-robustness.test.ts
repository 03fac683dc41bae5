// The dispatcher under conditions a shop meets: an account whose provider this version cannot drive,
// and a dispatcher that stalls mid-send while another takes the lease over.
import { describe, expect, it } from 'vitest';
import type { ProviderFactory, SendOutcome } from '../../../src-main/core/providers/types';
import { createSandboxProvider } from '../../../src-main/core/providers/sandbox';
import { LEASE_TTL_MS } from '../../../src-main/core/dispatcher/lease';
import { withDb } from '../../helpers/db';
import { FakeClock, flushAsync } from '../../helpers/fake-clock';
import { openCore } from '../../helpers/core';

const story = (dataDir: string, id: number) =>
  withDb(dataDir, (db) => (db.prepare('select from_status, to_status from message_events where message_id = ? order by id').all(id) as { from_status: string | null; to_status: string }[]).map((e) => `${e.from_status}→${e.to_status}`));

describe('an account without an adapter', () => {
  it('puts its messages back in the queue and pauses the account, never marking them unknown', async () => {
    // Only the sandbox has an adapter here, so the twsms account has none.
    const t = await openCore({ providers: { sandbox: createSandboxProvider } });
    withDb(t.dataDir, (db) => db.prepare(`insert into accounts (name, provider, is_default, created_at, updated_at) values ('tw', 'twsms', 0, 0, 0)`).run());
    const sent = await t.core.api['messages.send']({ to: '0912345678', text: 'hello', account: 'tw', origin: 'cli' });
    const id = sent.messages[0]!.id;
    await t.core.tick();

    const message = await t.core.api['messages.get']({ id });
    expect(message.status).toBe('queued');
    expect(story(t.dataDir, id)).not.toContain('sending→unknown');
    const account = (await t.core.api['accounts.list']({})).accounts.find((a) => a.name === 'tw')!;
    expect(account.paused).toBe(true);
    expect(account.pausedReason).toBe('errors.provider.unsupported');

    // A paused account's rows are not claimed again; the sandbox default still sends.
    const other = await t.core.api['messages.send']({ to: '0922333444', text: 'hi', origin: 'cli' });
    await t.core.tick();
    expect((await t.core.api['messages.get']({ id })).status).toBe('queued');
    expect((await t.core.api['messages.get']({ id: other.messages[0]!.id })).status).toBe('sent');
  });
});

describe('a dispatcher that stalls while another takes the lease', () => {
  it('records the provider’s late acceptance on the row the new holder marked unknown, and stops claiming', async () => {
    let release!: (outcomes: SendOutcome[]) => void;
    const stalled = new Promise<SendOutcome[]>((resolve) => (release = resolve));
    const stallingSandbox: ProviderFactory = (account, context) => ({ ...createSandboxProvider(account, context), send: () => stalled });

    const clockA = new FakeClock();
    const a = await openCore({ clock: clockA, providers: { sandbox: stallingSandbox } });
    // A full claim batch (50), so that A's pass would go on to claim another batch if it did not re-check the lease.
    const numbers = Array.from({ length: 50 }, (_, i) => `09123456${String(i).padStart(2, '0')}`);
    const { messages } = await a.core.api['messages.send']({ to: numbers, text: 'hello', origin: 'cli' });
    expect(messages).toHaveLength(50);
    const id = messages[0]!.id;
    const passA = a.core.tick();
    await flushAsync();
    expect((await a.core.api['messages.get']({ id })).status).toBe('sending');

    // B's clock is past A's heartbeat by more than the lease's lifetime: A looks hung.
    const clockB = new FakeClock(clockA.now() + LEASE_TTL_MS + 1000);
    const b = await openCore({ clock: clockB, dataDir: a.dataDir });
    await b.core.tick();
    expect((await b.core.api['dispatcher.status']({})).active).toBe(true);
    expect((await b.core.api['messages.get']({ id })).status).toBe('unknown');

    // Meanwhile more work arrives; A must not claim it after losing the lease.
    const later = await b.core.api['messages.send']({ to: '0922333444', text: 'later', origin: 'cli' });
    clockA.setNow(clockB.now());
    release(messages.map((_, i) => ({ kind: 'accepted', providerMessageId: `late-${i + 1}` })));
    await passA;

    const first = await a.core.api['messages.get']({ id });
    expect(first.status).toBe('sent');
    expect(first.providerMessageId).toBe('late-1');
    expect(story(a.dataDir, id)).toEqual(['null→queued', 'queued→sending', 'sending→unknown', 'unknown→sent']);
    for (const m of messages) expect((await a.core.api['messages.get']({ id: m.id })).status).toBe('sent');
    expect(story(a.dataDir, later.messages[0]!.id)).toEqual(['null→queued']);
  });
});

describe('a definite late refusal after a takeover', () => {
  it('turns the row the new holder marked unknown into failed, with the provider’s reason', async () => {
    let release!: (outcomes: SendOutcome[]) => void;
    const stalled = new Promise<SendOutcome[]>((resolve) => (release = resolve));
    const stallingSandbox: ProviderFactory = (account, context) => ({ ...createSandboxProvider(account, context), send: () => stalled });
    const clockA = new FakeClock();
    const a = await openCore({ clock: clockA, providers: { sandbox: stallingSandbox } });
    const { messages } = await a.core.api['messages.send']({ to: '0912345678', text: 'hello', origin: 'cli' });
    const id = messages[0]!.id;
    const passA = a.core.tick();
    await flushAsync();

    const b = await openCore({ clock: new FakeClock(clockA.now() + LEASE_TTL_MS + 1000), dataDir: a.dataDir });
    await b.core.tick();
    expect((await b.core.api['messages.get']({ id })).status).toBe('unknown');

    release([{ kind: 'rejected', code: 'BAD_NUMBER', key: 'errors.provider.unknown', detail: 'number barred' }]);
    await passA;
    const m = await a.core.api['messages.get']({ id });
    expect(m.status).toBe('failed');
    expect(m.error).toMatchObject({ code: 'BAD_NUMBER', detail: 'number barred' });
    expect(story(a.dataDir, id).slice(-2)).toEqual(['sending→unknown', 'unknown→failed']);
  });
});
