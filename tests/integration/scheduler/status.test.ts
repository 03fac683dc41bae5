// The scheduler's status summary (what the tray and the header show) through the real core: idle,
// sending, paused, needs attention; counts and the next scheduled time; a `scheduler.status` event
// when it changes; failures leave it once dismissed or resent.
import { describe, expect, it } from 'vitest';
import type { SchedulerStatus } from '../../../src-shared/api/scheduler-schemas';
import { openCore, type TestCore } from '../../helpers/core';
import { withDb } from '../../helpers/db';
import { STATUS_SETTLE_MS } from '../../../src-main/core/scheduler/status-watcher';

const pushed = (t: TestCore): SchedulerStatus[] => t.events.flatMap((e) => (e.type === 'scheduler.status' ? [e.status] : []));
const latest = (t: TestCore) => pushed(t).at(-1);

describe('scheduler.status', () => {
  it('is idle with nothing to do, and shows the next scheduled time and counts', async () => {
    const t = await openCore();
    await t.clock.advanceAsync(0);
    expect(await t.core.api['scheduler.status']({})).toMatchObject({ state: 'idle', queued: 0, scheduled: 0, nextDueAt: null });
    const due = t.clock.now() + 3 * 3600_000;
    await t.core.api['messages.send']({ to: '0912345678, 0922333444', text: 'hi', at: new Date(due).toISOString(), origin: 'composer' });
    await t.clock.advanceAsync(STATUS_SETTLE_MS);
    expect(latest(t)).toMatchObject({ state: 'idle', scheduled: 2, nextDueAt: new Date(due).toISOString() });
  });

  it('says paused while sending is paused, and pushes each change once', async () => {
    const t = await openCore();
    await t.clock.advanceAsync(STATUS_SETTLE_MS);
    const before = pushed(t).length;
    await t.core.api['dispatcher.setPaused']({ paused: true });
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(STATUS_SETTLE_MS);
    expect(latest(t)).toMatchObject({ state: 'paused', paused: true, queued: 1 });
    // Many events within the settling time make one push, and an unchanged summary none.
    expect(pushed(t).length).toBe(before + 1);
    await t.clock.advanceAsync(60_000);
    expect(pushed(t).length).toBe(before + 1);
  });

  it('needs attention after a failure, until the failure is dismissed', async () => {
    const t = await openCore();
    // The sandbox fails numbers ending in 0000.
    const { messages } = await t.core.api['messages.send']({ to: '0912340000', text: 'hi', origin: 'composer' });
    await t.clock.advanceAsync(0);
    await t.clock.advanceAsync(2000);
    expect((await t.core.api['messages.get']({ id: messages[0]!.id })).status).toBe('failed');
    await t.clock.advanceAsync(STATUS_SETTLE_MS);
    expect(latest(t)).toMatchObject({ state: 'attention', attention: { failed: 1 } });
    await t.core.api['scheduler.acknowledge']({ all: 'failed' });
    await t.clock.advanceAsync(STATUS_SETTLE_MS);
    expect(latest(t)).toMatchObject({ state: 'idle', attention: { failed: 0 } });
  });

  it('needs attention for a paused account, naming it', async () => {
    const t = await openCore();
    await t.core.api['accounts.add']({ provider: 'sandbox', name: 'second' });
    withDb(t.dataDir, (db) => db.prepare(`update accounts set paused_reason = 'errors.provider.noCredit' where name = 'second'`).run());
    expect(await t.core.api['scheduler.status']({})).toMatchObject({ state: 'attention', attention: { pausedAccounts: ['second'] } });
  });
});
