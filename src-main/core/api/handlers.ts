// The API implementation: one handler per contract method, each a thin call into a domain service.
import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers, MethodOutput } from '../../../src-shared/api/contract';
import type { Language } from '../../../src-shared/i18n/languages';
import type { AccountsService } from '../accounts/service';
import { accountManagementHandlers } from '../accounts/handlers';
import type { AccountsManager } from '../accounts/manage';
import type { Dispatcher } from '../dispatcher/dispatcher';
import { holderIsLive, type Lease } from '../dispatcher/lease';
import type { EventBus } from '../events/bus';
import type { MessageRepository } from '../outbox/repository';
import type { OutboxService } from '../outbox/service';
import type { SettingsService } from '../settings/service';
import type { ContactsHandlers } from '../contacts/handlers';
import type { Clock } from '../types';
import type { DataHandlers } from '../maintenance/service';
import type { ComposeHandlers } from '../compose/handlers';
import type { RulesHandlers } from '../rules/handlers';
import type { SchedulerHandlers } from '../scheduler/handlers';
import type { LogHandlers } from '../log/handlers';

export interface HandlerDeps {
  version: string;
  dataDir: string;
  accounts: AccountsService;
  /** Adding, changing, removing and testing accounts. */
  manage: AccountsManager;
  settings: SettingsService;
  outbox: OutboxService;
  repo: MessageRepository;
  lease: Lease;
  dispatcher: Dispatcher | null;
  bus: EventBus;
  clock: Clock;
  /** Sending-engine operations (issue 6). */
  engine: {
    resumeAccount(name: string): void;
    recordBalance(accountId: number, balance: number | null, unit: string | null): void;
  };
  contacts: ContactsHandlers;
  /** Data maintenance (backup, restore, …): lives outside the session it can close and reopen. */
  data: DataHandlers;
  /** Templates, rendering and the pre-send check (issue 5). */
  compose: ComposeHandlers;
  /** Reminder rules (issue 7). */
  rules: RulesHandlers;
  /** Scheduler status, the missed notice and the integration API (issue 7). */
  scheduler: SchedulerHandlers;
  /** The send log and reports (issue 9). */
  log: LogHandlers;
}

export function createHandlers(d: HandlerDeps): ApiHandlers {
  const getMessage = (id: number) => d.log['messages.get']({ id }) as MethodOutput<'messages.get'>;

  const dispatcherStatus = () => {
    const holder = d.lease.holder();
    return {
      paused: d.settings.get('sending.paused'),
      active: d.dispatcher?.isActive() ?? false,
      holder: holder
        ? {
            host: holder.host,
            pid: holder.pid,
            since: new Date(holder.acquiredAt).toISOString(),
            heartbeatAt: new Date(holder.heartbeatAt).toISOString(),
            live: holderIsLive(holder, d.clock.now()),
          }
        : null,
      counts: {
        queued: d.repo.count('queued'),
        scheduled: d.repo.count('scheduled'),
        sending: d.repo.count('sending'),
        sent: d.repo.count('sent'),
      },
    };
  };

  /** Pausing is a setting; whoever holds the lease honours it on its next pass. */
  const setSetting = (key: string, value: unknown) => {
    const result = d.settings.set(key, value);
    if (key === 'sending.paused') {
      d.bus.emit({ type: 'dispatcher.changed' });
      d.dispatcher?.wake();
    }
    return result;
  };

  return {
    'app.info': () => {
      const def = d.accounts.defaultAccount();
      return {
        version: d.version,
        dataDir: d.dataDir,
        testMode: def ? def.testMode : false,
        defaultAccount: def?.name ?? null,
        timeZone: d.settings.get('shop.timeZone') as string,
        region: d.settings.get('shop.region'),
        language: d.settings.get('ui.language') as Language,
      };
    },
    'settings.list': () => ({ settings: d.settings.list() }),
    'settings.set': ({ key, value }) => setSetting(key, value),
    'accounts.list': () => ({ accounts: d.accounts.list() }),
    'accounts.balance': async ({ name }) => {
      const account = name ? d.accounts.byName(name) : d.accounts.defaultAccount();
      if (!account) throw new ApiError('validation', 'errors.account.none');
      const b = await d.accounts.provider(account.id).balance();
      if (b.supported) d.engine.recordBalance(account.id, b.balance, b.unit);
      return { account: account.name, ...b };
    },
    'accounts.setDefault': ({ name }) => {
      d.accounts.setDefault(name);
      return { accounts: d.accounts.list() };
    },
    ...accountManagementHandlers(d.manage, d.accounts),
    'messages.send': (input) => d.outbox.send(input),
    // The log's list, detail, counts and export, and the reports (issue 9).
    ...d.log,
    'messages.cancel': ({ id }) => {
      d.outbox.cancel(id);
      return getMessage(id);
    },
    'messages.markFailed': ({ id }) => {
      d.outbox.markFailed(id);
      return getMessage(id);
    },
    'messages.events': ({ id }) => {
      getMessage(id);
      return {
        events: d.repo.events(id).map((e) => ({ at: new Date(e.at).toISOString(), from: e.from_status, to: e.to_status, code: e.code, detail: e.detail })),
      };
    },
    'accounts.resume': ({ name }) => {
      d.engine.resumeAccount(name);
      return { accounts: d.accounts.list() };
    },
    'dispatcher.status': () => dispatcherStatus(),
    'dispatcher.setPaused': ({ paused }) => {
      setSetting('sending.paused', paused);
      return dispatcherStatus();
    },
    ...d.contacts,
    ...d.data,
    ...d.compose,
    ...d.rules,
    ...d.scheduler,
  };
}
