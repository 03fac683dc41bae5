// Two dispatcher processes on one data dir at the same time (the app and `smsdesk run`, say), sending
// 200 messages to the TwSMS fake: the lease lets one send, the other waits; no message reaches the
// provider twice, and every message is delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwsmsFake, type TwsmsFake } from '../../fakes/twsms';
import { bundleChild, preparedDataDir, startSender } from '../../engine/sender-process';
import { withDb } from '../../helpers/db';

let fake: TwsmsFake;
beforeAll(async () => {
  fake = await startTwsmsFake({ credits: 1_000_000, latencyMs: 5 });
  await bundleChild();
}, 60_000);
afterAll(async () => {
  await fake?.close();
});

describe('two dispatchers on one data dir', () => {
  it('never send a row twice', async () => {
    const { dataDir, numbers } = await preparedDataDir('twsms', fake.url, 200, 700_000);
    const [a, b] = await Promise.all([startSender(dataDir, { PROVIDER: 'twsms' }), startSender(dataDir, { PROVIDER: 'twsms' })]);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea.code, ea.stderr).toBe(0);
    expect(eb.code, eb.stderr).toBe(0);
    const copies = new Map<string, number>();
    for (const m of fake.accepted) copies.set(m.mobile, (copies.get(m.mobile) ?? 0) + 1);
    expect(numbers.filter((n) => copies.get(n) !== 1)).toEqual([]);
    const rows = withDb(dataDir, (db) => db.prepare('select status, count(*) as n from messages group by status').all());
    expect(rows).toEqual([{ status: 'delivered', n: 200 }]);
    const claims = withDb(dataDir, (db) => db.prepare(`select count(*) as n from message_events where from_status = 'queued' and to_status = 'sending'`).get());
    expect(claims).toEqual({ n: 200 });
  }, 60_000);
});
