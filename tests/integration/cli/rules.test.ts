// `smsdesk rules …` in a child process: add from a preset (template by name), list, preview (a dry run
// with the rendered text), disable/enable, run-now once per minute, and exit 2 with a translated
// reason on bad input.
import { describe, expect, it } from 'vitest';
import { createCore, systemClock } from '../../../src-main/core';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';

type RuleJson = { id: number; name: string; enabled: boolean; preset: string | null; cadence: unknown; time: string | null; nextRunAt: string | null };

/** Today's month and day in Taipei, and whether 10:00 has passed (then the next run is tomorrow). */
function nextBirthdayMonthDay(): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(Date.now()).map((p) => [p.type, p.value]));
  const today = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  return new Date(Number(parts.hour) < 10 ? today : today + 86_400_000).toISOString().slice(5, 10);
}

// Each command is a new process (a few seconds on a busy machine): a generous limit, no speed asserted.
describe('smsdesk rules', { timeout: 120_000 }, () => {
  it('adds a birthday rule, lists it, previews and runs it once', async () => {
    const dir = tempDir();
    const setup = await createCore({ dataDir: dir, clock: systemClock, dispatch: false, log: () => {} });
    try {
      await setup.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
      await setup.api['templates.save']({ name: '生日', body: '【測試店】{姓名}生日快樂', purpose: 'notification' });
      await setup.api['contacts.create']({ name: '壽星', phone: '0912345678', birthday: `1990-${nextBirthdayMonthDay()}` });
      await setup.api['contacts.create']({ name: '路人', phone: '0922333444' });
    } finally {
      await setup.close();
    }

    const added = await runCli(dir, ['rules', 'add', '--name', '生日祝福', '--template', '生日', '--preset', 'birthday', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const rule = json<RuleJson>(added);
    expect(rule).toMatchObject({ name: '生日祝福', enabled: true, preset: 'birthday', cadence: { kind: 'daily' }, time: '10:00' });

    const list = json<{ rules: RuleJson[] }>(await runCli(dir, ['rules', 'list', '--json']));
    expect(list.rules.map((r) => r.id)).toEqual([rule.id]);
    const text = await runCli(dir, ['rules', 'list']);
    expect(text.stdout).toContain(createI18n('zh-TW').t('rules.cadence.daily', { time: '10:00' }));

    const preview = await runCli(dir, ['rules', 'preview', String(rule.id), '--json']);
    expect(preview.code, preview.stderr).toBe(0);
    const p = json<{ recipients: number; samples: { name: string; text: string }[] }>(preview);
    expect(p.recipients).toBe(1);
    expect(p.samples.map((s) => [s.name, s.text])).toEqual([['壽星', '【測試店】壽星生日快樂']]);
    expect(withDb(dir, (db) => db.prepare('select count(*) as n from messages').get())).toEqual({ n: 0 });

    const off = await runCli(dir, ['rules', 'disable', String(rule.id)]);
    expect(off.code).toBe(0);
    expect(json<{ rules: RuleJson[] }>(await runCli(dir, ['rules', 'list', '--json'])).rules[0]).toMatchObject({ enabled: false, nextRunAt: null });
    expect((await runCli(dir, ['rules', 'enable', String(rule.id)])).code).toBe(0);

    // Run now: everyone the rule selects today (the birthday may be tomorrow's: count what it says).
    const ran = json<{ queued: number; already: number }>(await runCli(dir, ['rules', 'run-now', String(rule.id), '--json']));
    const messages = withDb(dir, (db) => db.prepare(`select count(*) as n from messages where rule_id = ? and origin = 'rule'`).get(rule.id)) as { n: number };
    expect(messages.n).toBe(ran.queued);
  });

  it('--tz puts a rule in another zone (the list says so); --no-prefix leaves out the sender tag', async () => {
    const dir = tempDir();
    const setup = await createCore({ dataDir: dir, clock: systemClock, dispatch: false, log: () => {} });
    try {
      await setup.api['settings.set']({ key: 'shop.timeZone', value: 'Asia/Taipei' });
      await setup.api['settings.set']({ key: 'shop.name', value: '測試店' });
      await setup.api['templates.save']({ name: '問候', body: '{姓名}您好', purpose: 'notification' });
      await setup.api['contacts.create']({ name: '王小明', phone: '0912345678' });
    } finally {
      await setup.close();
    }
    const t = createI18n('zh-TW').t;
    const tokyo = json<RuleJson & { timeZone: string; usePrefix: boolean }>(await runCli(dir, ['rules', 'add', '--name', 'jp', '--template', '問候', '--daily', '--time', '09:00', '--tz', 'Asia/Tokyo', '--json']));
    expect([tokyo.timeZone, tokyo.usePrefix]).toEqual(['Asia/Tokyo', true]);
    // 09:00 in Tokyo is 00:00 UTC.
    expect(tokyo.nextRunAt).toMatch(/T00:00:00\.000Z$/);
    const plain = json<RuleJson & { timeZone: string; usePrefix: boolean }>(await runCli(dir, ['rules', 'add', '--name', 'tw', '--template', '問候', '--daily', '--time', '09:00', '--no-prefix', '--json']));
    expect([plain.timeZone, plain.usePrefix]).toEqual(['Asia/Taipei', false]);

    const list = (await runCli(dir, ['rules', 'list'])).stdout.split('\n');
    expect(list.find((l) => l.startsWith(`#${tokyo.id}\t`))).toContain(t('rules.cadence.daily', { time: '09:00 Asia/Tokyo' }));
    // The shop's own zone is not repeated on every line.
    expect(list.find((l) => l.startsWith(`#${plain.id}\t`))).toContain(`${t('rules.cadence.daily', { time: '09:00' })}\t`);

    const texts = async (id: number) => json<{ samples: { text: string }[] }>(await runCli(dir, ['rules', 'preview', String(id), '--json'])).samples.map((s) => s.text);
    expect(await texts(tokyo.id)).toEqual(['【測試店】王小明您好']);
    expect(await texts(plain.id)).toEqual(['王小明您好']);

    const badZone = await runCli(dir, ['rules', 'add', '--name', 'x', '--template', '問候', '--tz', 'Asia/Nowhere']);
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain(t('rules.errors.timeZone', { zone: 'Asia/Nowhere' }));
  });

  it('refuses bad input with exit 2 and a translated reason, adding nothing', async () => {
    const dir = tempDir();
    const t = createI18n('zh-TW').t;
    const noTemplate = await runCli(dir, ['rules', 'add', '--name', 'x', '--template', '不存在']);
    expect(noTemplate.code).toBe(2);
    expect(noTemplate.stderr).toContain(t('rules.cli.templateUnknown', { name: '不存在' }));
    const twoCadences = await runCli(dir, ['rules', 'add', '--name', 'x', '--template', '1', '--daily', '--monthly', '3']);
    expect(twoCadences.code).toBe(2);
    expect(twoCadences.stderr).toContain(t('rules.cli.oneCadence'));
    const badId = await runCli(dir, ['rules', 'preview', 'abc']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain(t('rules.cli.badId', { id: 'abc' }));
    const missing = await runCli(dir, ['rules', 'enable', '42']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(t('rules.errors.notFound', { id: 42 }));
    expect(json<{ rules: unknown[] }>(await runCli(dir, ['rules', 'list', '--json'])).rules).toEqual([]);
  });
});
