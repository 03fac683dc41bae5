// The data maintenance part of the contract (backup, restore, check, compact, initialise, recovery).
import { z } from 'zod';

const empty = z.object({}).strict();

/** What can be cleared by "initialise". The core lists which of them this version holds (`available`). */
export const clearScopes = ['logs', 'contacts', 'automation', 'everything'] as const;
export const clearScopeSchema = z.enum(clearScopes);
export type ClearScope = (typeof clearScopes)[number];

export const backupKinds = ['manual', 'scheduled', 'before-restore', 'before-clear', 'cli'] as const;

export const checkReportSchema = z.object({
  ok: z.boolean(),
  kind: z.enum(['full', 'quick']),
  problems: z.array(z.string()),
  foreignKeyViolations: z.array(z.object({ table: z.string(), rowid: z.number().int().nullable(), parent: z.string() })),
});
export type CheckReportView = z.infer<typeof checkReportSchema>;

export const backupViewSchema = z.object({
  name: z.string(),
  file: z.string(),
  size: z.number().int(),
  createdAt: z.string().nullable(),
  kind: z.enum(backupKinds).nullable(),
  schemaVersion: z.number().int().nullable(),
  rowCounts: z.record(z.string(), z.number().int()),
  /** Header, manifest and lengths read back intact (the full checksum is checked when made and before a restore). */
  intact: z.boolean(),
  /** i18n key of what is wrong with the file, or null. */
  problem: z.string().nullable(),
});
export type BackupView = z.infer<typeof backupViewSchema>;

export const dataOperations = ['backup', 'restore', 'check', 'compact', 'clear'] as const;

export const dataStatusSchema = z.object({
  /** checking: the start-up quick_check is running (sending waits); damaged: the recovery screen. */
  state: z.enum(['checking', 'ok', 'damaged']),
  startupCheck: checkReportSchema.nullable(),
  /** What is running now, if anything (one at a time). */
  running: z.enum(dataOperations).nullable(),
  dataDir: z.string(),
  backupDir: z.string(),
  defaultBackupDir: z.string(),
  lastBackupAt: z.string().nullable(),
  nextScheduledBackupAt: z.string().nullable(),
  /** The last full check (integrity_check + foreign_key_check; every backup includes one) and its verdict. */
  lastFullCheck: z.object({ at: z.string(), ok: z.boolean() }).nullable(),
  /** The weekly full check, due a week after the last one (null: not scheduled in this process). */
  nextFullCheckAt: z.string().nullable(),
  clearScopes: z.array(clearScopeSchema),
});

const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  safetyBackup: z.string().nullable(),
  movedAside: z.string().nullable(),
  rowCounts: z.record(z.string(), z.number().int()),
});

export const dataContract = {
  'data.status': { input: empty, output: dataStatusSchema },
  'data.backups': { input: empty, output: z.object({ dir: z.string(), backups: z.array(backupViewSchema) }) },
  'data.backup': {
    input: z.object({
      /**
       * Write exactly this file (the CLI's `smsdesk backup FILE`, resolved to an absolute path) instead of
       * a new name in the backups folder. It must be absolute and end in .smsbak: never a stray file.
       */
      file: z.string().min(1).max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\).*\.smsbak$/, { message: 'an absolute path ending in .smsbak' }).optional(),
    }).strict(),
    output: backupViewSchema,
  },
  'data.restore': {
    input: z.object({
      /** A backup's name in the backups folder, or a full path to a file elsewhere. */
      file: z.string().min(1).max(4096),
    }).strict(),
    output: restoreResultSchema,
  },
  'data.check': { input: z.object({ kind: z.enum(['full', 'quick']).default('full') }).strict(), output: checkReportSchema },
  'data.compact': { input: empty, output: z.object({ bytesBefore: z.number().int(), bytesAfter: z.number().int() }) },
  'data.clear': {
    input: z.object({
      scope: clearScopeSchema,
      /** The confirmation word typed by the person (data.clear.confirmWord in any language). */
      confirmation: z.string().max(100),
    }).strict(),
    output: z.object({ backup: z.string(), cleared: z.record(z.string(), z.number().int()) }),
  },
  /** Recovery screen: restore the newest backup that passes every check. */
  'data.recoverFromBackup': { input: empty, output: restoreResultSchema },
  /** Recovery screen: move the damaged database aside (never deleted) and start with an empty one. */
  'data.recoverStartEmpty': { input: empty, output: z.object({ movedTo: z.string() }) },
} as const;

export const dataProgressEventSchema = z.object({
  type: z.literal('data.progress'),
  operation: z.enum(dataOperations),
  phase: z.string(),
  /** 0…1 */
  fraction: z.number(),
});

/** Backups, the state or the whole database changed (after a restore every screen refetches). */
export const dataChangedEventSchema = z.object({ type: z.literal('data.changed') });
