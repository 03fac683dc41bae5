// The exported table: one row per contact, or one per vehicle (the contact's columns repeated), so
// that importing the file again rebuilds the same contacts and vehicles.
import type { ContactView, FieldDefinition } from '../../../../src-shared/api/contacts-schemas';
import { vehicleFieldKeys } from '../../../../src-shared/api/contacts-schemas';
import { formatPhoneForShop } from '../../../../src-shared/format/phone';
import { neutralise } from './cells';

export interface ExportContext {
  t: (key: string) => string;
  shopRegion: string;
  fields: readonly FieldDefinition[];
  categoryNames: ReadonlyMap<number, string>;
  withVehicles: boolean;
}

/** National format for the shop's own region (no "+", leading 0 kept as text), international otherwise. */
function phoneText(c: ContactView, shopRegion: string): string {
  return formatPhoneForShop(c.phone, shopRegion);
}

export function exportHeaders(ctx: ExportContext): string[] {
  const col = (k: string) => ctx.t(`contacts.export.column.${k}`);
  return [
    ...['name', 'honorific', 'phone', 'region', 'categories', 'birthday', 'notes', 'optOut', 'optOutAt', 'optOutHow'].map(col),
    ...ctx.fields.map((f) => f.label),
    ...(ctx.withVehicles ? vehicleFieldKeys.map((k) => ctx.t(`contacts.preset.fields.${k}`)) : []),
  ].map(neutralise);
}

export function exportRows(c: ContactView, ctx: ExportContext): string[][] {
  const base = [
    c.name, c.honorific, phoneText(c, ctx.shopRegion), c.region,
    c.categoryIds.map((id) => ctx.categoryNames.get(id) ?? '').filter(Boolean).join(', '),
    c.birthday ?? '', c.notes,
    c.optOut.flag ? ctx.t('contacts.yes') : '', c.optOut.at ?? '', c.optOut.how ?? '',
    ...ctx.fields.map((f) => c.fields[f.key] ?? ''),
  ];
  if (!ctx.withVehicles) return [base.map(neutralise)];
  const vehicles = c.vehicles.length ? c.vehicles : [null];
  return vehicles.map((v) => [
    ...base,
    v?.plate ?? '', v?.factoryDate ?? '', v?.licenceDate ?? '', v?.inspectionDue ?? '', v?.insuranceExpiry ?? '',
  ].map(neutralise));
}
