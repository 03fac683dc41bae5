// ApiError → a sentence in the reader's language. The core sends i18n keys, never prose.
import type { TFunction } from 'i18next';
import { messageStatuses, type MessageStatus } from '../../src-shared/api/schemas';
import { asApiError } from '../../src-shared/client';

type Params = Record<string, string | number>;

/** Values that are themselves words we translate (a status inside "this message is {{status}}"). */
function localizeParams(t: TFunction, params: Params | undefined): Params {
  const out: Params = { ...params };
  const status = out.status;
  if (typeof status === 'string' && (messageStatuses as readonly string[]).includes(status)) {
    out.status = t(`common.status.${status as MessageStatus}`);
  }
  return out;
}

export function translateKey(t: TFunction, key: string, params?: Params): string {
  return t(key, { ...localizeParams(t, params), defaultValue: t('errors.internal') });
}

export function errorText(t: TFunction, err: unknown): string {
  const e = asApiError(err);
  return translateKey(t, e.key, e.params);
}
