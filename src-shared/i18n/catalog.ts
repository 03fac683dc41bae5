import type { Language } from './languages';

/** A message tree: nested objects of strings. `{{name}}` marks a placeholder (i18next syntax). */
export interface Messages {
  [key: string]: string | Messages;
}

/** One area's messages in every language, side by side, so none falls behind. */
export type Catalog = Record<Language, Messages>;
