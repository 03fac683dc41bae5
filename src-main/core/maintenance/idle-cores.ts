// How many cores sat idle while we worked: the split full check (split-check.ts) runs a second thread
// only when a core is free for it; on a busy machine that thread would only compete, and the split
// costs more CPU time in all. Measured over the phase just before the check (a backup's snapshot, a
// restore's extraction) from the system's own per-core idle times, so it describes the machine now,
// not the last minute's load average (which still counts, say, the contacts import just finished).
import os from 'node:os';

/** Shorter than this, the counters (ticks of about 10 ms) say too little. */
const MIN_WINDOW_MS = 200;

function idleMs(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0);
}

export interface IdleMeter {
  /** Idle cores on average since the meter started (2.0: two whole cores idle), or null if too soon to tell. */
  idleCores(): number | null;
}

export function startIdleMeter(): IdleMeter {
  const t0 = performance.now();
  const idle0 = idleMs();
  return {
    idleCores() {
      const elapsed = performance.now() - t0;
      return elapsed < MIN_WINDOW_MS ? null : Math.max(0, idleMs() - idle0) / elapsed;
    },
  };
}
