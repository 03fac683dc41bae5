// core.startup_ms: from createCore() until the API answers, on an existing data dir that holds
// 1M messages (the goal's size; contacts arrive with the contacts issue, so the 100k contacts of the
// goal are not in the database yet). Median of several cold opens of the same file.
import Database from 'better-sqlite3';
import path from 'node:path';
import { createCore } from '../../../src-main/core';
import { median, round, nowMs, seededRandom, withTempDir, type BenchCase } from '../util';

const MESSAGES = 1_000_000;
const RUNS = 7;

function seed(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'smsdesk.db'));
  db.pragma('journal_mode = WAL');
  const random = seededRandom(0x5eed);
  const insert = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status,
    origin, test_mode, next_action_at, created_at, updated_at, sent_at, delivered_at, final_at)
    values (?, 1, ?, ?, ?, 'UCS-2', 1, ?, 'composer', 1, null, ?, ?, ?, ?, ?)`);
  const start = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < MESSAGES; i++) {
      const number = `9${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const at = start + i * 30_000;
      const delivered = random() < 0.95;
      insert.run(`bench-${i}`, `+886${number}`, `0${number}`, '【測試店】您好，您的愛車定檢即將到期，歡迎預約。', delivered ? 'delivered' : 'failed', at, at, at, delivered ? at + 5000 : null, at + 5000);
    }
  })();
  db.close();
}

async function timeStartup(dataDir: string): Promise<number> {
  const t0 = nowMs();
  const core = await createCore({ dataDir, log: () => {} });
  await core.call('app.info', {});
  await core.call('dispatcher.status', {});
  const elapsed = nowMs() - t0;
  await core.close();
  return elapsed;
}

const coreStartupCase: BenchCase = {
  name: 'core',
  async run() {
    return withTempDir(async (dataDir) => {
      // First open creates and migrates the database; then fill it.
      await (await createCore({ dataDir, dispatch: false, log: () => {} })).close();
      const emptyRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) emptyRuns.push(await timeStartup(dataDir));
      const seedStart = nowMs();
      seed(dataDir);
      const seedMs = nowMs() - seedStart;
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeStartup(dataDir));
      return {
        'core.startup_ms': { value: round(median(runs)), unit: 'ms', goal: '<= 500' },
        'core.startup_empty_ms': { value: round(median(emptyRuns)), unit: 'ms' },
        'core.seed_1m_messages_ms': { value: round(seedMs), unit: 'ms' },
      };
    }, 'smsdesk-bench-startup-');
  },
};

export default coreStartupCase;
