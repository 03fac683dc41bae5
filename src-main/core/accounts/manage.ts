// Adding, changing, removing and testing provider accounts — the one implementation the UI, the CLI
// and the API share. Credentials are checked with the provider before they are stored (a balance
// call, or the provider's own credentials check); a definite refusal (wrong password, IP not allowed)
// is refused with the provider's code unless the operator says not to verify. Passwords are sealed
// by the SecretBox and never come back out through the API.
import { ApiError } from '../../../src-shared/api/errors';
import type { AccountVerification, ProviderName } from '../../../src-shared/api/schemas';
import { ProviderCallError } from '../providers/common';
import type { Provider, ProviderContext, ProviderFactory } from '../providers/types';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { Clock, SecretBox } from '../types';
import type { AccountRow, AccountsService } from './service';
import { checkAccountFields } from './rules';

export interface AddAccountInput {
  provider: ProviderName;
  name: string;
  username?: string | undefined;
  sender?: string | undefined;
  baseUrl?: string | undefined;
  priceDomestic?: number | undefined;
  priceInternational?: number | undefined;
  password?: string | undefined;
  default?: boolean | undefined;
  noVerify?: boolean | undefined;
}

export interface UpdateAccountInput {
  name: string;
  newName?: string | undefined;
  username?: string | null | undefined;
  /** A new password/token; left out keeps the stored one. */
  password?: string | undefined;
  sender?: string | null | undefined;
  baseUrl?: string | null | undefined;
  priceDomestic?: number | null | undefined;
  priceInternational?: number | null | undefined;
  noVerify?: boolean | undefined;
}

/** Statuses that still wait to go out with the account. */
const WAITING = ['draft', 'scheduled', 'queued'] as const;

export interface AccountsManager {
  add(input: AddAccountInput): Promise<{ accountId: number; verification: AccountVerification }>;
  update(input: UpdateAccountInput): Promise<{ accountId: number; verification: AccountVerification }>;
  remove(input: { name: string; moveTo?: string | undefined }): { removed: string; moved: number };
  test(name: string): Promise<AccountVerification>;
}

/** Asks the provider whether the credentials work; ProviderCallError when it answers "no". */
export async function verifyProvider(provider: Provider): Promise<AccountVerification> {
  try {
    if (provider.verify) {
      await provider.verify();
      if (!provider.capabilities.balance) return { status: 'ok', balance: null, unit: null, problem: null };
    }
    if (!provider.capabilities.balance && !provider.verify) return { status: 'unsupported', balance: null, unit: null, problem: null };
    const b = await provider.balance();
    return { status: 'ok', balance: b.balance, unit: b.unit, problem: null };
  } catch (err) {
    if (err instanceof ProviderCallError) {
      return {
        status: err.outcome === 'account' ? 'refused' : 'failed',
        balance: null,
        unit: null,
        problem: { code: err.problem.code, key: err.problem.key, params: { ...(err.problem.params ?? {}), code: err.problem.code } },
      };
    }
    throw err;
  }
}

/** A definite refusal becomes the error the operator sees: the provider's explanation and code. */
function refusal(v: AccountVerification): ApiError {
  return new ApiError('validation', v.problem!.key, v.problem!.params);
}

export function createAccountsManager(
  db: Db,
  bus: EventBus,
  clock: Clock,
  secrets: SecretBox,
  factories: Partial<Record<ProviderName, ProviderFactory>>,
  context: ProviderContext,
  accounts: AccountsService,
): AccountsManager {
  const rowByName = (name: string) => db.prepare<[string], AccountRow>('select * from accounts where name = ? and removed_at is null').get(name);
  const mustFind = (name: string) => {
    const row = rowByName(name);
    if (!row) throw new ApiError('not_found', 'errors.notFound.account', { name: name.slice(0, 100) });
    return row;
  };
  const nameFree = (name: string) => {
    if (rowByName(name)) throw new ApiError('validation', 'accounts.error.nameTaken', { name });
  };

  /** Builds a throw-away adapter with the plain secret and asks the provider. */
  async function check(provider: ProviderName, fields: { username: string | null; secret: string | null; sender: string | null; baseUrl: string | null; name: string }) {
    const factory = factories[provider];
    if (!factory) throw new ApiError('provider', 'errors.provider.unsupported', { provider });
    const adapter = factory({ id: 0, name: fields.name, provider, baseUrl: fields.baseUrl, username: fields.username, secret: fields.secret, sender: fields.sender }, context);
    try {
      return await verifyProvider(adapter);
    } finally {
      await adapter.close?.();
    }
  }

  const waitingCount = (accountId: number) =>
    (db.prepare(`select count(*) as n from messages where account_id = ? and status in (${WAITING.map(() => '?').join(',')})`).get(accountId, ...WAITING) as { n: number }).n;
  const sendingCount = (accountId: number) => (db.prepare(`select count(*) as n from messages where account_id = ? and status = 'sending'`).get(accountId) as { n: number }).n;

  return {
    async add(input) {
      const fields = checkAccountFields(input.provider, { ...input, hasSecret: Boolean(input.password) });
      const name = input.name.trim();
      nameFree(name);
      const secret = input.password ?? null;
      const verification: AccountVerification = input.noVerify
        ? { status: 'skipped', balance: null, unit: null, problem: null }
        : await check(input.provider, { name, username: fields.username, secret, sender: fields.sender, baseUrl: fields.baseUrl });
      if (verification.status === 'refused') throw refusal(verification);
      const now = clock.now();
      const accountId = db.transaction(() => {
        nameFree(name); // again, inside the write: another process may have added it meanwhile
        if (input.default) db.prepare('update accounts set is_default = 0, updated_at = ? where is_default = 1').run(now);
        const info = db
          .prepare(`insert into accounts (name, provider, is_default, base_url, username, secret_sealed, sender, price_domestic, price_international, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(name, input.provider, input.default ? 1 : 0, fields.baseUrl, fields.username, secret ? secrets.seal(secret) : null, fields.sender, fields.priceDomestic, fields.priceInternational, now, now);
        return Number(info.lastInsertRowid);
      }).immediate();
      bus.emit({ type: 'accounts.changed' });
      return { accountId, verification };
    },

    async update(input) {
      const row = mustFind(input.name);
      const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
      const storedSecret = row.secret_sealed ? (() => { try { return secrets.open(row.secret_sealed!); } catch { return null; } })() : null;
      const secret = input.password ?? storedSecret;
      const fields = checkAccountFields(row.provider, {
        username: pick(input.username, row.username) ?? undefined,
        sender: pick(input.sender, row.sender) ?? undefined,
        baseUrl: pick(input.baseUrl, row.base_url) ?? undefined,
        priceDomestic: pick(input.priceDomestic, row.price_domestic) ?? undefined,
        priceInternational: pick(input.priceInternational, row.price_international) ?? undefined,
        hasSecret: Boolean(secret) || Boolean(row.secret_sealed),
      });
      const newName = input.newName?.trim();
      if (newName && newName !== row.name) nameFree(newName);
      const credentialsChanged = input.password !== undefined || fields.username !== row.username || fields.baseUrl !== row.base_url || fields.sender !== row.sender;
      let verification: AccountVerification = { status: 'skipped', balance: null, unit: null, problem: null };
      if (credentialsChanged && !input.noVerify) {
        verification = await check(row.provider, { name: row.name, username: fields.username, secret, sender: fields.sender, baseUrl: fields.baseUrl });
        if (verification.status === 'refused') throw refusal(verification);
      }
      // New credentials the provider has just accepted are the operator's fix for a pause (wrong password,
      // no credit): the account sends again without a separate "resume". Unverified ones leave it paused.
      const resumes = credentialsChanged && verification.status === 'ok';
      db.prepare(`update accounts set name = ?, base_url = ?, username = ?, sender = ?, price_domestic = ?, price_international = ?, updated_at = ?
        ${resumes ? ', paused_reason = null' : ''}${input.password !== undefined ? ', secret_sealed = ?' : ''} where id = ?`).run(
        ...[newName || row.name, fields.baseUrl, fields.username, fields.sender, fields.priceDomestic, fields.priceInternational, clock.now()],
        ...(input.password !== undefined ? [input.password ? secrets.seal(input.password) : null] : []),
        row.id,
      );
      bus.emit({ type: 'accounts.changed' });
      return { accountId: row.id, verification };
    },

    remove({ name, moveTo }) {
      const row = mustFind(name);
      if (row.is_default === 1) throw new ApiError('validation', 'accounts.error.removeDefault', { name: row.name });
      const target = moveTo !== undefined ? mustFind(moveTo) : null;
      if (target && target.id === row.id) throw new ApiError('validation', 'accounts.error.moveToSelf', { name: row.name });
      const now = clock.now();
      const moved = db.transaction(() => {
        const sending = sendingCount(row.id);
        if (sending > 0) throw new ApiError('conflict', 'accounts.error.sending', { name: row.name, count: sending });
        const waiting = waitingCount(row.id);
        if (waiting > 0 && !target) throw new ApiError('validation', 'accounts.error.hasWaiting', { name: row.name, count: waiting });
        let count = 0;
        if (target && waiting > 0) {
          count = db.prepare(`update messages set account_id = ?, updated_at = ? where account_id = ? and status in (${WAITING.map(() => '?').join(',')})`)
            .run(target.id, now, row.id, ...WAITING).changes;
        }
        const history = (db.prepare('select count(*) as n from messages where account_id = ?').get(row.id) as { n: number }).n;
        // Messages that went out keep naming their account: it is hidden, not deleted, and its secret is dropped.
        if (history > 0) db.prepare('update accounts set removed_at = ?, secret_sealed = null, is_default = 0, updated_at = ? where id = ?').run(now, now, row.id);
        else db.prepare('delete from accounts where id = ?').run(row.id);
        return count;
      }).immediate();
      bus.emit({ type: 'accounts.changed' });
      if (moved > 0) bus.emit({ type: 'messages.changed', ids: [], source: 'external' });
      return { removed: row.name, moved };
    },

    async test(name) {
      const row = mustFind(name);
      if (row.secret_sealed) {
        try {
          secrets.open(row.secret_sealed);
        } catch {
          return { status: 'failed', balance: null, unit: null, problem: { code: 'password_needed', key: 'errors.account.passwordNeeded', params: { name: row.name } } };
        }
      }
      return verifyProvider(accounts.provider(row.id));
    },
  };
}
