// Initialise: what each choice clears, as data, so the domains that come later add their tables here
// (contacts: its tables; automation: the rule runs' history) without touching the code that clears.
// A table that does not exist in this version is skipped; a scope none of whose tables exist is not
// offered. `everything` is every table of ours except the migrations' bookkeeping and the lease.
import type { ClearScope } from '../../../src-shared/api/data-schemas';
import { finalStatuses } from '../../../src-shared/api/schemas';
import type { Db } from '../db/client';
import { userTables } from './manifest';

interface ClearStep {
  table: string;
  /** Which rows; all when absent. */
  where?: string;
}

const finalList = finalStatuses.map((s) => `'${s}'`).join(', ');

export const clearPlan: Record<Exclude<ClearScope, 'everything'>, ClearStep[]> = {
  // The history: finished messages and (by cascade) their events. Queued and scheduled ones stay.
  logs: [{ table: 'messages', where: `status in (${finalList})` }],
  // Contacts: their categories, consents, field values and vehicles go by cascade; the search tables
  // are kept by the repository (no triggers), so they are cleared here too. The shop's categories,
  // custom fields, presets, saved filters and import mappings are settings of the shop and stay.
  contacts: [{ table: 'contacts' }, { table: 'contacts_fts' }, { table: 'contacts_short_fts' }],
  // "Clear the automation history": the reminder rules' run history, when rules exist.
  automation: [{ table: 'rule_runs' }, { table: 'rule_occurrences' }],
};

const KEEP = new Set(['__smsdesk_migrations', 'dispatcher_lease']);

function stepsFor(db: Db, scope: ClearScope): ClearStep[] {
  const existing = new Set(userTables(db));
  if (scope === 'everything') return [...existing].filter((t) => !KEEP.has(t)).map((table) => ({ table }));
  return clearPlan[scope].filter((s) => existing.has(s.table));
}

export function availableScopes(db: Db): ClearScope[] {
  return (['logs', 'contacts', 'automation', 'everything'] as const).filter((s) => stepsFor(db, s).length > 0);
}

/** Clears in one transaction; returns the rows removed per table. */
export function clearData(db: Db, scope: ClearScope): Record<string, number> {
  const steps = stepsFor(db, scope);
  const cleared: Record<string, number> = {};
  // For `everything` the order of tables does not matter: foreign keys are checked at the end instead.
  if (scope === 'everything') db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const step of steps) {
        const sql = `delete from "${step.table.replace(/"/g, '""')}"${step.where ? ` where ${step.where}` : ''}`;
        cleared[step.table] = db.prepare(sql).run().changes;
      }
      if (scope === 'everything' && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('foreign keys broken by clearing');
    })();
  } finally {
    if (scope === 'everything') db.pragma('foreign_keys = ON');
  }
  return cleared;
}
