// The scheduler (issue 7):
// scheduler.status_200k_ms: the status summary the tray and the header show (counts, next due time,
//   failed/missed/unknown waiting for the operator), over a log of 200,000 messages of which 2% failed;
//   it is computed again after changes (at most every 250 ms), so it must stay cheap. Median of 20.
// scheduler.catch_up_10k_ms: catch-up over 10,000 overdue timed messages (a shop PC off for a day with
//   a big scheduled send): each judged and moved (sent / waiting / missed) in one transaction.
import path from 'node:path';
import { createCore } from '../../../src-main/core';
import { applyPragmas, openRaw } from '../../../src-main/core/db/client';
import { createAccountsService } from '../../../src-main/core/accounts/service';
import { createEventBus } from '../../../src-main/core/events/bus';
import { createMessageRepository, type NewMessage } from '../../../src-main/core/outbox/repository';
import { createTransitioner } from '../../../src-main/core/outbox/transitions';
import { newIdempotencyKey } from '../../../src-main/core/outbox/idempotency-key';
import { createSettingsService } from '../../../src-main/core/settings/service';
import { createFileKeySecretBox } from '../../../src-main/core/secrets/file-key';
import { builtInProviders } from '../../../src-main/core/providers/registry';
import { createAttention } from '../../../src-main/core/scheduler/attention';
import { createCatchUpRunner } from '../../../src-main/core/scheduler/catch-up-runner';
import { systemClock } from '../../../src-main/core/types';
import { median, nowMs, round, withTempDir, type BenchCase } from '../util';

const LOG = 200_000;
const OVERDUE = 10_000;

function rows(n: number, now: number, status: 'queued' | 'scheduled', at: number): NewMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    idempotencyKey: newIdempotencyKey(now), accountId: 1, toE164: `+8869${String(10_000_000 + i).slice(-8)}`, toRaw: `09${String(10_000_000 + i).slice(-8)}`,
    text: '【測試店】您好，您的愛車定檢即將到期，歡迎預約。', encoding: 'UCS-2', segments: 1, status, origin: 'composer', memo: null,
    testMode: false, scheduledAt: status === 'scheduled' ? at : null, scheduledTz: status === 'scheduled' ? 'Asia/Taipei' : null, nextActionAt: at, createdAt: now,
  }));
}

async function open(dir: string) {
  await (await createCore({ dataDir: dir, dispatch: false, log: () => {} })).close();
  const db = openRaw(path.join(dir, 'smsdesk.db'));
  applyPragmas(db);
  const bus = createEventBus();
  const settings = createSettingsService(db, bus, systemClock);
  const accounts = createAccountsService(db, bus, systemClock, createFileKeySecretBox(dir), builtInProviders, { clock: systemClock, setting: () => 1000 }, () => 100);
  return { db, settings, accounts, repo: createMessageRepository(db), transitions: createTransitioner(db) };
}

async function statusOverLog(): Promise<number> {
  return withTempDir(async (dir) => {
    const { db, settings, accounts, repo } = await open(dir);
    const now = Date.now();
    repo.insertMany(rows(LOG, now - 3600_000, 'queued', now - 3600_000));
    // A delivered log with 2% failures, a few still scheduled.
    db.prepare(`update messages set status = case when id % 50 = 0 then 'failed' when id % 1000 = 1 then 'scheduled' else 'delivered' end,
      final_at = ?, sent_at = ?, next_action_at = case when id % 1000 = 1 then ? else null end`).run(now - 60_000, now - 60_000, now + 3600_000);
    const attention = createAttention(db, accounts, settings);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = nowMs();
      const s = attention.status(Date.now());
      times.push(nowMs() - t0);
      if (s.attention.failed !== LOG / 50) throw new Error(`status counted ${s.attention.failed} failures`);
    }
    db.close();
    return median(times);
  }, 'smsdesk-bench-status-');
}

async function catchUp10k(): Promise<number> {
  return withTempDir(async (dir) => {
    const { db, settings, repo, transitions } = await open(dir);
    const now = Date.now();
    // Half came due within the grace window, half long before it.
    repo.insertMany([...rows(OVERDUE / 2, now - 86_400_000, 'scheduled', now - 30 * 60_000), ...rows(OVERDUE / 2, now - 86_400_000, 'scheduled', now - 20 * 3600_000)]);
    const runner = createCatchUpRunner(db, transitions, settings);
    const t0 = nowMs();
    const r = runner.run(now);
    const ms = nowMs() - t0;
    if (r.sent.length + r.waiting.length + r.missed.length !== OVERDUE) throw new Error('catch-up did not judge every message');
    db.close();
    return ms;
  }, 'smsdesk-bench-catchup-');
}

const schedulerCase: BenchCase = {
  name: 'scheduler',
  async run() {
    return {
      'scheduler.status_200k_ms': { value: round(await statusOverLog()), unit: 'ms', goal: '<= 50' },
      'scheduler.catch_up_10k_ms': { value: round(await catchUp10k()), unit: 'ms', goal: '<= 2000' },
    };
  },
};

export default schedulerCase;
