// API keys of the local integration API. A key is 32 random bytes (base64url) behind a fixed prefix;
// only its SHA-256 is stored (enough for a random 256-bit secret: there is nothing to guess), so a
// copy of the database or a backup does not let anyone in. The key is shown once, when it is made.
import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/errors';
import type { IntegrationKeyView } from '../../../src-shared/api/scheduler-schemas';
import type { Db } from '../db/client';

export const KEY_PREFIX = 'smsd_';
/** Characters of the key kept to tell keys apart in the list (the prefix plus 6 of the secret). */
const SHOWN = KEY_PREFIX.length + 6;

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toView = (r: KeyRow): IntegrationKeyView => ({
  id: r.id, name: r.name, prefix: r.prefix, createdAt: new Date(r.created_at).toISOString(), lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at),
});

export const hashKey = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function createKeyStore(db: Db) {
  const listStmt = db.prepare<[], KeyRow>('select id, name, prefix, created_at, last_used_at, revoked_at from integration_keys order by id');
  const getStmt = db.prepare<[number], KeyRow>('select id, name, prefix, created_at, last_used_at, revoked_at from integration_keys where id = ?');
  const insertStmt = db.prepare('insert into integration_keys (name, prefix, hash, created_at) values (?, ?, ?, ?)');
  const revokeStmt = db.prepare('update integration_keys set revoked_at = ? where id = ? and revoked_at is null');
  const byHashStmt = db.prepare<[string], { id: number; revoked_at: number | null; last_used_at: number | null }>('select id, revoked_at, last_used_at from integration_keys where hash = ?');
  const usedStmt = db.prepare('update integration_keys set last_used_at = ? where id = ?');

  return {
    list: (): IntegrationKeyView[] => listStmt.all().map(toView),

    create(name: string, now: number): { key: IntegrationKeyView; secret: string } {
      const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
      const id = Number(insertStmt.run(name, secret.slice(0, SHOWN), hashKey(secret), now).lastInsertRowid);
      return { key: toView(getStmt.get(id)!), secret };
    },

    revoke(id: number, now: number): IntegrationKeyView {
      const row = getStmt.get(id);
      if (!row) throw new ApiError('not_found', 'integration.errors.keyNotFound', { id });
      revokeStmt.run(now, id);
      return toView(getStmt.get(id)!);
    },

    /** The key's id, or a `forbidden` error that says only "no key" or "not a valid key" (never which part was wrong). */
    authenticate(secret: string | undefined, now: number): number {
      if (!secret) throw new ApiError('forbidden', 'integration.errors.noKey');
      const row = byHashStmt.get(hashKey(secret));
      if (!row || row.revoked_at !== null) throw new ApiError('forbidden', 'integration.errors.badKey');
      // Written at most once a minute: a busy caller should not turn every request into a write.
      if (row.last_used_at === null || now - row.last_used_at >= 60_000) usedStmt.run(now, row.id);
      return row.id;
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
