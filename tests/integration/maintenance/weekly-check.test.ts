// The weekly full check (issue 8): a week after the last full check — whatever made it — the process
// that sends runs integrity_check + foreign_key_check by itself and records the verdict; a backup's
// own full check counts, so with daily backups it rarely runs on its own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';
import { seededDataDir } from './helpers';

const DAY = 86_400_000;

describe('the weekly full check', () => {
  it('runs a week after the last full check, records it, and counts a backup’s check as one', async () => {
    const dataDir = tempDir();
    await seededDataDir(dataDir, 20);
    const t = await openCore({ dataDir, scheduledBackups: true });
    try {
      await t.core.api['settings.set']({ key: 'data.autoBackup', value: false });
      await t.core.api['settings.set']({ key: 'data.backupDir', value: path.join(dataDir, '..', `${path.basename(dataDir)}-b`) });
      await t.clock.advanceAsync(0);
      await waitFor(async () => (await t.core.api['data.status']({})).state === 'ok', { what: 'the start-up check' });
      const first = await t.core.api['data.status']({});
      expect(first.lastFullCheck).toBeNull();
      expect(Date.parse(first.nextFullCheckAt!)).toBeGreaterThan(t.clock.now() + 6 * DAY);

      // A manual backup's full check is a full check: the weekly one moves to a week after it.
      await t.core.api['data.backup']({});
      const afterBackup = await t.core.api['data.status']({});
      expect(afterBackup.lastFullCheck).toMatchObject({ ok: true });
      const backupCheckAt = Date.parse(afterBackup.lastFullCheck!.at);
      expect(Date.parse(afterBackup.nextFullCheckAt!)).toBe(backupCheckAt + 7 * DAY);

      // Days pass (jumped, as over a night the PC slept; each wake then compares the wall clock).
      t.clock.jump(7 * DAY - 120_000);
      await t.clock.advanceAsync(30_000);
      expect(Date.parse((await t.core.api['data.status']({})).lastFullCheck!.at)).toBe(backupCheckAt);
      t.clock.jump(90_000);
      await t.clock.advanceAsync(30_000);
      const checked = await waitFor(async () => {
        const s = await t.core.api['data.status']({});
        return s.lastFullCheck && Date.parse(s.lastFullCheck.at) > backupCheckAt ? s : null;
      }, { what: 'the weekly check' });
      expect(checked.lastFullCheck!.ok).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'last-full-check.json'))).toBe(true);
    } finally {
      await t.core.close();
      fs.rmSync(path.join(dataDir, '..', `${path.basename(dataDir)}-b`), { recursive: true, force: true });
    }
  });
});
