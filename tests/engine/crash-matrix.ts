// The crash matrix (issue 6): a dispatcher process sends a few hundred messages to a provider fake and
// is SIGKILLed at random moments, again and again; then one is let finish. Used by the bounded test
// (tests/integration/engine/crash-matrix.test.ts) and by the soak script (scripts/crash-soak.ts).
import { preparedDataDir, startSender } from './sender-process';
import { withDb } from '../helpers/db';
import type { TwsmsFake } from '../fakes/twsms';
import type { MitakeFake } from '../fakes/mitake';

export interface MatrixResult {
  seed: number;
  kills: number;
  messages: number;
  /** Numbers the provider received more than once. */
  duplicates: number;
  /** Messages marked sent/delivered the provider never got, or that vanished from the outbox. */
  lost: number;
  /** Messages left with work pending (queued, sending, sent, or unknown still being settled). */
  stuck: number;
  delivered: number;
  /** Unknown: left to the operator, each with at most one copy at the provider. */
  unknown: number;
  unknownAtProvider: number;
  byStatus: Record<string, number>;
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runCrashMatrix(options: {
  provider: 'twsms' | 'mitake';
  fake: TwsmsFake | MitakeFake;
  messages: number;
  kills: number;
  seed: number;
  /** Longest random wait after a process is up before it is killed. */
  maxLifeMs: number;
  firstNumber: number;
  /** Outside vitest (the soak script): a data dir the caller removes. */
  dataDir?: string;
}): Promise<MatrixResult> {
  const { provider, fake } = options;
  const random = prng(options.seed);
  const { dataDir, numbers } = await preparedDataDir(provider, fake.url, options.messages, options.firstNumber, options.dataDir);
  for (let k = 0; k < options.kills; k++) {
    const sender = await startSender(dataDir, { PROVIDER: provider });
    await sender.ready;
    await new Promise((r) => setTimeout(r, Math.floor(random() * options.maxLifeMs)));
    sender.child.kill('SIGKILL');
    const exit = await sender.exited;
    // It may have finished everything before the kill: then there is nothing left to interrupt.
    if (exit.code !== null && exit.code !== 0) throw new Error(`sender failed: ${exit.stderr}`);
  }
  const last = await startSender(dataDir, { PROVIDER: provider });
  const done = await last.exited;
  if (done.code !== 0) throw new Error(`the last sender did not finish: ${done.code} ${done.stderr}`);

  const copies = new Map<string, number>();
  const received = provider === 'twsms' ? (fake as TwsmsFake).accepted.map((a) => a.mobile) : (fake as MitakeFake).accepted.map((a) => a.dstaddr);
  for (const n of received) copies.set(n, (copies.get(n) ?? 0) + 1);
  const rows = withDb(dataDir, (db) => db.prepare('select to_raw, status, next_action_at from messages order by id').all() as { to_raw: string; status: string; next_action_at: number | null }[]);
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const at = (r: { to_raw: string }) => copies.get(r.to_raw) ?? 0;
  return {
    seed: options.seed,
    kills: options.kills,
    messages: rows.length,
    duplicates: numbers.filter((n) => (copies.get(n) ?? 0) > 1).length,
    lost: rows.filter((r) => (r.status === 'delivered' || r.status === 'sent') && at(r) !== 1).length + (options.messages - rows.length)
      // A message the provider has must never be recorded as refused or waiting to be sent.
      + rows.filter((r) => at(r) > 0 && !['delivered', 'sent', 'unknown'].includes(r.status)).length,
    stuck: rows.filter((r) => ['scheduled', 'queued', 'sending', 'sent'].includes(r.status) || (r.status === 'unknown' && r.next_action_at !== null)).length,
    delivered: byStatus.delivered ?? 0,
    unknown: byStatus.unknown ?? 0,
    unknownAtProvider: rows.filter((r) => r.status === 'unknown' && at(r) === 1).length,
    byStatus,
  };
}
