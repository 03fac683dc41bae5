// dispatch.loopback_msgs_per_s: the real dispatcher sending through the real TwSMS adapter to its
// loopback fake over real HTTP with no added latency (messages accepted per second, claim to commit).
// dispatch.efficiency: the same with 50 ms of latency per request: the achieved rate divided by what
// `concurrency` requests in flight at all times would give (concurrency / latency). The fake runs in a
// process of its own, as a provider would.
import { createCore } from '../../../src-main/core';
import { createFileKeySecretBox } from '../../../src-main/core/secrets/file-key';
import { nowMs, round, withTempDir, type BenchCase } from '../util';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The fake in its own process (see twsms-fake-process.ts). */
async function startFakeProcess(latencyMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/bench/twsms-fake-process.ts'), String(latencyMs)], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const url = await next();
  return {
    url,
    async accepted(): Promise<number> {
      const answer = next();
      child.stdin!.write('count\n');
      return Number(await answer);
    },
    async close(): Promise<void> {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function sendAll(messages: number, concurrency: number, latencyMs: number): Promise<number> {
  const fake = await startFakeProcess(latencyMs);
  try {
    return await withTempDir(async (dataDir) => {
      const setup = await createCore({ dataDir, dispatch: false, log: () => {} });
      const db = new Database(path.join(dataDir, 'smsdesk.db'));
      db.pragma('busy_timeout = 5000');
      db.prepare(`insert into accounts (name, provider, is_default, base_url, username, secret_sealed, concurrency, rate_per_second, created_at, updated_at) values ('shop', 'twsms', 0, ?, 'user', ?, ?, 1000000, 0, 0)`)
        .run(fake.url, createFileKeySecretBox(dataDir).seal('pass'), concurrency);
      await setup.api['accounts.setDefault']({ name: 'shop' });
      await setup.api['settings.set']({ key: 'sending.quietHours.enabled', value: false });
      await setup.api['settings.set']({ key: 'sending.paused', value: true });
      const numbers = Array.from({ length: messages }, (_, i) => `0912${String(100_000 + i).padStart(6, '0')}`);
      await setup.api['messages.send']({ to: numbers, text: '【測試店】您好，您的愛車定檢即將到期。', origin: 'cli' });
      await setup.close();

      const core = await createCore({ dataDir, log: () => {} });
      const done = db.prepare(`select count(*) as n from messages where status in ('sent', 'delivered')`);
      const t0 = nowMs();
      await core.api['dispatcher.setPaused']({ paused: false });
      while ((done.get() as { n: number }).n < messages) await new Promise((r) => setTimeout(r, 20));
      const ms = nowMs() - t0;
      await core.close();
      db.close();
      const accepted = await fake.accepted();
      if (accepted !== messages) throw new Error(`the fake accepted ${accepted} of ${messages}`);
      return (messages / ms) * 1000;
    }, 'smsdesk-bench-dispatch-');
  } finally {
    await fake.close();
  }
}

const dispatchCase: BenchCase = {
  name: 'dispatch',
  async run() {
    // 32 requests in flight (the account's concurrency): with no latency the commits, not the wire, limit.
    const loopback = await sendAll(4000, 32, 0);
    const concurrency = 8;
    const latency = 50;
    const achieved = await sendAll(480, concurrency, latency);
    const ideal = concurrency / (latency / 1000);
    return {
      'dispatch.loopback_msgs_per_s': { value: round(loopback), unit: 'msg/s', goal: '>= 1500' },
      'dispatch.efficiency': { value: round(achieved / ideal, 3), unit: 'ratio', goal: '>= 0.9' },
      'dispatch.latency50_msgs_per_s': { value: round(achieved), unit: 'msg/s' },
    };
  },
};

export default dispatchCase;
