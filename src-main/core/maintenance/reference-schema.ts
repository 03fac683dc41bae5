// The schema a backup must have: exactly what our own migrations produce at the backup's version. The
// reference is built by migrating an empty in-memory database with the first N migrations of the
// migrations folder, so it follows whatever migrations are added later. A backup file is untrusted:
// an extra trigger, view, index or table (FTS shadow tables included) is a refusal, not a detail.
import Database from 'better-sqlite3';
import type { Db } from '../db/client';
import { migrate, type Migration } from '../db/migrate';

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** SQLite creates these by itself (ANALYZE, PRAGMA optimize): harmless, allowed on either side. */
const OPTIONAL = new Set(['sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4']);

export function schemaOf(db: Db): SchemaObject[] {
  return (db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as SchemaObject[])
    .filter((o) => !OPTIONAL.has(o.name));
}

export interface ReferenceSchema {
  objects: SchemaObject[];
  /** The bookkeeping rows the runner writes: idx → tag and hash. */
  applied: { idx: number; tag: string; hash: string }[];
}

export function appliedMigrations(db: Db): ReferenceSchema['applied'] {
  return db.prepare('select idx, tag, hash from __smsdesk_migrations order by idx').all() as ReferenceSchema['applied'];
}

const cache = new Map<string, ReferenceSchema>();

export function referenceSchema(migrations: Migration[], version: number, nativeBinding?: string): ReferenceSchema {
  const first = migrations.slice(0, version);
  const key = first.map((m) => m.hash).join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    mem.pragma('trusted_schema = OFF');
    migrate(mem, first, { safetyDir: '', now: 0 });
    const reference = { objects: schemaOf(mem), applied: appliedMigrations(mem) };
    cache.set(key, reference);
    return reference;
  } finally {
    mem.close();
  }
}

const describe = (o: SchemaObject) => `${o.type} ${o.name}`;

/** The first difference as "extra trigger x" / "missing table y" / "changed table z", or null when equal. */
export function schemaDifference(actual: SchemaObject[], reference: SchemaObject[]): { what: 'extra' | 'missing' | 'changed'; object: string } | null {
  const ref = new Map(reference.map((o) => [`${o.type}\u0000${o.name}`, o]));
  const act = new Map(actual.map((o) => [`${o.type}\u0000${o.name}`, o]));
  for (const [k, o] of act) {
    const r = ref.get(k);
    if (!r) return { what: 'extra', object: describe(o) };
    if (r.sql !== o.sql || r.tbl_name !== o.tbl_name) return { what: 'changed', object: describe(o) };
  }
  for (const [k, o] of ref) if (!act.has(k)) return { what: 'missing', object: describe(o) };
  return null;
}
