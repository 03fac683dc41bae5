// Timed messages through the real core, a real SQLite file and the sandbox, with time moved only by the
// fake clock (DESIGN.md §7): they leave at their time, a far-off one never fires early (Node fires a
// timer longer than 2^31−1 ms at once), a message written by another process re-arms the timer, and a
// daylight-saving change does not move them.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { MAX_TIMER_MS } from '../../../src-main/core/dispatcher/dispatcher';
import type { MessageView } from '../../../src-shared/api/schemas';
import { eventsOf, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, type TestCore } from '../../helpers/core';

const DAY = 24 * 3600_000;
const get = async (t: TestCore, id: number): Promise<MessageView> => t.core.api['messages.get']({ id });
const queuedAt = (t: TestCore, id: number) => eventsOf(t.dataDir, id).find((e) => e.to_status === 'queued')?.at;

describe('a timed message', () => {
  it.each([1_250, 29_999, 30_001, 37_250, 10 * 60_000 + 500])('due %i ms ahead leaves within 1 s of its time, not before', async (ahead) => {
    const t = await openCore();
    await t.core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
    const due = t.clock.now() + ahead;
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at: new Date(due).toISOString(), origin: 'composer' });
    await t.clock.advanceAsync(due - 1 - t.clock.now());
    expect((await get(t, 1)).status).toBe('scheduled');
    await t.clock.advanceAsync(1000);
    expect((await get(t, 1)).status).toBe('sent');
    const at = queuedAt(t, 1)!;
    expect(at).toBeGreaterThanOrEqual(due);
    expect(at - due).toBeLessThan(1000);
  });

  it('due in two months does not fire now: the timer is never armed for more than 30 s', async () => {
    const t = await openCore();
    const due = t.clock.now() + 61 * DAY;
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at: new Date(due).toISOString(), origin: 'composer' });
    await t.clock.advanceAsync(0);
    // Every pending timer of the core is short: a 2^31 ms one would fire at once in Node.
    expect(Math.max(...t.clock.pendingDelays())).toBeLessThanOrEqual(MAX_TIMER_MS);
    await t.clock.advanceAsync(3600_000);
    expect((await get(t, 1)).status).toBe('scheduled');
    expect(Math.max(...t.clock.pendingDelays())).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('written by another process re-arms the timer: it leaves at its time, not at the next heartbeat', async () => {
    const t = await openCore();
    await t.clock.advanceAsync(0);
    expect((await t.core.api['dispatcher.status']({})).active).toBe(true);
    // A second core on the same file, as `smsdesk send --at` would open it (no dispatching).
    const cli = await createCore({ dataDir: t.dataDir, clock: t.clock, dispatch: false, scheduledBackups: false, log: () => {} });
    await cli.whenChecked();
    try {
      const due = t.clock.now() + 2_000;
      await cli.api['messages.send']({ to: '0912345678', text: 'from the CLI', at: new Date(due).toISOString(), origin: 'cli' });
      await t.clock.advanceAsync(due - 1 - t.clock.now());
      expect((await get(t, 1)).status).toBe('scheduled');
      await t.clock.advanceAsync(1);
      expect((await get(t, 1)).status).toBe('sent');
      expect(queuedAt(t, 1)).toBe(due);
    } finally {
      await cli.close();
    }
  });
});

describe('daylight saving', () => {
  it.each([
    // America/New_York falls back at 06:00 UTC on 2026-11-01 (02:00 EDT → 01:00 EST): 02:30 that
    // night is EST, 07:30 UTC — scheduled at 01:00 EDT, 2.5 h of real time earlier.
    { zone: 'America/New_York', start: Date.UTC(2026, 10, 1, 5, 0), at: '2026-11-01T02:30', due: Date.UTC(2026, 10, 1, 7, 30) },
    // Europe/London springs forward at 01:00 UTC on 2026-03-29 (GMT → BST): 02:30 is BST, 01:30 UTC.
    { zone: 'Europe/London', start: Date.UTC(2026, 2, 29, 0, 0), at: '2026-03-29T02:30', due: Date.UTC(2026, 2, 29, 1, 30) },
  ])('a change in $zone between scheduling and sending does not move the message', async ({ zone, start, at, due }) => {
    // Looking for other processes' writes once a minute: hours of fake time pass quickly.
    const t = await openCore({ clock: new FakeClock(start), watchIntervalMs: 60_000 });
    await t.core.call('settings.set', { key: 'shop.timeZone', value: zone });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', at, origin: 'composer' });
    const stored = withDb(t.dataDir, (db) => db.prepare('select scheduled_at, scheduled_tz from messages where id = 1').get());
    expect(stored).toEqual({ scheduled_at: due, scheduled_tz: zone });
    await t.clock.advanceAsync(due - 1 - t.clock.now());
    expect((await get(t, 1)).status).toBe('scheduled');
    await t.clock.advanceAsync(1);
    expect((await get(t, 1)).status).toBe('sent');
    expect(queuedAt(t, 1)).toBe(due);
  });
});
