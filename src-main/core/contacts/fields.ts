// Custom fields defined by the shop, and the two presets: members' club (card number, balance, points)
// and vehicle inspection (vehicles with plate and dates). A field key is a template placeholder.
import {
  vehicleFieldKeys, type FieldDefinition, type FieldType, type PresetName,
} from '../../../src-shared/api/contacts-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { Db } from '../db/client';

/** Keys a custom field may not take: contact properties and vehicle columns (their placeholders). */
const RESERVED = new Set<string>(['name', 'honorific', 'phone', 'mobile', 'region', 'birthday', 'notes', 'categories', 'optOut', ...vehicleFieldKeys]);

export const CLUB_FIELDS: readonly { key: string; type: FieldType }[] = [
  { key: 'cardNumber', type: 'text' },
  { key: 'balance', type: 'number' },
  { key: 'points', type: 'number' },
];

interface FieldRow { key: string; label: string; type: FieldType; preset: PresetName | null; position: number; hidden: number }

export function createFields(db: Db, now: () => number, presetLabel: (key: string) => string) {
  const listVisible = db.prepare<[], FieldRow>('select * from contact_fields where hidden = 0 order by position, key');
  const one = db.prepare<[string], FieldRow>('select * from contact_fields where key = ?');
  const insert = db.prepare('insert into contact_fields (key, label, type, preset, position, hidden, created_at) values (?, ?, ?, ?, ?, 0, ?)');
  const nextPosition = db.prepare<[], { p: number }>('select coalesce(max(position) + 1, 0) as p from contact_fields');
  const update = db.prepare('update contact_fields set label = coalesce(?, label), position = coalesce(?, position) where key = ?');
  const remove = db.prepare('delete from contact_fields where key = ?');
  const setHidden = db.prepare('update contact_fields set hidden = ? where preset = ?');
  const presetRows = db.prepare<[], { name: PresetName; enabled: number }>('select name, enabled from contact_presets');
  const setPreset = db.prepare('insert into contact_presets (name, enabled) values (?, ?) on conflict (name) do update set enabled = excluded.enabled');

  const view = (r: FieldRow): FieldDefinition => ({ key: r.key, label: r.label, type: r.type, preset: r.preset, position: r.position });
  const presets = () => {
    const state = { club: false, vehicle: false };
    for (const r of presetRows.all()) state[r.name] = r.enabled === 1;
    return state;
  };
  const get = (key: string): FieldRow => {
    const r = one.get(key);
    if (!r || r.hidden) throw new ApiError('not_found', 'contacts.errors.fieldUnknown', { key });
    return r;
  };

  return {
    list: () => ({ fields: listVisible.all().map(view), presets: presets() }),
    presets,
    /** Type of a visible field, undefined when there is none. */
    typeOf(key: string): FieldType | undefined {
      const r = one.get(key);
      return r && !r.hidden ? r.type : undefined;
    },
    definitions: (): FieldDefinition[] => listVisible.all().map(view),
    create(key: string, label: string, type: FieldType): FieldDefinition {
      if (RESERVED.has(key)) throw new ApiError('validation', 'contacts.errors.fieldReserved', { key });
      if (one.get(key)) throw new ApiError('conflict', 'contacts.errors.fieldExists', { key });
      insert.run(key, label, type, null, nextPosition.get()!.p, now());
      return view(get(key));
    },
    update(key: string, label?: string, position?: number): FieldDefinition {
      get(key);
      update.run(label ?? null, position ?? null, key);
      return view(get(key));
    },
    remove(key: string): void {
      get(key);
      // Values go with it (foreign key, on delete cascade); the caller refreshes the search index.
      remove.run(key);
    },
    /** Switching on creates the preset's fields (labels in the shop's language) or shows them again. */
    setPreset(preset: PresetName, enabled: boolean): void {
      db.transaction(() => {
        setPreset.run(preset, enabled ? 1 : 0);
        if (preset === 'club') {
          for (const f of CLUB_FIELDS) {
            const existing = one.get(f.key);
            if (!existing && enabled) insert.run(f.key, presetLabel(f.key), f.type, 'club', nextPosition.get()!.p, now());
          }
          setHidden.run(enabled ? 0 : 1, 'club');
        }
      })();
    },
  };
}
export type Fields = ReturnType<typeof createFields>;
