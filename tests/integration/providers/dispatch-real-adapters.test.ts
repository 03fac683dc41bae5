// The real core sending through a real adapter over loopback HTTP: an account added through the API
// (its password sealed), a message dispatched to the TwSMS fake, its delivery report polled.
import { describe, expect, it, onTestFinished } from 'vitest';
import { startTwsmsFake } from '../../fakes/twsms';
import { startMitakeFake } from '../../fakes/mitake';
import { openCore } from '../../helpers/core';
import { waitFor } from '../../helpers/wait-for';

describe('dispatching through real adapters', () => {
  it('TwSMS: sent once, then delivered from the polled report', async () => {
    const t = await openCore();
    const fake = await startTwsmsFake({ username: 'shop01', password: 'pw', statusLagMs: 1000, now: () => t.clock.now() });
    onTestFinished(() => fake.close());
    await t.core.api['accounts.add']({ provider: 'twsms', name: 'shop', username: 'shop01', password: 'pw', baseUrl: fake.url });
    const sent = await t.core.api['messages.send']({ to: '0912345678', text: '您好', account: 'shop', origin: 'cli' });
    const id = sent.messages[0]!.id;
    await waitFor(async () => {
      await t.core.tick();
      return (await t.core.api['messages.get']({ id })).status === 'sent';
    });
    expect(fake.accepted).toHaveLength(1);
    const msgid = String(fake.accepted[0]!.msgid);
    expect((await t.core.api['messages.get']({ id })).providerMessageId).toBe(msgid);
    await waitFor(async () => {
      t.clock.advance(60_000);
      await t.core.tick();
      return (await t.core.api['messages.get']({ id })).status === 'delivered';
    });
    expect(fake.accepted).toHaveLength(1);
  });

  it('Mitake: the message goes out with its idempotency key as clientid', async () => {
    const t = await openCore();
    const fake = await startMitakeFake({ username: 'm', password: 'pw', now: () => t.clock.now() });
    onTestFinished(() => fake.close());
    await t.core.api['accounts.add']({ provider: 'mitake', name: 'mtk', username: 'm', password: 'pw', baseUrl: fake.url });
    const sent = await t.core.api['messages.send']({ to: '0912345678', text: 'hi', account: 'mtk', origin: 'cli' });
    const id = sent.messages[0]!.id;
    await waitFor(async () => {
      await t.core.tick();
      return (await t.core.api['messages.get']({ id })).status === 'sent';
    });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]!.clientid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('Mitake: many messages with different texts go out in a few SmBulkSend requests, each with its own clientid', async () => {
    const t = await openCore();
    const fake = await startMitakeFake({ username: 'm', password: 'pw', now: () => t.clock.now() });
    onTestFinished(() => fake.close());
    await t.core.api['accounts.add']({ provider: 'mitake', name: 'mtk', username: 'm', password: 'pw', baseUrl: fake.url, default: true });
    const numbers = Array.from({ length: 150 }, (_, i) => `09123${String(i).padStart(5, '0')}`);
    for (const [i, n] of numbers.entries()) await t.core.api['messages.send']({ to: n, text: `王先生 #${i} 您好`, origin: 'cli' });
    await waitFor(async () => {
      await t.core.tick();
      return (await t.core.api['dispatcher.status']({})).counts.sent === 150;
    });
    expect(fake.accepted).toHaveLength(150);
    expect(new Set(fake.accepted.map((a) => a.smbody)).size).toBe(150);
    expect(new Set(fake.accepted.map((a) => a.clientid)).size).toBe(150);
    const bulkRequests = fake.requests.filter((r) => r.path.endsWith('/SmBulkSend'));
    expect(bulkRequests.length).toBeGreaterThan(0);
    expect(bulkRequests.length + fake.requests.filter((r) => r.path.endsWith('/SmSend')).length).toBeLessThan(20);
  });
});
