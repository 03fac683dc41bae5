// One dispatcher per data dir (DESIGN.md §5). The lease row is taken in BEGIN IMMEDIATE, so two
// processes cannot both win. A holder on this host whose PID is gone (or was reused by another
// program) is replaced at once; otherwise the lease passes only when its heartbeat is stale.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import type { Db } from '../db/client';

export const LEASE_TTL_MS = 30_000;

export interface LeaseHolder {
  holderId: string;
  host: string;
  pid: number;
  processStartedAt: number;
  acquiredAt: number;
  heartbeatAt: number;
}

export interface ProcessIdentity {
  host: string;
  pid: number;
  processStartedAt: number;
}

/** When a process on this machine started (ms), or null when the OS does not tell us (non-Linux). */
export function processStartTime(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, in clock ticks since boot) follows the ") " that ends the command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null;
    return btime * 1000 + Math.round((ticks / 100) * 1000);
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function currentProcess(): ProcessIdentity {
  return {
    host: os.hostname(),
    pid: process.pid,
    processStartedAt: processStartTime(process.pid) ?? Math.round(Date.now() - process.uptime() * 1000),
  };
}

/** The holder is certainly gone: same host, and its PID is dead or now belongs to a later process. */
export function holderIsGone(holder: LeaseHolder, me: ProcessIdentity, probe = { isProcessAlive, processStartTime }): boolean {
  if (holder.host !== me.host) return false;
  if (holder.pid === me.pid) return holder.processStartedAt !== me.processStartedAt;
  if (!probe.isProcessAlive(holder.pid)) return true;
  const started = probe.processStartTime(holder.pid);
  // Allow for the rounding of the two ways we compute a start time.
  return started !== null && Math.abs(started - holder.processStartedAt) > 2000;
}

/** Someone is sending: the heartbeat is fresh and the holder is not certainly gone. */
export function holderIsLive(holder: LeaseHolder, now: number, me: ProcessIdentity = currentProcess()): boolean {
  return now - holder.heartbeatAt <= LEASE_TTL_MS && !holderIsGone(holder, me);
}

export interface Lease {
  readonly holderId: string;
  /** Takes or renews the lease. Returns true while we hold it; `fresh` when we just took it over. */
  acquire(now: number): { held: boolean; fresh: boolean };
  release(): void;
  holder(): LeaseHolder | null;
}

export function createLease(db: Db, me: ProcessIdentity = currentProcess()): Lease {
  const holderId = randomUUID();
  const read = db.prepare<[], Record<string, number | string>>('select * from dispatcher_lease where id = 1');
  const toHolder = (r: Record<string, number | string> | undefined): LeaseHolder | null =>
    r
      ? {
          holderId: String(r.holder_id),
          host: String(r.host),
          pid: Number(r.pid),
          processStartedAt: Number(r.process_started_at),
          acquiredAt: Number(r.acquired_at),
          heartbeatAt: Number(r.heartbeat_at),
        }
      : null;

  return {
    holderId,
    acquire(now) {
      return db.transaction(() => {
        const current = toHolder(read.get());
        if (current && current.holderId === holderId) {
          db.prepare('update dispatcher_lease set heartbeat_at = ? where id = 1').run(now);
          return { held: true, fresh: false };
        }
        const free = !current || now - current.heartbeatAt > LEASE_TTL_MS || holderIsGone(current, me);
        if (!free) return { held: false, fresh: false };
        db.prepare(`insert into dispatcher_lease (id, holder_id, host, pid, process_started_at, acquired_at, heartbeat_at)
          values (1, ?, ?, ?, ?, ?, ?) on conflict(id) do update set holder_id = excluded.holder_id, host = excluded.host,
          pid = excluded.pid, process_started_at = excluded.process_started_at, acquired_at = excluded.acquired_at,
          heartbeat_at = excluded.heartbeat_at`).run(holderId, me.host, me.pid, me.processStartedAt, now, now);
        return { held: true, fresh: true };
      }).immediate();
    },
    release() {
      if (db.open) db.prepare('delete from dispatcher_lease where id = 1 and holder_id = ?').run(holderId);
    },
    holder: () => toHolder(read.get()),
  };
}
