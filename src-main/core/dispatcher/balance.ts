// The cached balance of each account (issue 6): refreshed by the lease holder after it sent through an
// account and every few minutes, stored on the account row so every process (and the header) reads
// it without asking the provider. An account paused for lack of credit resumes by itself once the
// provider reports a positive balance.
import type { AccountsService } from '../accounts/service';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { Clock } from '../types';

export const BALANCE_REFRESH_MS = 5 * 60_000;
/** After sending, ask again at most this often (a busy queue would otherwise ask per batch). */
export const BALANCE_AFTER_SEND_MS = 30_000;
export const NO_CREDIT_REASON = 'sending.paused.noCredit';

export function createBalanceKeeper(db: Db, accounts: AccountsService, bus: EventBus, clock: Clock, log: (line: string) => void) {
  const usedSinceCheck = new Set<number>();
  const rows = db.prepare<[], { id: number; is_default: number; balance_checked_at: number | null; paused_reason: string | null }>('select id, is_default, balance_checked_at, paused_reason from accounts where removed_at is null');
  const store = db.prepare('update accounts set balance = ?, balance_unit = ?, balance_checked_at = ? where id = ?');
  const resume = db.prepare(`update accounts set paused_reason = null, updated_at = ? where id = ? and paused_reason = '${NO_CREDIT_REASON}'`);

  const reading = db.prepare('insert into balance_readings (account_id, at, balance, unit) values (?, ?, ?, ?)');
  const previous = db.prepare<[number], { balance: number | null; balance_unit: string | null }>('select balance, balance_unit from accounts where id = ?');
  function record(accountId: number, balance: number | null, unit: string | null, now: number): void {
    const before = previous.get(accountId);
    store.run(balance, unit, now, accountId);
    // The Reports room's balance line: one reading per change (issue 9).
    if (balance !== null && (before?.balance !== balance || before?.balance_unit !== unit)) reading.run(accountId, now, balance, unit);
    const resumed = balance !== null && balance > 0 && resume.run(now, accountId).changes > 0;
    if (resumed) log(`account ${accountId} has credit again (${balance}); sending resumes`);
    // Only a change is news: the screens ask for the balance when accounts change, so an event for
    // every reading would make each reading ask again, forever.
    if (resumed || before?.balance !== balance || before?.balance_unit !== unit) bus.emit({ type: 'accounts.changed' });
  }

  async function refreshOne(accountId: number): Promise<void> {
    let provider;
    try {
      provider = accounts.provider(accountId);
    } catch {
      return; // no adapter for it (the dispatcher pauses such an account with the reason)
    }
    if (!provider.capabilities.balance) return;
    try {
      const b = await provider.balance();
      if (b.supported) record(accountId, b.balance, b.unit, clock.now());
    } catch (err) {
      log(`balance of account ${accountId} could not be read: ${(err as Error).message}`);
    }
  }

  return {
    record,
    noteSent(accountId: number): void {
      usedSinceCheck.add(accountId);
    },
    /**
     * Asks again for the balance of the default account (the header shows it) every few minutes, of an
     * account just used, and of one paused for lack of credit (to resume it). Idle accounts, and ones
     * paused for another reason (e.g. refused credentials), are left alone.
     */
    async refreshDue(now: number): Promise<void> {
      for (const r of rows.all()) {
        const age = r.balance_checked_at === null ? Infinity : now - r.balance_checked_at;
        const noCredit = r.paused_reason === NO_CREDIT_REASON;
        if (r.paused_reason !== null && !noCredit) continue;
        const used = usedSinceCheck.has(r.id);
        const due = (age >= BALANCE_REFRESH_MS && (r.is_default === 1 || used)) || (used && age >= BALANCE_AFTER_SEND_MS) || (noCredit && age >= BALANCE_AFTER_SEND_MS);
        if (!due) continue;
        usedSinceCheck.delete(r.id);
        await refreshOne(r.id);
      }
    },
    refreshOne,
  };
}

export type BalanceKeeper = ReturnType<typeof createBalanceKeeper>;
