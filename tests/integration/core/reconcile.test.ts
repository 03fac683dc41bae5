// Start-up after a crash (DESIGN.md §5): rows a dead dispatcher left in `sending` may or may not have
// reached the provider, so they become `unknown` with an explanation and are never resent; the rest of
// the queue carries on.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPragmas, openRaw } from '../../../src-main/core/db/client';
import { createMessageRepository } from '../../../src-main/core/outbox/repository';
import { eventsOf, withDb } from '../../helpers/db';
import { FakeClock } from '../../helpers/fake-clock';
import { openCore } from '../../helpers/core';

/** A data dir as a dispatcher that died mid-send leaves it: rows in `sending`, its lease row behind. */
async function crashedDataDir(clock: FakeClock) {
  const setup = await openCore({ clock, dispatch: false });
  await setup.core.api['messages.send']({ to: '0912345678, 0922333444, 0933444555', text: 'hi', origin: 'composer' });
  await setup.core.close();
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const claimedAt = clock.now();
  withDb(setup.dataDir, (db) => {
    // The dead process claimed rows 1 and 2 exactly as the dispatcher does (one transaction), then died.
    createMessageRepository(db).claimDue(claimedAt, 2, []);
    db.prepare(`insert into dispatcher_lease (id, holder_id, host, pid, process_started_at, acquired_at, heartbeat_at) values (1, 'dead', ?, ?, 0, ?, ?)`)
      .run(os.hostname(), dead, claimedAt, claimedAt);
  });
  return setup.dataDir;
}

describe('start-up reconciliation', () => {
  it('turns rows left in sending into unknown (errors.provider.crashed) and never resends them', async () => {
    const clock = new FakeClock();
    const dataDir = await crashedDataDir(clock);
    clock.jump(1000);
    const t = await openCore({ clock, dataDir });
    await clock.advanceAsync(0);

    for (const id of [1, 2]) {
      const m = await t.core.api['messages.get']({ id });
      expect(m.status).toBe('unknown');
      expect(m.error).toEqual({ code: 'interrupted', key: 'errors.provider.crashed', detail: null });
      expect(m.providerMessageId).toBeNull();
      expect(eventsOf(dataDir, id).map((e) => `${e.from_status ?? '∅'}→${e.to_status}`)).toEqual(['∅→queued', 'queued→sending', 'sending→unknown']);
    }
    // The row it had not claimed goes as usual.
    expect((await t.core.api['messages.get']({ id: 3 })).status).toBe('sent');
    expect(t.events).toContainEqual({ type: 'messages.changed', ids: expect.arrayContaining([1, 2]), source: 'local' });

    // An hour later, and after a restart: still unknown, one attempt, no second claim.
    await clock.advanceAsync(3600_000);
    await t.core.close();
    const again = await openCore({ clock, dataDir });
    await clock.advanceAsync(60_000);
    for (const id of [1, 2]) {
      expect((await again.core.api['messages.get']({ id })).status).toBe('unknown');
      expect(eventsOf(dataDir, id).filter((e) => e.to_status === 'sending')).toHaveLength(1);
    }
    expect(withDb(dataDir, (db) => db.prepare('select id, attempts from messages where id in (1, 2) order by id').all())).toEqual([
      { id: 1, attempts: 1 },
      { id: 2, attempts: 1 },
    ]);
    expect((await again.core.api['messages.get']({ id: 3 })).status).toBe('delivered');
  });

  it('leaves sending rows alone while their live holder (another PC) keeps the lease', async () => {
    const clock = new FakeClock();
    const dataDir = await crashedDataDir(clock);
    withDb(dataDir, (db) => db.prepare(`update dispatcher_lease set host = 'back-office-pc', heartbeat_at = ?`).run(clock.now()));
    const t = await openCore({ clock, dataDir });
    await clock.advanceAsync(10_000);
    expect((await t.core.api['messages.get']({ id: 1 })).status).toBe('sending');
  });

  it('claims are exclusive across connections: two repositories on one file never claim the same row', async () => {
    const clock = new FakeClock();
    {
      const setup = await openCore({ clock, dispatch: false });
      const numbers = Array.from({ length: 120 }, (_, i) => `0912${String(1_000_001 + i).slice(1)}`);
      await setup.core.api['messages.send']({ to: numbers.join(','), text: 'hi', origin: 'composer' });
      const file = path.join(setup.dataDir, 'smsdesk.db');
      const [one, two] = [openRaw(file), openRaw(file)];
      try {
        [one, two].forEach(applyPragmas);
        const [r1, r2] = [createMessageRepository(one), createMessageRepository(two)];
        const got: number[][] = [[], []];
        for (let i = 0; i < 20; i++) {
          got[0]!.push(...r1.claimDue(clock.now(), 7, []).map((r) => r.id));
          got[1]!.push(...r2.claimDue(clock.now(), 5, []).map((r) => r.id));
        }
        expect(got[0]!.filter((id) => got[1]!.includes(id))).toEqual([]);
        expect(new Set([...got[0]!, ...got[1]!]).size).toBe(120);
        expect(got[1]!.length).toBeGreaterThan(0);
      } finally {
        one.close();
        two.close();
      }
    }
  });
});
