// Catch-up through the real core (DESIGN.md §7): timed messages that came due while the app was closed
// or the PC slept go if they are within the grace window and outside quiet hours, wait for the end of
// quiet hours when that is still within the window, and otherwise become `missed` — listed for the
// operator, who may send them anyway or dismiss them. Never a silent burst, never a silent loss.
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src-shared/api/events';
import { eventsOf } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, type TestCore } from '../../helpers/core';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Taipei is UTC+8 all year: a wall-clock time there on 2026-06-<day>. */
const taipei = (day: number, hh: number, mm = 0) => Date.UTC(2026, 5, day, hh - 8, mm);

async function shop(t: TestCore): Promise<void> {
  await t.core.call('settings.set', { key: 'shop.timeZone', value: 'Asia/Taipei' });
}

const status = async (t: TestCore, id: number) => (await t.core.api['messages.get']({ id })).status;
const story = (t: TestCore, id: number) => eventsOf(t.dataDir, id).map((e) => `${e.from_status ?? '∅'}→${e.to_status}${e.code ? `:${e.code}` : ''}`);

/** Schedules messages with a closed-then-reopened app: the first core schedules and closes, time passes, a second opens. */
async function closedUntil(start: number, schedule: (t: TestCore) => Promise<void>, reopenAt: number): Promise<TestCore> {
  const clock = new FakeClock(start);
  const first = await openCore({ clock });
  await shop(first);
  await schedule(first);
  await first.core.close();
  clock.setNow(reopenAt);
  const second = await openCore({ clock, dataDir: first.dataDir });
  await clock.advanceAsync(0);
  return second;
}

const sendAt = async (t: TestCore, at: number, to = '0912345678') => t.core.api['messages.send']({ to, text: 'hi', at: new Date(at).toISOString(), origin: 'composer' });

describe('catch-up after the app was closed', () => {
  it('sends what is late within the grace window, outside quiet hours', async () => {
    const due = taipei(1, 12);
    const t = await closedUntil(taipei(1, 10), async (a) => { await sendAt(a, due); }, due + 90 * MIN);
    expect(await status(t, 1)).toBe('sent');
    expect(story(t, 1)).toContain('scheduled→queued:catch_up');
  });

  it('marks what is older than the grace window missed, and tells the operator', async () => {
    const due = taipei(1, 12);
    const t = await closedUntil(taipei(1, 10), async (a) => {
      await sendAt(a, due);
      await sendAt(a, due + HOUR, '0922333444');
    }, due + 2 * HOUR + MIN);
    expect(await status(t, 1)).toBe('missed');
    expect(await status(t, 2)).toBe('sent');
    expect(story(t, 1)).toEqual(['∅→scheduled', 'scheduled→missed:catch_up_missed']);
    const missed = await t.core.api['scheduler.missed']({ limit: 100 });
    expect(missed.total).toBe(1);
    expect(missed.messages.map((m) => [m.id, m.error?.key])).toEqual([[1, 'scheduler.missed.reason']]);
    expect(t.events).toContainEqual<CoreEvent>({ type: 'scheduler.changed', missed: [1] });
    const summary = await t.core.api['scheduler.status']({});
    expect(summary).toMatchObject({ state: 'attention', attention: { missed: 1 } });
  });

  it('follows the grace setting', async () => {
    const due = taipei(1, 12);
    const clock = new FakeClock(taipei(1, 10));
    const first = await openCore({ clock });
    await shop(first);
    await first.core.call('settings.set', { key: 'scheduler.graceMinutes', value: 300 });
    await sendAt(first, due);
    await first.core.close();
    clock.setNow(due + 4 * HOUR);
    const t = await openCore({ clock, dataDir: first.dataDir });
    await clock.advanceAsync(0);
    expect(await status(t, 1)).toBe('sent');
  });

  it('waits for the end of quiet hours when they end within the grace window', async () => {
    const due = taipei(2, 8); // inside quiet hours (21:00–09:00), chosen by the operator
    const t = await closedUntil(taipei(1, 18), async (a) => { await sendAt(a, due); }, taipei(2, 8, 30));
    expect(await status(t, 1)).toBe('scheduled');
    expect(story(t, 1)).toEqual(['∅→scheduled', 'scheduled→scheduled:catch_up_wait']);
    expect((await t.core.api['messages.get']({ id: 1 })).scheduledAt).toBe(new Date(due).toISOString());
    await t.clock.advanceAsync(taipei(2, 9) - 1 - t.clock.now());
    expect(await status(t, 1)).toBe('scheduled');
    await t.clock.advanceAsync(1);
    expect(await status(t, 1)).toBe('sent');
    expect(eventsOf(t.dataDir, 1).find((e) => e.to_status === 'queued')?.at).toBe(taipei(2, 9));
  });

  it('marks missed what is late in quiet hours that end after the grace window (no burst the next morning)', async () => {
    const due = taipei(1, 20, 50);
    const t = await closedUntil(taipei(1, 18), async (a) => { await sendAt(a, due); }, taipei(1, 22));
    expect(await status(t, 1)).toBe('missed');
  });
});

describe('catch-up while running', () => {
  it('a wake long after it was armed (the PC slept) sends what is within the grace window', async () => {
    const t = await openCore({ clock: new FakeClock(taipei(1, 10)) });
    await shop(t);
    await sendAt(t, taipei(1, 11));
    await t.clock.advanceAsync(MIN);
    t.clock.jump(90 * MIN); // asleep: no timer fired meanwhile
    await t.clock.advanceAsync(0);
    expect(await status(t, 1)).toBe('sent');
    expect(story(t, 1)).toContain('scheduled→queued:catch_up');
    expect(t.logs.some((l) => /lost time \(late/.test(l))).toBe(true);
  });

  it('a wake after a sleep past the grace window marks the message missed instead of sending it', async () => {
    const t = await openCore({ clock: new FakeClock(taipei(1, 10)) });
    await shop(t);
    await sendAt(t, taipei(1, 11));
    await t.clock.advanceAsync(MIN);
    t.clock.jump(4 * HOUR);
    await t.clock.advanceAsync(0);
    expect(await status(t, 1)).toBe('missed');
  });

  it('a clock set back does not send anything early', async () => {
    const t = await openCore({ clock: new FakeClock(taipei(1, 10)) });
    await shop(t);
    await sendAt(t, taipei(1, 11));
    await t.clock.advanceAsync(MIN);
    t.clock.setNow(taipei(1, 9));
    // The next wake-up (here: another message) notices the clock moved back, and nothing goes early.
    await sendAt(t, taipei(1, 12), '0922333444');
    await t.clock.advanceAsync(0);
    expect(await status(t, 1)).toBe('scheduled');
    expect(t.logs.some((l) => /lost time \(backwards/.test(l))).toBe(true);
  });
});

describe('the missed notice', () => {
  async function withMissed(): Promise<TestCore> {
    const due = taipei(1, 12);
    return closedUntil(taipei(1, 10), async (a) => {
      await sendAt(a, due);
      await sendAt(a, due + 10 * MIN, '0922333444');
    }, due + 5 * HOUR);
  }

  it('"send now" sends a missed message again and takes it off the notice', async () => {
    const t = await withMissed();
    // Through the pre-send check, as any resend: its warnings were shown and accepted.
    const report = await t.core.api['messages.resendCheck']({ id: 1, origin: 'composer' });
    const again = await t.core.api['messages.resend']({ id: 1, acknowledged: report.issues.map((i) => i.code) });
    expect(again.resendOf).toBe(1);
    await t.clock.advanceAsync(0);
    expect(await status(t, again.id)).toBe('sent');
    const missed = await t.core.api['scheduler.missed']({ limit: 100 });
    expect(missed.messages.map((m) => m.id)).toEqual([2]);
  });

  it('"cancel" dismisses it: it stays missed in the log, and the tray no longer asks for attention', async () => {
    const t = await withMissed();
    expect(await t.core.api['scheduler.acknowledge']({ ids: [1] })).toEqual({ acknowledged: 1 });
    expect((await t.core.api['scheduler.missed']({ limit: 100 })).total).toBe(1);
    expect(await t.core.api['scheduler.acknowledge']({ all: 'missed' })).toEqual({ acknowledged: 1 });
    expect(await status(t, 1)).toBe('missed');
    expect(await t.core.api['scheduler.missed']({ limit: 100 })).toEqual({ messages: [], total: 0 });
    expect((await t.core.api['scheduler.status']({})).attention.missed).toBe(0);
  });

  it('refuses an acknowledgement of nothing, with a translated error', async () => {
    const t = await withMissed();
    await expect(t.core.call('scheduler.acknowledge', {})).rejects.toMatchObject({ kind: 'validation', key: 'scheduler.errors.nothingToAcknowledge' });
  });
});
