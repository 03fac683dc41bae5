// Provider accounts: the default account, balances, and the provider object for each account.
import { ApiError } from '../../../src-shared/api/errors';
import type { AccountView, ProviderName } from '../../../src-shared/api/schemas';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { Provider, ProviderContext, ProviderFactory } from '../providers/types';
import type { Clock, SecretBox } from '../types';

/** A row of `accounts` as `select *` returns it (shared with manage.ts). */
export interface AccountRow {
  id: number;
  name: string;
  provider: ProviderName;
  is_default: number;
  base_url: string | null;
  username: string | null;
  secret_sealed: string | null;
  sender: string | null;
  price_domestic: number | null;
  price_international: number | null;
  paused_reason: string | null;
  balance: number | null;
  balance_unit: string | null;
  balance_checked_at: number | null;
}

export const SANDBOX_ACCOUNT_NAME = 'sandbox';

export interface AccountsService {
  list(): AccountView[];
  byName(name: string): AccountView;
  byId(id: number): AccountView;
  defaultAccount(): AccountView | null;
  setDefault(name: string): void;
  provider(accountId: number): Provider;
  /** Creates the sandbox account as the default of a new data dir. */
  ensureSandboxDefault(now: number): void;
  pausedAccountIds(): number[];
}

export function createAccountsService(
  db: Db,
  bus: EventBus,
  clock: Clock,
  secrets: SecretBox,
  factories: Partial<Record<ProviderName, ProviderFactory>>,
  context: ProviderContext,
  /** The low-balance warning threshold (setting sending.lowBalance). */
  lowBalanceThreshold: () => number = () => 0,
): AccountsService {
  // A removed account (accounts/manage.ts) is found by id only: its old messages still name it.
  const all = db.prepare<[], AccountRow>('select * from accounts where removed_at is null order by is_default desc, name');
  const byNameStmt = db.prepare<[string], AccountRow>('select * from accounts where name = ? and removed_at is null');
  const byIdStmt = db.prepare<[number], AccountRow>('select * from accounts where id = ?');
  const providers = new Map<number, { provider: Provider; signature: string }>();

  const secretState = (sealed: string | null): 'none' | 'stored' | 'needed' => (!sealed ? 'none' : openSecret(sealed) === null ? 'needed' : 'stored');
  const view = (r: AccountRow): AccountView => ({
    id: r.id,
    name: r.name,
    provider: r.provider,
    default: r.is_default === 1,
    baseUrl: r.base_url,
    username: r.username,
    sender: r.sender,
    secretState: secretState(r.secret_sealed),
    priceDomestic: r.price_domestic,
    priceInternational: r.price_international,
    testMode: r.provider === 'sandbox',
    paused: r.paused_reason !== null,
    pausedReason: r.paused_reason,
    balance: r.balance,
    balanceUnit: r.balance_unit,
    balanceCheckedAt: r.balance_checked_at === null ? null : new Date(r.balance_checked_at).toISOString(),
    lowBalance: r.balance !== null && r.provider !== 'sandbox' && r.balance < lowBalanceThreshold(),
  });

  const openSecret = (sealed: string | null): string | null => {
    if (!sealed) return null;
    try {
      return secrets.open(sealed);
    } catch {
      return null; // restored on another PC: the key is not here → "password needed"
    }
  };

  return {
    list: () => all.all().map(view),
    byName(name) {
      const row = byNameStmt.get(name);
      if (!row) throw new ApiError('not_found', 'errors.notFound.account', { name: name.slice(0, 100) });
      return view(row);
    },
    byId(id) {
      const row = byIdStmt.get(id);
      if (!row) throw new ApiError('not_found', 'errors.notFound.account', { name: `#${id}` });
      return view(row);
    },
    defaultAccount() {
      const row = all.all()[0];
      return row && row.is_default === 1 ? view(row) : null;
    },
    setDefault(name) {
      const target = byNameStmt.get(name);
      if (!target) throw new ApiError('not_found', 'errors.notFound.account', { name: name.slice(0, 100) });
      db.transaction(() => {
        db.prepare('update accounts set is_default = 0, updated_at = ? where is_default = 1').run(clock.now());
        db.prepare('update accounts set is_default = 1, updated_at = ? where id = ?').run(clock.now(), target.id);
      })();
      bus.emit({ type: 'accounts.changed' });
    },
    provider(accountId) {
      const row = byIdStmt.get(accountId);
      if (!row) throw new ApiError('not_found', 'errors.notFound.account', { name: `#${accountId}` });
      // Rebuild the adapter when the account's settings change (another process may have edited it).
      const signature = JSON.stringify([row.provider, row.base_url, row.username, row.secret_sealed, row.sender]);
      const cached = providers.get(accountId);
      if (cached && cached.signature === signature) return cached.provider;
      void cached?.provider.close?.(); // the old adapter's sockets
      const factory = factories[row.provider];
      if (!factory) throw new ApiError('provider', 'errors.provider.unsupported', { provider: row.provider });
      const provider = factory(
        { id: row.id, name: row.name, provider: row.provider, baseUrl: row.base_url, username: row.username, secret: openSecret(row.secret_sealed), sender: row.sender },
        context,
      );
      providers.set(accountId, { provider, signature });
      return provider;
    },
    ensureSandboxDefault(now) {
      // One statement, so two processes starting together cannot both add it.
      db.prepare(`insert into accounts (name, provider, is_default, created_at, updated_at)
        select ?, 'sandbox', 1, ?, ? where not exists (select 1 from accounts)`).run(SANDBOX_ACCOUNT_NAME, now, now);
    },
    pausedAccountIds() {
      return (db.prepare('select id from accounts where paused_reason is not null').all() as { id: number }[]).map((r) => r.id);
    },
  };
}
