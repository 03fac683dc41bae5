// `smsdesk accounts remove`: refused while messages wait for the account, unless they move; the record
// of what it sent stays.
import { describe, expect, it } from 'vitest';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';

describe('smsdesk accounts remove', () => {
  it('refuses with the count while messages wait, moves them to the default with --move-to-default, keeps the name for the log', async () => {
    const dir = tempDir();
    expect((await runCli(dir, ['accounts', 'add', '--provider', 'sandbox', '--name', 'second'])).code).toBe(0);
    const sent = await runCli(dir, ['send', '--to', '0912345678,0912345679', '--text', 'later', '--at', '2099-01-01T09:00', '--account', 'second', '--json']);
    expect(sent.code).toBe(0);
    const refused = await runCli(dir, ['accounts', 'remove', 'second']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/(^|\D)2(\D|$)/);
    expect(refused.stderr).toContain('second');
    const moved = await runCli(dir, ['accounts', 'remove', 'second', '--move-to-default', '--json']);
    expect(moved.code).toBe(0);
    expect(json(moved)).toEqual({ removed: 'second', moved: 2 });
    expect(withDb(dir, (db) => db.prepare(`select a.name from messages m join accounts a on a.id = m.account_id`).all())).toEqual([{ name: 'sandbox' }, { name: 'sandbox' }]);
    const list = json<{ accounts: { name: string }[] }>(await runCli(dir, ['accounts', 'list', '--json']));
    expect(list.accounts.map((a) => a.name)).toEqual(['sandbox']);
    // The name is free again.
    expect((await runCli(dir, ['accounts', 'add', '--provider', 'sandbox', '--name', 'second'])).code).toBe(0);
  });

  it('refuses to remove the default account or an unknown one', async () => {
    const dir = tempDir();
    const [def, unknown] = await Promise.all([runCli(dir, ['accounts', 'remove', 'sandbox']), runCli(dir, ['accounts', 'remove', 'nobody'])]);
    expect([def.code, unknown.code]).toEqual([2, 2]);
  });
});
