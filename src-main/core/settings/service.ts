// Settings: defaults live in the shared registry; the table holds only what the shop changed.
import { ApiError } from '../../../src-shared/api/errors';
import {
  isSettingKey, settingDefinitions, settingKeys, type SettingKey, type SettingValue,
} from '../../../src-shared/settings/registry';
import { systemTimeZone } from '../../../src-shared/time/zoned';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { Clock } from '../types';

export interface SettingsService {
  get<K extends SettingKey>(key: K): SettingValue<K>;
  list(): { key: SettingKey; value: string | number | boolean | null; isDefault: boolean }[];
  set(key: string, value: unknown): { key: SettingKey; value: string | number | boolean | null };
}

export function createSettingsService(db: Db, bus: EventBus, clock: Clock): SettingsService {
  const read = db.prepare<[string], { value: string }>('select value from settings where key = ?');
  const readAll = db.prepare<[], { key: string; value: string }>('select key, value from settings');
  const upsert = db.prepare('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at');
  const remove = db.prepare('delete from settings where key = ?');

  const computedDefault = (key: SettingKey): unknown => (key === 'shop.timeZone' ? systemTimeZone() : settingDefinitions[key].default);

  /** A stored value that no longer fits (e.g. an older version's value) falls back to the default. */
  const decode = (key: SettingKey, stored: string | undefined): { value: unknown; isDefault: boolean } => {
    if (stored !== undefined) {
      try {
        const parsed = settingDefinitions[key].schema.safeParse(JSON.parse(stored));
        if (parsed.success) return { value: parsed.data, isDefault: false };
      } catch {
        // fall through to the default
      }
    }
    return { value: computedDefault(key), isDefault: true };
  };

  return {
    get(key) {
      return decode(key, read.get(key)?.value).value as never;
    },
    list() {
      const stored = new Map(readAll.all().map((r) => [r.key, r.value]));
      return settingKeys.map((key) => {
        const { value, isDefault } = decode(key, stored.get(key));
        return { key, value: value as string | number | boolean | null, isDefault };
      });
    },
    set(key, value) {
      if (!isSettingKey(key)) throw new ApiError('not_found', 'errors.notFound.setting', { key: key.slice(0, 100) });
      const parsed = settingDefinitions[key].schema.safeParse(value);
      if (!parsed.success) {
        throw new ApiError('validation', 'errors.validation.invalidInput', undefined, [
          { path: key, key: 'errors.validation.field', message: parsed.error.issues[0]?.message ?? '' },
        ]);
      }
      // A default computed at run time (the OS time zone) may differ in another process: store it as chosen.
      const staticDefault = settingDefinitions[key].default !== null;
      if (staticDefault && JSON.stringify(parsed.data) === JSON.stringify(computedDefault(key))) remove.run(key);
      else upsert.run(key, JSON.stringify(parsed.data), clock.now());
      bus.emit({ type: 'settings.changed', keys: [key] });
      return { key, value: parsed.data as string | number | boolean | null };
    },
  };
}
