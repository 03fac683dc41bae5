// smsdesk backup / restore / check / compact as a script would run them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../../helpers/cli';
import { dbPath, dirDigest, withDb } from '../../helpers/db';
import { tempDir } from '../../helpers/temp-dir';
import { dumpRows, seededDataDir } from '../maintenance/helpers';

describe('smsdesk backup / restore', () => {
  it('backs up to FILE, refuses a bad file in one translated line leaving the data untouched, and restores with --yes', async () => {
    const dataDir = tempDir();
    const out = tempDir();
    // The safety backup of a restore goes to the default folder beside the data dir.
    onTestFinished(() => fs.rmSync(`${dataDir}-backups`, { recursive: true, force: true }));
    await seededDataDir(dataDir, 4);
    const file = path.join(out, 'shop.smsbak');

    const backup = await runCli(dataDir, ['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['shop.smsbak']);
    // Never over an existing file.
    const again = await runCli(dataDir, ['backup', file]);
    expect(again.code).not.toBe(0);

    const rowsAtBackup = dumpRows(dbPath(dataDir));
    withDb(dataDir, (db) => db.exec('delete from message_events; delete from messages'));
    const changed = dumpRows(dbPath(dataDir));

    const garbage = path.join(out, 'garbage.smsbak');
    fs.writeFileSync(garbage, 'not a backup at all');
    const before = dirDigest(dataDir);
    const refused = await runCli(dataDir, ['restore', garbage, '--yes']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/不是 smsdesk 的備份/); // the shop's language (zh-TW by default)
    expect(dumpRows(dbPath(dataDir))).toEqual(changed);
    expect(dirDigest(dataDir)[path.basename(dbPath(dataDir))]).toBe(before[path.basename(dbPath(dataDir))]);

    const unconfirmed = await runCli(dataDir, ['restore', file]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(dumpRows(dbPath(dataDir))).toEqual(changed);

    const restored = await runCli(dataDir, ['restore', file, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    // A backup of this very schema: nothing to migrate, both at the data dir's version.
    const version = withDb(dataDir, (db) => db.pragma('user_version', { simple: true }) as number);
    expect(version).toBeGreaterThan(1);
    expect(JSON.parse(restored.stdout)).toMatchObject({ fromVersion: version, toVersion: version });
    expect(dumpRows(dbPath(dataDir))).toEqual(rowsAtBackup);
  });

  it('check reports a sound database with exit 0, compact shrinks a file with free pages', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 3);
    withDb(dataDir, (db) => {
      db.exec('create table if not exists messages_padding (x)');
      db.exec('drop table messages_padding');
      const insert = db.prepare(`insert into settings (key, value, updated_at) values (?, ?, 1)`);
      db.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run(`pad.${i}`, JSON.stringify('x'.repeat(500)));
      })();
      db.exec(`delete from settings where key like 'pad.%'`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    const check = await runCli(dataDir, ['check', '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ ok: true, kind: 'full', problems: [], foreignKeyViolations: [] });

    const compact = await runCli(dataDir, ['compact', '--json']);
    expect(compact.code, compact.stderr).toBe(0);
    const { bytesBefore, bytesAfter } = JSON.parse(compact.stdout) as { bytesBefore: number; bytesAfter: number };
    expect(bytesAfter).toBeLessThan(bytesBefore);
    expect(fs.statSync(dbPath(dataDir)).size).toBe(bytesAfter);
  });
});
