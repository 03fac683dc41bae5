// Every status change of a message goes through here (DESIGN.md §5): it is checked against the state
// machine, applied only if the row is still in the expected status (so two processes can never both
// move it), and recorded in message_events with the time and the provider's code and words.
import type { MessageStatus } from '../../../src-shared/api/schemas';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client';

const allowed: Record<MessageStatus, readonly MessageStatus[]> = {
  draft: ['scheduled', 'queued', 'cancelled'],
  scheduled: ['queued', 'cancelled', 'missed', 'blocked'],
  queued: ['sending', 'cancelled', 'blocked', 'scheduled'],
  sending: ['sent', 'failed', 'queued', 'unknown'],
  sent: ['delivered', 'failed', 'expired'],
  // Resolved by the provider's status query (or its duplicate key: `queued` to send again under the
  // same key), or by the operator (`failed`).
  unknown: ['sent', 'delivered', 'failed', 'expired', 'queued'],
  delivered: [],
  failed: [],
  expired: [],
  cancelled: [],
  blocked: [],
  missed: [],
};

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return allowed[from].includes(to);
}

/** Columns a transition may set besides status (snake_case, as in the table). */
export interface TransitionPatch {
  next_action_at?: number | null;
  provider_message_id?: string;
  sent_at?: number;
  delivered_at?: number;
  final_at?: number | null;
  error_code?: string | null;
  error_key?: string | null;
  error_params?: string | null;
  error_detail?: string | null;
  status_checks?: number;
}

export interface TransitionNote {
  code?: string | null;
  detail?: string | null;
}

export function createTransitioner(db: Db) {
  const event = db.prepare('insert into message_events (message_id, at, from_status, to_status, code, detail) values (?, ?, ?, ?, ?, ?)');
  const statements = new Map<string, Statement<unknown[]>>();

  const statementFor = (columns: string[]) => {
    const sig = columns.join(',');
    let stmt = statements.get(sig);
    if (!stmt) {
      // Positional parameters (to, now, the patch's columns in order, id, from): cheaper to bind than names.
      const sets = ['status = ?', 'updated_at = ?', ...columns.map((c) => `${c} = ?`)].join(', ');
      stmt = db.prepare<unknown[]>(`update messages set ${sets} where id = ? and status = ?`);
      statements.set(sig, stmt);
    }
    return stmt;
  };

  /** Returns false (and changes nothing) when the row is no longer in `from`. */
  function transition(id: number, from: MessageStatus, to: MessageStatus, now: number, patch: TransitionPatch = {}, note: TransitionNote = {}): boolean {
    if (!canTransition(from, to)) throw new Error(`illegal message transition ${from} → ${to}`);
    const columns = Object.keys(patch).sort();
    const values = columns.map((c) => patch[c as keyof TransitionPatch] ?? null);
    const result = statementFor(columns).run(to, now, ...values, id, from);
    if (result.changes === 0) return false;
    event.run(id, now, from, to, note.code ?? null, note.detail ?? null);
    return true;
  }

  /** Records a status-changing step done in bulk SQL (e.g. claims), for the story of each message. */
  function record(id: number, from: MessageStatus | null, to: MessageStatus, now: number, note: TransitionNote = {}): void {
    event.run(id, now, from, to, note.code ?? null, note.detail ?? null);
  }

  return { transition, record };
}

export type Transitioner = ReturnType<typeof createTransitioner>;
