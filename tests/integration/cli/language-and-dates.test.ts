// The CLI speaks the shop's language everywhere (also `segments`, which opens no core), and `log`
// takes a plain date for --since/--until, as the README shows.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

describe('smsdesk segments', () => {
  it('follows ui.language', async () => {
    const dir = tempDir();
    const zh = await runCli(dir, ['segments', 'hello']);
    expect(zh.stdout.trim()).toBe(createI18n('zh-TW').t('cli.segments', { encoding: 'GSM-7', units: 5, segments: 1, perSegment: 160, remaining: 155 }));
    expect((await runCli(dir, ['settings', 'set', 'ui.language', 'ja'])).code).toBe(0);
    const ja = await runCli(dir, ['segments', 'hello']);
    expect(ja.stdout.trim()).toBe(createI18n('ja').t('cli.segments', { encoding: 'GSM-7', units: 5, segments: 1, perSegment: 160, remaining: 155 }));
  });
});

describe('smsdesk log --since/--until with a date', () => {
  it('reads a date alone as the start of that day in the shop’s zone', async () => {
    const dir = tempDir();
    expect((await runCli(dir, ['send', '--to', '0912345678', '--text', 'hi'])).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const far = '2999-01-01';
    const since = await runCli(dir, ['log', '--since', '2000-01-01', '--until', far, '--json']);
    expect(since.code).toBe(0);
    expect(json<{ messages: unknown[] }>(since).messages).toHaveLength(1);
    const after = await runCli(dir, ['log', '--since', far, '--json']);
    expect(json<{ messages: unknown[] }>(after).messages).toHaveLength(0);
    expect((await runCli(dir, ['log', '--since', `${today}x`])).code).toBe(2);
  });
});
