// Reading the send log: a page newest first by keyset (id), the counts per status for a filter, and
// every matching row in pages for an export.
import type { MessageView } from '../../../src-shared/api/schemas';
import type { Db } from '../db/client';
import { toMessageView, type MessageRow } from '../outbox/repository';
import type { ProviderName } from '../../../src-shared/api/schemas';
import { CONTACT_ID_SQL, logWhere, type LogFilter } from './filter';

type LogRow = MessageRow & { account_name: string; provider: ProviderName; template_id: number | null; rule_id: number | null; contact_ref: number | null; contact_name: string | null };

const SELECT = `select m.*, a.name as account_name, a.provider as provider, c.id as contact_ref, c.name as contact_name
  from messages m join accounts a on a.id = m.account_id left join contacts c on c.id = ${CONTACT_ID_SQL}`;

export function toLogView(r: LogRow): MessageView {
  return {
    ...toMessageView(r),
    operator: r.operator,
    templateId: r.template_id,
    ruleId: r.rule_id,
    contact: r.contact_ref !== null && r.contact_name !== null ? { id: r.contact_ref, name: r.contact_name } : null,
  };
}

export function createLogRepository(db: Db) {
  const one = db.prepare<[number], LogRow>(`${SELECT} where m.id = ?`);

  /**
   * The page is chosen on the messages table alone (its indexes lead with the filtered column and end
   * with the id, so newest-first needs no sort), and only that page is joined with accounts and contacts.
   */
  function page(filter: LogFilter, limit: number, beforeId?: number): LogRow[] {
    const w = logWhere(filter);
    const keyset = beforeId !== undefined ? `${w.sql ? `${w.sql} and` : 'where'} m.id < @beforeId` : w.sql;
    const params = { ...w.params, limit, ...(beforeId !== undefined ? { beforeId } : {}) };
    const sql = `${SELECT} where m.id in (select m.id from messages m ${keyset} order by m.id desc limit @limit) order by m.id desc`;
    return db.prepare(sql).all(params) as LogRow[];
  }

  return {
    page,
    get(id: number): LogRow | undefined {
      return one.get(id);
    },
    /** Messages per status matching the filter (its status part ignored: the counts are the choices). */
    counts(filter: LogFilter): Record<string, number> {
      const w = logWhere(filter, { ignoreStatus: true });
      // `+m.status`: grouping by the bare column makes SQLite walk the (status, id) index over the whole
      // table to avoid a sort, instead of reading only the period from (created_at, status).
      const rows = db.prepare(`select m.status as status, count(*) as n from messages m ${w.sql} group by +m.status`).all(w.params) as { status: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
    /** Every matching row, newest first, a page at a time. */
    *all(filter: LogFilter, max: number, pageSize = 5000): Generator<LogRow[]> {
      let beforeId: number | undefined;
      let left = max;
      while (left > 0) {
        const rows = page(filter, Math.min(pageSize, left), beforeId);
        if (rows.length === 0) return;
        yield rows;
        left -= rows.length;
        beforeId = rows[rows.length - 1]!.id;
      }
    },
  };
}

export type LogRepository = ReturnType<typeof createLogRepository>;
