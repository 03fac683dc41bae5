// The operator's "resume" on a paused account's banner: whatever paused it (credentials, no credit),
// the operator says it is fixed; if it is not, the next send pauses it again with the reason.
import { ApiError } from '../../../src-shared/api/errors';
import type { Db } from '../db/client';

export function resumeAccount(db: Db, name: string, now: number): void {
  const row = db.prepare('select id from accounts where name = ? and removed_at is null').get(name) as { id: number } | undefined;
  if (!row) throw new ApiError('not_found', 'errors.notFound.account', { name: name.slice(0, 100) });
  db.prepare('update accounts set paused_reason = null, updated_at = ? where id = ?').run(now, row.id);
}
