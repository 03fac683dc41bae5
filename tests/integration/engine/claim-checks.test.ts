// Checks made again when a message is claimed (DESIGN.md §5): number validity, opt-out (a dependency
// the contacts domain will provide) and the per-recipient frequency cap turn a row `blocked` with the
// reason; per-account concurrency and rate; multi-recipient batches.
import { describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, type TestCore } from '../../helpers/core';
import { scriptedProvider } from '../../helpers/scripted-provider';

const START = Date.parse('2026-06-01T10:00:00+08:00');
const get = (t: TestCore, id: number) => t.core.api['messages.get']({ id });

async function open(options: Parameters<typeof openCore>[0] = {}, capabilities = {}) {
  const provider = scriptedProvider(capabilities);
  const t = await openCore({ clock: new FakeClock(START), providers: { sandbox: provider.factory }, ...options });
  await t.core.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
  return { t, provider };
}

describe('claim-time checks', () => {
  it('blocks a number that opted out since it was queued (the optedOut dependency)', async () => {
    const optedOut = new Set<string>();
    const { t, provider } = await open({ optedOut: (numbers) => new Set(numbers.filter((n) => optedOut.has(n))) });
    await t.core.api['dispatcher.setPaused']({ paused: true });
    await t.core.api['messages.send']({ to: '0912345678, 0922333444', text: 'hi', origin: 'composer' });
    optedOut.add('+886912345678');
    await t.core.api['dispatcher.setPaused']({ paused: false });
    await t.core.tick();
    const blocked = await get(t, 1);
    expect(blocked.status).toBe('blocked');
    expect(blocked.error).toMatchObject({ code: 'opted_out', key: 'sending.blocked.optedOut' });
    expect((await get(t, 2)).status).toBe('sent');
    expect(provider.requests.flat().map((m) => m.to)).toEqual(['+886922333444']);
  });

  it('blocks a number whose contact opted out (the contacts lookup the core wires in by default)', async () => {
    const { t, provider } = await open();
    const contact = await t.core.api['contacts.create']({ name: '陳太太', phone: '0912345678' });
    await t.core.api['dispatcher.setPaused']({ paused: true });
    await t.core.api['messages.send']({ to: '0912345678, 0922333444', text: 'hi', origin: 'composer' });
    await t.core.api['contacts.update']({ id: contact.id, optOut: { flag: true, how: '回覆 退訂' } });
    await t.core.api['dispatcher.setPaused']({ paused: false });
    await t.core.tick();
    expect((await get(t, 1)).status).toBe('blocked');
    expect((await get(t, 2)).status).toBe('sent');
    expect(provider.requests.flat().map((m) => m.to)).toEqual(['+886922333444']);
  });

  it('blocks a number that is not a valid mobile number (a row written by another way in)', async () => {
    const { t, provider } = await open();
    withDb(t.dataDir, (db) => db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, created_at, updated_at, next_action_at)
      values ('k1', 1, '+886223456789', '02 2345 6789', 'hi', 'GSM-7', 1, 'queued', 'api', ?, ?, ?)`).run(START, START, START));
    await t.core.tick();
    const m = await get(t, 1);
    expect(m.status).toBe('blocked');
    expect(m.error).toMatchObject({ code: 'invalid_number', key: 'sending.blocked.invalidNumber' });
    expect(provider.requests).toHaveLength(0);
  });

  it('caps messages per number per 24 h (0 = off), counting what is in flight in the same batch', async () => {
    const { t, provider } = await open();
    await t.core.api['settings.set']({ key: 'sending.frequencyCap', value: 2 });
    await t.core.api['messages.send']({ to: '0912345678', text: 'one', origin: 'composer' });
    await t.core.tick();
    await t.core.api['dispatcher.setPaused']({ paused: true });
    await t.core.api['messages.send']({ to: '0912345678', text: 'two', origin: 'composer' });
    await t.core.api['messages.send']({ to: '0912345678', text: 'three', origin: 'composer' });
    await t.core.api['dispatcher.setPaused']({ paused: false });
    await t.core.tick();
    expect((await get(t, 2)).status).toBe('sent');
    const third = await get(t, 3);
    expect(third.status).toBe('blocked');
    expect(third.error).toMatchObject({ code: 'frequency_cap', key: 'sending.blocked.frequencyCap', params: { max: 2 } });

    // A day later the number may receive again; with the cap off, any number of times.
    t.clock.jump(24 * 3600_000 + 1);
    await t.core.api['messages.send']({ to: '0912345678', text: 'four', origin: 'composer' });
    await t.core.tick();
    expect((await get(t, 4)).status).toBe('sent');
    await t.core.api['settings.set']({ key: 'sending.frequencyCap', value: 0 });
    await t.core.api['messages.send']({ to: '0912345678, 0912345678', text: 'five', origin: 'composer' });
    await t.core.api['messages.send']({ to: '0912345678', text: 'six', origin: 'composer' });
    await t.core.tick();
    expect((await get(t, 6)).status).toBe('sent');
    expect(provider.requests.flat().map((m) => m.text)).toEqual(['one', 'two', 'four', 'five', 'six']);
  });
});

describe('per-account limits', () => {
  it('keeps at most `concurrency` requests in flight, and keeps that many going', async () => {
    const { t, provider } = await open({}, { defaultConcurrency: 3 });
    const pending: (() => void)[] = [];
    provider.onSend = (batch) => new Promise((resolve) => pending.push(() => resolve(batch.map((m) => ({ kind: 'accepted', providerMessageId: `p${m.messageId}` })))));
    const numbers = Array.from({ length: 10 }, (_, i) => `09123456${String(i).padStart(2, '0')}`);
    await t.core.api['messages.send']({ to: numbers, text: 'hi', origin: 'composer' });
    const pass = t.core.tick();
    for (let round = 0; round < 20 && provider.requests.length < 10; round++) {
      await new Promise((r) => setImmediate(r));
      expect(pending.length).toBeLessThanOrEqual(3);
      // One answer comes back: the dispatcher at once starts the next request.
      pending.shift()?.();
    }
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await pass;
    expect(provider.maxInFlight).toBe(3);
    expect(provider.requests).toHaveLength(10);
    const statuses = await Promise.all(numbers.map((_, i) => get(t, i + 1)));
    expect(statuses.every((m) => m.status === 'sent')).toBe(true);
  });

  it('refills a slot as soon as one answer comes back, while the other requests are still in flight', async () => {
    const { t, provider } = await open({}, { defaultConcurrency: 8 });
    const pending = new Map<string, () => void>();
    provider.onSend = (batch) => new Promise((resolve) => pending.set(batch[0]!.to, () => resolve(batch.map((m) => ({ kind: 'accepted', providerMessageId: `p${m.messageId}` })))));
    const numbers = Array.from({ length: 12 }, (_, i) => `09123456${String(i).padStart(2, '0')}`);
    await t.core.api['messages.send']({ to: numbers, text: 'hi', origin: 'composer' });
    const pass = t.core.tick();
    const turns = async (until: () => boolean) => {
      for (let i = 0; i < 50 && !until(); i++) await new Promise((r) => setImmediate(r));
    };
    await turns(() => provider.requests.length === 8);
    expect(provider.requests).toHaveLength(8);
    // One answer, seven still out: the ninth request goes at once, not when a second slot frees too.
    pending.get('+886912345600')!();
    pending.delete('+886912345600');
    await turns(() => provider.requests.length === 9);
    expect(provider.requests).toHaveLength(9);
    expect(pending.size).toBe(8);
    // The answer was committed with the claim that refilled the slot.
    expect((await get(t, 1)).status).toBe('sent');
    while (provider.requests.length < 12 || pending.size > 0) {
      const [to, answer] = pending.entries().next().value ?? [];
      if (answer) {
        pending.delete(to!);
        answer();
      }
      await new Promise((r) => setImmediate(r));
    }
    await pass;
    expect(provider.maxInFlight).toBe(8);
    const statuses = await Promise.all(numbers.map((_, i) => get(t, i + 1)));
    expect(statuses.every((m) => m.status === 'sent')).toBe(true);
  });

  it('an account’s own concurrency column overrides the provider default', async () => {
    const { t, provider } = await open({}, { defaultConcurrency: 8 });
    withDb(t.dataDir, (db) => db.prepare('update accounts set concurrency = 1').run());
    const pending: (() => void)[] = [];
    provider.onSend = (batch) => new Promise((resolve) => pending.push(() => resolve(batch.map(() => ({ kind: 'accepted', providerMessageId: 'x' })))));
    await t.core.api['messages.send']({ to: '0912345678, 0922333444, 0933444555', text: 'hi', origin: 'composer' });
    const pass = t.core.tick();
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setImmediate(r));
      pending.shift()?.();
    }
    await pass;
    expect(provider.maxInFlight).toBe(1);
    expect(provider.requests).toHaveLength(3);
  });

  it('sends at most `rate` messages per second', async () => {
    const { t, provider } = await open({}, { defaultConcurrency: 10 });
    withDb(t.dataDir, (db) => db.prepare('update accounts set rate_per_second = 2').run());
    const sentAt: number[] = [];
    provider.onSend = (batch) => {
      sentAt.push(t.clock.now());
      return batch.map(() => ({ kind: 'accepted', providerMessageId: 'x' }));
    };
    const numbers = Array.from({ length: 6 }, (_, i) => `09123456${String(i).padStart(2, '0')}`);
    await t.core.api['messages.send']({ to: numbers, text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(5000);
    expect(sentAt).toHaveLength(6);
    // A burst of one second's worth (2), then one every 500 ms.
    expect(sentAt.map((at) => at - START)).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  it('groups one text to many numbers into multi-recipient requests where the provider allows', async () => {
    const { t, provider } = await open({}, { multiRecipient: true, maxRecipientsPerRequest: 4, defaultConcurrency: 1 });
    const numbers = Array.from({ length: 10 }, (_, i) => `09123456${String(i).padStart(2, '0')}`);
    await t.core.api['messages.send']({ to: numbers, text: 'same text', origin: 'composer' });
    await t.core.api['messages.send']({ to: '0987654321', text: 'other text', origin: 'composer' });
    await t.core.tick();
    // One claim of 4 (one request's worth at concurrency 1) at a time; a request never mixes texts.
    expect(provider.requests.map((r) => r.length)).toEqual([4, 4, 2, 1]);
    expect(provider.requests.map((r) => [...new Set(r.map((m) => m.text))])).toEqual([['same text'], ['same text'], ['same text'], ['other text']]);
  });
});
