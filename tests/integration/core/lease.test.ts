// One dispatcher per data dir (DESIGN.md §5): the lease row decides who sends. A dead holder on this
// host is replaced at once; a live holder elsewhere keeps it while its heartbeat is fresh; and even two
// cores sending over the same rows at the same time never send one twice.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { LEASE_TTL_MS, processStartTime } from '../../../src-main/core/dispatcher/lease';
import { withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore, setDeliveryDelay, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

const status = async (t: TestCore) => t.core.api['dispatcher.status']({});

/** A PID that certainly belonged to a process on this host and is now gone. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/** A data dir migrated and closed (no lease held), with a lease row written as another holder left it. */
async function dataDirWithLease(clock: FakeClock, row: { host: string; pid: number; processStartedAt: number; heartbeatAt: number }): Promise<string> {
  const dataDir = tempDir();
  const setup = await openCore({ dataDir, clock, dispatch: false });
  await setup.core.close();
  withDb(dataDir, (db) =>
    db.prepare(`insert into dispatcher_lease (id, holder_id, host, pid, process_started_at, acquired_at, heartbeat_at) values (1, 'old', ?, ?, ?, ?, ?)`)
      .run(row.host, row.pid, row.processStartedAt, row.heartbeatAt - 60_000, row.heartbeatAt),
  );
  return dataDir;
}

const leaseRow = (dataDir: string) => withDb(dataDir, (db) => db.prepare('select holder_id, host, pid from dispatcher_lease').all() as { holder_id: string; host: string; pid: number }[]);

describe('the dispatcher lease', () => {
  it('two cores on one data dir: exactly one is active, the other takes over when it closes', async () => {
    const clock = new FakeClock();
    const a = await openCore({ clock });
    await clock.advanceAsync(0);
    const b = await openCore({ clock, dataDir: a.dataDir });
    await clock.advanceAsync(0);
    expect((await status(a)).active).toBe(true);
    expect((await status(b)).active).toBe(false);
    expect((await status(b)).holder).toMatchObject({ host: os.hostname(), pid: process.pid });
    expect(leaseRow(a.dataDir)).toHaveLength(1);

    // Heartbeats keep it with a, however long both run.
    await clock.advanceAsync(5 * LEASE_TTL_MS);
    expect((await status(a)).active).toBe(true);
    expect((await status(b)).active).toBe(false);

    await a.core.close();
    expect(leaseRow(a.dataDir)).toEqual([]); // released, not left to expire
    await clock.advanceAsync(5000); // b looks again within its idle interval
    expect((await status(b)).active).toBe(true);
    expect(b.events).toContainEqual({ type: 'dispatcher.changed' });
  });

  it('only the holder sends: the other core leaves queued rows alone', async () => {
    const clock = new FakeClock();
    const a = await openCore({ clock });
    await clock.advanceAsync(0);
    const b = await openCore({ clock, dataDir: a.dataDir });
    await b.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await b.core.tick();
    expect((await b.core.api['messages.get']({ id: 1 })).status).toBe('queued');
    await a.core.tick();
    expect((await b.core.api['messages.get']({ id: 1 })).status).toBe('sent');
  });

  it('takes over at once from a dead holder on this host, even with a fresh heartbeat', async () => {
    const clock = new FakeClock();
    const dataDir = await dataDirWithLease(clock, { host: os.hostname(), pid: deadPid(), processStartedAt: clock.now() - 3600_000, heartbeatAt: clock.now() });
    const t = await openCore({ clock, dataDir });
    await clock.advanceAsync(0);
    expect((await status(t)).active).toBe(true);
    expect(leaseRow(dataDir)).toEqual([{ holder_id: expect.not.stringMatching(/^old$/), host: os.hostname(), pid: process.pid }]);
  });

  it('takes over at once from a PID now used by a later process (PID reuse)', async () => {
    const clock = new FakeClock();
    // The parent process is alive, but it did not start at the recorded time.
    const dataDir = await dataDirWithLease(clock, { host: os.hostname(), pid: process.ppid, processStartedAt: 12345, heartbeatAt: clock.now() });
    const t = await openCore({ clock, dataDir });
    await clock.advanceAsync(0);
    expect((await status(t)).active).toBe(process.platform === 'linux'); // elsewhere the start time is unknown: wait for the heartbeat
  });

  it.runIf(process.platform === 'linux')('leaves a live holder on this host alone while its heartbeat is fresh', async () => {
    const clock = new FakeClock();
    const dataDir = await dataDirWithLease(clock, { host: os.hostname(), pid: process.ppid, processStartedAt: processStartTime(process.ppid)!, heartbeatAt: clock.now() });
    const t = await openCore({ clock, dataDir });
    await clock.advanceAsync(LEASE_TTL_MS);
    expect((await status(t)).active).toBe(false);
    expect((await status(t)).holder).toMatchObject({ pid: process.ppid });
  });

  it('leaves a live holder on another host alone while its heartbeat is fresh, and takes a stale one', async () => {
    const clock = new FakeClock();
    const heartbeatAt = clock.now();
    const dataDir = await dataDirWithLease(clock, { host: 'back-office-pc', pid: process.pid, processStartedAt: 1, heartbeatAt });
    const t = await openCore({ clock, dataDir });
    await setDeliveryDelay(t.core, 0);
    await t.core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    await clock.advanceAsync(LEASE_TTL_MS);
    expect((await status(t)).active).toBe(false);
    expect((await status(t)).holder).toMatchObject({ host: 'back-office-pc' });
    expect((await t.core.api['messages.get']({ id: 1 })).status).toBe('queued');

    // The other PC stopped beating: once the heartbeat is older than the TTL, this core takes over.
    await clock.advanceAsync(5000);
    expect(clock.now() - heartbeatAt).toBeGreaterThan(LEASE_TTL_MS);
    expect((await status(t)).active).toBe(true);
    expect((await t.core.api['messages.get']({ id: 1 })).status).not.toBe('queued');
  });

  it('two cores sending the same few hundred rows at once never send one twice', async () => {
    const clock = new FakeClock();
    const a = await openCore({ clock });
    const b = await openCore({ clock, dataDir: a.dataDir });
    await setDeliveryDelay(a.core, 0);
    const numbers = Array.from({ length: 300 }, (_, i) => `0912${String(1_000_001 + i).slice(1)}`);
    const { messages } = await a.core.api['messages.send']({ to: numbers.join('\n'), text: 'hi', origin: 'composer' });
    expect(messages).toHaveLength(300);
    const t0 = clock.now();

    // a takes the lease and starts claiming; while its first batch is with the provider, the clock
    // jumps past the lease TTL (a stalled process), so b takes the lease over and claims too — both
    // dispatchers work through the same queue at the same time.
    const both = Promise.all([
      a.core.tick(),
      (async () => {
        clock.jump(LEASE_TTL_MS + 1);
        await b.core.tick();
      })(),
    ]);
    await both;
    for (let i = 0; i < 10; i++) {
      await clock.advanceAsync(1000);
      await Promise.all([a.core.tick(), b.core.tick()]);
    }

    withDb(a.dataDir, (db) => {
      const claims = db.prepare(`select message_id, count(*) as n, min(at) as at from message_events where from_status = 'queued' and to_status = 'sending' group by message_id`).all() as { message_id: number; n: number; at: number }[];
      expect(claims).toHaveLength(300);
      expect(claims.filter((c) => c.n !== 1)).toEqual([]);
      // Both really claimed rows: a before the jump, b after it.
      const claimedByA = claims.filter((c) => c.at === t0).map((c) => c.message_id);
      expect(claimedByA.length).toBeGreaterThan(0);
      expect(claims.some((c) => c.at > t0)).toBe(true);
      expect(db.prepare(`select message_id from message_events where to_status = 'sent' group by message_id having count(*) > 1`).all()).toEqual([]);
      expect(db.prepare(`select message_id from message_events where to_status = 'delivered' group by message_id having count(*) > 1`).all()).toEqual([]);
      expect(db.prepare(`select max(attempts) as attempts from messages`).get()).toEqual({ attempts: 1 });
      // Every row is final: delivered, or — for the batch a still had with the provider when b took the
      // lease — `unknown` (b cannot know whether a's request went out), and never resent.
      const rows = db.prepare(`select id, status from messages`).all() as { id: number; status: string }[];
      const unknown = rows.filter((r) => r.status === 'unknown').map((r) => r.id);
      expect(rows.filter((r) => r.status !== 'delivered' && r.status !== 'unknown')).toEqual([]);
      expect(unknown.every((id) => claimedByA.includes(id))).toBe(true);
      expect(rows.filter((r) => r.status === 'delivered').length).toBeGreaterThanOrEqual(300 - 50);
    });
  });
});
