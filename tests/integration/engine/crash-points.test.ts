// Deterministic crash points (issue 6): a real dispatcher process sending through the real TwSMS
// adapter (no duplicate guard) or Mitake adapter (clientid) to a loopback fake is SIGKILLed at each
// point of a send, then a new process finishes the work. The message must end where the truth says:
//   before the claim commits            → never claimed: sent once after the restart
//   after the claim, before the request → the provider never saw it: TwSMS cannot tell (unknown, for
//                                          the operator); Mitake sends again under the same clientid
//   accepted, answer not yet read       → the provider has it once: TwSMS unknown; Mitake's duplicate
//                                          guard answers with the first msgid (sent, still once)
//   after the answer, before the commit → same as the previous one
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMitakeFake, type MitakeFake } from '../../fakes/mitake';
import { startTwsmsFake, type TwsmsFake } from '../../fakes/twsms';
import { bundleChild, preparedDataDir, startSender } from '../../engine/sender-process';
import { withDb } from '../../helpers/db';

type Point = 'before-claim-commit' | 'before-request' | 'accepted-unread' | 'after-response';

let twsms: TwsmsFake;
let mitake: MitakeFake;
beforeAll(async () => {
  [twsms, mitake] = await Promise.all([startTwsmsFake({ credits: 100_000 }), startMitakeFake({ credits: 100_000 })]);
  await bundleChild();
}, 60_000);
afterAll(async () => {
  await Promise.all([twsms?.close(), mitake?.close()]);
});

const atFake = (provider: 'twsms' | 'mitake', national: string) =>
  provider === 'twsms' ? twsms.accepted.filter((a) => a.mobile === national).length : mitake.accepted.filter((a) => a.dstaddr === national).length;

let nextNumber = 200_000;

async function crashAt(provider: 'twsms' | 'mitake', point: Point) {
  const fake = provider === 'twsms' ? twsms : mitake;
  // A number of its own per case: the fakes are shared, their counts are per number.
  const { dataDir, numbers } = await preparedDataDir(provider, fake.url, 1, nextNumber++);
  const first = await startSender(dataDir, { PROVIDER: provider, ...(point === 'accepted-unread' ? {} : { CRASH: point }) });
  if (point === 'accepted-unread') {
    fake.afterAccept(1, 'hang');
    const before = atFake(provider, numbers[0]!);
    await first.ready;
    for (let i = 0; i < 400 && atFake(provider, numbers[0]!) === before; i++) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
  }
  const died = await first.exited;
  expect(died.signal).toBe('SIGKILL');
  const afterCrash = withDb(dataDir, (db) => db.prepare('select status from messages where id = 1').get() as { status: string });
  const second = await startSender(dataDir, { PROVIDER: provider });
  const done = await second.exited;
  expect(done.code, done.stderr).toBe(0);
  const final = withDb(dataDir, (db) => db.prepare('select status, error_code, attempts from messages where id = 1').get() as { status: string; error_code: string | null; attempts: number });
  return { afterCrash: afterCrash.status, final, copies: atFake(provider, numbers[0]!) };
}

describe('crash points, TwSMS (no duplicate guard)', () => {
  it('before the claim commits: the claim rolls back; sent once after the restart', async () => {
    const r = await crashAt('twsms', 'before-claim-commit');
    expect(r.afterCrash).toBe('queued');
    expect(r.final.status).toBe('delivered');
    expect(r.copies).toBe(1);
  });

  it('after the claim, before the request: unknown for the operator, never sent blindly', async () => {
    const r = await crashAt('twsms', 'before-request');
    expect(r.afterCrash).toBe('sending');
    expect(r.final).toMatchObject({ status: 'unknown', error_code: 'interrupted', attempts: 1 });
    expect(r.copies).toBe(0);
  });

  it('accepted, answer not read: unknown, and the provider has exactly one copy', async () => {
    const r = await crashAt('twsms', 'accepted-unread');
    expect(r.afterCrash).toBe('sending');
    expect(r.final).toMatchObject({ status: 'unknown', attempts: 1 });
    expect(r.copies).toBe(1);
  });

  it('after the answer, before the commit: unknown, one copy', async () => {
    const r = await crashAt('twsms', 'after-response');
    expect(r.afterCrash).toBe('sending');
    expect(r.final).toMatchObject({ status: 'unknown', attempts: 1 });
    expect(r.copies).toBe(1);
  });
});

describe('crash points, Mitake (clientid duplicate guard)', () => {
  it.each<[Point, string]>([
    ['before-claim-commit', 'queued'],
    ['before-request', 'sending'],
    ['accepted-unread', 'sending'],
    ['after-response', 'sending'],
  ])('%s: settled and delivered, exactly one copy at the provider', async (point, afterCrash) => {
    const r = await crashAt('mitake', point);
    expect(r.afterCrash).toBe(afterCrash);
    expect(r.final.status).toBe('delivered');
    expect(r.copies).toBe(1);
  });
});
