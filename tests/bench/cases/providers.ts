// providers.*_msgs_per_s: how many messages each real adapter sends per second to its zero-latency
// loopback fake over real HTTP (batches of 50, as the dispatcher hands them over), after a warm-up. It tells whether an
// adapter could be what limits dispatch.loopback_msgs_per_s. Informational: no goal of its own.
import { createEvery8dProvider } from '../../../src-main/core/providers/every8d';
import { createMitakeProvider } from '../../../src-main/core/providers/mitake';
import { createTwilioProvider } from '../../../src-main/core/providers/twilio';
import { createTwsmsProvider } from '../../../src-main/core/providers/twsms';
import type { OutgoingMessage, ProviderFactory } from '../../../src-main/core/providers/types';
import { systemClock } from '../../../src-main/core/types';
import { startEvery8dFake } from '../../fakes/every8d';
import { startMitakeFake } from '../../fakes/mitake';
import { startTwilioFake } from '../../fakes/twilio';
import { startTwsmsFake } from '../../fakes/twsms';
import { nowMs, round, type BenchCase, type Result } from '../util';

const MESSAGES = 2000;
const BATCH = 50;
const SID = `AC${'b'.repeat(32)}`;

/** `pass` keeps idempotency keys apart, so Mitake never answers a warm-up's message as a duplicate. */
function batches(pass: number): OutgoingMessage[][] {
  const all = Array.from({ length: MESSAGES }, (_, i): OutgoingMessage => ({
    messageId: i + 1, idempotencyKey: `00000000-0000-4000-800${pass}-${String(i).padStart(12, '0')}`,
    to: `+8869${String(10_000_000 + i).slice(-8)}`, text: '【測試店】您好，您的訂單已到貨。', segments: 1, encoding: 'UCS-2',
  }));
  return Array.from({ length: MESSAGES / BATCH }, (_, i) => all.slice(i * BATCH, i * BATCH + BATCH));
}

async function measure(factory: ProviderFactory, baseUrl: string, username: string, secret: string, sender: string | null): Promise<Result> {
  const provider = factory({ id: 1, name: 'bench', provider: 'sandbox', baseUrl, username, secret, sender }, { clock: systemClock, setting: () => 0 });
  try {
    // Warm up first (JIT, sockets): the first thousand requests measure start-up, not the adapter.
    for (const batch of batches(0).slice(0, 20)) await provider.send(batch);
    let accepted = 0;
    const t0 = nowMs();
    for (const batch of batches(1)) accepted += (await provider.send(batch)).filter((o) => o.kind === 'accepted').length;
    const seconds = (nowMs() - t0) / 1000;
    if (accepted !== MESSAGES) throw new Error(`only ${accepted} of ${MESSAGES} accepted`);
    return { value: round(MESSAGES / seconds, 0), unit: 'msgs/s' };
  } finally {
    await provider.close?.();
  }
}

const providersCase: BenchCase = {
  name: 'providers',
  async run() {
    const results: Record<string, Result> = {};
    const twsms = await startTwsmsFake({ credits: 1e9 });
    try {
      results['providers.twsms_msgs_per_s'] = await measure(createTwsmsProvider, twsms.url, 'user', 'pass', null);
    } finally {
      await twsms.close();
    }
    const e8d = await startEvery8dFake({ credits: 1e9 });
    try {
      // The same text to a batch goes as one request (multi-recipient).
      results['providers.every8d_msgs_per_s'] = await measure(createEvery8dProvider, e8d.url, 'user', 'pass', null);
    } finally {
      await e8d.close();
    }
    const mitake = await startMitakeFake({ credits: 1e9 });
    try {
      results['providers.mitake_msgs_per_s'] = await measure(createMitakeProvider, mitake.url, 'user', 'pass', null);
    } finally {
      await mitake.close();
    }
    const twilio = await startTwilioFake({ accountSid: SID, authToken: 'token' });
    try {
      results['providers.twilio_msgs_per_s'] = await measure(createTwilioProvider, twilio.url, SID, 'token', '+15005550006');
    } finally {
      await twilio.close();
    }
    return results;
  },
};

export default providersCase;
