// `smsdesk cancel ID` and `smsdesk resend ID` in a real CLI process on a real data dir.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { createCore } from '../../../src-main/core';
import { FakeClock } from '../../helpers/fake-clock';
import { cliDataDir } from './send-helpers';

const t = createI18n('zh-TW').t;

describe('smsdesk cancel / resend', () => {
  it('cancels a scheduled message; refuses one that is final (1) and one that does not exist (2)', async () => {
    const dir = await cliDataDir();
    const sent = await runCli(dir, ['send', '--to', '0912345678', '--text', 'later', '--at', '2099-01-01T09:00', '--json']);
    expect(sent.code).toBe(0);
    const cancelled = await runCli(dir, ['cancel', '1']);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toContain(t('sending.cli.cancelled', { id: 1 }));
    const again = await runCli(dir, ['cancel', '1']);
    expect(again.code).toBe(1);
    // The status is named in the reader's language, not as the raw status word.
    expect(again.stderr).toContain(t('errors.conflict.notCancellable', { status: 'cancelled' }));
    expect(again.stderr).toContain(t('common.status.cancelled'));
    expect(again.stderr).not.toContain('cancelled');
    const missing = await runCli(dir, ['cancel', '99']);
    expect(missing.code).toBe(2);
    expect((await runCli(dir, ['cancel', 'abc'])).code).toBe(2);
  });

  it('resends an unknown message as a new, linked one', async () => {
    const dir = await cliDataDir();
    await runCli(dir, ['send', '--to', '0912345678', '--text', 'hello', '--json']);
    withDb(dir, (db) => db.prepare(`update messages set status = 'unknown', next_action_at = null, final_at = 1 where id = 1`).run());
    const result = await runCli(dir, ['resend', '1', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(json(result)).toMatchObject({ id: 2, resendOf: 1, status: 'queued', text: 'hello', origin: 'cli', to: '+886912345678' });
    // The pre-send check's warning (no sender tag) goes to stderr; running the command was the operator's click.
    expect(result.stderr).toContain(t('composeCore.cli.warning', { message: t('composeCore.checks.no_sender_tag', { count: 0 }) }));
    const refused = await runCli(dir, ['resend', '2']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(t('sending.conflict.notResendable', { status: 'queued' }));
    expect(refused.stderr).not.toContain('queued');
  });

  it('refuses to resend to an opted-out number (exit 2, the check\'s reason) and queues nothing', async () => {
    const dir = await cliDataDir();
    const core = await createCore({ dataDir: dir, clock: new FakeClock(), dispatch: false, log: () => {} });
    await core.call('contacts.create', { name: '王小明', phone: '0912345678', optOut: { flag: true } });
    await core.close();
    await runCli(dir, ['send', '--to', '0912345678', '--text', '【店】hello', '--json']);
    withDb(dir, (db) => db.prepare(`update messages set status = 'failed', next_action_at = null, final_at = 1 where id = 1`).run());
    const result = await runCli(dir, ['resend', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(t('composeCore.cli.resendRefused', { id: 1, reasons: t('composeCore.checks.opted_out', { count: 1 }) }));
    expect(withDb(dir, (db) => (db.prepare('select count(*) as n from messages').get() as { n: number }).n)).toBe(1);
  });
});
