// What the composer holds, turned into the contract's draft: the one question preview, check and
// send all answer. Recipients can come from typed numbers, picked contacts, categories and a saved
// filter at once; the core resolves them, removes duplicates and says who is left out.
import type { ComposeDraft, ComposeRecipients } from '../../../src-shared/api/compose-schemas';
import type { ContactFilter, SavedFilter } from '../../../src-shared/api/contacts-schemas';
import type { MessagePurpose } from '../../../src-shared/api/schemas';

export interface PickedContact {
  id: number;
  name: string;
  phone: string;
}

export interface RecipientsState {
  numbers: string;
  contacts: PickedContact[];
  categoryIds: number[];
  savedFilterId: number | null;
  /** Conditions built here with the contacts room's filter panel ("birthday this month"…), canonical. */
  conditions: ContactFilter;
}

export const emptyRecipients: RecipientsState = { numbers: '', contacts: [], categoryIds: [], savedFilterId: null, conditions: {} };

const hasConditions = (f: ContactFilter) => Object.keys(f).length > 0;

export interface ComposeState {
  recipients: RecipientsState;
  text: string;
  templateId: number | null;
  purpose: MessagePurpose;
  usePrefix: boolean;
  useSuffix: boolean;
  account: string | undefined;
  /** Wall-clock time in the shop's zone, YYYY-MM-DDTHH:mm:00, or null for "now". */
  at: string | null;
  timeZone: string;
  memo: string;
}

/**
 * The categories, the saved filter and the conditions as one filter: a contact must match the saved
 * filter and the conditions (their date conditions all hold), and be in one of the chosen categories.
 */
export function groupFilter(r: RecipientsState, savedFilters: readonly SavedFilter[]): ContactFilter | undefined {
  const saved = r.savedFilterId !== null ? savedFilters.find((f) => f.id === r.savedFilterId)?.filter : undefined;
  const { categoryIds: conditionCategories, dates: conditionDates, ...conditions } = r.conditions;
  const chosen = [...new Set([...r.categoryIds, ...(conditionCategories ?? [])])];
  if (!saved && chosen.length === 0 && !hasConditions(r.conditions)) return undefined;
  const filter: ContactFilter = { ...(saved ?? {}), ...conditions };
  const dates = [...(saved?.dates ?? []), ...(conditionDates ?? [])];
  if (dates.length) filter.dates = dates;
  if (conditions.excludeCategoryIds?.length && saved?.excludeCategoryIds?.length) {
    filter.excludeCategoryIds = [...new Set([...saved.excludeCategoryIds, ...conditions.excludeCategoryIds])];
  }
  if (chosen.length) {
    // A saved filter that already limits categories keeps its own limit; ours narrows it further.
    const own = saved?.categoryIds;
    filter.categoryIds = own?.length ? own.filter((id) => chosen.includes(id)) : chosen;
    if (filter.categoryIds.length === 0) filter.categoryIds = chosen;
  }
  return filter;
}

export function draftRecipients(r: RecipientsState, savedFilters: readonly SavedFilter[]): ComposeRecipients {
  const out: ComposeRecipients = {};
  if (r.numbers.trim()) out.numbers = r.numbers;
  if (r.contacts.length) out.contactIds = r.contacts.map((c) => c.id);
  const filter = groupFilter(r, savedFilters);
  if (filter) out.filter = filter;
  return out;
}

export function hasRecipients(r: RecipientsState): boolean {
  return r.numbers.trim() !== '' || r.contacts.length > 0 || r.categoryIds.length > 0 || r.savedFilterId !== null || hasConditions(r.conditions);
}

export function buildDraft(s: ComposeState, savedFilters: readonly SavedFilter[]): ComposeDraft {
  const memo = s.memo.trim();
  return {
    recipients: draftRecipients(s.recipients, savedFilters),
    text: s.text,
    purpose: s.purpose,
    usePrefix: s.usePrefix,
    useSuffix: s.useSuffix,
    timeZone: s.timeZone,
    ...(s.templateId !== null ? { templateId: s.templateId } : {}),
    ...(s.account ? { account: s.account } : {}),
    ...(s.at ? { at: s.at } : {}),
    ...(memo ? { memo } : {}),
  };
}

/** The typed list without one number (once it has been saved as a contact and joins as that contact). */
export function removeNumber(text: string, raw: string): string {
  const at = text.indexOf(raw);
  if (at < 0) return text;
  const rest = text.slice(0, at) + text.slice(at + raw.length);
  // Tidy the separators left behind: no empty lines or doubled commas.
  return rest
    .replace(/([,;，；、]\s*){2,}/g, '$1')
    .replace(/\n{2,}/g, '\n')
    .replace(/^[\s,;，；、]+|[\s,;，；、]+$/g, '');
}
