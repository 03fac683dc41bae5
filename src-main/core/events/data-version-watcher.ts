// Other processes (the CLI, `smsdesk run`) write the same database. SQLite bumps PRAGMA data_version
// on this connection whenever another connection commits, so polling it is cheap and exact.
import type { Db } from '../db/client';
import type { Clock } from '../types';

export function watchDataVersion(db: Db, clock: Clock, intervalMs: number, onExternalChange: () => void): () => void {
  let last = db.pragma('data_version', { simple: true }) as number;
  let handle: unknown = null;
  let stopped = false;
  const check = () => {
    if (stopped || !db.open) return;
    const now = db.pragma('data_version', { simple: true }) as number;
    if (now !== last) {
      last = now;
      onExternalChange();
    }
    handle = clock.setTimeout(check, intervalMs);
  };
  handle = clock.setTimeout(check, intervalMs);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
