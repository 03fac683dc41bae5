// Exactly once per contact per occurrence: across a restart with the clock set back, a lost cursor,
// a repeated "run now", and two `smsdesk run` processes on one data dir.
import { describe, expect, it } from 'vitest';
import { createCore, systemClock } from '../../../src-main/core';
import { collect, spawnCli } from '../../helpers/cli';
import { openCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';
import { addRule, birthdayRule, contact, occurrences, ruleMessages, shop } from './helpers';

const at = (iso: string) => Date.parse(iso);
const everyone = { filter: {}, conditions: [] };

describe('a reminder is never sent twice', () => {
  it('after a restart with the clock set back, and when the cursor was lost', async () => {
    const dataDir = tempDir();
    const first = await openCore({ dataDir });
    const { templateId } = await shop(first.core);
    await contact(first.core, '王小明', '0912345678');
    await contact(first.core, '林美麗', '0922333444');
    const rule = await addRule(first.core, { ...birthdayRule(templateId), target: everyone });
    await first.clock.advanceAsync(at('2026-06-01T02:00:30Z') - first.clock.now());
    expect(ruleMessages(dataDir)).toHaveLength(2);
    await first.core.close();

    // The PC's clock was wrong and is set back to 09:59: 10:00 comes round again.
    const second = await openCore({ dataDir, clock: new FakeClock(at('2026-06-01T01:59:00Z')) });
    await second.clock.advanceAsync(5 * 60_000);
    expect(ruleMessages(dataDir)).toHaveLength(2);
    await second.core.close();

    // As if the cursor's move had been lost: the runner computes the 10:00 occurrence again.
    withDb(dataDir, (db) => db.prepare('update rules set cursor_at = ? where id = ?').run(at('2026-06-01T01:00:00Z'), rule.id));
    const third = await openCore({ dataDir, clock: new FakeClock(at('2026-06-01T02:10:00Z')) });
    await third.clock.advanceAsync(60_000);
    const messages = ruleMessages(dataDir);
    expect(messages).toHaveLength(2);
    expect(new Set(messages.map((m) => m.contact_id)).size).toBe(2);
    expect(withDb(dataDir, (db) => db.prepare('select count(*) as n from rule_runs').get())).toEqual({ n: 2 });
    expect(occurrences(dataDir, rule.id).map((o) => o.outcome)).toEqual(['ran']);
  });

  it('run now twice in the same minute queues once; the preview sends nothing', async () => {
    const { core, dataDir } = await openCore();
    const { templateId } = await shop(core);
    await contact(core, '王小明', '0912345678', { birthday: '1990-06-01' });
    const rule = await addRule(core, birthdayRule(templateId));
    const preview = await core.api['rules.preview']({ id: rule.id, limit: 5 });
    expect(preview.samples.map((s) => s.text)).toEqual(['【測試店】王小明生日快樂']);
    expect(ruleMessages(dataDir)).toEqual([]);
    const a = await core.api['rules.runNow']({ id: rule.id });
    const b = await core.api['rules.runNow']({ id: rule.id });
    expect([a.queued, a.already, b.queued, b.already]).toEqual([1, 0, 0, 1]);
    expect(ruleMessages(dataDir)).toHaveLength(1);
  });
});

/** HH:MM in Taipei of an instant. */
function taipeiTime(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

describe('two smsdesk run processes on one data dir', () => {
  it('run an overdue occurrence once between them', async () => {
    const dataDir = tempDir();
    const setup = await createCore({ dataDir, clock: systemClock, dispatch: false, log: () => {} });
    let ruleId: number;
    try {
      const { templateId } = await shop(setup);
      for (let i = 0; i < 5; i++) await contact(setup, `客戶${i}`, `09123456${String(70 + i)}`);
      // A daily rule whose time was a minute ago: found late, within the grace window.
      const rule = await addRule(setup, { name: 'r', target: everyone, templateId, cadence: { kind: 'daily' }, time: taipeiTime(Date.now() - 60_000) });
      ruleId = rule.id;
    } finally {
      await setup.close();
    }
    withDb(dataDir, (db) => db.prepare('update rules set cursor_at = ?').run(Date.now() - 5 * 60_000));

    const children = [spawnCli(dataDir, ['run']), spawnCli(dataDir, ['run'])];
    // Each says it is running once its core is open (its signal handlers are in place by then).
    const running = children.map((c) => new Promise<void>((resolve) => {
      let err = '';
      c.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes(dataDir)) resolve();
      });
      c.once('exit', () => resolve());
    }));
    const exits = children.map((c) => collect(c, 60_000));
    try {
      await Promise.all(running);
      await waitFor(() => occurrences(dataDir, ruleId).some((o) => o.outcome === 'ran'), { timeoutMs: 30_000, what: 'one process to run the rule' });
      // Both processes have had time to look at the rule (each wakes at least every 30 s; the second sees the write at once).
      await waitFor(() => withDb(dataDir, (db) => (db.prepare('select count(*) as n from messages where rule_id is not null and status in (\'sent\', \'delivered\')').get() as { n: number }).n === 5), { timeoutMs: 30_000, what: 'the reminders to be sent' });
    } finally {
      children.forEach((c) => c.kill('SIGTERM'));
    }
    for (const e of await Promise.all(exits)) expect(e.code, e.stderr).toBe(0);
    const messages = ruleMessages(dataDir);
    expect(messages).toHaveLength(5);
    expect(new Set(messages.map((m) => m.contact_id)).size).toBe(5);
    expect(withDb(dataDir, (db) => db.prepare('select count(*) as n from rule_runs').get())).toEqual({ n: 5 });
    expect(occurrences(dataDir, ruleId!).map((o) => [o.outcome, o.queued])).toEqual([['ran', 5]]);
  }, 90_000);
});
