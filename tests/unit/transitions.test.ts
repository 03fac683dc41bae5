// The message state machine (DESIGN.md §5) against a real migrated SQLite file: illegal transitions
// throw, a row that is no longer in the expected status is left alone (so two processes can never
// both move it), and every change is told in message_events.
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applyPragmas, openRaw, type Db } from '../../src-main/core/db/client';
import { loadMigrations, migrate } from '../../src-main/core/db/migrate';
import { defaultMigrationsDir } from '../../src-main/core';
import { canTransition, createTransitioner } from '../../src-main/core/outbox/transitions';
import { finalStatuses, messageStatuses, type MessageStatus } from '../../src-shared/api/schemas';
import { tempDir } from '../helpers/temp-dir';

function migratedDb(): Db {
  const dir = tempDir();
  const db = openRaw(path.join(dir, 'smsdesk.db'));
  applyPragmas(db);
  migrate(db, loadMigrations(defaultMigrationsDir()), { safetyDir: path.join(dir, 'safety'), now: 0 });
  db.prepare(`insert into accounts (id, name, provider, is_default, created_at, updated_at) values (1, 'sandbox', 'sandbox', 1, 0, 0)`).run();
  onTestFinished(() => {
    db.close();
  });
  return db;
}

function insertMessage(db: Db, status: MessageStatus): number {
  const row = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status, origin, created_at, updated_at, next_action_at)
    values (lower(hex(randomblob(16))), 1, '+886912345678', '0912345678', 'hi', 'GSM-7', 1, ?, 'composer', 0, 0, 0) returning id`).get(status) as { id: number };
  return row.id;
}

const statusOf = (db: Db, id: number) => (db.prepare('select status from messages where id = ?').get(id) as { status: string }).status;
const eventsOf = (db: Db, id: number) => db.prepare('select from_status, to_status, code, detail, at from message_events where message_id = ? order by id').all(id);

/** The life of DESIGN.md §5, edge by edge. */
const legal: [MessageStatus, MessageStatus][] = [
  ['draft', 'scheduled'], ['draft', 'queued'], ['draft', 'cancelled'],
  ['scheduled', 'queued'], ['scheduled', 'cancelled'], ['scheduled', 'missed'], ['scheduled', 'blocked'],
  ['queued', 'sending'], ['queued', 'cancelled'], ['queued', 'blocked'], ['queued', 'scheduled'],
  ['sending', 'sent'], ['sending', 'failed'], ['sending', 'queued'], ['sending', 'unknown'],
  ['sent', 'delivered'], ['sent', 'failed'], ['sent', 'expired'],
  ['unknown', 'sent'], ['unknown', 'delivered'], ['unknown', 'failed'], ['unknown', 'expired'], ['unknown', 'queued'],
];

describe('canTransition', () => {
  it('allows exactly the edges of the state machine', () => {
    const key = (a: string, b: string) => `${a}→${b}`;
    const allowed = new Set(legal.map(([a, b]) => key(a, b)));
    for (const from of messageStatuses) {
      for (const to of messageStatuses) expect(canTransition(from, to), key(from, to)).toBe(allowed.has(key(from, to)));
    }
  });

  it('lets nothing leave a final status except unknown, which a status query may still settle', () => {
    for (const from of finalStatuses) {
      const exits = messageStatuses.filter((to) => canTransition(from, to));
      expect(exits, from).toEqual(from === 'unknown' ? ['queued', 'sent', 'delivered', 'failed', 'expired'] : []);
    }
  });

  it('never goes from sending or sent back to the queue by a status report (no resend after the provider may have it)', () => {
    expect(canTransition('sent', 'queued')).toBe(false);
    // unknown → queued exists only for the provider's authoritative "not found" under our idempotency
    // key (the dispatcher checks capabilities.idempotencyKey): a send under the same key is deduplicated.
    expect(canTransition('sent', 'sending')).toBe(false);
  });
});

describe('transitioner', () => {
  it('moves a row, sets the patch columns and updated_at, and records the event with code and detail', () => {
    const db = migratedDb();
    const t = createTransitioner(db);
    const id = insertMessage(db, 'sending');
    expect(t.transition(id, 'sending', 'sent', 5000, { provider_message_id: 'p-1', sent_at: 5000, next_action_at: 6000 }, { code: 'accepted', detail: 'p-1' })).toBe(true);
    expect(db.prepare('select status, provider_message_id, sent_at, next_action_at, updated_at from messages where id = ?').get(id)).toEqual({
      status: 'sent', provider_message_id: 'p-1', sent_at: 5000, next_action_at: 6000, updated_at: 5000,
    });
    expect(eventsOf(db, id)).toEqual([{ from_status: 'sending', to_status: 'sent', code: 'accepted', detail: 'p-1', at: 5000 }]);
  });

  it('throws on an illegal transition and changes nothing', () => {
    const db = migratedDb();
    const t = createTransitioner(db);
    const id = insertMessage(db, 'delivered');
    expect(() => t.transition(id, 'delivered', 'queued', 1)).toThrow(/illegal message transition delivered → queued/);
    expect(() => t.transition(id, 'sent', 'sending', 1)).toThrow(/illegal/);
    expect(() => t.transition(id, 'failed', 'sending', 1)).toThrow(/illegal/);
    expect(statusOf(db, id)).toBe('delivered');
    expect(eventsOf(db, id)).toEqual([]);
  });

  it('leaves a row that is not in the expected status alone, and records nothing', () => {
    const db = migratedDb();
    const t = createTransitioner(db);
    const id = insertMessage(db, 'cancelled');
    // Another process cancelled it between our read and our write: our queued → sending must not happen.
    expect(t.transition(id, 'queued', 'sending', 7, { next_action_at: null })).toBe(false);
    expect(statusOf(db, id)).toBe('cancelled');
    expect(db.prepare('select next_action_at from messages where id = ?').get(id)).toEqual({ next_action_at: 0 });
    expect(eventsOf(db, id)).toEqual([]);
  });

  it('lets only the first of two racing transitions from the same status win', () => {
    const db = migratedDb();
    const t = createTransitioner(db);
    const id = insertMessage(db, 'queued');
    expect(t.transition(id, 'queued', 'cancelled', 1, { final_at: 1 }, { code: 'operator' })).toBe(true);
    expect(t.transition(id, 'queued', 'sending', 2)).toBe(false);
    expect(statusOf(db, id)).toBe('cancelled');
    expect(eventsOf(db, id)).toEqual([{ from_status: 'queued', to_status: 'cancelled', code: 'operator', detail: null, at: 1 }]);
  });

  it('does nothing for a message that does not exist', () => {
    const db = migratedDb();
    expect(createTransitioner(db).transition(999, 'queued', 'sending', 1)).toBe(false);
    expect(db.prepare('select count(*) as n from message_events').get()).toEqual({ n: 0 });
  });

  it('applies different patches with their own columns (no stale prepared statement mixes them up)', () => {
    const db = migratedDb();
    const t = createTransitioner(db);
    const a = insertMessage(db, 'sent');
    const b = insertMessage(db, 'sent');
    t.transition(a, 'sent', 'delivered', 10, { delivered_at: 9, final_at: 10, next_action_at: null });
    t.transition(b, 'sent', 'failed', 11, { error_code: 'X', error_key: 'errors.provider.unknown', final_at: 11, next_action_at: null });
    expect(db.prepare('select id, status, delivered_at, error_code, final_at from messages order by id').all()).toEqual([
      { id: a, status: 'delivered', delivered_at: 9, error_code: null, final_at: 10 },
      { id: b, status: 'failed', delivered_at: null, error_code: 'X', final_at: 11 },
    ]);
  });

  it('the database itself refuses a status outside the twelve', () => {
    const db = migratedDb();
    const id = insertMessage(db, 'queued');
    expect(() => db.prepare(`update messages set status = 'canceled' where id = ?`).run(id)).toThrow(/CHECK constraint/);
  });
});
