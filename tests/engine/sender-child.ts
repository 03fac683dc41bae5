// A dispatcher process for the crash tests: the real core on a data dir, sending through the real
// TwSMS or Mitake adapter to a loopback fake, until every message is final (then exit 0) or until it
// is killed. CRASH picks a deterministic point at which it SIGKILLs itself:
//   before-claim-commit  inside the claim transaction (the optedOut check runs there)
//   before-request       after the claim committed, before the adapter sends anything
//   after-response       after the adapter read the provider's answer, before it is recorded
// (The fourth point, "the provider accepted, the answer not yet read", is made by the test: the fake
// accepts and holds the answer while the test kills this process.)
// Env: DATA_DIR, MIGRATIONS_DIR, PROVIDER (twsms|mitake), CRASH (optional). Prints "ready" once started.
import { createCore } from '../../src-main/core';
import { createMitakeProvider } from '../../src-main/core/providers/mitake';
import { createTwsmsProvider } from '../../src-main/core/providers/twsms';
import type { Provider, ProviderFactory } from '../../src-main/core/providers/types';
import Database from 'better-sqlite3';
import path from 'node:path';

const crash = process.env.CRASH ?? '';
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const wrap = (factory: ProviderFactory): ProviderFactory => (account, context) => {
  const real: Provider = factory(account, { ...context, http: { connectMs: 2000, headersMs: 3000, bodyMs: 3000 } });
  return {
    ...real,
    name: real.name,
    capabilities: real.capabilities,
    async send(batch) {
      if (crash === 'before-request') die();
      const outcomes = await real.send(batch);
      if (crash === 'after-response') die();
      return outcomes;
    },
    status: (refs) => real.status(refs),
    balance: () => real.balance(),
  };
};

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const core = await createCore({
    dataDir,
    migrationsDir: process.env.MIGRATIONS_DIR!,
    providers: { twsms: wrap(createTwsmsProvider), mitake: wrap(createMitakeProvider) },
    ...(crash === 'before-claim-commit' ? { optedOut: () => die() } : {}),
    watchIntervalMs: 100,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write('ready\n');
  const db = new Database(path.join(dataDir, 'smsdesk.db'), { readonly: true });
  // Done when nothing is left to do: no row waits to be sent or for a report.
  const open = db.prepare(`select count(*) as n from messages where status in ('scheduled', 'queued', 'sending', 'sent') or (status = 'unknown' and next_action_at is not null)`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if ((open.get() as { n: number }).n === 0) break;
  }
  db.close();
  await core.close();
  process.exit(0);
}

void main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
