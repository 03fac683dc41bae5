// Writes by other processes (the CLI, `smsdesk run`) reach this process as events (DESIGN.md §4): each
// core polls PRAGMA data_version on its clock, and a change becomes messages.changed with source
// 'external' (and settings/accounts/dispatcher changes), and wakes the dispatcher.
import { describe, expect, it } from 'vitest';
import { createCore, systemClock } from '../../../src-main/core';
import type { CoreEvent } from '../../../src-shared/api/events';
import { runCli } from '../../helpers/cli';
import { eventsOf, openDb, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

const external = (events: CoreEvent[]) => events.filter((e) => e.type === 'messages.changed' && e.source === 'external');

describe('writes by another connection', () => {
  it('become external events when the clock reaches the next data_version check', async () => {
    const t = await openCore({ watchIntervalMs: 500 });
    withDb(t.dataDir, (db) => db.prepare(`insert into settings (key, value, updated_at) values ('shop.name', '"別家"', 0)`).run());
    await t.clock.advanceAsync(499);
    expect(external(t.events)).toEqual([]);
    await t.clock.advanceAsync(1);
    expect(external(t.events)).toEqual([{ type: 'messages.changed', ids: [], source: 'external' }]);
    expect(t.events).toContainEqual({ type: 'settings.changed', keys: [] });
    expect(t.events).toContainEqual({ type: 'accounts.changed' });
    expect(t.events).toContainEqual({ type: 'dispatcher.changed' });
    // One change, one notice: nothing more until the next write.
    await t.clock.advanceAsync(5000);
    expect(external(t.events)).toHaveLength(1);
    expect((await t.core.api['settings.list']({})).settings.find((s) => s.key === 'shop.name')?.value).toBe('別家');
  });

  it('say "contacts changed" only when another process changed contacts, not when it sent messages', async () => {
    const t = await openCore({ watchIntervalMs: 500 });
    const contactEvents = () => t.events.filter((e) => e.type === 'contacts.changed' && e.source === 'external');
    const other = await openCore({ clock: t.clock, dataDir: t.dataDir, dispatch: false, watchIntervalMs: 60_000 });
    await other.core.api['messages.send']({ to: '0912345678', text: 'from the CLI', origin: 'cli' });
    await t.clock.advanceAsync(500);
    expect(external(t.events)).toHaveLength(1);
    expect(contactEvents()).toEqual([]);
    const added = await other.core.api['contacts.create']({ name: '陳小姐', phone: '0912345678' });
    await t.clock.advanceAsync(500);
    expect(contactEvents()).toHaveLength(1);
    const cat = await other.core.api['contacts.categories.create']({ name: 'VIP' });
    await t.clock.advanceAsync(500);
    expect(contactEvents()).toHaveLength(2);
    await other.core.api['contacts.bulkCategory']({ target: { ids: [added.id] }, categoryId: cat.id, action: 'add' });
    await t.clock.advanceAsync(500);
    expect(contactEvents()).toHaveLength(3);
  });

  it('are not confused with the core’s own writes', async () => {
    const t = await openCore({ watchIntervalMs: 500 });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.core.call('settings.set', { key: 'shop.name', value: '本店' });
    await t.clock.advanceAsync(30_000);
    expect(external(t.events)).toEqual([]);
  });

  it('wake the dispatcher: a message another process queued leaves at the next check, not the next heartbeat', async () => {
    const clock = new FakeClock();
    const t = await openCore({ clock, watchIntervalMs: 500 });
    await clock.advanceAsync(0);
    expect((await t.core.api['dispatcher.status']({})).active).toBe(true);
    const other = await openCore({ clock, dataDir: t.dataDir, dispatch: false, watchIntervalMs: 60_000 });
    const t0 = clock.now();
    await other.core.api['messages.send']({ to: '0912345678', text: 'from the CLI', origin: 'cli' });
    await clock.advanceAsync(500);
    const claim = eventsOf(t.dataDir, 1).find((e) => e.to_status === 'sending');
    expect(claim?.at).toBe(t0 + 500);
  });

  it('made by the CLI in a child process reach this process', async () => {
    const t = await openCore({ watchIntervalMs: 500 });
    const result = await runCli(t.dataDir, ['settings', 'set', 'shop.name', '測試店']);
    expect(result.code).toBe(0);
    await t.clock.advanceAsync(500);
    expect(external(t.events)).toHaveLength(1);
    expect((await t.core.api['settings.list']({})).settings.find((s) => s.key === 'shop.name')?.value).toBe('測試店');
  });

  it('arrive on the real clock too (watchIntervalMs), awaited with a bounded timeout', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, clock: systemClock, dispatch: false, watchIntervalMs: 20, log: () => {} });
    try {
      const seen = new Promise<CoreEvent>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no external event within 10 s')), 10_000);
        core.onEvent((e) => {
          if (e.type === 'messages.changed' && e.source === 'external') {
            clearTimeout(timer);
            resolve(e);
          }
        });
      });
      const db = openDb(dataDir);
      db.prepare(`update accounts set updated_at = updated_at + 1`).run();
      db.close();
      await expect(seen).resolves.toEqual({ type: 'messages.changed', ids: [], source: 'external' });
    } finally {
      await core.close();
    }
  });
});
