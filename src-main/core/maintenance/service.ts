// Data maintenance inside the running core: the start-up check that gates sending, backup (on demand
// and scheduled), restore, check, compact, initialise and the recovery screen's two ways out. The core
// lends it control over its session (close / reopen the database, start sending); one operation runs
// at a time.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { BackupView, ClearScope } from '../../../src-shared/api/data-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import { catalogs } from '../../../src-shared/i18n/catalogs';
import { languages } from '../../../src-shared/i18n/languages';
import type { SettingKey, SettingValue } from '../../../src-shared/settings/registry';
import type { Db } from '../db/client';
import type { Migration } from '../db/migrate';
import type { EventBus } from '../events/bus';
import type { Clock } from '../types';
import { createBackup, type BackupResult } from './backup';
import { checkFile, type CheckReport } from './check';
import { availableScopes, clearData } from './clear';
import { compactFile } from './compact';
import { backupDirFor, defaultBackupDir, listBackups, pruneScheduled, recoveryBackupDirs, rememberBackupDir, type BackupEntry } from './locations';
import type { BackupKind } from './manifest';
import { moveDatabaseAside } from './move-aside';
import { progressEmitter } from './progress';
import { restoreBackup, type RestoreResult } from './restore';
import { createDueScheduler, nextBackupDue, nextFullCheckDue, type DueScheduler } from './schedule';
import { lastFullCheck, recordFullCheck } from './check-record';

/** What the core lends to maintenance. */
export interface MaintenanceHost {
  dataDir: string;
  dbFileName: string;
  migrations: Migration[];
  clock: Clock;
  bus: EventBus;
  log: (line: string) => void;
  appVersion: string;
  nativeBinding?: string;
  /** Run the daily backups (when this process holds the lease). */
  scheduledBackups: boolean;
  /** The open session's connection, or null (closed for a restore, or damaged). */
  db(): Db | null;
  /** A setting from the open session (its default when the database is closed). */
  setting<K extends SettingKey>(key: K): SettingValue<K>;
  isLeaseHolder(): boolean;
  /** Stops the dispatcher and the watcher, and closes the database. */
  closeSession(): Promise<void>;
  /** Opens the database and its services again (migrating it); throws when it cannot. */
  openSession(): void;
  /** Lets the dispatcher run (only after the start-up check passed). */
  startSending(): void;
}

type DataMethods = 'data.status' | 'data.backups' | 'data.backup' | 'data.restore' | 'data.check' | 'data.compact' | 'data.clear' | 'data.recoverFromBackup' | 'data.recoverStartEmpty';
export type DataHandlers = Pick<ApiHandlers, DataMethods>;
type Operation = 'backup' | 'restore' | 'check' | 'compact' | 'clear';

export interface Maintenance {
  handlers: DataHandlers;
  /** Runs the start-up quick_check in the background; sending starts when it passes. */
  startupCheck(sessionOpened: boolean): Promise<void>;
  /** Usable for API calls outside data.*: refuses while damaged or while the database is closed. */
  assertAvailable(): void;
  stop(): void;
}

/** The words that confirm "initialise": data.clear.confirmWord in any language (typed by a person). */
function confirmWords(): string[] {
  const area = catalogs.data;
  return languages.map((l) => String(((area?.[l] as { clear?: { confirmWord?: string } } | undefined)?.clear?.confirmWord) ?? '')).filter(Boolean);
}

function toView(e: BackupEntry): BackupView {
  return {
    name: e.name,
    file: e.file,
    size: e.size,
    createdAt: e.manifest?.createdAt ?? null,
    kind: e.manifest?.kind ?? null,
    schemaVersion: e.manifest?.schemaVersion ?? null,
    rowCounts: e.manifest?.rowCounts ?? {},
    intact: e.manifest !== null,
    problem: e.problem,
  };
}

export function createMaintenance(host: MaintenanceHost): Maintenance {
  let state: 'checking' | 'ok' | 'damaged' = 'checking';
  let startupReport: CheckReport | null = null;
  let running: Operation | null = null;
  let sessionClosed = false;
  const dbFile = path.join(host.dataDir, host.dbFileName);
  // The folder setting is read from the open database; while it is closed (restore, recovery) the last known one is used.
  let knownBackupSetting = '';
  let notedBackupDir: string | null = null;
  const backupDir = () => {
    if (host.db()) {
      try {
        knownBackupSetting = host.setting('data.backupDir');
      } catch {
        // A damaged database may fail even this read: keep the last known folder.
      }
    }
    const dir = backupDirFor(host.dataDir, knownBackupSetting);
    // Noted beside the data once per change of folder, not on every status read.
    if (host.db() && dir !== notedBackupDir) {
      rememberBackupDir(host.dataDir, dir);
      notedBackupDir = dir;
    }
    return dir;
  };
  const native = host.nativeBinding ? { nativeBinding: host.nativeBinding } : {};

  async function exclusive<T>(op: Operation, body: () => Promise<T>): Promise<T> {
    if (running) throw new ApiError('conflict', 'data.errors.busy', { operation: running });
    running = op;
    try {
      return await body();
    } finally {
      running = null;
    }
  }

  const liveDb = (): Db => {
    const db = host.db();
    if (!db || state === 'damaged') throw new ApiError('conflict', 'data.errors.databaseDamaged');
    return db;
  };

  /** Closes the session for `body`, and reopens it whatever happens (the old data is intact on failure). */
  async function withSessionClosed<T>(body: () => Promise<T>): Promise<T> {
    sessionClosed = true;
    await host.closeSession();
    try {
      return await body();
    } finally {
      try {
        host.openSession();
        sessionClosed = false;
        state = 'ok';
        startupReport = null;
        host.startSending();
      } catch (err) {
        host.log(`reopening the database failed: ${(err as Error).message}`);
        state = 'damaged';
      }
      for (const type of ['data.changed', 'settings.changed', 'accounts.changed', 'dispatcher.changed'] as const) {
        host.bus.emit(type === 'settings.changed' ? { type, keys: [] } : { type });
      }
      host.bus.emit({ type: 'messages.changed', ids: [], source: 'local' });
    }
  }

  async function backup(kind: BackupKind, op: 'backup' | 'clear' = 'backup', file?: string): Promise<BackupResult> {
    const made = await createBackup(liveDb(), {
      onChecked: (ok: boolean) => recordFullCheck(host.dataDir, { at: host.clock.now(), ok }),
      dir: backupDir(),
      kind,
      ...(file ? { file } : {}),
      now: host.clock.now(),
      appVersion: host.appVersion,
      ...native,
      onProgress: progressEmitter(host.bus, op),
    });
    host.bus.emit({ type: 'data.changed' });
    return made;
  }

  function resolveBackupFile(file: string): string {
    const inFolder = !file.includes('/') && !file.includes('\\');
    const resolved = inFolder ? path.join(backupDir(), file) : path.resolve(file);
    if (!fs.existsSync(resolved)) throw new ApiError('not_found', 'data.errors.noFile', { file: path.basename(resolved) });
    return resolved;
  }

  const restoreFrom = (file: string): Promise<RestoreResult> => {
    const dir = backupDir();
    return withSessionClosed(() =>
      restoreBackup({
        dataDir: host.dataDir,
        dbFileName: host.dbFileName,
        file,
        migrations: host.migrations,
        backupDir: dir,
        now: host.clock.now(),
        appVersion: host.appVersion,
        ...native,
        onProgress: progressEmitter(host.bus, 'restore'),
      }),
    );
  };

  const since = (): number => {
    const newest = listBackups(backupDir()).find((e) => e.manifest?.kind === 'scheduled');
    if (newest?.manifest) return Date.parse(newest.manifest.createdAt);
    // No scheduled backup yet: count from when this data dir's database was created.
    const db = host.db();
    const created = db?.prepare('select min(applied_at) as at from __smsdesk_migrations').get() as { at: number | null } | undefined;
    return created?.at ?? host.clock.now();
  };

  const scheduler: DueScheduler = createDueScheduler({
    clock: host.clock,
    due: () => {
      if (state !== 'ok' || !host.db() || !host.scheduledBackups || !host.setting('data.autoBackup')) return null;
      return nextBackupDue(since(), host.clock.now(), host.setting('data.autoBackupTime'), host.setting('shop.timeZone') as string);
    },
    isLeaseHolder: () => host.isLeaseHolder() && running === null,
    run: () =>
      exclusive('backup', async () => {
        await backup('scheduled');
        pruneScheduled(backupDir(), host.setting('data.keepBackups'));
        host.bus.emit({ type: 'data.changed' });
      }),
    what: 'scheduled backup',
    log: host.log,
  });

  /** The full check a week after the last one (a daily backup includes one, so it rarely runs by itself). */
  const fullCheckDue = (): number | null => {
    if (state !== 'ok' || !host.db() || !host.scheduledBackups) return null;
    return nextFullCheckDue(lastFullCheck(host.dataDir)?.at ?? since());
  };
  const fullCheck = async (): Promise<CheckReport> => {
    const report = await checkFile(dbFile, 'full', host.nativeBinding);
    recordFullCheck(host.dataDir, { at: host.clock.now(), ok: report.ok });
    if (!report.ok) host.log(`the full check found problems: ${report.problems[0] ?? report.foreignKeyViolations[0]?.table ?? ''}`);
    host.bus.emit({ type: 'data.changed' });
    return report;
  };
  const weeklyCheck: DueScheduler = createDueScheduler({
    clock: host.clock,
    due: fullCheckDue,
    isLeaseHolder: () => host.isLeaseHolder() && running === null,
    run: () => exclusive('check', async () => void (await fullCheck())),
    what: 'weekly check',
    log: host.log,
  });

  const handlers: DataHandlers = {
    'data.status': () => {
      const dir = backupDir();
      const newest = listBackups(dir).find((e) => e.manifest);
      const due = scheduler.nextDueAt();
      return {
        state,
        startupCheck: startupReport,
        running,
        dataDir: host.dataDir,
        backupDir: dir,
        defaultBackupDir: defaultBackupDir(host.dataDir),
        lastBackupAt: newest?.manifest?.createdAt ?? null,
        nextScheduledBackupAt: due === null ? null : new Date(Math.max(due, host.clock.now())).toISOString(),
        lastFullCheck: (() => {
          const last = lastFullCheck(host.dataDir);
          return last ? { at: new Date(last.at).toISOString(), ok: last.ok } : null;
        })(),
        nextFullCheckAt: (() => {
          const next = weeklyCheck.nextDueAt();
          return next === null ? null : new Date(Math.max(next, host.clock.now())).toISOString();
        })(),
        clearScopes: host.db() && state === 'ok' ? availableScopes(host.db()!) : [],
      };
    },
    'data.backups': () => {
      const dir = backupDir();
      return { dir, backups: listBackups(dir).map(toView) };
    },
    'data.backup': ({ file }) =>
      exclusive('backup', async () => {
        const made = file ? await backup('cli', 'backup', path.resolve(file)) : await backup('manual');
        return toView({ file: made.file, name: path.basename(made.file), size: made.size, manifest: made.manifest, problem: null });
      }),
    'data.restore': ({ file }) => exclusive('restore', () => restoreFrom(resolveBackupFile(file))),
    'data.check': ({ kind }) =>
      exclusive('check', async () => {
        liveDb();
        const emit = progressEmitter(host.bus, 'check');
        emit('checking', 0);
        const report = kind === 'full' ? await fullCheck() : await checkFile(dbFile, kind, host.nativeBinding);
        emit('checking', 1);
        return report;
      }),
    'data.compact': () =>
      exclusive('compact', async () => {
        liveDb();
        return withSessionClosed(() => compactFile(dbFile, { ...native, onProgress: (f) => progressEmitter(host.bus, 'compact')('vacuum', f) }));
      }),
    'data.clear': ({ scope, confirmation }) => {
      if (!confirmWords().includes(confirmation.trim())) throw new ApiError('validation', 'data.errors.confirmation');
      return exclusive('clear', async () => {
        const db = liveDb();
        if (!availableScopes(db).includes(scope as ClearScope)) throw new ApiError('validation', 'data.errors.scopeEmpty');
        const made = await backup('before-clear', 'clear');
        const cleared = clearData(liveDb(), scope);
        if (scope === 'everything') {
          // A new install's state: the session's start-up recreates the sandbox account.
          await withSessionClosed(async () => {});
        } else {
          host.bus.emit({ type: 'messages.changed', ids: [], source: 'local' });
          host.bus.emit({ type: 'data.changed' });
        }
        return { backup: made.file, cleared };
      });
    },
    'data.recoverFromBackup': () =>
      exclusive('restore', async () => {
        // Newest first across the chosen folder, the one noted beside the data and the default one.
        const candidates = recoveryBackupDirs(host.dataDir, backupDir())
          .flatMap((dir) => listBackups(dir))
          .filter((e) => e.manifest)
          .sort((a, b) => (b.manifest!.createdAt < a.manifest!.createdAt ? -1 : b.manifest!.createdAt > a.manifest!.createdAt ? 1 : 0));
        if (candidates.length === 0) throw new ApiError('not_found', 'data.errors.noBackups');
        let lastError: unknown = null;
        for (const c of candidates) {
          try {
            return await restoreFrom(c.file);
          } catch (err) {
            // A refused file: try the next older one. Anything else (e.g. another process) stops here.
            if (!(err instanceof ApiError && err.kind === 'validation')) throw err;
            lastError = err;
          }
        }
        throw lastError ?? new ApiError('not_found', 'data.errors.noBackups');
      }),
    'data.recoverStartEmpty': () =>
      exclusive('restore', async () => {
        if (state !== 'damaged') throw new ApiError('conflict', 'data.errors.notDamaged');
        const movedTo = await withSessionClosed(async () => moveDatabaseAside(host.dataDir, host.dbFileName, host.clock.now()));
        return { movedTo };
      }),
  };

  return {
    handlers,
    async startupCheck(sessionOpened) {
      if (!sessionOpened) {
        state = 'damaged';
        host.bus.emit({ type: 'data.changed' });
        return;
      }
      try {
        startupReport = await checkFile(dbFile, 'quick', host.nativeBinding);
      } catch (err) {
        startupReport = { ok: false, kind: 'quick', problems: [(err as Error).message.slice(0, 200)], foreignKeyViolations: [] };
      }
      if (sessionClosed) return; // a restore or compact began meanwhile and decides the state itself
      // quick_check is about the file's structure; foreign key rows are reported, not a reason to stop.
      if (startupReport.problems.length === 0) {
        state = 'ok';
        host.startSending();
        scheduler.wake();
        weeklyCheck.wake();
      } else {
        state = 'damaged';
        host.log(`the start-up check found the database damaged: ${startupReport.problems[0]}`);
        sessionClosed = true;
        await host.closeSession();
      }
      host.bus.emit({ type: 'data.changed' });
    },
    assertAvailable() {
      if (state === 'damaged') throw new ApiError('conflict', 'data.errors.databaseDamaged');
      if (sessionClosed || !host.db()) throw new ApiError('conflict', 'data.errors.busy', { operation: running ?? 'restore' });
    },
    stop: () => {
      scheduler.stop();
      weeklyCheck.stop();
    },
  };
}
