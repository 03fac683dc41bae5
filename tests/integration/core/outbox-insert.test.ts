// The repository's bulk enqueue writes many rows per statement: every returned id must be the row made
// from the input at the same position (callers pair them), whatever the chunking, and each row gets its
// first event.
import { describe, expect, it } from 'vitest';
import { createMessageRepository, type NewMessage } from '../../../src-main/core/outbox/repository';
import { newIdempotencyKey } from '../../../src-main/core/outbox/idempotency-key';
import { withDb } from '../../helpers/db';
import { openCore } from '../../helpers/core';

const newMessage = (i: number, now: number): NewMessage => ({
  idempotencyKey: newIdempotencyKey(now), accountId: 1, toE164: `+88691${String(i).padStart(7, '0')}`, toRaw: `091${String(i).padStart(7, '0')}`,
  text: `msg ${i}`, encoding: 'GSM-7', segments: 1, status: i % 3 === 0 ? 'scheduled' : 'queued', origin: 'cli', memo: i % 2 ? `memo ${i}` : null,
  testMode: i % 5 === 0, scheduledAt: null, scheduledTz: null, nextActionAt: now + i, createdAt: now + i,
});

describe('insertMany', () => {
  it('returns the id of each input row at its position, over whole chunks and a remainder', async () => {
    const t = await openCore({ dispatch: false });
    await t.core.close();
    withDb(t.dataDir, (db) => {
      const repo = createMessageRepository(db);
      for (const n of [1, 100, 257]) {
        const rows = Array.from({ length: n }, (_, i) => newMessage(i, 1_000_000));
        const ids = repo.insertMany(rows);
        expect(ids).toHaveLength(n);
        expect(new Set(ids).size).toBe(n);
        const stored = db.prepare('select id, idempotency_key, to_e164, text, status, memo, test_mode, next_action_at from messages where id in (select value from json_each(?))')
          .all(JSON.stringify(ids)) as { id: number; idempotency_key: string; to_e164: string; text: string; status: string; memo: string | null; test_mode: number; next_action_at: number }[];
        const byId = new Map(stored.map((r) => [r.id, r]));
        rows.forEach((r, i) => {
          expect(byId.get(ids[i]!)).toEqual({
            id: ids[i], idempotency_key: r.idempotencyKey, to_e164: r.toE164, text: r.text, status: r.status, memo: r.memo, test_mode: r.testMode ? 1 : 0, next_action_at: r.nextActionAt,
          });
        });
        const events = db.prepare('select message_id, at, from_status, to_status from message_events where message_id in (select value from json_each(?)) order by id')
          .all(JSON.stringify(ids));
        expect(events).toEqual(rows.map((r, i) => ({ message_id: ids[i], at: r.createdAt, from_status: null, to_status: r.status })));
      }
      expect(repo.insertMany([])).toEqual([]);
    });
  });
});
