// `smsdesk accounts add|list|balance|test` against the loopback provider fakes, as a script would run them.
import { describe, expect, it, onTestFinished } from 'vitest';
import { startTwsmsFake } from '../../fakes/twsms';
import { startEvery8dFake } from '../../fakes/every8d';
import { startMitakeFake } from '../../fakes/mitake';
import { startTwilioFake } from '../../fakes/twilio';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { runCliWithStdin } from './accounts-helpers';

const SECRET = 'S3cret pass&word%';

async function twsms(credits = 77) {
  const fake = await startTwsmsFake({ username: 'shop01', password: SECRET, credits });
  onTestFinished(() => fake.close());
  return fake;
}

function expectSecretNowhere(dir: string, texts: string[]): void {
  for (const text of texts) expect(text).not.toContain(SECRET);
  const rows = withDb(dir, (db) => db.prepare('select * from accounts').all());
  expect(JSON.stringify(rows)).not.toContain(SECRET);
}

describe('smsdesk accounts add', () => {
  it('adds a TwSMS account with the password from stdin after a balance call; list and balance show it', async () => {
    const fake = await twsms();
    const dir = tempDir();
    const add = await runCliWithStdin(dir, ['accounts', 'add', '--provider', 'twsms', '--name', 'shop', '--username', 'shop01', '--password-stdin', '--base-url', fake.url, '--price', '1.2', '--default'], `${SECRET}\n`);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('77');
    expect(fake.requests).toHaveLength(1); // the balance call
    const [list, balance, test] = await Promise.all([
      runCli(dir, ['accounts', 'list', '--json']),
      runCli(dir, ['accounts', 'balance', 'shop', '--json']),
      runCli(dir, ['accounts', 'test', 'shop', '--json']),
    ]);
    expect(json<{ accounts: { name: string; default: boolean }[] }>(list).accounts[0]).toMatchObject({ name: 'shop', default: true });
    expect(json(balance)).toEqual({ account: 'shop', balance: 77, unit: 'points' });
    expect(test.code).toBe(0);
    expect(json(test)).toMatchObject({ account: 'shop', verification: { status: 'ok', balance: 77 } });
    expect(withDb(dir, (db) => db.prepare(`select price_domestic as p, base_url as u from accounts where name = 'shop'`).get())).toEqual({ p: 1.2, u: fake.url });
    expectSecretNowhere(dir, [add.stdout, add.stderr, list.stdout, test.stdout]);
  });

  it('refuses a wrong password with exit 2 and one translated line naming the provider code; nothing is stored', async () => {
    const fake = await twsms();
    fake.setCredentials('shop01', 'the-real-one');
    const dir = tempDir();
    const add = await runCli(dir, ['accounts', 'add', '--provider', 'twsms', '--name', 'shop', '--username', 'shop01', '--password', SECRET, '--base-url', fake.url]);
    expect(add.code).toBe(2);
    expect(add.stderr.trim().split('\n')).toHaveLength(1);
    expect(add.stderr).toContain('00010');
    expect(add.stderr).toContain('TwSMS');
    expect(withDb(dir, (db) => db.prepare(`select count(*) as n from accounts where name = 'shop'`).get())).toEqual({ n: 0 });
    expectSecretNowhere(dir, [add.stdout, add.stderr]);
  });

  it('stores it anyway with --no-verify (no request to the provider); test then exits 2 naming the code', async () => {
    const fake = await twsms();
    fake.setCredentials('shop01', 'the-real-one');
    const dir = tempDir();
    const add = await runCli(dir, ['accounts', 'add', '--provider', 'twsms', '--name', 'shop', '--username', 'shop01', '--password', SECRET, '--base-url', fake.url, '--no-verify', '--json']);
    expect(add.code).toBe(0);
    expect(json(add)).toMatchObject({ account: { name: 'shop', provider: 'twsms' }, verification: { status: 'skipped' } });
    expect(fake.requests).toHaveLength(0);
    const test = await runCli(dir, ['accounts', 'test', 'shop']);
    expect(test.code).toBe(2);
    expect(test.stdout).toContain('00010');
  });

  it('an unreachable provider is not a refusal: the account is added with a warning', async () => {
    const dir = tempDir();
    const add = await runCli(dir, ['accounts', 'add', '--provider', 'mitake', '--name', 'm', '--username', 'u', '--password', SECRET, '--base-url', 'http://127.0.0.1:9', '--json']);
    expect(add.code).toBe(0);
    expect(json(add)).toMatchObject({ verification: { status: 'failed', problem: { code: 'ECONNREFUSED' } } });
  });

  it('adds EVERY8D and Mitake accounts, checked against their fakes', async () => {
    const e8d = await startEvery8dFake({ username: 'e', password: SECRET, credits: 1230 });
    const mtk = await startMitakeFake({ username: 'm', password: SECRET, credits: 110 });
    onTestFinished(() => Promise.all([e8d.close(), mtk.close()]).then(() => undefined));
    const dir = tempDir();
    const a = await runCli(dir, ['accounts', 'add', '--provider', 'every8d', '--name', 'e8d', '--username', 'e', '--password', SECRET, '--base-url', e8d.url, '--json']);
    const b = await runCli(dir, ['accounts', 'add', '--provider', 'mitake', '--name', 'mtk', '--username', 'm', '--password', SECRET, '--base-url', mtk.url, '--json']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(json(a)).toMatchObject({ verification: { status: 'ok', balance: 1230 } });
    expect(json(b)).toMatchObject({ verification: { status: 'ok', balance: 110 } });
  });

  it('Twilio: checks the credentials by fetching the account; balance says unsupported', async () => {
    const sid = `AC${'2'.repeat(32)}`;
    const fake = await startTwilioFake({ accountSid: sid, authToken: SECRET });
    onTestFinished(() => fake.close());
    const dir = tempDir();
    const add = await runCli(dir, ['accounts', 'add', '--provider', 'twilio', '--name', 'tw', '--username', sid, '--password', SECRET, '--from', `MG${'a'.repeat(32)}`, '--base-url', fake.url, '--json']);
    expect(add.code).toBe(0);
    expect(json(add)).toMatchObject({ account: { sender: `MG${'a'.repeat(32)}` }, verification: { status: 'ok', balance: null } });
    const balance = await runCli(dir, ['accounts', 'balance', 'tw', '--json']);
    expect(json(balance)).toEqual({ account: 'tw', balance: null, unit: null, supported: false });
    const bad = await runCli(dir, ['accounts', 'add', '--provider', 'twilio', '--name', 'tw2', '--username', sid, '--password', 'wrong', '--from', '+15005550006', '--base-url', fake.url]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('20003');
  });

  it('bad input exits 2 with a reason and stores nothing', async () => {
    const dir = tempDir();
    const results = await Promise.all([
      runCliWithStdin(dir, ['accounts', 'add', '--provider', 'twsms', '--name', 'a', '--username', 'u', '--password', 'p', '--password-stdin'], 'p\n'),
      runCli(dir, ['accounts', 'add', '--provider', 'twsms', '--name', 'b', '--username', 'u', '--password', 'p', '--base-url', 'https://proxy.example/path?password=p']),
      runCli(dir, ['accounts', 'add', '--provider', 'twsms', '--name', 'c', '--password', 'p']),
      runCli(dir, ['accounts', 'add', '--provider', 'twilio', '--name', 'd', '--username', 'nope', '--password', 'p', '--from', '+15005550006']),
      runCli(dir, ['accounts', 'add', '--provider', 'nokia', '--name', 'e']),
      runCli(dir, ['accounts', 'add', '--provider', 'sandbox', '--name', 'f', '--price', '-1']),
      runCli(dir, ['accounts', 'add', '--provider', 'sandbox', '--name', 'sandbox']),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    for (const r of results) expect(r.stderr.trim()).not.toBe('');
    expect(withDb(dir, (db) => db.prepare('select name from accounts').all())).toEqual([{ name: 'sandbox' }]);
  });
});
