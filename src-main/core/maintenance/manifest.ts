// What a backup says about itself. Written by us, but read back from an untrusted file: parsed with zod.
import { z } from 'zod';
import type { Db } from '../db/client';

export const MANIFEST_FORMAT = 1;

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  applicationId: z.number().int(),
  schemaVersion: z.number().int().min(0),
  createdAt: z.string().max(40),
  kind: z.enum(['manual', 'scheduled', 'before-restore', 'before-clear', 'cli']),
  appVersion: z.string().max(40),
  /** Rows per table (our tables; SQLite's and FTS shadow tables left out). */
  rowCounts: z.record(z.string().max(200), z.number().int().min(0)),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
  dbBytes: z.number().int().min(0),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupKind = BackupManifest['kind'];

export function parseManifest(text: string): BackupManifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Our tables: not SQLite's own, not the FTS shadow tables (counted through their virtual table). */
export function userTables(db: Db): string[] {
  const rows = db.prepare(`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`).all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  const isShadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  return rows.map((r) => r.name).filter((name) => !isShadow(name));
}

export function countRows(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of userTables(db)) {
    out[table] = (db.prepare(`select count(*) as n from "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
  }
  return out;
}
