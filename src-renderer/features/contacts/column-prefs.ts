// Which columns the contacts table shows, in which order, remembered per machine (localStorage):
// a column choice is about the screen at this counter, not shop data.
import type { FieldDefinition } from '../../../src-shared/api/contacts-schemas';

/** Columns every shop has; custom fields add "field.<key>", the vehicle preset "vehicle.<column>". */
export const baseColumns = ['name', 'phone', 'categories', 'birthday', 'notes', 'optOut', 'region', 'updatedAt', 'createdAt'] as const;
export type BaseColumn = (typeof baseColumns)[number];
export const vehicleColumns = ['vehicle.plate', 'vehicle.inspectionDue', 'vehicle.insuranceExpiry', 'vehicle.factoryDate', 'vehicle.licenceDate'] as const;
export type ColumnId = BaseColumn | (typeof vehicleColumns)[number] | `field.${string}`;

export const defaultColumns: readonly ColumnId[] = ['name', 'phone', 'categories', 'birthday', 'notes'];
/** Name and number identify a row; they cannot be hidden. */
export const requiredColumns: readonly ColumnId[] = ['name', 'phone'];

const STORAGE_KEY = 'smsdesk.contacts.columns';

/** The part of localStorage used here (spelled out: the tests run without DOM types). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Every column the shop's current fields and presets allow, in the default order. */
export function availableColumns(fields: readonly FieldDefinition[], vehiclePreset: boolean): ColumnId[] {
  const custom = fields.filter((f) => f.preset !== 'vehicle').map((f) => `field.${f.key}` as const);
  return [...baseColumns, ...custom, ...(vehiclePreset ? vehicleColumns : [])];
}

/**
 * The columns to show: the stored choice, without columns that no longer exist (a deleted field),
 * with the required ones always first; the defaults when nothing usable is stored.
 */
export function sanitizeColumns(stored: unknown, available: readonly ColumnId[]): ColumnId[] {
  const allowed = new Set<string>(available);
  const chosen = Array.isArray(stored) ? stored.filter((c): c is ColumnId => typeof c === 'string' && allowed.has(c)) : [];
  const base = chosen.length ? chosen : defaultColumns.filter((c) => allowed.has(c));
  const unique = [...new Set(base)];
  const rest = unique.filter((c) => !requiredColumns.includes(c));
  return [...requiredColumns.filter((c) => allowed.has(c)), ...rest];
}

export function loadColumns(storage: Pick<KeyValueStorage, 'getItem'> | undefined, available: readonly ColumnId[]): ColumnId[] {
  let stored: unknown = null;
  try {
    const text = storage?.getItem(STORAGE_KEY);
    stored = text ? JSON.parse(text) : null;
  } catch {
    // Unreadable or unavailable storage: the defaults are fine.
  }
  return sanitizeColumns(stored, available);
}

export function saveColumns(storage: Pick<KeyValueStorage, 'setItem'> | undefined, columns: readonly ColumnId[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // See loadColumns.
  }
}

/** Shows or hides one column; a new column goes to the end. Required columns stay. */
export function toggleColumn(columns: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (requiredColumns.includes(id)) return [...columns];
  return columns.includes(id) ? columns.filter((c) => c !== id) : [...columns, id];
}
