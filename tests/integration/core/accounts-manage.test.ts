// Managing accounts through the core API, against the TwSMS fake: update re-checks changed credentials,
// a secret that cannot be opened here shows as "password needed", a removed account keeps its history.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFileKeySecretBox } from '../../../src-main/core/secrets/file-key';
import { startTwsmsFake } from '../../fakes/twsms';
import { openCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';

const SECRET = 'core-secret&%';

async function fake() {
  const f = await startTwsmsFake({ username: 'u1', password: SECRET, credits: 50 });
  onTestFinished(() => f.close());
  return f;
}

describe('accounts through the core API', () => {
  it('adds, then an update with a wrong new password is refused and the old one kept', async () => {
    const f = await fake();
    const t = await openCore({ dispatch: false });
    const added = await t.core.api['accounts.add']({ provider: 'twsms', name: 'shop', username: 'u1', password: SECRET, baseUrl: f.url });
    expect(added.verification).toMatchObject({ status: 'ok', balance: 50 });
    expect(added.account).toMatchObject({ name: 'shop', secretState: 'stored', baseUrl: f.url });
    expect(JSON.stringify(added)).not.toContain(SECRET);
    await expect(t.core.api['accounts.update']({ name: 'shop', password: 'wrong' })).rejects.toMatchObject({ kind: 'validation', key: 'providers.code.badCredentials', params: { code: '00010' } });
    expect((await t.core.api['accounts.test']({ name: 'shop' })).verification.status).toBe('ok');
    const renamed = await t.core.api['accounts.update']({ name: 'shop', newName: 'front', priceDomestic: 0.9 });
    expect(renamed.account).toMatchObject({ name: 'front', priceDomestic: 0.9 });
    expect(renamed.verification.status).toBe('skipped'); // nothing about the credentials changed
  });

  it('new credentials the provider accepts un-pause the account; unverified ones leave it paused', async () => {
    const f = await fake();
    const t = await openCore({ dispatch: false });
    await t.core.api['accounts.add']({ provider: 'twsms', name: 'shop', username: 'u1', password: SECRET, baseUrl: f.url });
    const pause = () => withDb(t.dataDir, (db) => db.prepare(`update accounts set paused_reason = 'providers.code.badCredentials' where name = 'shop'`).run());
    const paused = async () => (await t.core.api['accounts.list']({})).accounts.find((a) => a.name === 'shop')?.paused;
    pause();
    expect(await paused()).toBe(true);
    const unverified = await t.core.api['accounts.update']({ name: 'shop', password: SECRET, noVerify: true });
    expect(unverified.verification.status).toBe('skipped');
    expect(await paused()).toBe(true);
    const renamedOnly = await t.core.api['accounts.update']({ name: 'shop', priceDomestic: 1 });
    expect(renamedOnly.verification.status).toBe('skipped');
    expect(await paused()).toBe(true);
    const fixed = await t.core.api['accounts.update']({ name: 'shop', password: SECRET });
    expect(fixed.verification.status).toBe('ok');
    expect(fixed.account.paused).toBe(false);
  });

  it('a secret sealed under another key is "password needed" until entered again', async () => {
    const f = await fake();
    const dataDir = tempDir();
    {
      const t = await openCore({ dataDir, dispatch: false });
      await t.core.api['accounts.add']({ provider: 'twsms', name: 'shop', username: 'u1', password: SECRET, baseUrl: f.url });
      await t.core.close();
    }
    const t = await openCore({ dataDir, dispatch: false, secrets: createFileKeySecretBox(tempDir()) });
    const shop = (await t.core.api['accounts.list']({})).accounts.find((a) => a.name === 'shop');
    expect(shop?.secretState).toBe('needed');
    expect((await t.core.api['accounts.test']({ name: 'shop' })).verification).toMatchObject({ status: 'failed', problem: { key: 'errors.account.passwordNeeded' } });
    const fixed = await t.core.api['accounts.update']({ name: 'shop', password: SECRET });
    expect(fixed.account.secretState).toBe('stored');
  });

  it('removing an account that sent messages hides it, drops its secret and keeps the messages pointing at it', async () => {
    const t = await openCore({ dispatch: false });
    await t.core.api['accounts.add']({ provider: 'sandbox', name: 'second' });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', account: 'second', origin: 'cli' });
    withDb(t.dataDir, (db) => db.prepare(`update messages set status = 'sent'`).run());
    expect(await t.core.api['accounts.remove']({ name: 'second' })).toMatchObject({ removed: 'second', moved: 0 });
    expect((await t.core.api['messages.get']({ id: 1 })).account).toBe('second');
    expect((await t.core.api['accounts.list']({})).accounts.map((a) => a.name)).toEqual(['sandbox']);
    await expect(t.core.api['accounts.balance']({ name: 'second' })).rejects.toMatchObject({ kind: 'not_found' });
  });
});
