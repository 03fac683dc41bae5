// A cheap summary of the contacts tables, read when another process wrote to the database. The data
// version tells only that *something* changed (most often the dispatcher of `smsdesk run` sending);
// telling the screens "contacts changed" on each of those made an open Contacts list refetch every
// loaded page twice a second. Comparing this summary keeps that event for real contact changes.
import type { Db } from '../db/client';

/** Small tables are read whole; the contacts table is summarised by indexed aggregates. */
const SMALL_TABLES = ['contact_categories', 'contact_fields', 'contact_presets', 'contact_saved_filters'] as const;

export function createContactsFingerprint(db: Db): () => string {
  const big = db.prepare(`select
      (select count(*) from contacts) as n,
      (select max(updated_at) from contacts) as updated,
      (select count(*) from contacts where deleted_batch is not null) as deleted,
      (select count(*) from contact_category_links) as links`).raw();
  const small = SMALL_TABLES.map((table) => db.prepare(`select * from ${table}`).raw());
  return () => JSON.stringify([big.get(), ...small.map((s) => s.all())]);
}
