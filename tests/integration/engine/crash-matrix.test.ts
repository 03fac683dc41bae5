// The crash matrix, bounded for `npm test`: 50+ SIGKILLs of a real dispatcher process while 300
// messages go to the TwSMS fake, then one run to the end: no duplicates, nothing lost, nothing stuck.
// TwSMS has no duplicate guard, so a message in flight at a kill honestly ends `unknown` (left to the
// operator, at most one copy at the provider); with Mitake's clientid every message ends delivered,
// exactly once. A bigger run: `npx tsx scripts/crash-soak.ts`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMitakeFake, type MitakeFake } from '../../fakes/mitake';
import { startTwsmsFake, type TwsmsFake } from '../../fakes/twsms';
import { runCrashMatrix } from '../../engine/crash-matrix';
import { bundleChild } from '../../engine/sender-process';

const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

let twsms: TwsmsFake;
let mitake: MitakeFake;
beforeAll(async () => {
  // Some latency, so that kills land while requests are in flight.
  [twsms, mitake] = await Promise.all([startTwsmsFake({ credits: 1_000_000, latencyMs: 25 }), startMitakeFake({ credits: 1_000_000, latencyMs: 25 })]);
  await bundleChild();
}, 60_000);
afterAll(async () => {
  await Promise.all([twsms?.close(), mitake?.close()]);
});

describe('crash matrix', () => {
  it('TwSMS: 50 SIGKILLs while 300 messages go out — duplicates 0, lost 0, stuck 0', async () => {
    const r = await runCrashMatrix({ provider: 'twsms', fake: twsms, messages: 300, kills: 50, seed, maxLifeMs: 120, firstNumber: 300_000 });
    const summary = JSON.stringify(r);
    expect(r.messages, summary).toBe(300);
    expect(r.duplicates, summary).toBe(0);
    expect(r.lost, summary).toBe(0);
    expect(r.stuck, summary).toBe(0);
    expect(r.delivered + r.unknown, summary).toBe(300);
    // The kills really interrupted sends (else the matrix proved nothing), and most messages went.
    expect(r.unknown, summary).toBeGreaterThan(0);
    expect(r.delivered, summary).toBeGreaterThan(0);
  }, 120_000);

  it('Mitake (clientid): 20 SIGKILLs — every message delivered exactly once', async () => {
    const r = await runCrashMatrix({ provider: 'mitake', fake: mitake, messages: 200, kills: 20, seed, maxLifeMs: 120, firstNumber: 600_000 });
    const summary = JSON.stringify(r);
    expect(r.duplicates, summary).toBe(0);
    expect(r.lost, summary).toBe(0);
    expect(r.stuck, summary).toBe(0);
    expect(r.delivered, summary).toBe(200);
  }, 120_000);
});
