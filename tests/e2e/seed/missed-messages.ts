// Seeds a data dir with timed messages that will be overdue beyond the grace window when smsdesk
// starts: as if they had been scheduled three hours ago for half an hour later, and the PC had then
// been off. Run with tsx before the server starts (tests/e2e/missed.spec.ts):
//   tsx tests/e2e/seed/missed-messages.ts <dataDir> <to> <text> [<to> <text> …]
// The core is opened with its clock three hours back, so scheduling "in 30 minutes" is an ordinary
// composer action there; nothing else about the data is forged.
import { createCore, systemClock } from '../../../src-main/core';
import type { Clock } from '../../../src-main/core/types';

const BACK_MS = 3 * 3600_000;
const AHEAD_MS = 30 * 60_000;

const [dataDir, ...pairs] = process.argv.slice(2);
if (!dataDir || pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error('usage: missed-messages.ts <dataDir> <to> <text> [<to> <text> …]');
  process.exit(2);
}

const past: Clock = { ...systemClock, now: () => systemClock.now() - BACK_MS };
const core = await createCore({ dataDir, clock: past, dispatch: false, log: () => {} });
try {
  // An ISO instant with its offset: no question of which zone the wall clock is in.
  const at = new Date(past.now() + AHEAD_MS).toISOString();
  for (let i = 0; i < pairs.length; i += 2) {
    const out = await core.call('messages.send', { to: pairs[i]!, text: pairs[i + 1]!, at, origin: 'composer' }) as { messages: { id: number; status: string }[] };
    if (out.messages[0]?.status !== 'scheduled') throw new Error(`not scheduled: ${JSON.stringify(out)}`);
    console.log(out.messages[0].id);
  }
} finally {
  await core.close();
}
