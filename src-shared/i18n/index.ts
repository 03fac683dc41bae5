// i18next set up the same way for the renderer and the CLI, from the catalogs in this folder.
import i18next, { type i18n, type TFunction } from 'i18next';
import { catalogs } from './catalogs';
import type { Messages } from './catalog';
import { languages, defaultLanguage, type Language } from './languages';

export * from './languages';
export type { Catalog, Messages } from './catalog';

/** i18next resources: one "translation" namespace whose top-level keys are the catalog areas. */
export function buildResources(): Record<Language, { translation: Messages }> {
  const out = {} as Record<Language, { translation: Messages }>;
  for (const lang of languages) {
    const translation: Messages = {};
    for (const [area, catalog] of Object.entries(catalogs)) translation[area] = catalog[lang];
    out[lang] = { translation };
  }
  return out;
}

/** A ready i18next instance (synchronous init: the resources are bundled). */
export function createI18n(language: Language = defaultLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: buildResources(),
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

export type Translate = TFunction;
