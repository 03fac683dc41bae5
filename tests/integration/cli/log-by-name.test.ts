// `smsdesk log --template NAME --rule NAME` (and `log export` with them): the log's "rule or template"
// filter by name; a name that names nothing is refused (exit 2), not taken for "no messages".
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { FakeClock } from '../../helpers/fake-clock';
import { cliDataDir } from './send-helpers';

const t = createI18n('zh-TW').t;

describe('smsdesk log --template / --rule', () => {
  it('lists only the named template\'s messages, refuses an unknown template or rule name', async () => {
    const dir = await cliDataDir();
    const core = await createCore({ dataDir: dir, clock: new FakeClock(), dispatch: false, log: () => {} });
    const a = await core.api['templates.save']({ name: '驗車提醒', body: '【店】驗車', purpose: 'notification' });
    await core.api['templates.save']({ name: '生日祝福', body: '【店】生日', purpose: 'notification' });
    await core.call('compose.send', { draft: { recipients: { numbers: '0912345678' }, text: '【店】驗車', templateId: a.id }, acknowledged: ['quiet_hours'] });
    await core.api['messages.send']({ to: '0922333444', text: '【店】其他', origin: 'cli' });
    await core.close();

    const listed = await runCli(dir, ['log', '--template', '驗車提醒', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((json(listed) as { messages: { text: string }[] }).messages.map((m) => m.text)).toEqual(['【店】驗車']);
    const none = await runCli(dir, ['log', '--template', '生日祝福', '--json']);
    expect((json(none) as { messages: unknown[] }).messages).toEqual([]);

    const typo = await runCli(dir, ['log', '--template', '驗車']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(t('composeCore.errors.templateNameNotFound', { name: '驗車' }));
    const noRule = await runCli(dir, ['log', 'export', `${dir}/out.csv`, '--rule', '沒有這個']);
    expect(noRule.code).toBe(2);
    expect(noRule.stderr).toContain(t('logRoom.errors.ruleNameNotFound', { name: '沒有這個' }));
  });
});
