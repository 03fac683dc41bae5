// What asks for the operator's attention, for the tray, the header and the notice: messages catch-up
// marked missed, failed ones, unknown ones waiting for a verdict, accounts low on credit or paused.
// A message stops asking once the operator resent it or dismissed it (scheduler_acknowledged); it
// stays in the log either way.
import { ApiError } from '../../../src-shared/api/errors';
import type { SchedulerStatus } from '../../../src-shared/api/scheduler-schemas';
import type { AccountsService } from '../accounts/service';
import type { Db } from '../db/client';
import type { SettingsService } from '../settings/service';

/** How far back failures and missed messages still ask for attention. */
export const ATTENTION_WINDOW_MS = 7 * 24 * 3600_000;

const open = (status: string, extra = '') => `from messages m where m.status = '${status}' ${extra}
  and m.final_at >= @since
  and not exists (select 1 from scheduler_acknowledged a where a.message_id = m.id)
  and not exists (select 1 from messages r where r.resend_of = m.id)`;

export function createAttention(db: Db, accounts: AccountsService, settings: SettingsService) {
  const countOpen = (status: string, extra = '') => db.prepare<{ since: number }, { n: number }>(`select count(*) as n ${open(status, extra)}`);
  const failedStmt = countOpen('failed');
  const missedStmt = countOpen('missed');
  const unknownStmt = countOpen('unknown', 'and m.next_action_at is null');
  const missedIdsStmt = db.prepare<{ since: number; limit: number }, { id: number }>(`select m.id ${open('missed')} order by m.next_action_at, m.id limit @limit`);
  const openIdsStmt = (status: string) => db.prepare<{ since: number }, { id: number }>(`select m.id ${open(status)}`);
  const openFailed = openIdsStmt('failed');
  const openMissed = openIdsStmt('missed');
  const ackStmt = db.prepare(`insert into scheduler_acknowledged (message_id, at) select id, ? from messages where id = ? and status in ('missed', 'failed', 'unknown') on conflict do nothing`);
  // Reminder-rule runs recorded as missed (rules/runner.ts), until sent now or dismissed in the Rules room.
  const missedRunsStmt = db.prepare<{ since: number }, { n: number }>(`select count(*) as n from rule_occurrences where outcome = 'missed' and occurrence_at >= @since`);
  const countsStmt = db.prepare<[], { status: string; n: number }>(`select status, count(*) as n from messages where status in ('queued', 'scheduled', 'sending') group by status`);
  const dueQueuedStmt = db.prepare<[number], { n: number }>(`select count(*) as n from messages where status = 'queued' and next_action_at <= ?`);
  const nextScheduledStmt = db.prepare<[], { t: number | null }>(`select min(next_action_at) as t from messages where status = 'scheduled' and next_action_at is not null`);

  function status(now: number): SchedulerStatus {
    const since = now - ATTENTION_WINDOW_MS;
    const counts = Object.fromEntries(countsStmt.all().map((r) => [r.status, r.n])) as Record<string, number>;
    const list = accounts.list();
    const attention = {
      failed: failedStmt.get({ since })?.n ?? 0,
      missed: missedStmt.get({ since })?.n ?? 0,
      unknown: unknownStmt.get({ since })?.n ?? 0,
      lowBalance: list.filter((a) => a.lowBalance).map((a) => a.name),
      pausedAccounts: list.filter((a) => a.paused).map((a) => a.name),
      missedRuns: missedRunsStmt.get({ since })?.n ?? 0,
    };
    const paused = settings.get('sending.paused');
    const needsOperator = attention.failed + attention.missed + attention.unknown + attention.lowBalance.length + attention.pausedAccounts.length + attention.missedRuns > 0;
    const busy = (counts.sending ?? 0) > 0 || (dueQueuedStmt.get(now)?.n ?? 0) > 0;
    const next = nextScheduledStmt.get()?.t ?? null;
    return {
      state: needsOperator ? 'attention' : paused ? 'paused' : busy ? 'sending' : 'idle',
      paused,
      queued: counts.queued ?? 0,
      scheduled: counts.scheduled ?? 0,
      nextDueAt: next === null ? null : new Date(next).toISOString(),
      attention,
    };
  }

  function missedIds(now: number, limit: number): { ids: number[]; total: number } {
    const since = now - ATTENTION_WINDOW_MS;
    return { ids: missedIdsStmt.all({ since, limit }).map((r) => r.id), total: missedStmt.get({ since })?.n ?? 0 };
  }

  /** Dismisses the given messages (or every open missed / failed one); returns how many were new. */
  function acknowledge(now: number, input: { ids?: number[] | undefined; all?: 'missed' | 'failed' | undefined }): number {
    if (!input.ids?.length && !input.all) throw new ApiError('validation', 'scheduler.errors.nothingToAcknowledge');
    const since = now - ATTENTION_WINDOW_MS;
    const ids = input.all ? (input.all === 'missed' ? openMissed : openFailed).all({ since }).map((r) => r.id) : input.ids ?? [];
    return db.transaction(() => ids.reduce((n, id) => n + ackStmt.run(now, id).changes, 0))();
  }

  return { status, missedIds, acknowledge };
}

export type Attention = ReturnType<typeof createAttention>;
