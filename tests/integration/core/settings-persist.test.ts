// A setting whose default is computed (the OS time zone) is stored as the shop chose it, so another
// process with another TZ (a service, a scheduled task) reads the same zone.
import { describe, expect, it } from 'vitest';
import { systemTimeZone } from '../../../src-shared/time/zoned';
import { withDb } from '../../helpers/db';
import { openCore } from '../../helpers/core';

describe('settings with a computed default', () => {
  it('keeps shop.timeZone even when it equals this process’s zone', async () => {
    const t = await openCore();
    await t.core.call('settings.set', { key: 'shop.timeZone', value: systemTimeZone() });
    const stored = withDb(t.dataDir, (db) => db.prepare(`select value from settings where key = 'shop.timeZone'`).get() as { value: string } | undefined);
    expect(stored && JSON.parse(stored.value)).toBe(systemTimeZone());
    const listed = (await t.core.api['settings.list']({})).settings.find((s) => s.key === 'shop.timeZone');
    expect(listed?.isDefault).toBe(false);
  });

  it('still drops a static default (nothing stored when set back to it)', async () => {
    const t = await openCore();
    await t.core.call('settings.set', { key: 'shop.region', value: 'JP' });
    await t.core.call('settings.set', { key: 'shop.region', value: 'TW' });
    expect(withDb(t.dataDir, (db) => db.prepare(`select count(*) as n from settings where key = 'shop.region'`).get())).toEqual({ n: 0 });
  });
});
