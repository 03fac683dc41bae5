// When may a new process take over the dispatcher lease at once? Only when the holder is certainly
// gone: on this host, its PID dead, or now belonging to a process that started later (PID reuse).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { currentProcess, holderIsGone, isProcessAlive, processStartTime, type LeaseHolder, type ProcessIdentity } from '../../src-main/core/dispatcher/lease';

const me: ProcessIdentity = { host: 'shop-pc', pid: 1000, processStartedAt: 1_700_000_000_000 };
const holder = (over: Partial<LeaseHolder>): LeaseHolder => ({
  holderId: 'h', host: 'shop-pc', pid: 2000, processStartedAt: 1_699_000_000_000, acquiredAt: 0, heartbeatAt: 0, ...over,
});

/** A probe answering as the OS would for one other process. */
const probe = (alive: boolean, startedAt: number | null) => ({ isProcessAlive: () => alive, processStartTime: () => startedAt });

describe('holderIsGone', () => {
  it('never judges a holder on another host (its PIDs mean nothing here): the heartbeat decides', () => {
    expect(holderIsGone(holder({ host: 'back-office' }), me, probe(false, null))).toBe(false);
  });

  it('is true when the PID is dead on this host', () => {
    expect(holderIsGone(holder({}), me, probe(false, null))).toBe(true);
  });

  it('is false when the PID is alive with the recorded start time (allowing 2 s of rounding)', () => {
    expect(holderIsGone(holder({}), me, probe(true, 1_699_000_000_000))).toBe(false);
    expect(holderIsGone(holder({}), me, probe(true, 1_699_000_001_999))).toBe(false);
    expect(holderIsGone(holder({}), me, probe(true, 1_698_999_998_001))).toBe(false);
  });

  it('is true when the PID was reused by a process that started at another time', () => {
    expect(holderIsGone(holder({}), me, probe(true, 1_699_000_002_001))).toBe(true);
    expect(holderIsGone(holder({}), me, probe(true, 1_699_500_000_000))).toBe(true);
  });

  it('is false when the PID is alive and its start time cannot be known (not Linux)', () => {
    expect(holderIsGone(holder({}), me, probe(true, null))).toBe(false);
  });

  it('with our own PID: gone only when the recorded start time is not ours (we are a later process)', () => {
    expect(holderIsGone(holder({ pid: me.pid, processStartedAt: me.processStartedAt }), me, probe(true, null))).toBe(false);
    expect(holderIsGone(holder({ pid: me.pid, processStartedAt: me.processStartedAt - 60_000 }), me, probe(true, null))).toBe(true);
  });
});

describe('the OS probes', () => {
  it('see this process alive and a finished child dead', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.pid).toBeGreaterThan(0);
    expect(isProcessAlive(child.pid!)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('read a start time consistent with the process uptime (Linux)', () => {
    const started = processStartTime(process.pid);
    expect(started).not.toBeNull();
    const estimate = Date.now() - process.uptime() * 1000;
    expect(Math.abs(started! - estimate)).toBeLessThan(5000);
    expect(processStartTime(2 ** 22 + 12345)).toBeNull();
  });

  it('describe this process', () => {
    expect(currentProcess()).toMatchObject({ host: os.hostname(), pid: process.pid });
    expect(holderIsGone({ ...currentProcess(), holderId: 'x', acquiredAt: 0, heartbeatAt: 0 }, currentProcess())).toBe(false);
  });
});
