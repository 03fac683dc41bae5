// Seeds a data dir with a reminder rule whose last run fell three hours ago while nothing ran (beyond
// the 2-hour grace window): made from a core whose clock is a day back, daily at the Tokyo wall-clock
// time of three hours ago. When smsdesk starts, that run is recorded as missed. Run with tsx before the
// server starts (tests/e2e/missed-rule.spec.ts):
//   tsx tests/e2e/seed/missed-rule.ts <dataDir> <rule name> <contact name> <phone>
import { createCore, systemClock } from '../../../src-main/core';
import type { Clock } from '../../../src-main/core/types';

const [dataDir, ruleName, contactName, phone] = process.argv.slice(2);
if (!dataDir || !ruleName || !contactName || !phone) {
  console.error('usage: missed-rule.ts <dataDir> <rule name> <contact name> <phone>');
  process.exit(2);
}

const ZONE = 'Asia/Tokyo';
const realNow = systemClock.now();
const past: Clock = { ...systemClock, now: () => realNow - 24 * 3600_000 + 60_000 };
const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(realNow - 3 * 3600_000);

const core = await createCore({ dataDir, clock: past, dispatch: false, log: () => {} });
try {
  await core.call('contacts.create', { name: contactName, phone });
  const template = await core.call('templates.save', { name: '東京提醒', body: '{姓名}您好，明天見。', purpose: 'notification' }) as { id: number };
  const rule = await core.call('rules.create', {
    name: ruleName, target: { filter: {}, conditions: [] }, templateId: template.id, cadence: { kind: 'daily' }, time, timeZone: ZONE,
  }) as { id: number; nextRunAt: string };
  console.log(JSON.stringify({ id: rule.id, time, nextRunAt: rule.nextRunAt }));
} finally {
  await core.close();
}
