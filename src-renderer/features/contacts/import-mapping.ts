// The column mapping step of the import wizard: where each column of the file goes. One target per
// column, each target used by at most one column (the core refuses a doubled target), and a phone
// column is required before the import can start.
import type { FieldDefinition, ImportMapping, ImportPreview, ImportTarget } from '../../../src-shared/api/contacts-schemas';

export const contactTargets = ['name', 'honorific', 'phone', 'birthday', 'notes', 'categories', 'optOut', 'region'] as const;
export const vehicleTargets = ['vehicle.plate', 'vehicle.factoryDate', 'vehicle.licenceDate', 'vehicle.inspectionDue', 'vehicle.insuranceExpiry'] as const;

/** The mapping to start from: the one remembered for these headers, else the suggestion, fitted to the column count. */
export function initialMapping(preview: Pick<ImportPreview, 'headers' | 'suggestedMapping' | 'rememberedMapping'>): ImportMapping {
  const width = preview.headers.length;
  const source = preview.rememberedMapping?.length === width ? preview.rememberedMapping : preview.suggestedMapping;
  return Array.from({ length: width }, (_, i) => source[i] ?? null);
}

/** Sends column `column` to `target`; a column that had the same target before loses it. */
export function assignTarget(mapping: ImportMapping, column: number, target: ImportTarget | null): ImportMapping {
  return mapping.map((current, i) => {
    if (i === column) return target;
    return target !== null && current === target ? null : current;
  });
}

export interface MappingCheck {
  hasPhone: boolean;
  mappedCount: number;
}

export function checkMapping(mapping: ImportMapping): MappingCheck {
  return { hasPhone: mapping.includes('phone'), mappedCount: mapping.filter((m) => m !== null).length };
}

/** Every target a column can go to, given the shop's custom fields and whether the vehicle preset is on. */
export function targetChoices(fields: readonly FieldDefinition[], vehiclePreset: boolean): ImportTarget[] {
  return [...contactTargets, ...fields.map((f) => `field.${f.key}` as ImportTarget), ...(vehiclePreset ? vehicleTargets : [])];
}
