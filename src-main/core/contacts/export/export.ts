// contacts.export: the contacts matching a filter, as CSV or XLSX bytes.
import type { ContactFilter } from '../../../../src-shared/api/contacts-schemas';
import type { Categories } from '../categories';
import type { Fields } from '../fields';
import type { ContactRepository } from '../repository';
import type { ContactsService } from '../service';
import { exportHeaders, exportRows, type ExportContext } from './table';
import { toCsv, toXlsx } from './write';

const PAGE = 2000;

export async function exportContacts(
  input: { format: 'csv' | 'xlsx'; filter?: ContactFilter | undefined },
  deps: { service: ContactsService; repo: ContactRepository; categories: Categories; fields: Fields; t: (key: string) => string; shopRegion: string },
): Promise<{ fileName: string; fileBase64: string; count: number }> {
  const ids = deps.service.ids(input.filter);
  const views = [];
  for (let i = 0; i < ids.length; i += PAGE) views.push(...deps.repo.views(ids.slice(i, i + PAGE)));
  const ctx: ExportContext = {
    t: deps.t,
    shopRegion: deps.shopRegion,
    fields: deps.fields.definitions(),
    categoryNames: new Map(deps.categories.list().map((c) => [c.id, c.name])),
    withVehicles: deps.fields.presets().vehicle || views.some((v) => v.vehicles.length > 0),
  };
  const headers = exportHeaders(ctx);
  const rows = views.flatMap((v) => exportRows(v, ctx));
  const base = deps.t('contacts.export.fileName');
  const bytes = input.format === 'xlsx' ? await toXlsx(headers, rows, base) : toCsv(headers, rows);
  return { fileName: `${base}.${input.format}`, fileBase64: bytes.toString('base64'), count: views.length };
}
