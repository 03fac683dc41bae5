// The remembered column choice: survives bad storage, drops columns whose field was deleted, always
// keeps name and number.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src-shared/api/contacts-schemas';
import {
  availableColumns, defaultColumns, loadColumns, sanitizeColumns, saveColumns, toggleColumn,
} from '../../../src-renderer/features/contacts/column-prefs';

const fields: FieldDefinition[] = [
  { key: 'cardNumber', label: '會員卡號', type: 'text', preset: 'club', position: 0 },
  { key: '保養日', label: '保養日', type: 'date', preset: null, position: 1 },
];

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('contact column preferences', () => {
  it('offers custom fields, and vehicle columns only with the preset', () => {
    expect(availableColumns(fields, false)).toEqual(expect.arrayContaining(['field.cardNumber', 'field.保養日']));
    expect(availableColumns(fields, false)).not.toContain('vehicle.plate');
    expect(availableColumns(fields, true)).toContain('vehicle.inspectionDue');
  });

  it('falls back to the defaults for nothing, garbage or unreadable JSON', () => {
    const available = availableColumns(fields, false);
    expect(sanitizeColumns(null, available)).toEqual([...defaultColumns]);
    expect(sanitizeColumns({ a: 1 }, available)).toEqual([...defaultColumns]);
    expect(loadColumns(memoryStorage({ 'smsdesk.contacts.columns': '{not json' }), available)).toEqual([...defaultColumns]);
    expect(loadColumns(undefined, available)).toEqual([...defaultColumns]);
  });

  it('drops columns that no longer exist and puts name and number first', () => {
    const available = availableColumns(fields, false);
    expect(sanitizeColumns(['notes', 'field.deleted', 'vehicle.plate', 'field.保養日', 'notes'], available)).toEqual(['name', 'phone', 'notes', 'field.保養日']);
  });

  it('round-trips through storage', () => {
    const storage = memoryStorage();
    const available = availableColumns(fields, true);
    const chosen = toggleColumn(toggleColumn([...defaultColumns], 'vehicle.plate'), 'notes');
    saveColumns(storage, chosen);
    expect(loadColumns(storage, available)).toEqual(['name', 'phone', 'categories', 'birthday', 'vehicle.plate']);
  });

  it('never hides name or number', () => {
    expect(toggleColumn(['name', 'phone', 'notes'], 'phone')).toEqual(['name', 'phone', 'notes']);
    expect(toggleColumn(['name', 'phone', 'notes'], 'notes')).toEqual(['name', 'phone']);
  });
});
