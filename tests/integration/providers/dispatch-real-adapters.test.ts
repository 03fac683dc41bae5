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
});
