// rules.*: how long the rule runner's own work takes — computing occurrences (node-cron matching in a
// zone, DST resolution) and selecting a birthday run's recipients among 100k contacts, then running it
// (render, check and queue ~1/365 of them in one transaction).
import Database from 'better-sqlite3';
import path from 'node:path';
import { createCore } from '../../../src-main/core';
import { nextRuns, occurrencesBetween, type Schedule } from '../../../src-main/core/rules/cadence';
import { consume, median, nowMs, round, seededRandom, withTempDir, type BenchCase, type Result } from '../util';

const CONTACTS = 100_000;
const START = Date.UTC(2026, 5, 1, 1, 0, 0);

function timed(fn: () => number, repeat: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = nowMs();
    consume(fn());
    times.push(nowMs() - t0);
  }
  return median(times);
}

const rulesCase: BenchCase = {
  name: 'rules',
  async run() {
    const results: Record<string, Result> = {};
    const daily: Schedule = { cadence: { kind: 'daily' }, time: '10:00', timeZone: 'Asia/Taipei' };
    const cron: Schedule = { cadence: { kind: 'cron', expression: '*/15 8-20 * * 1-5' }, time: null, timeZone: 'America/New_York' };
    results['rules.next_run_daily_ms'] = { value: round(timed(() => nextRuns(daily, START, 1).length, 200), 3), unit: 'ms', goal: '<= 1' };
    results['rules.next_run_cron_ms'] = { value: round(timed(() => nextRuns(cron, START, 1).length, 200), 3), unit: 'ms', goal: '<= 5' };
    results['rules.occurrences_year_daily_ms'] = { value: round(timed(() => occurrencesBetween(daily, START, START + 365 * 86_400_000).length, 5), 1), unit: 'ms', goal: '<= 100' };

    await withTempDir(async (dataDir) => {
      const setup = await createCore({ dataDir, dispatch: false, log: () => {} });
      await setup.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
      await setup.close();
      // 100k contacts with birthdays spread over the year, written directly (the import has its own bench).
      const db = new Database(path.join(dataDir, 'smsdesk.db'));
      const random = seededRandom(0xb1d);
      const insert = db.prepare(`insert into contacts (name, phone_e164, phone_raw, region, birthday, birthday_md, created_at, updated_at) values (?, ?, ?, 'TW', ?, ?, 0, 0)`);
      db.transaction(() => {
        for (let i = 0; i < CONTACTS; i++) {
          const day = new Date(Date.UTC(2000, 0, 1 + Math.floor(random() * 366)));
          const md = day.toISOString().slice(5, 10);
          insert.run(`客戶${i}`, `+8869${String(10_000_000 + i).padStart(8, '0')}`, `09${String(10_000_000 + i)}`, `1980-${md}`, md);
        }
      })();
      db.close();
      const core = await createCore({ dataDir, dispatch: false, log: () => {} });
      try {
        const template = await core.api['templates.save']({ name: '生日', body: '【測試店】{姓名}生日快樂', purpose: 'notification' });
        const rule = await core.api['rules.create']({ name: 'b', enabled: true, preset: 'birthday', target: { filter: {}, conditions: [{ kind: 'birthdayToday' }] }, templateId: template.id, cadence: { kind: 'daily' }, time: '10:00', usePrefix: false, useSuffix: false });
        const times: number[] = [];
        let recipients = 0;
        for (let i = 0; i < 5; i++) {
          const t0 = nowMs();
          recipients = (await core.api['rules.preview']({ id: rule.id, limit: 5 })).recipients;
          times.push(nowMs() - t0);
        }
        results['rules.preview_100k_ms'] = { value: round(median(times), 1), unit: 'ms', goal: '<= 200' };
        const t0 = nowMs();
        const ran = await core.api['rules.runNow']({ id: rule.id });
        results['rules.run_birthday_100k_ms'] = { value: round(nowMs() - t0, 1), unit: 'ms', goal: '<= 1000' };
        results['rules.run_birthday_100k_queued'] = { value: ran.queued, unit: 'messages' };
        if (ran.queued !== recipients) throw new Error(`ran ${ran.queued} of ${recipients}`);
      } finally {
        await core.close();
      }
    });
    return results;
  },
};

export default rulesCase;
