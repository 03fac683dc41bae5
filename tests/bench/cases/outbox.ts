// outbox.enqueue_100k_ms: 100,000 messages into the outbox (rows + their first event, one transaction),
// as the repository writes them for a send to a 100k list; the full messages.send path (parsing and
// checking 100k numbers first) is reported beside it.
// outbox.cycle_vs_plainjob: enqueue → claim → complete throughput of our outbox (claims of 200 with
// UPDATE … RETURNING in BEGIN IMMEDIATE, completion through the state machine recorded in the commit
// of the next claim, as the dispatcher does) divided by that of the `plainjob` queue in the same run
// (its API: one job claimed and completed at a time), both synchronous=FULL.
import path from 'node:path';
import Database from 'better-sqlite3';
import { better, defineQueue } from 'plainjob';
import { createCore } from '../../../src-main/core';
import { applyPragmas, openRaw } from '../../../src-main/core/db/client';
import { createClaimer } from '../../../src-main/core/outbox/claim';
import { createMessageRepository, type NewMessage } from '../../../src-main/core/outbox/repository';
import { createTransitioner } from '../../../src-main/core/outbox/transitions';
import { newIdempotencyKey } from '../../../src-main/core/outbox/idempotency-key';
import { createLease } from '../../../src-main/core/dispatcher/lease';
import { nowMs, round, withTempDir, type BenchCase } from '../util';

const ENQUEUE = 100_000;
const OURS = 20_000;
const PEER = 1_000;
const CLAIM_BATCH = 200;

function newMessages(n: number, now: number): NewMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    idempotencyKey: newIdempotencyKey(now), accountId: 1, toE164: `+8869${String(10_000_000 + i).slice(-8)}`, toRaw: `09${String(10_000_000 + i).slice(-8)}`,
    text: '【測試店】您好，您的愛車定檢即將到期，歡迎預約。', encoding: 'UCS-2', segments: 1, status: 'queued', origin: 'api', memo: null,
    testMode: false, scheduledAt: null, scheduledTz: null, nextActionAt: now, createdAt: now,
  }));
}

async function openDb(dataDir: string) {
  await (await createCore({ dataDir, dispatch: false, log: () => {} })).close();
  const db = openRaw(path.join(dataDir, 'smsdesk.db'));
  applyPragmas(db);
  return db;
}

async function enqueue100k(): Promise<{ repoMs: number; sendMs: number }> {
  const repoMs = await withTempDir(async (dir) => {
    const db = await openDb(dir);
    const repo = createMessageRepository(db);
    const rows = newMessages(ENQUEUE, Date.now());
    const t0 = nowMs();
    repo.insertMany(rows);
    const ms = nowMs() - t0;
    db.close();
    return ms;
  }, 'smsdesk-bench-enqueue-');
  const sendMs = await withTempDir(async (dataDir) => {
    const core = await createCore({ dataDir, dispatch: false, log: () => {} });
    const numbers = Array.from({ length: ENQUEUE }, (_, i) => `09${String(10_000_000 + i).slice(-8)}`);
    const t0 = nowMs();
    await core.api['messages.send']({ to: numbers, text: '【測試店】您好', origin: 'cli' });
    const ms = nowMs() - t0;
    await core.close();
    return ms;
  }, 'smsdesk-bench-send-');
  return { repoMs, sendMs };
}

async function oursPerSecond(): Promise<number> {
  return withTempDir(async (dir) => {
    const db = await openDb(dir);
    const repo = createMessageRepository(db);
    const transitions = createTransitioner(db);
    const claimer = createClaimer(db, transitions);
    const lease = createLease(db);
    const now = Date.now();
    lease.acquire(now);
    const policy = { region: 'TW', quietHours: { enabled: false, start: '21:00', end: '09:00', timeZone: 'Asia/Taipei' }, frequencyCap: 0, optedOut: () => new Set<string>() };
    const t0 = nowMs();
    repo.insertMany(newMessages(OURS, now));
    let done = 0;
    // As the dispatcher does: the answers to one batch are recorded in the commit that claims the next.
    let answered: typeof pending = [];
    let pending: { id: number }[] = [];
    const complete = (rows: { id: number }[]) => {
      for (const r of rows) transitions.transition(r.id, 'sending', 'sent', now, { provider_message_id: `p${r.id}`, sent_at: now, next_action_at: null }, { code: 'accepted' });
      done += rows.length;
    };
    for (;;) {
      answered = pending;
      const { claimed } = claimer.claim(lease.holderId, 1, now, CLAIM_BATCH, policy, () => complete(answered));
      pending = claimed;
      if (claimed.length === 0) break;
    }
    const ms = nowMs() - t0;
    if (done !== OURS) throw new Error(`completed ${done} of ${OURS}`);
    db.close();
    return (OURS / ms) * 1000;
  }, 'smsdesk-bench-cycle-');
}

async function plainjobPerSecond(): Promise<number> {
  return withTempDir(async (dir) => {
    const db = new Database(path.join(dir, 'plainjob.db'));
    const queue = defineQueue({ connection: better(db), logger: { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } });
    // plainjob sets synchronous=NORMAL; the comparison is at our durability.
    db.pragma('synchronous = FULL');
    const t0 = nowMs();
    queue.addMany('sms', Array.from({ length: PEER }, (_, i) => ({ to: `09${i}`, text: 'hi' })));
    let done = 0;
    for (;;) {
      const job = queue.getAndMarkJobAsProcessing('sms');
      if (!job) break;
      queue.markJobAsDone(job.id);
      done++;
    }
    const ms = nowMs() - t0;
    if (done !== PEER) throw new Error(`plainjob completed ${done} of ${PEER}`);
    queue.close();
    return (PEER / ms) * 1000;
  }, 'smsdesk-bench-plainjob-');
}

const outboxCase: BenchCase = {
  name: 'outbox',
  async run() {
    const { repoMs, sendMs } = await enqueue100k();
    const ours = await oursPerSecond();
    const peer = await plainjobPerSecond();
    return {
      'outbox.enqueue_100k_ms': { value: round(repoMs), unit: 'ms', goal: '<= 1500' },
      'outbox.send_100k_numbers_ms': { value: round(sendMs), unit: 'ms' },
      'outbox.cycle_vs_plainjob': { value: round(ours / peer), unit: 'x', goal: '>= 10' },
      'outbox.cycle_per_s': { value: round(ours), unit: 'msg/s', peer: round(peer), ratio: round(ours / peer) },
    };
  },
};

export default outboxCase;
