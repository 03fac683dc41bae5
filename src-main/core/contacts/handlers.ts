// Contacts (issue 4): the module (repository, search index, categories, fields, filters, import and
// export) and its contract handlers, spread into core/api/handlers.ts.
import type { contactsContract } from '../../../src-shared/api/contacts-schemas';
import type { ApiHandlers } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { createI18n, type Language } from '../../../src-shared/i18n';
import type { Db } from '../db/client';
import type { EventBus } from '../events/bus';
import type { SettingsService } from '../settings/service';
import type { Clock } from '../types';
import { createCategories } from './categories';
import { exportContacts } from './export/export';
import { createFields } from './fields';
import { createMappingMemory } from './import/mapping';
import { previewImport } from './import/preview';
import { createImports } from './import/run';
import { assertRegion } from './phone';
import { createContactRepository } from './repository';
import { createSavedFilters } from './saved-filters';
import { createSearchIndex } from './search-index';
import { createContactsService } from './service';

type ContactsMethod = keyof typeof contactsContract;
export type ContactsHandlers = Pick<ApiHandlers, ContactsMethod>;

export interface ContactsModule {
  handlers: ContactsHandlers;
  /** Stops running imports (nothing of them stays) before the database closes. */
  close(): Promise<void>;
}

export function createContacts(deps: { db: Db; bus: EventBus; clock: Clock; settings: SettingsService }): ContactsModule {
  const { db, bus, settings } = deps;
  const now = () => deps.clock.now();
  const translators = new Map<string, ReturnType<typeof createI18n>['t']>();
  const t = (key: string, params?: Record<string, unknown>): string => {
    const language = settings.get('ui.language') as Language;
    let tr = translators.get(language);
    if (!tr) translators.set(language, (tr = createI18n(language).t));
    return tr(key, params ?? {});
  };
  const region = () => settings.get('shop.region') as string;

  const repo = createContactRepository(db);
  const index = createSearchIndex(db);
  const categories = createCategories(db, now);
  const fields = createFields(db, now, (key) => t(`contacts.preset.fields.${key}`));
  const savedFilters = createSavedFilters(db, now);
  const memory = createMappingMemory(db, now);
  const service = createContactsService({
    db, repo, index, categories, fields, bus, now, region, timeZone: () => settings.get('shop.timeZone') as string,
  });
  const imports = createImports({ db, repo, index, categories, fields, memory, bus, now, t });
  const changed = () => bus.emit({ type: 'contacts.changed', ids: [], source: 'local' });

  const handlers: ContactsHandlers = {
    'contacts.list': (input) => service.list(input),
    'contacts.ids': ({ filter }) => ({ ids: service.ids(filter) }),
    'contacts.get': ({ id }) => service.get(id),
    'contacts.create': (input) => service.create(input),
    'contacts.update': (input) => service.update(input),
    'contacts.delete': ({ target }) => service.remove(target),
    'contacts.undoDelete': ({ undoToken }) => service.undoDelete(undoToken),
    'contacts.bulkCategory': ({ target, categoryId, action }) => service.bulkCategory(target, categoryId, action),
    'contacts.categories.list': () => ({ categories: categories.list() }),
    'contacts.categories.create': ({ name, colour }) => {
      const c = categories.create(name, colour);
      changed();
      return c;
    },
    'contacts.categories.update': ({ id, name, colour }) => {
      const c = categories.update(id, name, colour);
      changed();
      return c;
    },
    'contacts.categories.delete': ({ id }) => {
      categories.remove(id);
      changed();
      return { ok: true as const };
    },
    'contacts.fields.list': () => fields.list(),
    'contacts.fields.create': ({ key, label, type }) => {
      const f = fields.create(key, label, type);
      changed();
      return f;
    },
    'contacts.fields.update': ({ key, label, position }) => {
      const f = fields.update(key, label, position);
      changed();
      return f;
    },
    'contacts.fields.delete': ({ key }) => {
      const holders = db.prepare('select contact_id from contact_field_values where key = ?').pluck().all(key) as number[];
      db.transaction(() => {
        fields.remove(key);
        service.reindex(holders);
      })();
      changed();
      return { ok: true as const };
    },
    'contacts.fields.presets': ({ preset, enabled }) => {
      fields.setPreset(preset, enabled);
      changed();
      return fields.list();
    },
    'contacts.savedFilters.list': () => ({ filters: savedFilters.list() }),
    'contacts.savedFilters.save': (input) => savedFilters.save(input),
    'contacts.savedFilters.delete': ({ id }) => {
      savedFilters.remove(id);
      return { ok: true as const };
    },
    'contacts.import.preview': (input) => {
      if (input.region) assertRegion(input.region);
      return previewImport({ ...input, region: input.region ?? region() }, fields, memory);
    },
    'contacts.import.run': (input) => {
      if (input.mapping.length === 0 || !input.mapping.includes('phone')) throw new ApiError('validation', 'contacts.errors.noPhoneColumn');
      if (input.region) assertRegion(input.region);
      return { importId: imports.start({ ...input, region: input.region ?? region() }) };
    },
    'contacts.import.status': ({ importId }) => imports.status(importId),
    'contacts.import.cancel': ({ importId }) => imports.cancel(importId),
    'contacts.import.rejectedCsv': ({ importId }) => imports.rejectedCsv(importId),
    'contacts.export': (input) => exportContacts(input, { service, repo, categories, fields, t, shopRegion: region() }),
  };

  return { handlers, close: () => imports.close() };
}
