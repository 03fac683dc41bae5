// The claim-time opt-out check (issue 6) reads the contacts' opt-out flag: a number whose live contact
// has opted out is `blocked` when the dispatcher claims it, whoever enqueued the message.
import type { Db } from '../db/client';

export function createOptOutLookup(db: Db): (e164s: string[]) => Set<string> {
  // `deleted_batch is null` lets SQLite use the live-number unique index.
  const stmt = db.prepare<[string], { phone_e164: string }>(
    'select phone_e164 from contacts where deleted_batch is null and opt_out = 1 and phone_e164 in (select value from json_each(?))',
  );
  return (e164s) => {
    if (e164s.length === 0) return new Set();
    return new Set(stmt.all(JSON.stringify(e164s)).map((r) => r.phone_e164));
  };
}
