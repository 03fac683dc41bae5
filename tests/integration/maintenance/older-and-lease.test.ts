import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { createCore } from '../../../src-main/core';
import { loadMigrations } from '../../../src-main/core/db/migrate';
import { restoreBackup } from '../../../src-main/core/maintenance/restore';
import { collect, spawnCli } from '../../helpers/cli';
import { dirDigest, withDb } from '../../helpers/db';
import { appendMigration, copyRealMigrations } from '../../helpers/migrations';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';
import { dumpRows, goodBackup, liveDb, migrations } from './helpers';

describe('restore of a backup made by an older schema version', () => {
  it('restores and migrates it to the current version, rows intact', async () => {
    // "Current" here is the real migrations plus one more, so today's backups are the older version.
    const newer = copyRealMigrations(tempDir());
    appendMigration(newer, 'notes', [
      'CREATE TABLE `notes` (`id` integer PRIMARY KEY NOT NULL, `body` text NOT NULL)',
      'ALTER TABLE `accounts` ADD `note` text',
    ]);
    const oldDataDir = tempDir();
    const backupDir = tempDir();
    const file = await goodBackup(oldDataDir, backupDir, 7);
    const oldRows = dumpRows(liveDb(oldDataDir));

    const dataDir = tempDir();
    const core = await createCore({ dataDir, dispatch: false, log: () => {}, migrationsDir: newer });
    await core.close();

    const all = loadMigrations(newer);
    const result = await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file, migrations: all, backupDir, now: Date.now(), appVersion: 't' });
    expect(result).toMatchObject({ fromVersion: migrations().length, toVersion: all.length });
    withDb(dataDir, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(all.length);
      expect(db.prepare('select count(*) as n from notes').get()).toEqual({ n: 0 });
      expect((db.prepare('select note from accounts').all() as { note: unknown }[]).every((r) => r.note === null)).toBe(true);
    });
    const restored = dumpRows(liveDb(dataDir));
    expect(restored.messages).toEqual(oldRows.messages);
    expect(restored.message_events).toEqual(oldRows.message_events);

    // A backup of the migrated data is of the current version and restores with no migration.
    const again = await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file: result.safetyBackup!, migrations: all, backupDir, now: Date.now(), appVersion: 't' });
    expect(again).toMatchObject({ fromVersion: all.length, toVersion: all.length });
  });
});

describe('restore and the data dir lease', () => {
  it('is refused, naming the holder, while `smsdesk run` uses the data dir; the live data stays untouched', async () => {
    const backupDir = tempDir();
    const file = await goodBackup(tempDir(), backupDir, 2);
    const dataDir = tempDir();
    const run = spawnCli(dataDir, ['run']);
    const exited = collect(run, 60_000);
    try {
      await waitFor(() => {
        try {
          return withDb(dataDir, (db) => db.prepare('select pid from dispatcher_lease').get() as { pid: number } | undefined)?.pid === run.pid;
        } catch {
          return false;
        }
      }, { what: 'smsdesk run to hold the lease', timeoutMs: 30_000 });
      // What `smsdesk run` itself keeps writing meanwhile (its balance readings) is left out of the comparison.
      const ownWrites = (t: string) => t === 'accounts' || t.includes('balance') || t === 'sqlite_sequence';
      const stable = (rows: Record<string, string[]>) => Object.fromEntries(Object.entries(rows).filter(([t]) => !ownWrites(t)));
      const before = stable(dumpRows(liveDb(dataDir)));
      const err = (await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file, migrations: migrations(), backupDir, now: Date.now(), appVersion: 't' }).catch((e: unknown) => e)) as ApiError;
      expect(err).toBeInstanceOf(ApiError);
      expect(err.key).toBe('data.errors.inUse');
      expect(err.params).toMatchObject({ pid: run.pid });
      expect(typeof err.params?.host).toBe('string');
      expect(stable(dumpRows(liveDb(dataDir)))).toEqual(before);
      expect(Object.keys(before)).toContain('messages');
      expect(Object.keys(dirDigest(backupDir))).toHaveLength(1);
    } finally {
      run.kill('SIGTERM');
      await exited;
    }
    // Once it has stopped, the same restore goes through.
    const result = await restoreBackup({ dataDir, dbFileName: 'smsdesk.db', file, migrations: migrations(), backupDir, now: Date.now(), appVersion: 't' });
    expect(result.rowCounts.messages).toBe(2);
    expect(path.dirname(result.safetyBackup!)).toBe(backupDir);
  });
});
