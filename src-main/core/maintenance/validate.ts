// Everything a backup file must pass before restore touches the live data, in order: the container
// (magic, lengths, manifest), our application id, a schema version no newer than ours, the checksum,
// integrity_check and foreign_key_check on a private copy, the schema exactly equal to our migrations'
// at that version; then the private copy is migrated to our version. Any failure is an ApiError
// `data.errors.*` with the reason; nothing outside `stagingDir` is written.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { APPLICATION_ID, openRaw, type Db } from '../db/client';
import { migrate, type Migration } from '../db/migrate';
import { startIdleMeter } from './idle-cores';
import { splitCheckFile } from './split-check';
import { SqlWorkerError } from './sql-worker';
import { readLayout, verifyContainer, type ProgressFn } from './container';
import { removeDatabaseFiles } from './fsync';
import type { BackupManifest } from './manifest';
import { appliedMigrations, referenceSchema, schemaDifference, schemaOf } from './reference-schema';

export interface ValidateOptions {
  migrations: Migration[];
  /** A private folder for the copy (created; the caller removes it). */
  stagingDir: string;
  now: number;
  nativeBinding?: string;
  onProgress?: ProgressFn;
}

export interface ValidatedBackup {
  /** The private, checked and migrated copy, ready to be swapped in. */
  staging: string;
  manifest: BackupManifest;
  fromVersion: number;
  toVersion: number;
}

const refuse = (key: string, params?: Record<string, string | number>) => new ApiError('validation', `data.errors.${key}`, params);

/** Opens the private copy; SQLite errors (not a database, malformed schema) become "damaged". */
function openPrivate(file: string, nativeBinding?: string): Db {
  const db = openRaw(file, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    // A hostile file may claim WAL mode; our copy is a plain rollback-journal file.
    db.pragma('journal_mode = DELETE');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const sqliteFailure = (err: unknown): boolean => typeof (err as { code?: unknown }).code === 'string' && String((err as { code: string }).code).startsWith('SQLITE_');

export async function validateBackup(file: string, options: ValidateOptions): Promise<ValidatedBackup> {
  const { manifest } = readLayout(file);
  if (manifest.applicationId !== APPLICATION_ID) throw refuse('foreign');
  const supported = options.migrations.length;
  if (manifest.schemaVersion > supported) throw refuse('newer', { found: manifest.schemaVersion, supported });
  if (manifest.schemaVersion < 1) throw refuse('notBackup');

  fs.mkdirSync(options.stagingDir, { recursive: true, mode: 0o700 });
  const staging = path.join(options.stagingDir, 'restore.db');
  removeDatabaseFiles(staging);
  const meter = startIdleMeter();
  await verifyContainer(file, { extractTo: staging, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });

  try {
    let db = openPrivate(staging, options.nativeBinding);
    try {
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (applicationId !== APPLICATION_ID || version !== manifest.schemaVersion) throw refuse('manifestMismatch');
    } finally {
      db.close();
    }

    const report = await splitCheckFile(staging, { copy: path.join(options.stagingDir, 'check-copy.db'), nativeBinding: options.nativeBinding, idleCores: meter.idleCores() });
    if (!report.ok) {
      throw refuse('integrity', { problem: (report.problems[0] ?? `${report.foreignKeyViolations[0]?.table} → ${report.foreignKeyViolations[0]?.parent}`).slice(0, 200) });
    }

    db = openPrivate(staging, options.nativeBinding);
    try {
      const reference = referenceSchema(options.migrations, manifest.schemaVersion, options.nativeBinding);
      const difference = schemaDifference(schemaOf(db), reference.objects);
      if (difference) throw refuse(`schema.${difference.what}`, { object: difference.object.slice(0, 200) });
      const applied = appliedMigrations(db);
      if (JSON.stringify(applied) !== JSON.stringify(reference.applied)) throw refuse('schema.history');
      // Older versions are brought up to ours on the private copy, never on the live file.
      if (manifest.schemaVersion < supported) {
        migrate(db, options.migrations, { safetyDir: path.join(options.stagingDir, 'safety'), now: options.now });
      }
    } finally {
      db.close();
    }
    return { staging, manifest, fromVersion: manifest.schemaVersion, toVersion: supported };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (sqliteFailure(err) || err instanceof SqlWorkerError) throw refuse('damaged');
    throw err;
  }
}
