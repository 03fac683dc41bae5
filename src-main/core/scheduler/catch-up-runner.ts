// Applying the catch-up policy to timed messages: run when this process takes the dispatcher lease
// (the app was closed, or another holder died) and when a timer wake shows lost time (sleep, a clock
// jump). Every `scheduled` row more than "on time" overdue is judged by decideCatchUp: it goes now,
// waits for the end of quiet hours (its next time moves, its scheduled time stays), or becomes
// `missed` — recorded in its story and listed for the operator, who may still send it.
import type { Db } from '../db/client';
import type { Transitioner } from '../outbox/transitions';
import type { SettingsService } from '../settings/service';
import { decideCatchUp, ON_TIME_MS } from './catch-up';
import { readCatchUpSettings } from './policy';

export interface CatchUpResult {
  /** Promoted to the queue now. */
  sent: number[];
  /** Deferred to the end of quiet hours. */
  waiting: number[];
  missed: number[];
}

export const MISSED_REASON_KEY = 'scheduler.missed.reason';

export function createCatchUpRunner(db: Db, transitions: Transitioner, settings: SettingsService) {
  const overdueStmt = db.prepare<[number], { id: number; next_action_at: number }>(
    `select id, next_action_at from messages where status = 'scheduled' and next_action_at < ? order by next_action_at, id`,
  );
  const deferStmt = db.prepare(`update messages set next_action_at = ?, updated_at = ? where id = ? and status = 'scheduled'`);
  const noteStmt = db.prepare(`insert into message_events (message_id, at, from_status, to_status, code, detail) values (?, ?, 'scheduled', 'scheduled', 'catch_up_wait', ?)`);

  function run(now: number): CatchUpResult {
    const result: CatchUpResult = { sent: [], waiting: [], missed: [] };
    const { graceMs, quietHours } = readCatchUpSettings(settings);
    db.transaction(() => {
      for (const row of overdueStmt.all(now - ON_TIME_MS)) {
        const decision = decideCatchUp({ dueAt: row.next_action_at, now, graceMs, quietHours });
        const late = String(now - row.next_action_at);
        if (decision.action === 'send') {
          if (transitions.transition(row.id, 'scheduled', 'queued', now, { next_action_at: now }, { code: 'catch_up', detail: late })) result.sent.push(row.id);
        } else if (decision.action === 'wait') {
          if (deferStmt.run(decision.until, now, row.id).changes > 0) {
            noteStmt.run(row.id, now, new Date(decision.until).toISOString());
            result.waiting.push(row.id);
          }
        } else if (transitions.transition(row.id, 'scheduled', 'missed', now,
          { next_action_at: null, final_at: now, error_code: 'missed', error_key: MISSED_REASON_KEY, error_params: JSON.stringify({ minutes: Math.round((now - row.next_action_at) / 60_000) }), error_detail: null },
          { code: 'catch_up_missed', detail: late })) {
          result.missed.push(row.id);
        }
      }
    }).immediate();
    return result;
  }

  return { run };
}

export type CatchUpRunner = ReturnType<typeof createCatchUpRunner>;
