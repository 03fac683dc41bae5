// Characters the chosen account's route cannot carry, for underlining in the message box. The rule is
// src-shared/sms/charset.ts (the same one the pre-send check applies per recipient); here the route is
// the one for the shop's region, since the box is one text for everyone.
import { charsetRouteFor, checkCharset } from '../../../src-shared/sms/charset';

export interface RouteCharIssue {
  char: string;
  /** i18n key of the reason, and its params. */
  reasonKey: string;
  params?: Record<string, string | number>;
}

/** One entry per distinct character, in text order. */
export function routeCharIssues(text: string, provider: string | undefined, region: string): RouteCharIssue[] {
  if (!provider || !text) return [];
  const seen = new Set<string>();
  const out: RouteCharIssue[] = [];
  for (const issue of checkCharset(text, charsetRouteFor(provider, { region }))) {
    if (seen.has(issue.char)) continue;
    seen.add(issue.char);
    out.push({ char: issue.char, reasonKey: `composeCore.charset.${issue.reason}` });
  }
  return out;
}
