// createCore: the whole application minus windows (DESIGN.md §1). It opens the database, migrates,
// arms the dispatcher and the watcher for other processes' writes, and returns the API and events.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatchCall } from '../../src-shared/api/dispatch';
import { createAccountsService } from './accounts/service';
import { createAccountsManager } from './accounts/manage';
import { createHandlers } from './api/handlers';
import { createContacts } from './contacts/handlers';
import { createOptOutLookup } from './contacts/opt-out';
import { applyPragmas, openRaw, readIdentity } from './db/client';
import { assertOurs, loadMigrations, migrate } from './db/migrate';
import { createDispatcher, type Dispatcher } from './dispatcher/dispatcher';
import { createLease } from './dispatcher/lease';
import { createBalanceKeeper } from './dispatcher/balance';
import { resumeAccount } from './accounts/resume';
import { createEventBus } from './events/bus';
import { watchDataVersion } from './events/data-version-watcher';
import { createMessageRepository } from './outbox/repository';
import { createOutboxService } from './outbox/service';
import { createTransitioner } from './outbox/transitions';
import { builtInProviders } from './providers/registry';
import { createFileKeySecretBox } from './secrets/file-key';
import { createSettingsService } from './settings/service';
import { systemClock, type Core, type CoreOptions } from './types';

export type { Core, CoreOptions, Clock, SecretBox } from './types';
export { systemClock } from './types';

export const DB_FILE = 'smsdesk.db';

/** migrations/ beside the sources (a checkout) — the Electron bundle passes its own path. */
export function defaultMigrationsDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
}

export async function createCore(options: CoreOptions & { migrationsDir?: string; log?: (line: string) => void }): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`[smsdesk] ${line}\n`));
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DB_FILE);
  const migrations = loadMigrations(options.migrationsDir ?? defaultMigrationsDir());

  const db = openRaw(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    assertOurs(readIdentity(db, file), migrations, file);
    applyPragmas(db);
    const { safetyCopy } = migrate(db, migrations, { safetyDir: path.join(dataDir, 'safety-copies'), now: clock.now() });
    // A new database is created silently; an upgrade says where the copy of the old one is.
    if (safetyCopy) log(`database upgraded to schema version ${migrations.length}; the previous one is kept in ${safetyCopy}`);
  } catch (err) {
    db.close();
    throw err;
  }

  const bus = createEventBus((err) => log(`event listener failed: ${(err as Error).message}`));
  const secrets = options.secrets ?? createFileKeySecretBox(dataDir);
  const settings = createSettingsService(db, bus, clock);
  const accounts = createAccountsService(db, bus, clock, secrets, options.providers ?? builtInProviders, {
    clock,
    setting: (key) => settings.get(key),
  }, () => settings.get('sending.lowBalance'));
  accounts.ensureSandboxDefault(clock.now());
  const manage = createAccountsManager(db, bus, clock, secrets, options.providers ?? builtInProviders, { clock, setting: (key) => settings.get(key) }, accounts);

  const repo = createMessageRepository(db);
  const transitions = createTransitioner(db);
  const lease = createLease(db);
  let dispatcher: Dispatcher | null = null;
  const outbox = createOutboxService({ repo, transitions, accounts, settings, bus, clock, wake: () => dispatcher?.wake() });
  const balances = createBalanceKeeper(db, accounts, bus, clock, log);
  if (options.dispatch !== false) {
    // Opt-outs live on contacts; tests may pass their own lookup (options.optedOut).
    dispatcher = createDispatcher({ db, repo, transitions, accounts, settings, bus, clock, lease, log, balances, optedOut: options.optedOut ?? createOptOutLookup(db) });
  }

  const contacts = createContacts({ db, bus, clock, settings });
  const handlers = createHandlers({
    version: options.version ?? '0.0.0', dataDir, accounts, manage, settings, outbox, repo, lease, dispatcher, bus, clock,
    contacts: contacts.handlers,
    engine: {
      resumeAccount: (name) => {
        resumeAccount(db, name, clock.now());
        bus.emit({ type: 'accounts.changed' });
        dispatcher?.wake();
      },
      recordBalance: (accountId, balance, unit) => balances.record(accountId, balance, unit, clock.now()),
    },
  });

  const stopWatching = watchDataVersion(db, clock, options.watchIntervalMs ?? 500, () => {
    // Another process wrote: we cannot tell what, so everyone refetches and the dispatcher looks again.
    bus.emit({ type: 'messages.changed', ids: [], source: 'external' });
    bus.emit({ type: 'settings.changed', keys: [] });
    bus.emit({ type: 'accounts.changed' });
    bus.emit({ type: 'dispatcher.changed' });
    bus.emit({ type: 'contacts.changed', ids: [], source: 'external' });
    dispatcher?.wake();
  });

  // First pass right away: take the lease, reconcile what a crashed run left, send what is due.
  dispatcher?.wake();

  let closed = false;
  return {
    dataDir,
    api: handlers,
    call: (method, input) => dispatchCall(handlers, method, input),
    onEvent: (listener) => bus.subscribe(listener),
    tick: async () => {
      await dispatcher?.tick();
    },
    async close() {
      if (closed) return;
      closed = true;
      stopWatching();
      await dispatcher?.stop();
      await contacts.close();
      db.close();
    },
  };
}
