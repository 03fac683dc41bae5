// createCore: the whole application minus windows (DESIGN.md §1). It opens the database, migrates,
// arms the dispatcher and the watcher for other processes' writes, and returns the API and events.
// The database and everything built on it form a "session" that data maintenance can close and
// reopen (restore, compact, recovery); the API object the hosts hold stays the same throughout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatchCall } from '../../src-shared/api/dispatch';
import { methodNames, type ApiHandlers } from '../../src-shared/api/contract';
import { settingDefinitions } from '../../src-shared/settings/registry';
import { systemTimeZone } from '../../src-shared/time/zoned';
import type { MessageView } from '../../src-shared/api/schemas';
import { createAccountsService } from './accounts/service';
import { createAccountsManager } from './accounts/manage';
import { createHandlers } from './api/handlers';
import { createComposeHandlers } from './compose/handlers';
import { createResend } from './compose/resend';
import { createComposeService, type ComposeService } from './compose/service';
import { createTemplates } from './compose/templates';
import { createRules, type RulesModule } from './rules/handlers';
import { createComposeDelivery } from './rules/compose-delivery';
import { createContacts } from './contacts/handlers';
import { createLogHandlers } from './log/handlers';
import { currentOperator } from './log/operator';
import { createOptOutLookup } from './contacts/opt-out';
import { createContactsFingerprint } from './contacts/fingerprint';
import { applyPragmas, openRaw, readIdentity, type Db } from './db/client';
import { assertOurs, loadMigrations, migrate } from './db/migrate';
import { createDispatcher, type Dispatcher } from './dispatcher/dispatcher';
import { createLease } from './dispatcher/lease';
import { createBalanceKeeper } from './dispatcher/balance';
import { resumeAccount } from './accounts/resume';
import { createEventBus } from './events/bus';
import { watchDataVersion } from './events/data-version-watcher';
import { createMaintenance } from './maintenance/service';
import { createMessageRepository } from './outbox/repository';
import { createOutboxService } from './outbox/service';
import { createTransitioner } from './outbox/transitions';
import { builtInProviders } from './providers/registry';
import { createFileKeySecretBox } from './secrets/file-key';
import { createSettingsService, type SettingsService } from './settings/service';
import { systemClock, type Core, type CoreOptions } from './types';
import { createAttention } from './scheduler/attention';
import { createCatchUpRunner } from './scheduler/catch-up-runner';
import { createSchedulerHandlers } from './scheduler/handlers';
import { watchSchedulerStatus } from './scheduler/status-watcher';
import { createKeyStore } from './integration/keys';
import { createIntegrationService } from './integration/service';

export type { Core, CoreOptions, Clock, SecretBox } from './types';
export { systemClock } from './types';

export const DB_FILE = 'smsdesk.db';

/** migrations/ beside the sources (a checkout) — the Electron bundle passes its own path. */
export function defaultMigrationsDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
}

interface Session {
  db: Db;
  handlers: ApiHandlers;
  settings: SettingsService;
  dispatcher: Dispatcher | null;
  contacts: { close(): Promise<void> };
  /** Rendering, the pre-send check and sending of drafts (issue 5), for reminder rules and the API. */
  compose: ComposeService;
  /** Reminder rules; the runner fires only in a process that dispatches. */
  rules: RulesModule;
  stopWatching: () => void;
  stopStatus: () => void;
}

export async function createCore(options: CoreOptions & { migrationsDir?: string; log?: (line: string) => void }): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`[smsdesk] ${line}\n`));
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DB_FILE);
  const migrations = loadMigrations(options.migrationsDir ?? defaultMigrationsDir());

  const bus = createEventBus((err) => log(`event listener failed: ${(err as Error).message}`));
  const secrets = options.secrets ?? createFileKeySecretBox(dataDir);
  let session: Session | null = null;
  let sending = false;

  function openSession(): Session {
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

    const settings = createSettingsService(db, bus, clock);
    const providerContext = { clock, setting: (key: 'sandbox.deliveryDelayMs') => settings.get(key) };
    const accounts = createAccountsService(db, bus, clock, secrets, options.providers ?? builtInProviders, providerContext, () => settings.get('sending.lowBalance'));
    accounts.ensureSandboxDefault(clock.now());
    const manage = createAccountsManager(db, bus, clock, secrets, options.providers ?? builtInProviders, providerContext, accounts);

    const repo = createMessageRepository(db);
    const transitions = createTransitioner(db);
    const lease = createLease(db);
    let dispatcher: Dispatcher | null = null;
    const operator = options.operator === undefined ? currentOperator() : options.operator;
    const outbox = createOutboxService({ repo, transitions, accounts, settings, bus, clock, wake: () => (sending ? dispatcher?.wake() : undefined), operator });
    const balances = createBalanceKeeper(db, accounts, bus, clock, log);
    if (options.dispatch !== false) {
      // Opt-outs live on contacts; tests may pass their own lookup (options.optedOut).
      dispatcher = createDispatcher({
        db, repo, transitions, accounts, settings, bus, clock, lease, log, balances,
        optedOut: options.optedOut ?? createOptOutLookup(db),
        catchUp: createCatchUpRunner(db, transitions, settings),
      });
    }

    const contacts = createContacts({ db, bus, clock, settings });
    const templates = createTemplates(db, () => clock.now());
    const compose = createComposeService({
      db, settings, accounts, repo, templates, bus, clock,
      wake: () => (sending ? dispatcher?.wake() : undefined),
      operator,
    });
    const rules = createRules({
      db, bus, clock, settings, lease, log,
      delivery: createComposeDelivery({ db, compose, templates, accounts }),
      graceMs: () => settings.get('scheduler.graceMinutes') * 60_000,
      wakeDispatcher: () => (sending ? dispatcher?.wake() : undefined),
    });
    // The runner acts only while this process holds the lease: look again when that changes.
    const stopRulesWake = bus.subscribe((e) => {
      if (e.type === 'dispatcher.changed') rules.runner.wake();
    });
    const logHandlers = createLogHandlers({ db, accounts, settings });
    const composeHandlers = createComposeHandlers({
      compose, templates, bus,
      resend: createResend({ compose, repo, accounts, bus, clock }),
      getMessage: (id) => logHandlers['messages.get']({ id }) as MessageView,
    });
    const attention = createAttention(db, accounts, settings);
    const keys = createKeyStore(db);
    const integration = createIntegrationService({ db, keys, outbox, repo, clock, compose, templates });
    const handlers = createHandlers({
      version: options.version ?? '0.0.0', dataDir, accounts, manage, settings, outbox, repo, lease, dispatcher, bus, clock,
      contacts: contacts.handlers,
      engine: {
        resumeAccount: (name) => {
          resumeAccount(db, name, clock.now());
          bus.emit({ type: 'accounts.changed' });
          if (sending) dispatcher?.wake();
        },
        recordBalance: (accountId, balance, unit) => balances.record(accountId, balance, unit, clock.now()),
      },
      data: maintenance.handlers,
      compose: composeHandlers,
      rules: rules.handlers,
      scheduler: createSchedulerHandlers({ attention, keys, integration, repo, bus, clock }),
      log: logHandlers,
    });
    const stopStatus = watchSchedulerStatus(bus, clock, () => attention.status(clock.now()), log);

    const contactsFingerprint = createContactsFingerprint(db);
    let contactsSeen = contactsFingerprint();
    // This process's own contact changes are announced by the contacts service; take them as seen.
    const unsubscribeContacts = bus.subscribe((e) => {
      if (e.type === 'contacts.changed' && e.source === 'local') contactsSeen = contactsFingerprint();
    });
    const stopWatching = watchDataVersion(db, clock, options.watchIntervalMs ?? 500, () => {
      // Another process wrote: we cannot tell what, so everyone refetches and the dispatcher looks again.
      bus.emit({ type: 'messages.changed', ids: [], source: 'external' });
      bus.emit({ type: 'settings.changed', keys: [] });
      bus.emit({ type: 'accounts.changed' });
      bus.emit({ type: 'dispatcher.changed' });
      const contactsNow = contactsFingerprint();
      if (contactsNow !== contactsSeen) bus.emit({ type: 'contacts.changed', ids: [], source: 'external' });
      contactsSeen = contactsNow;
      bus.emit({ type: 'templates.changed' });
      bus.emit({ type: 'rules.changed' });
      if (sending) dispatcher?.wake();
      rules.runner.wake();
    });
    return {
      db, handlers, settings, dispatcher, contacts, compose, rules, stopStatus,
      stopWatching: () => {
        stopRulesWake();
        stopWatching();
        unsubscribeContacts();
      },
    };
  }

  async function closeSession(): Promise<void> {
    const s = session;
    if (!s) return;
    session = null;
    sending = false;
    s.stopWatching();
    s.rules.runner.stop();
    s.stopStatus();
    await s.dispatcher?.stop();
    await s.contacts.close();
    s.db.close();
  }

  const maintenance = createMaintenance({
    dataDir,
    dbFileName: DB_FILE,
    migrations,
    clock,
    bus,
    log,
    appVersion: options.version ?? '0.0.0',
    scheduledBackups: options.scheduledBackups !== false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    db: () => session?.db ?? null,
    setting: (key) => (session ? session.settings.get(key) : ((key === 'shop.timeZone' ? systemTimeZone() : settingDefinitions[key].default) as never)),
    isLeaseHolder: () => session?.dispatcher?.isActive() ?? false,
    closeSession,
    openSession: () => {
      if (!session) session = openSession();
    },
    startSending: () => {
      sending = true;
      // First pass right away: take the lease, reconcile what a crashed run left, send what is due.
      session?.dispatcher?.wake();
      // Reminder rules run where messages are sent: in the process that holds the lease.
      if (session?.dispatcher) session.rules.runner.start();
    },
  });

  // A database too damaged to open brings up the recovery screen instead of a crash (and no crash loop).
  try {
    session = openSession();
  } catch (err) {
    if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CORRUPT')) throw err;
    log(`the database could not be opened: ${(err as Error).message}`);
  }

  // The start-up quick_check runs in the background on its own connection: the API answers at once,
  // and sending starts only once the check has passed.
  const checked = maintenance.startupCheck(session !== null).catch((err: unknown) => log(`start-up check failed: ${(err as Error).message}`));

  // One stable API object for the hosts: data.* always answers; the rest goes to the open session.
  const api = Object.fromEntries(
    methodNames.map((m) => [
      m,
      async (input: never) => {
        if (m.startsWith('data.')) return (maintenance.handlers as Record<string, (i: never) => unknown>)[m]!(input);
        maintenance.assertAvailable();
        return (session!.handlers[m] as (i: never) => unknown)(input);
      },
    ]),
  ) as unknown as ApiHandlers;

  let closed = false;
  return {
    dataDir,
    api,
    call: (method, input) => dispatchCall(api, method, input),
    onEvent: (listener) => bus.subscribe(listener),
    tick: async () => {
      await session?.dispatcher?.tick();
    },
    whenChecked: () => checked,
    async close() {
      if (closed) return;
      closed = true;
      maintenance.stop();
      await checked;
      await closeSession();
    },
  };
}
