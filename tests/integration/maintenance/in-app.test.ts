// Maintenance through the running core's API, as the Data room and the recovery screen use it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src-shared/api/errors';
import { openCore } from '../../helpers/core';
import { dbPath, withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { dumpRows, seededDataDir } from './helpers';

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

/** Scribbles over the messages table's root page: the file still opens, quick_check finds the damage. */
function damageIndex(dataDir: string): void {
  const { rootpage, pageSize } = withDb(dataDir, (db) => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      rootpage: (db.prepare(`select rootpage from sqlite_master where name = 'messages'`).get() as { rootpage: number }).rootpage,
      pageSize: db.pragma('page_size', { simple: true }) as number,
    };
  });
  const fd = fs.openSync(dbPath(dataDir), 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

describe('in-app maintenance', () => {
  it('backs up, lists, and restores while the app runs: its own dispatcher steps aside and comes back', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir();
    await seededDataDir(dataDir, 3);
    const { core, clock } = await openCore({ dataDir });
    await clock.advanceAsync(0);
    await core.call('settings.set', { key: 'data.backupDir', value: backupDir });
    expect((await core.api['dispatcher.status']({})).active).toBe(true);
    const atBackup = dumpRows(dbPath(dataDir));

    const made = await core.api['data.backup']({});
    expect(made).toMatchObject({ intact: true, kind: 'manual', rowCounts: { messages: 3 } });
    expect((await core.api['data.backups']({})).backups.map((b) => b.name)).toEqual([made.name]);

    await core.api['messages.send']({ to: '0912000111', text: 'after the backup', origin: 'cli', at: '2099-01-01T09:00' });
    const result = await core.api['data.restore']({ file: made.name });
    expect(result.safetyBackup).toContain(backupDir);
    expect((await (core.call('messages.list', {}) as Promise<{ messages: { id: number }[] }>)).messages).toHaveLength(3);
    expect(dumpRows(dbPath(dataDir))).toEqual(atBackup);
    await clock.advanceAsync(0);
    expect((await core.api['dispatcher.status']({})).active).toBe(true);
    expect((await core.api['data.status']({})).state).toBe('ok');
  });

  it('initialise needs the typed word; it backs up first and then clears the history only', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 2);
    const { core } = await openCore({ dataDir });
    await core.call('settings.set', { key: 'data.backupDir', value: path.join(dataDir, 'b') });
    withDb(dataDir, (db) => db.exec(`update messages set status = 'delivered' where id = 1`));
    const before = dumpRows(dbPath(dataDir));
    const wrong = await refusal(core.call('data.clear', { scope: 'logs', confirmation: 'yes' }));
    expect(wrong).toMatchObject({ kind: 'validation', key: 'data.errors.confirmation' });
    expect(dumpRows(dbPath(dataDir))).toEqual(before);

    const { scopes } = { scopes: (await core.api['data.status']({})).clearScopes };
    expect(scopes).toEqual(['logs', 'contacts', 'automation', 'everything']);
    const cleared = await core.call('data.clear', { scope: 'logs', confirmation: 'CLEAR' }) as { backup: string; cleared: Record<string, number> };
    expect(cleared.cleared).toEqual({ messages: 1 });
    expect(fs.existsSync(cleared.backup)).toBe(true);
    expect((await (core.call('messages.list', {}) as Promise<{ messages: { id: number }[] }>)).messages.map((m) => m.id)).toEqual([2]);

    await core.call('data.clear', { scope: 'everything', confirmation: '清除' });
    expect((await (core.call('messages.list', {}) as Promise<{ messages: { id: number }[] }>)).messages).toEqual([]);
    // Back to a new install's state: the sandbox account is there again.
    expect((await core.api['accounts.list']({})).accounts.map((a) => a.name)).toEqual(['sandbox']);
  });

  it('clearing contacts removes the cards and their search entries, and keeps the messages', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 2);
    const { core } = await openCore({ dataDir });
    await core.call('settings.set', { key: 'data.backupDir', value: path.join(dataDir, 'b') });
    await core.call('contacts.create', { name: '王小明', phone: '0912345678' });
    await core.call('contacts.create', { name: '陳美', phone: '0922333444' });
    expect(((await core.call('contacts.list', { filter: { search: '5678' } })) as { contacts: unknown[] }).contacts).toHaveLength(1);

    const cleared = await core.call('data.clear', { scope: 'contacts', confirmation: 'CLEAR' }) as { cleared: Record<string, number> };
    expect(cleared.cleared.contacts).toBe(2);
    expect(((await core.call('contacts.list', {})) as { contacts: unknown[] }).contacts).toEqual([]);
    expect(((await core.call('contacts.list', { filter: { search: '5678' } })) as { contacts: unknown[] }).contacts).toEqual([]);
    expect(((await core.call('contacts.list', { filter: { search: '陳美' } })) as { contacts: unknown[] }).contacts).toEqual([]);
    expect(withDb(dataDir, (db) => (db.prepare('select count(*) as n from contacts_fts').get() as { n: number }).n)).toBe(0);
    expect((await (core.call('messages.list', {}) as Promise<{ messages: unknown[] }>)).messages).toHaveLength(2);
    // The same number can be a contact again afterwards.
    await core.call('contacts.create', { name: '王小明', phone: '0912345678' });
    expect(((await core.call('contacts.list', { filter: { search: '5678' } })) as { contacts: unknown[] }).contacts).toHaveLength(1);
  });

  it('a database damaged at start-up: the API answers, nothing is sent, and "start empty" moves the file aside', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 300);
    damageIndex(dataDir);
    const damagedBytes = fs.readFileSync(dbPath(dataDir));
    const { core, clock } = await openCore({ dataDir });
    const status = await core.api['data.status']({});
    expect(status.state).toBe('damaged');
    expect(status.startupCheck?.problems.length).toBeGreaterThan(0);
    expect(await refusal(core.call('messages.list', {}))).toMatchObject({ key: 'data.errors.databaseDamaged' });
    expect(await refusal(core.call('dispatcher.status', {}))).toMatchObject({ key: 'data.errors.databaseDamaged' });

    const { movedTo } = await core.api['data.recoverStartEmpty']({});
    expect(path.dirname(movedTo)).toBe(dataDir);
    expect(fs.readFileSync(path.join(movedTo, 'smsdesk.db')).equals(damagedBytes)).toBe(true);
    expect((await core.api['data.status']({})).state).toBe('ok');
    expect((await (core.call('messages.list', {}) as Promise<{ messages: { id: number }[] }>)).messages).toEqual([]);
    await clock.advanceAsync(0);
    expect((await core.api['dispatcher.status']({})).active).toBe(true);
  });

  it('a database damaged at start-up is replaced by the newest good backup; the damaged file is kept', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 300);
    {
      const { core } = await openCore({ dataDir });
      await core.api['data.backup']({}); // into the default folder beside the data dir
      await core.close();
    }
    const backups = `${dataDir}-backups`;
    try {
      damageIndex(dataDir);
      const { core } = await openCore({ dataDir });
      expect((await core.api['data.status']({})).state).toBe('damaged');
      const result = await core.api['data.recoverFromBackup']({});
      expect(result.movedAside).not.toBeNull();
      expect(fs.existsSync(path.join(result.movedAside!, 'smsdesk.db'))).toBe(true);
      expect((await (core.call('messages.list', { limit: 1000 }) as Promise<{ messages: { id: number }[] }>)).messages).toHaveLength(300);
      expect((await core.api['data.check']({ kind: 'full' })).ok).toBe(true);
    } finally {
      fs.rmSync(backups, { recursive: true, force: true });
    }
  });

  it('a database that cannot even be opened is recovered from the backups folder the operator chose', async () => {
    const dataDir = tempDir();
    const chosen = tempDir();
    await seededDataDir(dataDir, 50);
    {
      const { core } = await openCore({ dataDir });
      await core.api['settings.set']({ key: 'data.backupDir', value: chosen });
      await core.api['data.backup']({});
      await core.close();
    }
    // The schema page is garbage: the session cannot open, so the setting naming the folder cannot be read.
    const fd = fs.openSync(dbPath(dataDir), 'r+');
    fs.writeSync(fd, Buffer.alloc(400, 0xff), 0, 400, 100);
    fs.closeSync(fd);
    const { core } = await openCore({ dataDir });
    expect((await core.api['data.status']({})).state).toBe('damaged');
    const result = await core.api['data.recoverFromBackup']({});
    expect(path.dirname(result.restoredFrom)).toBe(chosen);
    expect((await (core.call('messages.list', { limit: 1000 }) as Promise<{ messages: { id: number }[] }>)).messages).toHaveLength(50);
  });
});
