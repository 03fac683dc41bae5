// A bigger crash matrix than `npm test` runs: npx tsx scripts/crash-soak.ts [kills] [messages] [seed]
// Prints one JSON line per provider; exits 1 if any message was duplicated, lost or left stuck.
import { startMitakeFake } from '../tests/fakes/mitake';
import { startTwsmsFake } from '../tests/fakes/twsms';
import { runCrashMatrix } from '../tests/engine/crash-matrix';
import { tempDirManual } from '../tests/helpers/temp-dir';

const kills = Number(process.argv[2] ?? 200);
const messages = Number(process.argv[3] ?? 1000);
const seed = Number(process.argv[4] ?? Date.now() % 1_000_000);

const twsms = await startTwsmsFake({ credits: 10_000_000, latencyMs: 25 });
const mitake = await startMitakeFake({ credits: 10_000_000, latencyMs: 25 });
let bad = false;
try {
  for (const [provider, fake, firstNumber] of [['twsms', twsms, 100_000], ['mitake', mitake, 500_000]] as const) {
    const { dir, remove } = tempDirManual('smsdesk-soak-');
    const r = await runCrashMatrix({ provider, fake, messages, kills, seed, maxLifeMs: 150, firstNumber, dataDir: dir });
    remove();
    process.stdout.write(`${JSON.stringify({ provider, ...r })}\n`);
    if (r.duplicates || r.lost || r.stuck) bad = true;
  }
} finally {
  await twsms.close();
  await mitake.close();
}
process.exit(bad ? 1 : 0);
