// `smsdesk settings`, `segments`, `accounts`, and the global flags: --json shapes exactly as the
// issue lists them, exit 2 for bad input, never a password in the output.
import { describe, expect, it } from 'vitest';
import { settingKeys } from '../../../src-shared/settings/registry';
import { createI18n } from '../../../src-shared/i18n';
import { json, runCli } from '../../helpers/cli';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { cliDataDir } from './send-helpers';

const t = createI18n('zh-TW').t;

describe('smsdesk settings', () => {
  it('lists every setting of the registry, with its value and whether it is the default', async () => {
    const dir = await cliDataDir(1000);
    const result = await runCli(dir, ['settings', 'list', '--json']);
    expect(result.code).toBe(0);
    const { settings } = json<{ settings: { key: string; value: unknown; isDefault: boolean }[] }>(result);
    expect(settings.map((s) => s.key)).toEqual(settingKeys);
    for (const s of settings) expect(Object.keys(s).sort()).toEqual(['isDefault', 'key', 'value']);
    expect(settings.find((s) => s.key === 'sandbox.deliveryDelayMs')).toEqual({ key: 'sandbox.deliveryDelayMs', value: 1000, isDefault: true });
    expect(settings.find((s) => s.key === 'ui.language')).toEqual({ key: 'ui.language', value: 'zh-TW', isDefault: true });
  });

  it('sets and gets values in their own types, and a value equal to the default is the default again', async () => {
    const dir = tempDir();
    const set = await runCli(dir, ['settings', 'set', 'sandbox.deliveryDelayMs', '200', '--json']);
    expect(set.code).toBe(0);
    expect(json(set)).toEqual({ key: 'sandbox.deliveryDelayMs', value: 200 });
    const [getJson, getPlain, paused] = await Promise.all([
      runCli(dir, ['settings', 'get', 'sandbox.deliveryDelayMs', '--json']),
      runCli(dir, ['settings', 'get', 'sandbox.deliveryDelayMs']),
      runCli(dir, ['settings', 'set', 'sending.paused', 'on', '--json']),
    ]);
    expect(json(getJson)).toEqual({ key: 'sandbox.deliveryDelayMs', value: 200, isDefault: false });
    expect(getPlain.stdout.trim()).toBe('200');
    expect(json(paused)).toEqual({ key: 'sending.paused', value: true });
    await runCli(dir, ['settings', 'set', 'sandbox.deliveryDelayMs', '1000']);
    expect(json(await runCli(dir, ['settings', 'get', 'sandbox.deliveryDelayMs', '--json']))).toEqual({ key: 'sandbox.deliveryDelayMs', value: 1000, isDefault: true });
    expect(withDb(dir, (db) => db.prepare(`select key from settings`).all())).toEqual([{ key: 'sending.paused' }]);
  });

  it('refuses a bad value or an unknown key with exit 2, changing nothing', async () => {
    const dir = await cliDataDir(300);
    const results = await Promise.all([
      runCli(dir, ['settings', 'set', 'sandbox.deliveryDelayMs', 'abc']),
      runCli(dir, ['settings', 'set', 'sandbox.deliveryDelayMs', '-1']),
      runCli(dir, ['settings', 'set', 'shop.timeZone', 'Mars/Olympus_Mons']),
      runCli(dir, ['settings', 'set', 'ui.language', 'fr']),
      runCli(dir, ['settings', 'set', 'no.such.key', '1']),
      runCli(dir, ['settings', 'get', 'no.such.key']),
      runCli(dir, ['settings', 'set', 'sending.paused']),
    ]);
    expect(results.map((r) => r.code)).toEqual(results.map(() => 2));
    expect(results[0]!.stderr).toContain(t('cli.badValue', { key: 'sandbox.deliveryDelayMs', reason: '' }));
    expect(results[4]!.stderr).toContain('no.such.key');
    const { settings } = json<{ settings: { key: string; isDefault: boolean }[] }>(await runCli(dir, ['settings', 'list', '--json']));
    expect(settings.filter((s) => !s.isDefault).map((s) => s.key)).toEqual(['sandbox.deliveryDelayMs']); // only what cliDataDir set
  });

  it('prints human lines without --json, in the shop language', async () => {
    const dir = await cliDataDir(1000, { 'ui.language': 'en' });
    const result = await runCli(dir, ['settings', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ui.language = en');
    expect(result.stdout).toContain(`sending.paused = false  (${createI18n('en').t('cli.default')})`);
  });
});

describe('smsdesk segments', () => {
  it('counts like the composer, as JSON', async () => {
    const [gsm, ucs] = await Promise.all([runCli(null, ['segments', 'hello', '--json']), runCli(null, ['segments', '字'.repeat(71), '--json'])]);
    expect(gsm.code).toBe(0);
    expect(json(gsm)).toEqual({ encoding: 'GSM-7', segments: 1, units: 5, unitsPerSegment: 160, remainingInSegment: 155 });
    expect(json(ucs)).toEqual({ encoding: 'UCS-2', segments: 2, units: 71, unitsPerSegment: 67, remainingInSegment: 63 });
  });

  it('needs no data dir, and says it in words without --json', async () => {
    const result = await runCli(null, ['segments', '【測試店】您好'], { env: { SMSDESK_DATA_DIR: '/nonexistent/should-not-be-created' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('UCS-2');
  });
});

describe('smsdesk accounts', () => {
  it('lists accounts with exactly the documented keys, never a password', async () => {
    const dir = await cliDataDir(1000);
    withDb(dir, (db) => db.prepare(`insert into accounts (name, provider, is_default, base_url, username, secret_sealed, created_at, updated_at) values ('shop', 'twsms', 0, 'https://proxy.example', 'shop01', 'v1:AAAA:BBBB:CCCC', 0, 0)`).run());
    const result = await runCli(dir, ['accounts', 'list', '--json']);
    expect(result.code).toBe(0);
    expect(json(result)).toEqual({
      accounts: [
        { name: 'sandbox', provider: 'sandbox', default: true, baseUrl: null, username: null },
        { name: 'shop', provider: 'twsms', default: false, baseUrl: 'https://proxy.example', username: 'shop01' },
      ],
    });
    expect(result.stdout).not.toMatch(/password|secret|v1:AAAA/i);
    const plain = await runCli(dir, ['accounts', 'list']);
    expect(plain.stdout).not.toMatch(/v1:AAAA/);
    expect(plain.stdout).toContain('* sandbox');
  });

  it('tells the balance of the default account (the sandbox: 9,999 points), or a named one', async () => {
    const dir = await cliDataDir(1000);
    const [byDefault, named, unknown] = await Promise.all([
      runCli(dir, ['accounts', 'balance', '--json']),
      runCli(dir, ['accounts', 'balance', 'sandbox', '--json']),
      runCli(dir, ['accounts', 'balance', 'nobody', '--json']),
    ]);
    expect(byDefault.code).toBe(0);
    expect(json(byDefault)).toEqual({ account: 'sandbox', balance: 9999, unit: 'points' });
    expect(json(named)).toEqual({ account: 'sandbox', balance: 9999, unit: 'points' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(t('errors.notFound.account', { name: 'nobody' }));
  });
});

describe('global options', () => {
  it('uses SMSDESK_DATA_DIR when --data-dir is not given, and --data-dir wins over it', async () => {
    const fromEnv = tempDir();
    const fromFlag = tempDir();
    const viaEnv = await runCli(null, ['settings', 'set', 'shop.name', 'env店'], { env: { SMSDESK_DATA_DIR: fromEnv } });
    expect(viaEnv.code).toBe(0);
    expect(withDb(fromEnv, (db) => db.prepare(`select value from settings where key = 'shop.name'`).get())).toEqual({ value: '"env店"' });
    const viaFlag = await runCli(fromFlag, ['settings', 'set', 'shop.name', 'flag店'], { env: { SMSDESK_DATA_DIR: fromEnv } });
    expect(viaFlag.code).toBe(0);
    expect(withDb(fromFlag, (db) => db.prepare(`select value from settings where key = 'shop.name'`).get())).toEqual({ value: '"flag店"' });
    expect(withDb(fromEnv, (db) => db.prepare(`select value from settings where key = 'shop.name'`).get())).toEqual({ value: '"env店"' });
  });

  it('exits 0 for --help and --version, 2 for an unknown command, and refuses a foreign database in one line (1, like a newer schema: nothing was wrong with the arguments)', async () => {
    const foreign = tempDir();
    withDb(foreign, (db) => db.exec('create table other_app (x)'));
    const [help, version, unknownCommand, refused] = await Promise.all([
      runCli(null, ['--help']),
      runCli(null, ['--version']),
      runCli(null, ['frobnicate']),
      runCli(foreign, ['log']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('send');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(unknownCommand.code).toBe(2);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([t('errors.database.foreign', { file: 'smsdesk.db' })]);
  });
});
