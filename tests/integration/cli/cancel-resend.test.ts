// `smsdesk cancel ID` and `smsdesk resend ID` in a real CLI process on a real data dir.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
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
    const refused = await runCli(dir, ['resend', '2']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(t('sending.conflict.notResendable', { status: 'queued' }));
    expect(refused.stderr).not.toContain('queued');
  });
});
